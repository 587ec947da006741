// Electron main entry (thin shell): CLI mode or desktop app; single instance, hardened window, tray, IPC bridge.

import { join } from 'node:path';
import { app, BrowserWindow, clipboard, dialog, ipcMain, Menu, nativeImage, nativeTheme, Notification, protocol, session, shell, Tray } from 'electron';
import { HatrackError } from '../../shared/domain/errors.js';
import { mutates } from '../../shared/ipc/contract.js';
import { createAppCore } from '../app/app-core.js';
import type { AppCore } from '../app/app-core.js';
import { processEnvironment } from '../core/environment.js';
import { createRecentList } from '../app/tray/recent.js';
import { loadTraySnapshot } from '../app/tray/tray-input.js';
import type { TraySnapshot } from '../app/tray/tray-input.js';
import { afterSuccess } from '../ipc/dispatch.js';
import { createBackgroundChecks } from './background.js';
import { flushStdio, runPackagedCli } from './cli-mode.js';
import { createIpcBridge } from './ipc-bridge.js';
import { coreVars, launchOptions } from './launch-options.js';
import { applyLaunchAtLogin, openedAtLogin } from './login-item.js';
import { createNotifier } from './notifications.js';
import { shellPaths, trayIconFile } from './paths.js';
import { APP_SCHEME_PRIVILEGES, registerAppProtocol } from './protocol.js';
import { isAllowedExternalUrl } from './security.js';
import { hardenSession } from './session-policy.js';
import { createTrayActionRunner } from './tray-actions.js';
import { createTrayController } from './tray.js';
import type { TrayController } from './tray.js';
import { createMainWindow, revealWindow } from './window.js';

const options = launchOptions(process.argv, process.env, app.isPackaged);

const log = {
  info: (message: string) => console.log(`hatrack: ${message}`),
  warn: (message: string) => console.warn(`hatrack: ${message}`),
  error: (channel: string, detail: string) => console.error(`hatrack: ${channel}: ${detail}`),
};

/** The only way anything in Hatrack reaches the browser: https AWS sign-in/console pages. */
function openExternal(url: string): Promise<void> {
  if (!isAllowedExternalUrl(url)) return Promise.reject(new HatrackError('NOT_SUPPORTED', 'Hatrack only opens AWS sign-in and console pages.'));
  return shell.openExternal(url);
}

function runCliMode(args: readonly string[]): void {
  app.dock?.hide();
  runPackagedCli(args, process.execPath)
    .catch((e: unknown) => {
      process.stderr.write(`hatrack: internal error: ${e instanceof Error ? e.message : String(e)}\n`);
      return 1;
    })
    .then(async (code) => {
      await flushStdio();
      app.exit(code);
    });
}

function startDesktop(): void {
  if (options.testHome !== null) app.setPath('userData', join(options.testHome, '.hatrack-app'));
  // A second launch (a dock click, a login item) focuses the running app instead of starting another core.
  if (!app.requestSingleInstanceLock()) {
    app.quit();
    return;
  }
  protocol.registerSchemesAsPrivileged([APP_SCHEME_PRIVILEGES]);
  app.enableSandbox();

  const paths = shellPaths(__dirname, app.getAppPath(), process.resourcesPath, app.isPackaged);
  const recent = createRecentList();
  let core: AppCore | null = null;
  let window: BrowserWindow | null = null;
  let tray: TrayController | null = null;
  let snapshot: TraySnapshot | null = null;
  let quitting = false;

  function showWindow(hash?: string): void {
    if (window === null || window.isDestroyed()) {
      window = createMainWindow({ BrowserWindow, preloadPath: paths.preload, iconPath: paths.appIcon, openExternal: (url) => void openExternal(url).catch(() => undefined), hash, packaged: app.isPackaged });
      // Closing hides: Hatrack lives in the tray until Quit.
      window.on('close', (event) => {
        if (quitting) return;
        event.preventDefault();
        window?.hide();
      });
      window.on('closed', () => {
        window = null;
      });
      return;
    }
    revealWindow(window, hash);
  }

  app.on('second-instance', () => showWindow());
  app.on('activate', () => showWindow());
  app.on('before-quit', () => {
    quitting = true;
  });
  app.on('window-all-closed', () => {
    // Stay alive in the tray.
  });
  app.on('web-contents-created', (_event, contents) => {
    contents.on('will-attach-webview', (e) => e.preventDefault());
  });
  app.on('will-quit', () => {
    tray?.dispose();
    core?.dispose();
  });

  void app.whenReady().then(() => {
    hardenSession(session.defaultSession);
    registerAppProtocol(protocol, paths.rendererRoot);

    const env = { ...processEnvironment(), vars: coreVars(process.env, options.testHome) };
    const appCore = createAppCore({
      env,
      dataDir: options.testHome === null ? undefined : join(options.testHome, '.hatrack-data'),
      openExternal,
      log: { info: log.info, error: log.error },
      version: app.getVersion(),
      electronVersion: process.versions.electron,
    });
    core = appCore;

    // After a channel that mutates (CONTRACT's flag) the tray re-reads at once: the watcher sees file edits, not settings.
    const dispatch = afterSuccess(appCore.dispatch, (channel) => {
      if (mutates(channel)) void tray?.refresh();
    });
    createIpcBridge({
      ipcMain,
      dispatch,
      trustedContents: () => (window !== null && !window.isDestroyed() ? window.webContents : null),
      events: appCore,
      log,
    });

    const notifier = createNotifier({ Notification, platform: process.platform, onAction: (a) => void runAction(a) });
    const runAction = createTrayActionRunner({
      dispatch,
      confirm: async (message, detail) => {
        const answer = await dialog.showMessageBox({ type: 'warning', message, detail, buttons: ['Cancel', 'Use production'], defaultId: 0, cancelId: 0 });
        return answer.response === 1;
      },
      writeClipboard: (text) => clipboard.writeText(text),
      showWindow,
      quit: () => app.quit(),
      notify: (title, body) => notifier.message(title, body),
      touchRecent: (profile) => recent.touch(profile),
      changed: () => void tray?.refresh(),
    });
    const background = createBackgroundChecks({
      now: () => new Date(),
      show: (n) => notifier.show(n),
      refresh: async (profile) => (await dispatch('credentials.use', { profile, confirmProduction: true })).ok,
    });

    const trayIcon = () => nativeImage.createFromPath(join(paths.trayIcons, trayIconFile(process.platform, nativeTheme.shouldUseDarkColors)));
    tray = createTrayController({
      Tray,
      Menu,
      icon: trayIcon(),
      platform: process.platform,
      now: () => new Date(),
      loadSnapshot: () => loadTraySnapshot(appCore.dispatch),
      recent: () => recent.list(),
      onAction: (a) => void runAction(a),
      onSnapshot: (s) => {
        snapshot = s;
        background.check(s);
        applyLaunchAtLogin(app, s.launchAtLogin);
      },
    });
    nativeTheme.on('updated', () => tray?.setIcon(trayIcon()));
    appCore.on('files.changed', () => void tray?.refresh());
    // The window found a sign-in that ran out and cannot be renewed: say so even when the window is hidden.
    appCore.on('sso.signInNeeded', (e) => notifier.message('Sign in to IAM Identity Center again', e.message));
    appCore.on('default.changed', (e) => {
      if (e.profile !== null) recent.touch(e.profile);
      void tray?.refresh();
    });
    void tray.refresh();

    // The countdown moves every second; background checks read the cached snapshot, never the files.
    const tick = setInterval(() => tray?.tick(), 1000);
    const checks = setInterval(() => {
      if (snapshot !== null) background.check(snapshot);
    }, 15_000);
    app.on('will-quit', () => {
      clearInterval(tick);
      clearInterval(checks);
    });

    if (options.testHome !== null) {
      // Test-only (never in a packaged app): lets the Electron e2e specs read the tray model.
      (globalThis as { __hatrackTest?: unknown }).__hatrackTest = { trayModel: () => tray?.model() ?? null };
    }

    if (!options.startHidden && !openedAtLogin(app, process.platform)) showWindow();
  });
}

if (options.cliArgs !== null) runCliMode(options.cliArgs);
else startDesktop();
