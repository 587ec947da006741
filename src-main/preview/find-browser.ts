// Finds the system's Chromium-family browser for the development preview (Playwright drives it; nothing is downloaded).
import path from 'node:path';

import type { Environment } from '../core/environment.js';

/** Where each platform's Chromium, Chrome or Edge usually lives, most likely first. */
export function browserCandidates(env: Pick<Environment, 'platform' | 'vars'>): string[] {
  const own = env.vars['HATRACK_PREVIEW_BROWSER'];
  const chosen = own !== undefined && own.trim() !== '' ? [own.trim()] : [];
  switch (env.platform) {
    case 'darwin':
      return [
        ...chosen,
        '/Applications/Google Chrome.app/Contents/MacOS/Google Chrome',
        '/Applications/Chromium.app/Contents/MacOS/Chromium',
        '/Applications/Microsoft Edge.app/Contents/MacOS/Microsoft Edge',
        '/Applications/Brave Browser.app/Contents/MacOS/Brave Browser',
      ];
    case 'win32': {
      const roots = [env.vars['PROGRAMFILES'], env.vars['PROGRAMFILES(X86)'], env.vars['LOCALAPPDATA']].filter((r): r is string => r !== undefined && r !== '');
      const rels = ['Google\\Chrome\\Application\\chrome.exe', 'Microsoft\\Edge\\Application\\msedge.exe', 'Chromium\\Application\\chrome.exe'];
      return [...chosen, ...rels.flatMap((rel) => roots.map((root) => path.win32.join(root, rel)))];
    }
    default:
      return [
        ...chosen,
        ...['chromium', 'chromium-browser', 'google-chrome', 'google-chrome-stable', 'microsoft-edge', 'brave-browser'].flatMap((name) =>
          (env.vars['PATH'] ?? '/usr/bin').split(path.delimiter).filter((dir) => dir !== '').map((dir) => path.join(dir, name)),
        ),
        '/snap/bin/chromium',
      ];
  }
}

/** The first candidate that exists, or null (the caller says how to point at one). */
export function findBrowser(env: Pick<Environment, 'platform' | 'vars'>, exists: (file: string) => boolean): string | null {
  return browserCandidates(env).find((file) => exists(file)) ?? null;
}
