// Electron e2e host: finds the Electron binary WITHOUT triggering its download, and launches the built app on a temp HOME.
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { _electron as electron } from '@playwright/test';
import type { ElectronApplication, Page } from '@playwright/test';
import { BROWSER_STEP_MS } from '../../test/support/deadlines.js';

export const REPO = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');

export type Availability = { readonly ok: true; readonly executablePath: string } | { readonly ok: false; readonly reason: string };

/**
 * Never `require('electron')`: its getter downloads the binary when it is missing. Read path.txt and check the file
 * the way the getter would, and check the build outputs the app loads.
 */
export function electronAvailability(): Availability {
  const override = process.env['HATRACK_ELECTRON_PATH'];
  let executablePath: string;
  if (override !== undefined && override !== '') {
    executablePath = override;
  } else {
    const pkg = join(REPO, 'node_modules', 'electron');
    const pathFile = join(pkg, 'path.txt');
    if (!existsSync(pathFile)) return { ok: false, reason: 'the Electron binary is not installed (node_modules/electron/path.txt is missing; it cannot be downloaded on this machine)' };
    executablePath = join(pkg, 'dist', readFileSync(pathFile, 'utf8').trim());
  }
  if (!existsSync(executablePath)) return { ok: false, reason: `the Electron binary is missing at ${executablePath}` };
  for (const built of ['dist/main/main.cjs', 'dist/preload/preload.cjs', 'dist/renderer/index.html']) {
    if (!existsSync(join(REPO, built))) return { ok: false, reason: `${built} is missing; run \`npm run build\` first` };
  }
  return { ok: true, executablePath };
}

export const CONFIG = `# e2e config
[profile dev]
region = eu-west-1

[profile prod-admin]
role_arn = arn:aws:iam::222222222222:role/Admin
source_profile = dev
`;
export const CREDENTIALS = `[dev]
aws_access_key_id = AKIAEXAMPLEKEY000001
aws_secret_access_key = wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY
`;

export interface LaunchedApp {
  readonly app: ElectronApplication;
  readonly page: Page;
  readonly home: string;
  close(): Promise<void>;
}

export async function launchHatrack(executablePath: string): Promise<LaunchedApp> {
  const home = mkdtempSync(join(tmpdir(), 'hatrack-e2e-electron-'));
  mkdirSync(join(home, '.aws'));
  writeFileSync(join(home, '.aws', 'config'), CONFIG);
  writeFileSync(join(home, '.aws', 'credentials'), CREDENTIALS);
  // Chromium refuses to start as root with its sandbox; CI containers run as root.
  const rootArgs = process.getuid?.() === 0 ? ['--no-sandbox'] : [];
  const app = await electron.launch({
    executablePath,
    args: [...rootArgs, REPO],
    cwd: REPO,
    env: { ...process.env, HATRACK_TEST_HOME: home, ELECTRON_SKIP_BINARY_DOWNLOAD: '1', ELECTRON_ENABLE_LOGGING: '1' } as Record<string, string>,
    timeout: BROWSER_STEP_MS,
  });
  const page = await app.firstWindow();
  await page.waitForLoadState('domcontentloaded');
  return {
    app,
    page,
    home,
    async close() {
      await app.close().catch(() => undefined);
      rmSync(home, { recursive: true, force: true });
    },
  };
}
