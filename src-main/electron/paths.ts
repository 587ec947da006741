// Where the shell finds its bundled files (Electron main): renderer, preload and icons, in development and packaged.

import { join } from 'node:path';

export interface ShellPaths {
  readonly rendererRoot: string;
  readonly preload: string;
  readonly trayIcons: string;
  /** The window icon (Linux/Windows in development; the packaged app uses the executable's icon). */
  readonly appIcon: string | undefined;
}

/**
 * `mainDir` is the folder of the bundled main.cjs (dist/main). Packaged, dist/ sits in the asar and the tray icons
 * are copied beside it as extraResources (electron-builder.yml), because Tray needs real files for @2x lookups.
 */
export function shellPaths(mainDir: string, appPath: string, resourcesPath: string, isPackaged: boolean): ShellPaths {
  return {
    rendererRoot: join(mainDir, '..', 'renderer'),
    preload: join(mainDir, '..', 'preload', 'preload.cjs'),
    trayIcons: isPackaged ? join(resourcesPath, 'tray') : join(appPath, 'assets', 'tray'),
    appIcon: isPackaged ? undefined : join(appPath, 'assets', 'icon.png'),
  };
}

/** macOS gets the template image (the system tints it); elsewhere the glyph that contrasts with the panel. */
export function trayIconFile(platform: string, darkPanel: boolean): string {
  if (platform === 'darwin') return 'trayTemplate.png';
  return darkPanel ? 'tray-dark.png' : 'tray-light.png';
}
