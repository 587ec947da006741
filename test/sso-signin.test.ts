// Issue 11 sign-in acceptance: real `hatrack sso setup|login|logout` processes and botocore against the loopback stand-in.
import { spawn, spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';

import { fileState, hatrackBuilt, HATRACK_BIN, makeWorkspace } from './support/cli-runner.js';
import type { RunResult, Workspace } from './support/cli-runner.js';
import { childEnv, REPO_ROOT } from './support/oracle.js';
import { startSsoStandin } from './support/sso-standin/server.js';
import type { SsoStandin } from './support/sso-standin/server.js';

const START_URL = 'https://d-1234567890.awsapps.com/start';
const BOTOCORE_SSO = join(REPO_ROOT, 'test', 'oracle', 'botocore_sso_credentials.py');
const BROWSER = join(REPO_ROOT, 'test', 'support', 'sso-standin', 'browser.mjs');
const sha1 = (s: string): string => createHash('sha1').update(s, 'utf8').digest('hex');

const USER_CONFIG = `# my own notes, kept as typed
[default]
region = eu-west-1   ; inline note

[profile mine]
aws_access_key_id = AKIAEXAMPLEEXAMPLE12
`;

const SSO_CONFIG = `${USER_CONFIG}
[profile dev]
sso_session = my-sso
sso_account_id = 011111111111
sso_role_name = ReadOnly
region = us-west-2

[sso-session my-sso]
sso_start_url = ${START_URL}
sso_region = us-east-1
sso_registration_scopes = sso:account:access
`;

let standin: SsoStandin;
let ws: Workspace;

beforeAll(async () => {
  if (!hatrackBuilt()) throw new Error(`Build the CLI first (npm run build): ${HATRACK_BIN} is missing.`);
  standin = await startSsoStandin({ minimalRoleCredentials: true });
});
afterAll(async () => {
  await standin.close();
});
beforeEach(() => {
  ws = makeWorkspace(undefined, 'hatrack-sso-');
});

function env(extra: Record<string, string> = {}): NodeJS.ProcessEnv {
  const e = childEnv(ws.home, ws, { HATRACK_DATA_DIR: ws.dataDir, NO_COLOR: '1', AWS_ENDPOINT_URL_SSO_OIDC: standin.url, AWS_ENDPOINT_URL_SSO: standin.url, ...extra });
  // No desktop here unless a test brings its own "browser": the device code is then used automatically.
  for (const k of ['DISPLAY', 'WAYLAND_DISPLAY']) delete e[k];
  if (extra['BROWSER'] === undefined) delete e['BROWSER'];
  return e;
}

/** A running `hatrack` whose stderr can be waited on while it runs. */
interface Running {
  waitForStderr(pattern: RegExp): Promise<RegExpMatchArray>;
  readonly done: Promise<RunResult>;
  kill(signal: NodeJS.Signals): void;
}

function startHatrack(args: readonly string[], extra: Record<string, string> = {}): Running {
  const child = spawn(process.execPath, [HATRACK_BIN, ...args], { env: env(extra), stdio: ['ignore', 'pipe', 'pipe'], cwd: REPO_ROOT });
  let stdout = '';
  let stderr = '';
  const waiters: { pattern: RegExp; resolve: (m: RegExpMatchArray) => void; reject: (e: Error) => void }[] = [];
  const check = (): void => {
    for (const w of [...waiters]) {
      const m = stderr.match(w.pattern);
      if (m !== null) {
        waiters.splice(waiters.indexOf(w), 1);
        w.resolve(m);
      }
    }
  };
  child.stdout.setEncoding('utf8').on('data', (d: string) => (stdout += d));
  child.stderr.setEncoding('utf8').on('data', (d: string) => {
    stderr += d;
    check();
  });
  const done = new Promise<RunResult>((resolve) => {
    child.on('close', (code, signal) => {
      for (const w of waiters.splice(0)) w.reject(new Error(`hatrack exited before printing ${w.pattern}; stderr: ${stderr}`));
      resolve({ code: code ?? (signal !== null ? 128 : -1), stdout, stderr });
    });
  });
  return {
    waitForStderr: (pattern) =>
      new Promise((resolve, reject) => {
        waiters.push({ pattern, resolve, reject });
        check();
      }),
    done,
    kill: (signal) => child.kill(signal),
  };
}

const hatrack = (args: readonly string[], extra: Record<string, string> = {}): Promise<RunResult> => startHatrack(args, extra).done;

/** Asynchronous on purpose: the stand-in answers botocore from this very process. */
async function botocoreCredentials(profile: string, extra: Record<string, string> = {}): Promise<Record<string, unknown>> {
  const child = spawn('python3', [BOTOCORE_SSO, profile], { env: env(extra), stdio: ['ignore', 'pipe', 'pipe'] });
  let stdout = '';
  let stderr = '';
  child.stdout.setEncoding('utf8').on('data', (d: string) => (stdout += d));
  child.stderr.setEncoding('utf8').on('data', (d: string) => (stderr += d));
  const code = await new Promise<number | null>((resolve) => child.on('close', resolve));
  if (code !== 0) throw new Error(`botocore oracle failed: ${stderr}`);
  return JSON.parse(stdout) as Record<string, unknown>;
}

const tokenFile = (id: string): string => join(ws.home, '.aws', 'sso', 'cache', `${sha1(id)}.json`);
const cacheDir = (): string => join(ws.home, '.aws', 'sso', 'cache');
const readJson = (file: string): Record<string, unknown> => JSON.parse(readFileSync(file, 'utf8')) as Record<string, unknown>;
const ISO_SECONDS = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}Z$/;
const CODE_LINE = /enter the code:\n {2}([A-Z]{4}-[A-Z]{4})\n/;

/** Signs in with a device code the "user" approves as soon as it is printed. */
async function deviceLogin(args: readonly string[] = ['--sso-session', 'my-sso'], extra: Record<string, string> = {}): Promise<RunResult> {
  const run = startHatrack(['sso', 'login', ...args, '--no-browser', '--use-device-code'], extra);
  const [, code] = await run.waitForStderr(CODE_LINE);
  standin.control.approve(code!);
  return run.done;
}

describe('hatrack sso setup', () => {
  it('appends a lossless [sso-session] block botocore reads, and a second run writes nothing', async () => {
    writeFileSync(ws.config, USER_CONFIG);
    const r = await hatrack(['sso', 'setup', 'my-sso', '--start-url', START_URL, '--region', 'us-east-1']);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(readFileSync(ws.config, 'utf8')).toBe(`${USER_CONFIG}\n[sso-session my-sso]\nsso_start_url = ${START_URL}\nsso_region = us-east-1\nsso_registration_scopes = sso:account:access\n`);
    const py = spawnSync('python3', ['-c', 'import botocore.session, json; print(json.dumps(botocore.session.Session().full_config["sso_sessions"]))'], { env: env(), encoding: 'utf8' });
    expect(JSON.parse(py.stdout)).toEqual({ 'my-sso': { sso_start_url: START_URL, sso_region: 'us-east-1', sso_registration_scopes: 'sso:account:access' } });
    const before = fileState(ws.config);
    expect((await hatrack(['sso', 'setup', 'my-sso', '--start-url', START_URL, '--region', 'us-east-1'])).code).toBe(0);
    expect(fileState(ws.config)).toEqual(before);
  });

  it('updates only the changed line of an existing block, and refuses a non-https start URL writing nothing', async () => {
    writeFileSync(ws.config, SSO_CONFIG);
    expect((await hatrack(['sso', 'setup', 'my-sso', '--start-url', START_URL, '--region', 'eu-west-1'])).code).toBe(0);
    expect(readFileSync(ws.config, 'utf8')).toBe(SSO_CONFIG.replace('sso_region = us-east-1', 'sso_region = eu-west-1'));
    const before = fileState(ws.config);
    const bad = await hatrack(['sso', 'setup', 'other', '--start-url', 'http://example.com/start', '--region', 'us-east-1']);
    expect(bad.code).toBe(1);
    expect(bad.stderr).toMatch(/^hatrack: The start URL must begin with https:\/\/.*\[INVALID_VALUE\]\n$/);
    expect(fileState(ws.config)).toEqual(before);
  });
});

describe('hatrack sso login (device code)', () => {
  it('prints the code on stderr, writes the token botocore then uses, and export prints the same keys', async () => {
    writeFileSync(ws.config, SSO_CONFIG);
    const r = await deviceLogin();
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toBe(`Successfully logged into Start URL: ${START_URL}\n`);
    expect(r.stderr).toContain(`${standin.url}/device\n`);
    expect(r.stderr).not.toContain('user_code=');

    const file = tokenFile('my-sso');
    const token = readJson(file);
    expect(Object.keys(token)).toEqual(['startUrl', 'region', 'accessToken', 'expiresAt', 'clientId', 'clientSecret', 'registrationExpiresAt', 'refreshToken']);
    expect(token['startUrl']).toBe(START_URL);
    expect(token['region']).toBe('us-east-1');
    expect(token['expiresAt']).toMatch(ISO_SECONDS);
    expect(token['registrationExpiresAt']).toMatch(ISO_SECONDS);
    expect(statSync(file).mode & 0o777).toBe(0o600);
    expect(statSync(cacheDir()).mode & 0o777).toBe(0o700);
    expect(readdirSync(cacheDir()).filter((f) => f.endsWith('.tmp'))).toEqual([]);
    // The device flow's registration: clientName/clientType (+ configured scopes), cached without grantTypes.
    const reg = standin.control.registrations.at(-1)!;
    expect(reg).toEqual({ clientName: 'botocore-client-my-sso', clientType: 'public', scopes: ['sso:account:access'] });
    const regFiles = readdirSync(cacheDir()).filter((f) => f !== `${sha1('my-sso')}.json`);
    expect(regFiles).toHaveLength(1);
    expect(Object.keys(readJson(join(cacheDir(), regFiles[0]!)))).toEqual(['clientId', 'clientSecret', 'expiresAt']);

    const boto = await botocoreCredentials('dev');
    expect(boto).toMatchObject({ ok: true, method: 'sso', access_key: 'ASIASTANDIN111111' });
    const fed = standin.log.filter((l) => l.path === '/federation/credentials').at(-1)!;
    expect(fed.bearer).toBe(token['accessToken']);
    expect(fed.authorization).toBeUndefined();
    expect(fed.query).toEqual({ role_name: 'ReadOnly', account_id: '011111111111' });

    const exported = await hatrack(['export', 'dev', '--format', 'json']);
    expect(exported.code, exported.stderr).toBe(0);
    const keys = JSON.parse(exported.stdout) as Record<string, unknown>;
    expect(keys).toMatchObject({ AccessKeyId: boto['access_key'], SecretAccessKey: boto['secret_key'], SessionToken: boto['token'] });
  });

  it('reuses the cached registration on the next login, and a legacy profile is keyed by its start URL', async () => {
    writeFileSync(ws.config, `${SSO_CONFIG}\n[profile legacy]\nsso_start_url = ${START_URL}/\nsso_region = us-east-1\nsso_account_id = 022222222222\nsso_role_name = Admin\n`);
    expect((await deviceLogin()).code).toBe(0);
    const registered = standin.control.registrations.length;
    expect((await deviceLogin()).code).toBe(0);
    expect(standin.control.registrations.length).toBe(registered);

    const legacy = await deviceLogin(['--profile', 'legacy']);
    expect(legacy.code, legacy.stderr).toBe(0);
    expect(legacy.stderr).toMatch(/cannot be refreshed/);
    expect(readJson(tokenFile(`${START_URL}/`))['startUrl']).toBe(`${START_URL}/`);
    expect(await botocoreCredentials('legacy')).toMatchObject({ ok: true, method: 'sso', access_key: 'ASIASTANDIN222222' });
  });

  it('keeps polling through slow_down (interval + 5 s) and only AWS_ENDPOINT_URL is enough', async () => {
    writeFileSync(ws.config, SSO_CONFIG);
    const run = startHatrack(['sso', 'login', '--sso-session', 'my-sso', '--use-device-code'], { AWS_ENDPOINT_URL_SSO_OIDC: '', AWS_ENDPOINT_URL_SSO: '', AWS_ENDPOINT_URL: standin.url });
    const [, code] = await run.waitForStderr(CODE_LINE);
    standin.control.slowDownOnce();
    const polls = (): number => standin.log.filter((l) => l.path === '/token').length;
    const start = polls();
    // Approve only once the slow-down has been answered, so the next poll shows the grown interval.
    while (polls() < start + 1) await new Promise((r) => setTimeout(r, 50));
    standin.control.approve(code!);
    const r = await run.done;
    expect(r.code, r.stderr).toBe(0);
    const times = standin.log.filter((l) => l.path === '/token').slice(-2).map((l) => l.time);
    expect(times[1]! - times[0]!).toBeGreaterThanOrEqual(5_900);
  });

  it.each([
    ['denied', (c: string) => standin.control.deny(c), /^hatrack: Sign-in was denied in the browser; nothing was written\. \[SSO_LOGIN_DENIED\]$/],
    ['expired', (c: string) => standin.control.expire(c), /^hatrack: The sign-in code expired before it was approved; run the login again\. \[SSO_LOGIN_EXPIRED\]$/],
  ])('a %s device code ends with one clear line and writes nothing', async (_label, act, message) => {
    writeFileSync(ws.config, SSO_CONFIG);
    const before = fileState(ws.config);
    const run = startHatrack(['sso', 'login', '--sso-session', 'my-sso', '--no-browser']);
    const [, code] = await run.waitForStderr(CODE_LINE);
    act(code!);
    const r = await run.done;
    expect(r.code).toBe(1);
    expect(r.stderr.trimEnd().split('\n').at(-1)).toMatch(message);
    expect(r.stdout).toBe('');
    expect(existsSync(join(ws.home, '.aws'))).toBe(false);
    expect(fileState(ws.config)).toEqual(before);
  });

  it('Ctrl+C while waiting stops polling and writes nothing', async () => {
    writeFileSync(ws.config, SSO_CONFIG);
    const run = startHatrack(['sso', 'login', '--sso-session', 'my-sso', '--no-browser']);
    await run.waitForStderr(CODE_LINE);
    run.kill('SIGINT');
    const r = await run.done;
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/Sign-in cancelled; nothing was written\. \[CANCELLED\]\n$/);
    expect(existsSync(join(ws.home, '.aws'))).toBe(false);
  });
});

describe('hatrack sso login (browser, PKCE)', () => {
  it('follows the stand-in 302 to the loopback and exchanges the code with the verifier', async () => {
    writeFileSync(ws.config, SSO_CONFIG);
    const r = await hatrack(['sso', 'login', '--sso-session', 'my-sso'], { BROWSER });
    expect(r.code, r.stderr).toBe(0);
    const auth = standin.log.filter((l) => l.path === '/authorize').at(-1)!;
    expect(Object.keys(auth.query)).toEqual(['response_type', 'client_id', 'redirect_uri', 'state', 'code_challenge_method', 'scopes', 'code_challenge']);
    expect(auth.query['redirect_uri']).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/oauth\/callback$/);
    expect(auth.query['scopes']).toBe('sso:account:access');
    const exchange = standin.log.filter((l) => l.path === '/token').at(-1)!.body as Record<string, unknown>;
    expect(exchange['grantType']).toBe('authorization_code');
    expect(exchange['redirectUri']).toBe(auth.query['redirect_uri']);
    expect(String(exchange['codeVerifier'])).toMatch(/^[A-Za-z0-9._~-]{64}$/);
    const reg = standin.control.registrations.at(-1)!;
    expect(reg).toMatchObject({ grantTypes: ['authorization_code', 'refresh_token'], redirectUris: ['http://127.0.0.1/oauth/callback'], issuerUrl: START_URL });
    expect(readJson(tokenFile('my-sso'))['accessToken']).toBe(standin.control.issued.at(-1)!.accessToken);
    expect(r.stderr).not.toContain('/authorize');
    expect(await botocoreCredentials('dev')).toMatchObject({ ok: true, method: 'sso' });
  });

  it.each([
    ['deny', /Sign-in was denied in the browser; nothing was written\. \[SSO_LOGIN_DENIED\]\n$/],
    ['wrong-state', /state mismatch\); nothing was written\. \[SSO_LOGIN_FAILED\]\n$/],
  ] as const)('a browser answer of %s fails at once and writes nothing', async (mode, message) => {
    writeFileSync(ws.config, SSO_CONFIG);
    standin.control.setAuthorizeMode(mode);
    try {
      const r = await hatrack(['sso', 'login', '--sso-session', 'my-sso'], { BROWSER });
      expect(r.code).toBe(1);
      expect(r.stderr).toMatch(message);
      expect(existsSync(join(ws.home, '.aws'))).toBe(false);
    } finally {
      standin.control.setAuthorizeMode('approve');
    }
  });
});

describe('staying signed in', () => {
  it('an expired access token is refreshed by hatrack, written back as botocore reads it, unknown fields kept', async () => {
    writeFileSync(ws.config, SSO_CONFIG);
    expect((await deviceLogin()).code).toBe(0);
    const file = tokenFile('my-sso');
    const old = readJson(file);
    writeFileSync(file, JSON.stringify({ ...old, expiresAt: '2020-01-01T00:00:00Z', otherTool: { kept: true } }));
    const r = await hatrack(['export', 'dev', '--format', 'json']);
    expect(r.code, r.stderr).toBe(0);
    const now = readJson(file);
    expect(now['accessToken']).not.toBe(old['accessToken']);
    expect(now['refreshToken']).not.toBe(old['refreshToken']);
    expect(now['expiresAt']).toMatch(ISO_SECONDS);
    expect(Date.parse(String(now['expiresAt']))).toBeGreaterThan(Date.now() + 30 * 60_000);
    expect(now['otherTool']).toEqual({ kept: true });
    expect(now).toMatchObject({ startUrl: START_URL, region: 'us-east-1', clientId: old['clientId'], clientSecret: old['clientSecret'], registrationExpiresAt: old['registrationExpiresAt'] });
    const refresh = standin.log.filter((l) => l.path === '/token').at(-1)!.body as Record<string, unknown>;
    expect(refresh).toMatchObject({ grantType: 'refresh_token', refreshToken: old['refreshToken'] });
    // botocore takes the refreshed file as it is (more than 15 min left: no refresh of its own). The role keys
    // export cached in ~/.aws/cli/cache go first, so botocore must use the token rather than that shared entry.
    rmSync(join(ws.home, '.aws', 'cli'), { recursive: true, force: true });
    const calls = standin.log.length;
    expect(await botocoreCredentials('dev')).toMatchObject({ ok: true, method: 'sso' });
    expect(standin.log.slice(calls).map((l) => l.path)).toEqual(['/federation/credentials']);
    expect(standin.log.at(-1)!.bearer).toBe(now['accessToken']);
  });

  it('when no refresh is possible the CLI says so in one line', async () => {
    writeFileSync(ws.config, SSO_CONFIG);
    expect((await deviceLogin()).code).toBe(0);
    const file = tokenFile('my-sso');
    const old = readJson(file);
    delete old['refreshToken'];
    writeFileSync(file, JSON.stringify({ ...old, expiresAt: '2020-01-01T00:00:00Z' }));
    const r = await hatrack(['export', 'dev', '--format', 'json']);
    expect(r.code).toBe(1);
    expect(r.stderr.split('\n').filter((l) => l !== '')).toHaveLength(1);
    expect(r.stderr).toMatch(/hatrack sso login --sso-session my-sso/);
    expect(r.stderr).not.toContain(String(old['accessToken']));
  });
});

describe('hatrack sso logout', () => {
  it('logs the token out at the portal and removes it and the cached SSO role credentials', async () => {
    writeFileSync(ws.config, SSO_CONFIG);
    expect((await deviceLogin()).code).toBe(0);
    const token = readJson(tokenFile('my-sso'))['accessToken'];
    expect((await hatrack(['export', 'dev'])).code).toBe(0);
    const r = await hatrack(['sso', 'logout']);
    expect(r.code, r.stderr).toBe(0);
    expect(existsSync(tokenFile('my-sso'))).toBe(false);
    const cli = join(ws.home, '.aws', 'cli', 'cache');
    expect(existsSync(cli) ? readdirSync(cli) : []).toEqual([]);
    // The registration stays, as with `aws sso logout`.
    expect(readdirSync(cacheDir())).toHaveLength(1);
    const logout = standin.log.filter((l) => l.path === '/logout').at(-1)!;
    expect(logout).toMatchObject({ method: 'POST', bearer: token, body: undefined });
  });
});
