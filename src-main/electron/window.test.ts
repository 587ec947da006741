// Unit tests of the window: every security webPreference pinned, navigation/pop-up guards on a fake webContents.
import { describe, expect, it, vi } from 'vitest';
import { APP_INDEX_URL } from './security.js';
import { createMainWindow, guardWebContents, mainWindowOptions } from './window.js';
import type { GuardedContents } from './window.js';

describe('mainWindowOptions', () => {
  it('follows the Electron security checklist', () => {
    const prefs = mainWindowOptions('/p/preload.cjs').webPreferences;
    expect(prefs).toMatchObject({
      preload: '/p/preload.cjs',
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webviewTag: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      experimentalFeatures: false,
    });
  });
});

type Handler = (event: { url: string; isMainFrame?: boolean; preventDefault: () => void }) => void;

function fakeContents(url = APP_INDEX_URL) {
  const handlers = new Map<string, Handler>();
  let openHandler: ((d: { url: string }) => { action: string }) | null = null;
  const contents = {
    on: (name: string, fn: Handler) => {
      handlers.set(name, fn);
      return contents;
    },
    setWindowOpenHandler: (fn: typeof openHandler) => {
      openHandler = fn;
    },
    getURL: () => url,
  };
  const fire = (name: string, target: string, isMainFrame = true) => {
    const preventDefault = vi.fn();
    handlers.get(name)?.({ url: target, isMainFrame, preventDefault });
    return preventDefault.mock.calls.length > 0;
  };
  return { contents: contents as unknown as GuardedContents, fire, open: (u: string) => openHandler!({ url: u }), handlers };
}

describe('guardWebContents', () => {
  it('blocks will-navigate and will-redirect away from the app page; hash changes stay', () => {
    const f = fakeContents();
    const openExternal = vi.fn();
    guardWebContents(f.contents, openExternal);
    expect(f.fire('will-navigate', 'https://example.com/')).toBe(true);
    expect(f.fire('will-redirect', 'https://example.com/')).toBe(true);
    expect(f.fire('will-navigate', 'app://hatrack/other.html')).toBe(true);
    expect(f.fire('will-navigate', `${APP_INDEX_URL}#/doctor`)).toBe(false);
    expect(openExternal).not.toHaveBeenCalled();
  });

  it('hands an allowed AWS URL to openExternal instead of navigating', () => {
    const f = fakeContents();
    const openExternal = vi.fn();
    guardWebContents(f.contents, openExternal);
    expect(f.fire('will-navigate', 'https://console.aws.amazon.com/')).toBe(true);
    expect(openExternal).toHaveBeenCalledWith('https://console.aws.amazon.com/');
  });

  it('denies every window.open, opening only AWS URLs externally', () => {
    const f = fakeContents();
    const openExternal = vi.fn();
    guardWebContents(f.contents, openExternal);
    expect(f.open('https://example.com/')).toEqual({ action: 'deny' });
    expect(f.open('https://signin.aws.amazon.com/federation')).toEqual({ action: 'deny' });
    expect(openExternal).toHaveBeenCalledTimes(1);
  });

  it('blocks sub-frame navigation and webview attachment', () => {
    const f = fakeContents();
    guardWebContents(f.contents, vi.fn());
    expect(f.fire('will-frame-navigate', 'https://example.com/', false)).toBe(true);
    expect(f.fire('will-frame-navigate', `${APP_INDEX_URL}#x`, true)).toBe(false);
    expect(f.fire('will-attach-webview', 'x')).toBe(true);
  });
});

describe('DevTools', () => {
  it('are off in a packaged app and when packaging is not known, on in a development run', () => {
    expect(mainWindowOptions('/p/preload.cjs', undefined, true).webPreferences?.devTools).toBe(false);
    expect(mainWindowOptions('/p/preload.cjs').webPreferences?.devTools).toBe(false);
    expect(mainWindowOptions('/p/preload.cjs', undefined, false).webPreferences?.devTools).toBe(true);
  });

  it('follow app.isPackaged through createMainWindow', () => {
    const created: { webPreferences?: { devTools?: boolean } }[] = [];
    class FakeWindow {
      webContents = fakeContents().contents;
      constructor(options: { webPreferences?: { devTools?: boolean } }) {
        created.push(options);
      }
      once() {}
      show() {}
      loadURL = vi.fn(async () => undefined);
    }
    createMainWindow({ BrowserWindow: FakeWindow as never, preloadPath: '/p/preload.cjs', openExternal: vi.fn(), packaged: true });
    createMainWindow({ BrowserWindow: FakeWindow as never, preloadPath: '/p/preload.cjs', openExternal: vi.fn(), packaged: false });
    expect(created.map((o) => o.webPreferences?.devTools)).toEqual([false, true]);
  });
});

describe('createMainWindow', () => {
  it('creates the hardened window, guards it and loads app://hatrack/index.html', () => {
    const f = fakeContents();
    const created: unknown[] = [];
    const loadURL = vi.fn(async () => undefined);
    class FakeWindow {
      webContents = f.contents;
      constructor(options: unknown) {
        created.push(options);
      }
      once() {}
      show() {}
      loadURL = loadURL;
    }
    createMainWindow({ BrowserWindow: FakeWindow as never, preloadPath: '/p/preload.cjs', openExternal: vi.fn(), hash: '#/doctor' });
    expect(created).toEqual([mainWindowOptions('/p/preload.cjs')]);
    expect(loadURL).toHaveBeenCalledWith(`${APP_INDEX_URL}#/doctor`);
    expect([...f.handlers.keys()].sort()).toEqual(['will-attach-webview', 'will-frame-navigate', 'will-navigate', 'will-redirect']);
  });
});
