// Integration: console.open in a separate browser profile through createAppCore over moto. Fake `chromium` and
// `firefox` scripts first on the core's PATH record their argv; the sign-in endpoint is the e2e stand-in.
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';

import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';

import type { AppCore } from '../src-main/app/app-core.js';
import { createAppCore } from '../src-main/app/app-core.js';
import { browserProfileDir } from '../src-main/core/console/browser-launch.js';
import { startSigninStandIn } from '../e2e/fixtures/signin-stand-in.js';
import type { SigninStandIn } from '../e2e/fixtures/signin-stand-in.js';
import { HATRACK_BIN, runProcess } from './support/cli-runner.js';
import { browserRuns as runs, fakeBrowser } from './support/fake-browser.js';
import { ACCOUNT, createRole, createUser, startMoto } from './support/moto.js';
import type { Moto, TestUser } from './support/moto.js';

let moto: Moto;
let signin: SigninStandIn;
let home: string;
let user: TestUser;

beforeAll(async () => {
  moto = await startMoto();
  signin = await startSigninStandIn();
  home = await mkdtemp(path.join(tmpdir(), 'hatrack-console-browser-'));
  user = await createUser(moto, 'console-browser-user', ['sts:AssumeRole', 'sts:GetFederationToken']);
  await createRole(moto, 'console-browser-role');
});

afterAll(async () => {
  await moto?.stop();
  await signin?.close();
  if (home !== undefined) await rm(home, { recursive: true, force: true });
});

interface Setup {
  readonly core: AppCore;
  readonly dataDir: string;
  readonly bin: string;
  readonly logs: string[];
  readonly opened: string[];
  readonly vars: Record<string, string>;
}

async function setup(name: string, withBrowsers: boolean): Promise<Setup> {
  const dir = path.join(home, name);
  const bin = path.join(dir, 'bin');
  await mkdir(bin, { recursive: true });
  await writeFile(path.join(dir, 'config'), `[profile base]\nregion = us-east-1\n\n[profile ops]\nrole_arn = arn:aws:iam::${ACCOUNT}:role/console-browser-role\nsource_profile = base\nregion = eu-west-1\n`);
  await writeFile(path.join(dir, 'credentials'), `[base]\naws_access_key_id = ${user.accessKeyId}\naws_secret_access_key = ${user.secretAccessKey}\n`);
  const dataDir = path.join(dir, 'data');
  const vars = {
    HOME: dir,
    AWS_CONFIG_FILE: path.join(dir, 'config'),
    AWS_SHARED_CREDENTIALS_FILE: path.join(dir, 'credentials'),
    AWS_ENDPOINT_URL: moto.endpoint,
    AWS_ENDPOINT_URL_SIGNIN: `${signin.base}/federation`,
    HATRACK_CHECK_RESPONSES: '1',
    // Only the fake browsers are on PATH (and nothing at all when there should be none).
    PATH: withBrowsers ? bin : path.join(dir, 'empty'),
  };
  const logs: string[] = [];
  const opened: string[] = [];
  const core = createAppCore({
    env: { vars, platform: 'linux', osHome: dir, now: () => new Date() },
    dataDir,
    openExternal: vi.fn(async (url: string) => void opened.push(url)),
    watchFiles: false,
    backgroundKeyChecks: false,
    log: { info: (m) => logs.push(m), error: (channel, detail) => logs.push(`${channel}: ${detail}`) },
  });
  return { core, dataDir, bin, logs, opened, vars };
}

async function ok<T>(answer: Promise<{ ok: true; value: T } | { ok: false; error: { code: string; message: string } }>): Promise<T> {
  const r = await answer;
  if (!r.ok) throw new Error(`${r.error.code}: ${r.error.message}`);
  return r.value;
}

const WAIT = { timeout: 60_000, interval: 25 };

describe('console in a separate browser profile', () => {
  it('lists the browsers on PATH and opens each AWS profile in its own Chromium user data dir', async () => {
    const s = await setup('chromium', true);
    const record = await fakeBrowser(s.bin, 'chromium');
    try {
      expect(await ok(s.core.dispatch('console.browsers', {}))).toEqual({ browsers: [{ id: 'chromium', name: 'Chromium', separateProfiles: true }], reason: null });

      const answer = await ok(s.core.dispatch('console.open', { profile: 'ops', region: 'eu-west-2', service: 'ec2', separateProfile: true }));
      expect(answer).toMatchObject({ opened: true, partition: 'aws', browser: 'Chromium' });
      await vi.waitFor(() => expect(runs(record)).toHaveLength(1), WAIT);
      const [opsRun] = runs(record) as [string[]];
      const opsDir = browserProfileDir(s.dataDir, { id: 'chromium' }, 'ops');
      expect(opsRun.slice(0, 3)).toEqual([`--user-data-dir=${opsDir}`, '--no-first-run', '--no-default-browser-check']);
      const login = new URL(opsRun[3]!);
      expect(login.searchParams.get('SigninToken')).toBe('e2e-token');
      expect(login.searchParams.get('Destination')).toBe('https://eu-west-2.console.aws.amazon.com/ec2/home?region=eu-west-2');
      expect(s.opened).toEqual([]);

      await ok(s.core.dispatch('console.open', { profile: 'base', separateProfile: true, browser: 'chromium' }));
      await vi.waitFor(() => expect(runs(record)).toHaveLength(2), WAIT);
      const baseDir = browserProfileDir(s.dataDir, { id: 'chromium' }, 'base');
      expect(baseDir).not.toBe(opsDir);
      expect(runs(record)[1]![0]).toBe(`--user-data-dir=${baseDir}`);
      expect(path.dirname(baseDir)).toBe(path.join(s.dataDir, 'browser-profiles'));

      // The sign-in URL and its token reached the browser's argv only: no log line carries them.
      expect(s.logs.join('\n')).not.toMatch(/e2e-token|federation\?|SigninToken/);
    } finally {
      s.core.dispose();
    }
  });

  it('remembers the choice: recents newest first, and lastChoice opens there again in the default browser', async () => {
    const s = await setup('memory', true);
    await fakeBrowser(s.bin, 'chromium');
    try {
      await ok(s.core.dispatch('console.open', { profile: 'ops', region: 'ap-south-1', service: 'lambda', separateProfile: true }));
      await ok(s.core.dispatch('console.open', { profile: 'base', region: 'us-west-2' }));
      const settings = await ok(s.core.dispatch('settings.get', {}));
      expect(settings.console).toEqual({
        recentRegions: ['us-west-2', 'ap-south-1'],
        recentServices: ['lambda'],
        last: { ops: { region: 'ap-south-1', service: 'lambda' }, base: { region: 'us-west-2', service: null } },
      });
      await ok(s.core.dispatch('console.open', { profile: 'ops', lastChoice: true }));
      expect(new URL(s.opened.at(-1)!).searchParams.get('Destination')).toBe('https://ap-south-1.console.aws.amazon.com/lambda/home?region=ap-south-1');

      const cleared = await ok(s.core.dispatch('console.clearRecents', {}));
      expect(cleared.console).toEqual({ recentRegions: [], recentServices: [], last: {} });
    } finally {
      s.core.dispose();
    }
  });

  it('creates a Firefox profile once per AWS profile, then opens it with -profile', async () => {
    const s = await setup('firefox', true);
    const record = await fakeBrowser(s.bin, 'firefox');
    try {
      await ok(s.core.dispatch('console.open', { profile: 'ops', separateProfile: true, browser: 'firefox' }));
      await vi.waitFor(() => expect(runs(record)).toHaveLength(2), WAIT);
      const dir = browserProfileDir(s.dataDir, { id: 'firefox' }, 'ops');
      const [create, open] = runs(record) as [string[], string[]];
      expect(create).toEqual(['-CreateProfile', `hatrack-${path.basename(dir)} ${dir}`, '-no-remote']);
      expect(open.slice(0, 3)).toEqual(['-profile', dir, '-new-tab']);
      expect(new URL(open[3]!).searchParams.get('Action')).toBe('login');

      await ok(s.core.dispatch('console.open', { profile: 'ops', separateProfile: true, browser: 'firefox' }));
      await vi.waitFor(() => expect(runs(record)).toHaveLength(3), WAIT);
      expect(runs(record)[2]!.slice(0, 2)).toEqual(['-profile', dir]);
    } finally {
      s.core.dispose();
    }
  });

  it('hatrack console --separate-profile opens the same per-profile dir as the window, and refuses an unknown browser first', async () => {
    const s = await setup('cli', true);
    const record = await fakeBrowser(s.bin, 'chromium');
    s.core.dispose();
    // The CLI reads PATH from its own environment; node itself is started by absolute path.
    const env = { ...s.vars, HATRACK_DATA_DIR: s.dataDir, NO_COLOR: '1' };
    const opened = await runProcess(process.execPath, [HATRACK_BIN, 'console', 'ops', '--separate-profile', '--region', 'eu-west-2'], env);
    expect(opened.code, opened.stderr).toBe(0);
    expect(opened.stdout).toBe('Opened the AWS console for ops in Chromium, in a browser profile of its own (role session; the sign-in link expires in 15 minutes).\n');
    await vi.waitFor(() => expect(runs(record)).toHaveLength(1), WAIT);
    const [run] = runs(record) as [string[]];
    expect(run.slice(0, 3)).toEqual([`--user-data-dir=${browserProfileDir(s.dataDir, { id: 'chromium' }, 'ops')}`, '--no-first-run', '--no-default-browser-check']);
    expect(new URL(run[3]!).searchParams.get('Destination')).toBe('https://eu-west-2.console.aws.amazon.com/console/home?region=eu-west-2');
    expect(opened.stdout + opened.stderr).not.toContain('SigninToken');

    const before = signin.requests.length;
    const unknown = await runProcess(process.execPath, [HATRACK_BIN, 'console', 'ops', '--separate-profile', '--browser', 'firefox'], env);
    expect(unknown.code).not.toBe(0);
    expect(unknown.stderr.trim()).toBe('hatrack: The browser "firefox" is not installed (found: chromium). [NOT_SUPPORTED]');
    expect(signin.requests.length).toBe(before);
    const misuse = await runProcess(process.execPath, [HATRACK_BIN, 'console', 'ops', '--browser', 'chromium'], env);
    expect(misuse.stderr).toContain('--browser goes with --separate-profile.');
  });

  it('refuses before signing in when no browser is found, with the reason and without the URL', async () => {
    const s = await setup('none', false);
    try {
      expect(await ok(s.core.dispatch('console.browsers', {}))).toEqual({ browsers: [], reason: 'No Chromium-based browser or Firefox found' });
      const before = signin.requests.length;
      const answer = await s.core.dispatch('console.open', { profile: 'ops', separateProfile: true });
      expect(answer.ok ? 'ok' : answer.error.code).toBe('NOT_SUPPORTED');
      expect(answer.ok ? '' : answer.error.message).toMatch(/^No Chromium-based browser or Firefox found/);
      expect(signin.requests.length).toBe(before);
      expect(s.opened).toEqual([]);
      const settings = await ok(s.core.dispatch('settings.get', {}));
      expect(settings.console.recentRegions).toEqual([]);
    } finally {
      s.core.dispose();
    }
  });
});
