// Which browsers that can keep a separate profile per AWS profile are installed (plain Node; detection is pure, the
// file check is passed in). Chromium-family browsers take a --user-data-dir, Firefox a -profile directory.
//
// The search follows Granted (github:common-fate/granted, pkg/browser/browsers.go): the browser's command names on
// PATH first, then each platform's well-known install paths (macOS app bundles, Windows Program Files). Unlike
// Granted, Linux is searched on PATH only — /usr/bin is on every PATH already — so a test or the user's PATH decides.

import { accessSync, constants as fsConstants, statSync } from 'node:fs';
import path from 'node:path';

import { HatrackError } from '../../../shared/domain/errors.js';

import type { Environment } from '../environment.js';

export type BrowserFamily = 'chromium' | 'firefox';

export interface BrowserKind {
  readonly id: string;
  readonly name: string;
  readonly family: BrowserFamily;
  /** Command names looked up on PATH (Windows adds `.exe`). */
  readonly commands: readonly string[];
  /** macOS: the executable inside the app bundle, under /Applications or ~/Applications. */
  readonly macApp: string;
  /** Windows: the executable under Program Files, Program Files (x86) or the user's LocalAppData. */
  readonly windowsPath: string;
}

/** The order the dialog offers them in; the first one found is the default. */
export const BROWSER_KINDS: readonly BrowserKind[] = [
  { id: 'chromium', name: 'Chromium', family: 'chromium', commands: ['chromium', 'chromium-browser'], macApp: 'Chromium.app/Contents/MacOS/Chromium', windowsPath: 'Chromium\\Application\\chrome.exe' },
  { id: 'chrome', name: 'Google Chrome', family: 'chromium', commands: ['google-chrome-stable', 'google-chrome', 'chrome'], macApp: 'Google Chrome.app/Contents/MacOS/Google Chrome', windowsPath: 'Google\\Chrome\\Application\\chrome.exe' },
  { id: 'brave', name: 'Brave', family: 'chromium', commands: ['brave-browser', 'brave'], macApp: 'Brave Browser.app/Contents/MacOS/Brave Browser', windowsPath: 'BraveSoftware\\Brave-Browser\\Application\\brave.exe' },
  { id: 'edge', name: 'Microsoft Edge', family: 'chromium', commands: ['microsoft-edge-stable', 'microsoft-edge', 'msedge'], macApp: 'Microsoft Edge.app/Contents/MacOS/Microsoft Edge', windowsPath: 'Microsoft\\Edge\\Application\\msedge.exe' },
  { id: 'vivaldi', name: 'Vivaldi', family: 'chromium', commands: ['vivaldi-stable', 'vivaldi'], macApp: 'Vivaldi.app/Contents/MacOS/Vivaldi', windowsPath: 'Vivaldi\\Application\\vivaldi.exe' },
  { id: 'firefox', name: 'Firefox', family: 'firefox', commands: ['firefox'], macApp: 'Firefox.app/Contents/MacOS/firefox', windowsPath: 'Mozilla Firefox\\firefox.exe' },
];

export interface InstalledBrowser {
  readonly id: string;
  readonly name: string;
  readonly family: BrowserFamily;
  /** Absolute path of the executable. */
  readonly executable: string;
}

/** Whether a file exists and may be run; the caller's fs, so detection stays pure. */
export type IsExecutable = (file: string) => boolean;

type DetectEnvironment = Pick<Environment, 'platform' | 'vars' | 'osHome'>;

/** The directories on PATH (Windows spells it Path and splits on `;`). */
function pathDirs(env: DetectEnvironment): string[] {
  const value = env.vars['PATH'] ?? env.vars['Path'] ?? '';
  const delimiter = env.platform === 'win32' ? ';' : ':';
  return value.split(delimiter).filter((d) => d !== '');
}

/** Every place the browser may be, in the order they are tried. */
export function candidatePaths(kind: BrowserKind, env: DetectEnvironment): string[] {
  const p = env.platform === 'win32' ? path.win32 : path.posix;
  const names = env.platform === 'win32' ? kind.commands.map((c) => `${c}.exe`) : kind.commands;
  const onPath = pathDirs(env).flatMap((dir) => names.map((n) => p.join(dir, n)));
  if (env.platform === 'darwin') {
    const home = env.vars['HOME'] ?? env.osHome;
    return [...onPath, p.join('/Applications', kind.macApp), p.join(home, 'Applications', kind.macApp)];
  }
  if (env.platform === 'win32') {
    const roots = [env.vars['ProgramFiles'], env.vars['ProgramFiles(x86)'], env.vars['LOCALAPPDATA']].filter((r): r is string => r !== undefined && r !== '');
    return [...onPath, ...roots.map((r) => p.join(r, kind.windowsPath))];
  }
  return onPath;
}

/** The installed browsers in BROWSER_KINDS order, each at the first place it was found. */
export function detectBrowsers(env: DetectEnvironment, isExecutable: IsExecutable): InstalledBrowser[] {
  const found: InstalledBrowser[] = [];
  for (const kind of BROWSER_KINDS) {
    const executable = candidatePaths(kind, env).find((file) => isExecutable(file));
    if (executable !== undefined) found.push({ id: kind.id, name: kind.name, family: kind.family, executable });
  }
  return found;
}

/** Why the separate-profile choice is unavailable, or null when a browser was found. */
export function noBrowserReason(found: readonly InstalledBrowser[]): string | null {
  return found.length > 0 ? null : 'No Chromium-based browser or Firefox found';
}

/**
 * The browser asked for by id (or, with none asked for, the first one found). Refused with the reason, so the window and
 * the CLI stop before any sign-in request is made.
 */
export function chooseBrowser(found: readonly InstalledBrowser[], id: string | undefined): InstalledBrowser {
  const browser = id === undefined ? found[0] : found.find((b) => b.id === id);
  if (browser !== undefined) return browser;
  if (id === undefined) throw new HatrackError('NOT_SUPPORTED', `${noBrowserReason(found)}; open the console in your default browser instead.`);
  const known = found.length === 0 ? 'none was found' : `found: ${found.map((b) => b.id).join(', ')}`;
  throw new HatrackError('NOT_SUPPORTED', `The browser "${id}" is not installed (${known}).`);
}

/** The real file check: a regular file the user may execute (Windows has no execute bit; existing is enough there). */
export function executableOnDisk(file: string): boolean {
  try {
    if (!statSync(file).isFile()) return false;
    accessSync(file, process.platform === 'win32' ? fsConstants.F_OK : fsConstants.X_OK);
    return true;
  } catch {
    return false;
  }
}
