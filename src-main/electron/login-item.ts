// Launch at login (Electron main): applies the app setting; the login launch starts with only the tray.

import type { App } from 'electron';
import { HIDDEN_FLAG } from './launch-options.js';

export function applyLaunchAtLogin(app: Pick<App, 'setLoginItemSettings' | 'getLoginItemSettings' | 'isPackaged'>, enabled: boolean): void {
  // A development build would register the bare Electron binary, which opens its default app at every login.
  if (!app.isPackaged) return;
  if (app.getLoginItemSettings().openAtLogin === enabled) return;
  app.setLoginItemSettings({ openAtLogin: enabled, args: [HIDDEN_FLAG] });
}

/** macOS passes no arguments to a login item; it says so through wasOpenedAtLogin instead. */
export function openedAtLogin(app: Pick<App, 'getLoginItemSettings'>, platform: string): boolean {
  return platform === 'darwin' && app.getLoginItemSettings().wasOpenedAtLogin === true;
}
