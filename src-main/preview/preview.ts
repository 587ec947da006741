// The development preview: the real renderer on the real core in the system's Chromium/Chrome, without Electron.
// A contributor sees the app as users do (their real ~/.aws files unless HOME or AWS_CONFIG_FILE say otherwise); the
// page is served through a Playwright route (no HTTP server, no listening socket) and talks to core through the same
// contract-checked dispatch the desktop shell's IPC bridge uses.
import { accessSync, constants } from 'node:fs';

import type { Browser, Page } from 'playwright-core';
import { chromium } from 'playwright-core';

import { HatrackError } from '../../shared/domain/errors.js';
import { createAppCore } from '../app/app-core.js';
import type { AppCore } from '../app/app-core.js';
import { openBrowser } from '../cli/open-browser.js';
import type { Environment } from '../core/environment.js';
import { isAllowedExternalUrl } from '../electron/security.js';
import { findBrowser } from './find-browser.js';
import { connectPageToCore } from './page-bridge.js';
import { PREVIEW_URL, routeRenderer } from './renderer-route.js';

export interface PreviewOptions {
  readonly env: Environment;
  /** The built renderer (dist/renderer). */
  readonly rendererRoot: string;
  /** No window: for tests and smoke checks. */
  readonly headless?: boolean;
  /** Hatrack's data folder; default the per-user app folder, as the desktop app. */
  readonly dataDir?: string | undefined;
  /** Where core's "open in browser" goes (console sign-in); default the user's browser for AWS sign-in URLs only. */
  readonly openExternal?: (url: string) => Promise<void>;
  readonly log?: (line: string) => void;
}

export interface Preview {
  readonly page: Page;
  readonly core: AppCore;
  /** Resolves when the user closes the window (or close() ran). */
  readonly closed: Promise<void>;
  close(): Promise<void>;
}

function isExecutable(file: string): boolean {
  try {
    accessSync(file, constants.X_OK);
    return true;
  } catch {
    return false;
  }
}

export async function startPreview(o: PreviewOptions): Promise<Preview> {
  const executablePath = findBrowser(o.env, isExecutable);
  if (executablePath === null) {
    throw new HatrackError('NOT_SUPPORTED', 'No Chromium, Chrome or Edge found for the preview; set HATRACK_PREVIEW_BROWSER to its executable.');
  }
  const log = o.log ?? (() => undefined);
  const openExternal =
    o.openExternal ??
    (async (url: string) => {
      // The same allow-list as the desktop shell: only AWS sign-in and console pages leave the app.
      if (!isAllowedExternalUrl(url)) throw new HatrackError('NOT_SUPPORTED', 'Refused to open a page outside AWS sign-in and the console.');
      await openBrowser(o.env, url);
    });
  const core = createAppCore({
    env: o.env,
    dataDir: o.dataDir,
    openExternal,
    // Channel names and error codes only: core never hands the log a secret, and the preview adds none.
    log: { info: (m) => log(m), error: (channel, detail) => log(`${channel}: ${detail}`) },
  });
  let browser: Browser | null = null;
  try {
    browser = await chromium.launch({
      executablePath,
      headless: o.headless === true,
      args: ['--no-first-run', '--no-default-browser-check', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--window-size=1280,860'],
    });
    const context = await browser.newContext({ viewport: o.headless === true ? { width: 1280, height: 800 } : null });
    await routeRenderer(context, o.rendererRoot);
    const page = await context.newPage();
    const disconnect = await connectPageToCore(page, core);
    const openBrowserHandle = browser;
    let closing: Promise<void> | null = null;
    const close = (): Promise<void> =>
      (closing ??= (async () => {
        disconnect();
        core.dispose();
        await openBrowserHandle.close().catch(() => undefined);
      })());
    const closed = new Promise<void>((resolve) => {
      page.once('close', () => void close().then(resolve));
      openBrowserHandle.once('disconnected', () => void close().then(resolve));
    });
    await page.goto(PREVIEW_URL);
    return { page, core, closed, close };
  } catch (e) {
    core.dispose();
    await browser?.close().catch(() => undefined);
    throw e;
  }
}
