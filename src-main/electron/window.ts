// The main window (Electron main): hardened webPreferences, loaded from app://, navigation and pop-ups locked down.

import type { BrowserWindow, BrowserWindowConstructorOptions, WebContents } from 'electron';
import { APP_INDEX_URL, navigationDecision, windowOpenDecision } from './security.js';
import type { NavigationDecision } from './security.js';

/**
 * The Electron security checklist settings; exported so a unit test pins every one of them. DevTools only in an
 * unpackaged (development) run: in a shipped app they would let anyone at the keyboard call every IPC channel,
 * `profiles.reveal` included. Unknown counts as packaged.
 */
export function mainWindowOptions(preloadPath: string, iconPath?: string, packaged = true): BrowserWindowConstructorOptions {
  return {
    width: 1180,
    height: 780,
    minWidth: 760,
    minHeight: 520,
    show: false,
    title: 'Hatrack',
    ...(iconPath === undefined ? {} : { icon: iconPath }),
    webPreferences: {
      preload: preloadPath,
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webviewTag: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      experimentalFeatures: false,
      enableBlinkFeatures: '',
      navigateOnDragDrop: false,
      safeDialogs: true,
      spellcheck: false,
      devTools: !packaged,
    },
  };
}

export type GuardedContents = Pick<WebContents, 'on' | 'setWindowOpenHandler' | 'getURL'>;

/**
 * Applies the navigation policy to one webContents: `will-navigate`, `will-redirect` and `will-frame-navigate`
 * are prevented unless they stay on the app page; `window.open` never creates a window; an allowed AWS URL is
 * handed to `openExternal` (which checks the allow-list again).
 */
export function guardWebContents(contents: GuardedContents, openExternal: (url: string) => void): void {
  const act = (decision: NavigationDecision, prevent: () => void): void => {
    if (decision.action === 'allow') return;
    prevent();
    if (decision.action === 'open-external') openExternal(decision.url);
  };
  contents.on('will-navigate', (event) => act(navigationDecision(contents.getURL(), event.url), () => event.preventDefault()));
  contents.on('will-redirect', (event) => act(navigationDecision(contents.getURL(), event.url), () => event.preventDefault()));
  // Sub-frames (there should be none: the CSP has no frame-src) never navigate anywhere, nor open the browser.
  contents.on('will-frame-navigate', (event) => {
    if (!event.isMainFrame) event.preventDefault();
  });
  contents.on('will-attach-webview', (event) => event.preventDefault());
  contents.setWindowOpenHandler(({ url }) => {
    const decision = windowOpenDecision(url);
    if (decision.action === 'open-external') openExternal(decision.url);
    return { action: 'deny' };
  });
}

export interface MainWindowDeps {
  readonly BrowserWindow: new (options: BrowserWindowConstructorOptions) => BrowserWindow;
  readonly preloadPath: string;
  readonly iconPath?: string | undefined;
  readonly openExternal: (url: string) => void;
  /** Where the window starts, e.g. `#/doctor`; always on the app origin. */
  readonly hash?: string | undefined;
  /** Electron's app.isPackaged; DevTools are off unless this is false. */
  readonly packaged?: boolean | undefined;
}

export function createMainWindow(deps: MainWindowDeps): BrowserWindow {
  const win = new deps.BrowserWindow(mainWindowOptions(deps.preloadPath, deps.iconPath, deps.packaged ?? true));
  guardWebContents(win.webContents, deps.openExternal);
  win.once('ready-to-show', () => win.show());
  void win.loadURL(deps.hash === undefined ? APP_INDEX_URL : `${APP_INDEX_URL}${deps.hash}`);
  return win;
}

/** Brings the window forward, optionally at a route; the hash keeps it on the same app page (no navigation). */
export function revealWindow(win: BrowserWindow, hash?: string): void {
  if (win.isMinimized()) win.restore();
  if (hash !== undefined) {
    // Same document: only the fragment changes, which will-navigate allows and the renderer's router reads.
    void win.webContents.executeJavaScript(`location.hash = ${JSON.stringify(hash)}`);
  }
  win.show();
  win.focus();
}
