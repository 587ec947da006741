// Smoke test of the whole shell wiring under plain Node: main.ts imported with a fake 'electron' (no binary needed).
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { CHANNELS } from '../../shared/ipc/contract.js';

type Fn = (...args: unknown[]) => unknown;

/** A fresh fake Electron per import of main.ts; records what the shell did. */
function makeFakeElectron() {
  const appHandlers = new Map<string, Fn[]>();
  const ipcHandlers = new Map<string, Fn>();
  const windows: FakeWindow[] = [];
  const trays: FakeTray[] = [];
  let nextId = 1;
  const record = {
    privileged: [] as unknown[],
    protocolHandlers: new Map<string, Fn>(),
    exitCode: null as number | null,
    lockRequested: 0,
    permissionRequest: null as Fn | null,
    permissionCheck: null as Fn | null,
    opened: [] as string[],
  };
  class FakeContents {
    id = nextId++;
    handlers = new Map<string, Fn>();
    sent: unknown[][] = [];
    url = '';
    mainFrame: { readonly url: string; parent: null };
    constructor() {
      const url = () => this.url;
      this.mainFrame = { get url() { return url(); }, parent: null };
    }
    on(name: string, fn: Fn) {
      this.handlers.set(name, fn);
      return this;
    }
    setWindowOpenHandler(fn: Fn) {
      this.handlers.set('window-open', fn);
    }
    getURL() {
      return this.url;
    }
    send(...args: unknown[]) {
      this.sent.push(args);
    }
    isDestroyed() {
      return false;
    }
    executeJavaScript() {
      return Promise.resolve();
    }
  }
  class FakeWindow {
    webContents = new FakeContents();
    options: unknown;
    visible = false;
    handlers = new Map<string, Fn>();
    constructor(options: unknown) {
      this.options = options;
      windows.push(this);
    }
    on(name: string, fn: Fn) {
      this.handlers.set(name, fn);
      return this;
    }
    once(name: string, fn: Fn) {
      return this.on(name, fn);
    }
    loadURL(url: string) {
      this.webContents.url = url;
      return Promise.resolve();
    }
    show() {
      this.visible = true;
    }
    hide() {
      this.visible = false;
    }
    focus() {}
    restore() {}
    isMinimized() {
      return false;
    }
    isDestroyed() {
      return false;
    }
  }
  class FakeTray {
    menu: unknown = null;
    tooltip = '';
    constructor(public image: unknown) {
      trays.push(this);
    }
    setContextMenu(menu: unknown) {
      this.menu = menu;
    }
    setToolTip(t: string) {
      this.tooltip = t;
    }
    setTitle() {}
    setImage() {}
    destroy() {}
  }
  class FakeNotification {
    static isSupported() {
      return false;
    }
    on() {}
    show() {}
  }
  const session = {
    setPermissionRequestHandler: (fn: Fn) => (record.permissionRequest = fn),
    setPermissionCheckHandler: (fn: Fn) => (record.permissionCheck = fn),
    setDevicePermissionHandler: () => undefined,
  };
  const electron = {
    app: {
      isPackaged: false,
      dock: { hide: vi.fn() },
      on: (name: string, fn: Fn) => void appHandlers.set(name, [...(appHandlers.get(name) ?? []), fn]),
      whenReady: () => Promise.resolve(),
      requestSingleInstanceLock: () => {
        record.lockRequested++;
        return true;
      },
      enableSandbox: vi.fn(),
      setPath: vi.fn(),
      getAppPath: () => '/app',
      getVersion: () => '9.9.9',
      quit: vi.fn(),
      exit: (code: number) => void (record.exitCode = code),
      getLoginItemSettings: () => ({ openAtLogin: false, wasOpenedAtLogin: false }),
      setLoginItemSettings: vi.fn(),
    },
    BrowserWindow: FakeWindow,
    Tray: FakeTray,
    Notification: FakeNotification,
    Menu: { buildFromTemplate: (t: unknown) => t },
    nativeImage: { createFromPath: (p: string) => ({ path: p }) },
    nativeTheme: { shouldUseDarkColors: false, on: vi.fn() },
    clipboard: { writeText: vi.fn() },
    dialog: { showMessageBox: vi.fn(async () => ({ response: 0 })) },
    ipcMain: { handle: (name: string, fn: Fn) => void ipcHandlers.set(name, fn), removeHandler: (name: string) => void ipcHandlers.delete(name) },
    protocol: { registerSchemesAsPrivileged: (s: unknown) => void record.privileged.push(s), handle: (scheme: string, fn: Fn) => void record.protocolHandlers.set(scheme, fn) },
    session: { defaultSession: session },
    shell: { openExternal: vi.fn(async (url: string) => void record.opened.push(url)) },
  };
  const fireApp = (name: string, ...args: unknown[]) => (appHandlers.get(name) ?? []).forEach((fn) => fn(...args));
  return { electron, record, windows, trays, ipcHandlers, fireApp };
}

const state = vi.hoisted(() => ({ fake: null as unknown }));
// The mocked module may be cached across vi.resetModules, so it forwards to whichever fake the current test made.
vi.mock('electron', () => {
  const current = () => (state.fake as ReturnType<typeof makeFakeElectron>).electron as Record<string, unknown>;
  const names = ['app', 'BrowserWindow', 'Tray', 'Notification', 'Menu', 'nativeImage', 'nativeTheme', 'clipboard', 'dialog', 'ipcMain', 'protocol', 'session', 'shell'];
  return Object.fromEntries(names.map((n) => [n, new Proxy(function () {}, {
    get: (_t, key) => Reflect.get(current()[n] as object, key),
    set: (_t, key, value) => Reflect.set(current()[n] as object, key, value),
    construct: (_t, args) => Reflect.construct(current()[n] as new (...a: unknown[]) => object, args),
  })]));
});

const settle = async () => {
  for (let i = 0; i < 20; i++) await new Promise((r) => setTimeout(r, 5));
};

let home: string;
const savedArgv = process.argv;
const savedEnv = { ...process.env };

beforeAll(() => {
  home = mkdtempSync(join(tmpdir(), 'hatrack-shell-'));
  mkdirSync(join(home, '.aws'));
  writeFileSync(join(home, '.aws', 'config'), '[profile dev]\nregion = eu-west-1\n\n[profile prod-admin]\nrole_arn = arn:aws:iam::222222222222:role/Admin\nsource_profile = dev\n');
  writeFileSync(join(home, '.aws', 'credentials'), '[dev]\naws_access_key_id = AKIAEXAMPLEKEY000001\naws_secret_access_key = x\n');
});
afterAll(() => rmSync(home, { recursive: true, force: true }));
afterEach(() => {
  delete (process as { resourcesPath?: string }).resourcesPath;
  process.argv = savedArgv;
  process.env = { ...savedEnv };
  vi.resetModules();
});

async function importMain(argv: string[], env: Record<string, string>) {
  const fake = makeFakeElectron();
  state.fake = fake;
  process.argv = argv;
  // The shell's background key check must not leave the machine: IAM and STS point at a closed local port.
  Object.assign(process.env, { AWS_ENDPOINT_URL: 'http://127.0.0.1:9' }, env);
  await import('./main.js');
  await settle();
  return fake;
}

describe('main.ts desktop mode (fake electron)', () => {
  it('wires protocol, hardened window, IPC bridge, permissions and tray over the test HOME', async () => {
    const fake = await importMain(['electron', '.'], { HATRACK_TEST_HOME: home });
    try {
      expect(fake.record.lockRequested).toBe(1);
      expect(fake.record.privileged).toEqual([[{ scheme: 'app', privileges: expect.objectContaining({ standard: true, secure: true }) }]]);
      expect([...fake.record.protocolHandlers.keys()]).toEqual(['app']);
      expect(fake.electron.app.enableSandbox).toHaveBeenCalled();
      expect(fake.electron.app.setPath).toHaveBeenCalledWith('userData', join(home, '.hatrack-app'));

      // The window: hardened, on app://, guarded.
      expect(fake.windows).toHaveLength(1);
      const win = fake.windows[0]!;
      expect(win.options).toMatchObject({ webPreferences: { contextIsolation: true, sandbox: true, nodeIntegration: false, webviewTag: false, webSecurity: true } });
      expect(win.webContents.url).toBe('app://hatrack/index.html');
      expect([...win.webContents.handlers.keys()]).toEqual(expect.arrayContaining(['will-navigate', 'will-redirect', 'window-open']));

      // Permissions denied.
      const cb = vi.fn();
      fake.record.permissionRequest!(null, 'media', cb);
      expect(cb).toHaveBeenCalledWith(false);
      expect(fake.record.permissionCheck!(null, 'clipboard-read')).toBe(false);

      // IPC: one handler per channel; the window's main frame gets real answers from core over the test HOME.
      expect(fake.ipcHandlers.size).toBe(CHANNELS.length);
      const trusted = { sender: win.webContents, senderFrame: win.webContents.mainFrame };
      const listed = (await fake.ipcHandlers.get('hatrack:profiles.list')!(trusted, {})) as { ok: boolean; value: { profiles: { name: string }[] } };
      expect(listed.ok).toBe(true);
      expect(listed.value.profiles.map((p) => p.name).sort()).toEqual(['dev', 'prod-admin']);
      const stranger = { sender: { id: 999, mainFrame: {} }, senderFrame: { url: 'app://hatrack/index.html', parent: null } };
      expect(await fake.ipcHandlers.get('hatrack:profiles.list')!(stranger, {})).toMatchObject({ ok: false, error: { code: 'ACCESS_DENIED' } });
      expect(await fake.ipcHandlers.get('hatrack:profiles.get')!(trusted, { name: 'dev', extra: 1 })).toMatchObject({ ok: false, error: { code: 'BAD_REQUEST' } });

      // Tray: built from the pure model; the test hook exposes the model (unpackaged + test HOME only).
      expect(fake.trays).toHaveLength(1);
      expect(fake.trays[0]!.image).toEqual({ path: '/app/assets/tray/tray-light.png' });
      const hook = (globalThis as { __hatrackTest?: { trayModel: () => { items: { label?: string }[] } | null } }).__hatrackTest;
      // The tray fills in once its first refresh (profiles, doctor, settings) has answered.
      await vi.waitFor(() => expect(hook!.trayModel()).not.toBeNull(), { timeout: 10 * 60_000 });
      const labels = hook!.trayModel()!.items.map((i) => i.label);
      expect(labels).toEqual(expect.arrayContaining(['All profiles (2)', 'Open Hatrack', 'Quit Hatrack']));

      // Closing the window hides it (the app lives in the tray) until Quit.
      const prevent = vi.fn();
      win.handlers.get('close')!({ preventDefault: prevent });
      expect(prevent).toHaveBeenCalled();
    } finally {
      fake.fireApp('before-quit');
      fake.fireApp('will-quit');
      delete (globalThis as { __hatrackTest?: unknown }).__hatrackTest;
    }
  });

  it('a packaged app ignores HATRACK_TEST_HOME', async () => {
    const fake = makeFakeElectron();
    fake.electron.app.isPackaged = true;
    state.fake = fake;
    process.argv = ['Hatrack', '--hatrack-hidden'];
    // Packaged, the real HOME is used: point it at the temp one so the test never reads this machine's ~/.aws.
    process.env['HOME'] = home;
    process.env['HATRACK_TEST_HOME'] = join(home, 'ignored');
    (process as { resourcesPath?: string }).resourcesPath = '/res';
    await import('./main.js');
    await settle();
    try {
      expect(fake.electron.app.setPath).not.toHaveBeenCalled();
      expect((globalThis as { __hatrackTest?: unknown }).__hatrackTest).toBeUndefined();
      expect(fake.windows).toHaveLength(0); // started hidden: tray only
      expect(fake.trays[0]!.image).toEqual({ path: '/res/tray/tray-light.png' });
    } finally {
      fake.fireApp('will-quit');
    }
  });
});

describe('main.ts CLI mode (fake electron)', () => {
  it('runs runCli without a window or the single-instance lock, and exits with its code', async () => {
    const out: string[] = [];
    const spy = vi.spyOn(process.stdout, 'write').mockImplementation((chunk: string | Uint8Array) => {
      out.push(String(chunk));
      return true;
    });
    try {
      const fake = await importMain(['/opt/Hatrack/hatrack-desktop', '--hatrack-cli', 'list', '--json'], {
        AWS_CONFIG_FILE: join(home, '.aws', 'config'),
        AWS_SHARED_CREDENTIALS_FILE: join(home, '.aws', 'credentials'),
        HATRACK_DATA_DIR: join(home, 'data'),
      });
      for (let i = 0; i < 50 && fake.record.exitCode === null; i++) await settle();
      expect(fake.record.exitCode).toBe(0);
      expect(fake.windows).toHaveLength(0);
      expect(fake.trays).toHaveLength(0);
      expect(fake.record.lockRequested).toBe(0);
      expect(fake.ipcHandlers.size).toBe(0);
      const text = out.join('');
      expect(text).toContain('"dev"');
      expect(text).toContain('"prod-admin"');
    } finally {
      spy.mockRestore();
    }
  });

  it('exits 2 on bad usage, as the npm CLI does', async () => {
    const spy = vi.spyOn(process.stderr, 'write').mockImplementation(() => true);
    try {
      const fake = await importMain(['Hatrack', '--hatrack-cli', 'no-such-command'], {});
      for (let i = 0; i < 50 && fake.record.exitCode === null; i++) await settle();
      expect(fake.record.exitCode).toBe(2);
    } finally {
      spy.mockRestore();
    }
  });
});
