// Opens a console sign-in URL in a browser profile of its own per AWS profile (plain Node): each AWS profile gets its
// own cookie jar, so several accounts stay signed in side by side.
//
// What follows Granted (github:common-fate/granted, pkg/launcher/chrome_profile.go, firefox.go): Chromium-family
// browsers get `--no-first-run --no-default-browser-check` and the URL as the last argument, and the browser is forked
// off (detached) rather than waited for. What differs, and why:
// - Granted picks a `--profile-directory` inside the user's own browser data and renames it in "Local State"; Hatrack
//   uses `--user-data-dir` under its own data dir instead, so it never edits the user's browser files. The dir is per
//   browser as well as per AWS profile: two Chromium browsers sharing one user-data-dir would upgrade each other's
//   profile format.
// - Granted keeps Firefox apart with its "Granted Containers" extension (ext+granted-containers: URLs); Hatrack needs
//   no extension: a Firefox profile per AWS profile (`-CreateProfile` once, then `-profile <dir>`). `-no-remote` is
//   left out of the open on purpose: since Firefox 67 remoting is per profile, so a second open of the same AWS profile
//   becomes a tab in its running window, where -no-remote would fail with "Firefox is already running".
// The URL is a secret (a 15-minute sign-in): it goes to the browser's argv only, never to a log or an error message.

import { createHash } from 'node:crypto';
import { spawn } from 'node:child_process';
import type { ChildProcess, SpawnOptions } from 'node:child_process';
import { existsSync, mkdirSync } from 'node:fs';
import path from 'node:path';

import { HatrackError } from '../../../shared/domain/errors.js';
import type { InstalledBrowser } from './browsers.js';

export const BROWSER_PROFILES_DIR = 'browser-profiles';

/** A readable, file-system-safe folder name for an AWS profile; the hash keeps `Prod`, `prod` and `a/b`, `a-b` apart. */
export function profileSlug(profile: string): string {
  const readable = profile.toLowerCase().replace(/[^a-z0-9._-]+/g, '-').replace(/^[-.]+|-+$/g, '').slice(0, 48);
  const hash = createHash('sha256').update(profile).digest('hex').slice(0, 8);
  return `${readable === '' ? 'profile' : readable}-${hash}`;
}

/** `<data dir>/browser-profiles/<browser id>-<profile slug>`. */
export function browserProfileDir(dataDir: string, browser: Pick<InstalledBrowser, 'id'>, profile: string): string {
  return path.join(dataDir, BROWSER_PROFILES_DIR, `${browser.id}-${profileSlug(profile)}`);
}

/** The arguments that open `url` in the browser profile at `dir`. */
export function openArgs(browser: Pick<InstalledBrowser, 'family'>, dir: string, url: string): string[] {
  if (browser.family === 'firefox') return ['-profile', dir, '-new-tab', url];
  return [`--user-data-dir=${dir}`, '--no-first-run', '--no-default-browser-check', url];
}

/** Firefox only: the arguments that register the profile at `dir` (its name is the folder's, which has no spaces). */
export function createProfileArgs(dir: string): string[] {
  return ['-CreateProfile', `hatrack-${path.basename(dir)} ${dir}`, '-no-remote'];
}

export type Spawn = (command: string, args: readonly string[], options: SpawnOptions) => ChildProcess;

export interface LaunchOptions {
  readonly browser: InstalledBrowser;
  readonly dataDir: string;
  readonly profile: string;
  readonly url: string;
  /** The environment the browser runs in (DISPLAY, HOME, …). */
  readonly vars: Readonly<Record<string, string | undefined>>;
  readonly spawn?: Spawn | undefined;
}

/** How long Firefox may take to register a new profile before Hatrack gives up on it. */
const CREATE_PROFILE_TIMEOUT_MS = 60_000;

function launchFailed(browser: InstalledBrowser, why: string): HatrackError {
  return new HatrackError('BROWSER_LAUNCH_FAILED', `${browser.name} could not be started (${why}).`);
}

function envOf(vars: LaunchOptions['vars']): NodeJS.ProcessEnv {
  return Object.fromEntries(Object.entries(vars).filter((e): e is [string, string] => e[1] !== undefined));
}

/** Resolves once the process started (or ran to its end, when `waitForExit`); rejects without the argv. */
function started(child: ChildProcess, browser: InstalledBrowser, waitForExit: boolean): Promise<void> {
  return new Promise((resolve, reject) => {
    child.once('error', (e: NodeJS.ErrnoException) => reject(launchFailed(browser, e.code ?? 'error')));
    if (waitForExit) {
      child.once('exit', (code, signal) => (code === 0 ? resolve() : reject(launchFailed(browser, signal !== null ? `stopped by ${signal}` : `exit code ${code ?? '?'}`))));
    } else child.once('spawn', () => resolve());
  });
}

/** Opens the URL in the AWS profile's own browser profile; answers the profile dir once the browser has started. */
export async function launchInBrowserProfile(o: LaunchOptions): Promise<{ readonly dir: string }> {
  const run = o.spawn ?? spawn;
  const dir = browserProfileDir(o.dataDir, o.browser, o.profile);
  const env = envOf(o.vars);
  mkdirSync(path.dirname(dir), { recursive: true, mode: 0o700 });
  if (o.browser.family === 'firefox' && !existsSync(dir)) {
    const create = run(o.browser.executable, createProfileArgs(dir), { shell: false, stdio: 'ignore', env, timeout: CREATE_PROFILE_TIMEOUT_MS });
    await started(create, o.browser, true);
  }
  // Detached and unreferenced: the browser outlives Hatrack and never holds its event loop open.
  const child = run(o.browser.executable, openArgs(o.browser, dir, o.url), { shell: false, detached: true, stdio: 'ignore', env });
  await started(child, o.browser, false);
  child.unref();
  return { dir };
}
