// Integration: the built `hatrack` CLI's export/use/console/keys/rotate against moto (auth on), with AWS CLI v1 as a consumer.
import { spawnSync } from 'node:child_process';
import { chmodSync, existsSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:http';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';

import { ListAccessKeysCommand } from '@aws-sdk/client-iam';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';

import { runProcess } from './support/cli-runner.js';
import type { RunResult as Run } from './support/cli-runner.js';
import { HANG_MS } from './support/deadlines.js';
import { ACCOUNT, adminIam, createRole, createUser, startMoto } from './support/moto.js';
import type { Moto, TestUser } from './support/moto.js';

const ROOT = path.resolve(import.meta.dirname, '..');
const BIN = path.join(ROOT, 'dist', 'cli', 'hatrack.cjs');
const MFA = `arn:aws:iam::${ACCOUNT}:mfa/alice`;
const role = (name: string): string => `arn:aws:iam::${ACCOUNT}:role/${name}`;

interface Ws {
  readonly home: string;
  readonly config: string;
  readonly credentials: string;
  readonly data: string;
}

let moto: Moto;
let signin: Server;
let signinBase: string;
let signinSessions: { sessionId: string; sessionToken: string }[] = [];
let awsV1: string;
let alice: TestUser;
let carol: TestUser;
let dave: TestUser;

function workspace(config: string, credentials: string): Ws {
  const home = mkdtempSync(path.join(tmpdir(), 'hatrack-cli-sts-'));
  const ws = { home, config: path.join(home, 'config'), credentials: path.join(home, 'credentials'), data: path.join(home, 'data') };
  writeFileSync(ws.config, config, { mode: 0o600 });
  writeFileSync(ws.credentials, credentials, { mode: 0o600 });
  return ws;
}

function envFor(ws: Ws, extra: Record<string, string> = {}): NodeJS.ProcessEnv {
  return {
    PATH: process.env['PATH'],
    HOME: ws.home,
    USER: 'tester',
    LC_ALL: 'C.UTF-8',
    AWS_CONFIG_FILE: ws.config,
    AWS_SHARED_CREDENTIALS_FILE: ws.credentials,
    HATRACK_DATA_DIR: ws.data,
    // MFA sessions persist in the keychain: give each workspace its own entries so tests cannot share a session.
    HATRACK_KEYCHAIN_SERVICE: `Hatrack-test-${path.basename(ws.home)}`,
    AWS_ENDPOINT_URL: moto.endpoint,
    AWS_EC2_METADATA_DISABLED: 'true',
    AWS_PAGER: '',
    ...extra,
  };
}

const hatrack = (ws: Ws, args: readonly string[], extra: Record<string, string> = {}): Promise<Run> => runProcess(process.execPath, [BIN, ...args], envFor(ws, extra));

/** AWS CLI v1 (botocore) acting with the workspace's files, in a HOME of its own. */
function aws(ws: Ws, args: readonly string[]): Promise<Run> {
  const home = path.join(ws.home, 'aws-home');
  mkdirSync(home, { recursive: true });
  return runProcess(awsV1, args, { ...envFor(ws), HOME: home, AWS_DEFAULT_REGION: 'us-east-1' });
}

async function callerArn(ws: Ws, profile?: string): Promise<string> {
  const r = await aws(ws, ['sts', 'get-caller-identity', '--output', 'json', ...(profile === undefined ? [] : ['--profile', profile])]);
  expect(r.code, r.stderr).toBe(0);
  return (JSON.parse(r.stdout) as { Arn: string }).Arn;
}

const keysIni = (name: string, u: TestUser): string => `[${name}]\naws_access_key_id = ${u.accessKeyId}\naws_secret_access_key = ${u.secretAccessKey}\n`;

function bytes(ws: Ws): { config: Buffer; credentials: Buffer } {
  return { config: readFileSync(ws.config), credentials: readFileSync(ws.credentials) };
}

function findAwsV1(): string {
  const r = spawnSync('pyenv', ['which', 'aws'], { encoding: 'utf8' });
  const candidate = r.status === 0 ? r.stdout.trim() : 'aws';
  const v = spawnSync(candidate, ['--version'], { encoding: 'utf8' });
  if (!/aws-cli\/1\./.test(`${v.stdout}${v.stderr}`)) throw new Error(`AWS CLI v1 not found (got ${candidate}: ${v.stdout}${v.stderr})`);
  return candidate;
}

beforeAll(async () => {
  const build = spawnSync(process.execPath, ['scripts/build.mjs', 'cli'], { cwd: ROOT, encoding: 'utf8' });
  if (build.status !== 0) throw new Error(`build failed: ${build.stderr}`);
  awsV1 = findAwsV1();
  moto = await startMoto();
  signin = createServer((req, res) => {
    const u = new URL(req.url ?? '/', 'http://x');
    if (u.pathname !== '/federation' || u.searchParams.get('Action') !== 'getSigninToken') {
      res.writeHead(400).end();
      return;
    }
    signinSessions.push(JSON.parse(u.searchParams.get('Session') ?? '{}') as { sessionId: string; sessionToken: string });
    res.writeHead(200, { 'content-type': 'application/json' }).end('{"SigninToken":"stand-in-token"}');
  });
  await new Promise<void>((r) => signin.listen(0, '127.0.0.1', r));
  signinBase = `http://127.0.0.1:${(signin.address() as AddressInfo).port}`;

  await moto.setAuth(false);
  alice = await createUser(moto, 'alice', ['sts:AssumeRole']);
  carol = await createUser(moto, 'carol', ['iam:ListAccessKeys', 'iam:GetAccessKeyLastUsed']);
  dave = await createUser(moto, 'dave', ['sts:GetFederationToken', 'iam:GetUser']);
  await createRole(moto, 'production-role', { allow: ['sts:AssumeRole'] });
  await createRole(moto, 'hop-role', { allow: ['sts:AssumeRole'] });
  await createRole(moto, 'partner-role', { externalId: 'ext-123' });
  await moto.setAuth(true);
});

afterAll(async () => {
  await moto?.stop();
  await new Promise<void>((r) => (signin ? signin.close(() => r()) : r()));
});

/** alice's keys, a plain hop role, and the partner role that needs both an external id and MFA. */
function partnerWorkspace(): Ws {
  const config =
    `[profile hop]\nrole_arn = ${role('hop-role')}\nsource_profile = alice\n\n` +
    `[profile partner]\nrole_arn = ${role('partner-role')}\nsource_profile = hop\nexternal_id = ext-123\nmfa_serial = ${MFA}\nregion = eu-west-1\n\n` +
    `[profile partner-wrong]\nrole_arn = ${role('partner-role')}\nsource_profile = alice\nexternal_id = wrong-id\n\n` +
    `[profile viaproc]\ncredential_process = ${process.execPath} ${BIN} export partner --format process --mfa-code 123456\n`;
  return workspace(config, keysIni('alice', alice));
}

describe('hatrack export', () => {
  it('assumes a role with external id and MFA as credential_process JSON, and AWS CLI v1 signs with it', async () => {
    const ws = partnerWorkspace();
    const r = await hatrack(ws, ['export', 'partner', '--format', 'process', '--mfa-code', '123456']);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stderr).toBe('');
    const out = JSON.parse(r.stdout) as Record<string, unknown>;
    expect(out['Version']).toBe(1);
    expect(out['AccessKeyId']).toMatch(/^ASIA/);
    expect(out['SessionToken']).toEqual(expect.any(String));
    expect(out['Expiration']).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$/);
    expect(await callerArn(ws, 'viaproc')).toMatch(new RegExp(`^arn:aws:sts::${ACCOUNT}:assumed-role/partner-role/`));
  });

  it('fails clearly without an MFA code when standard input is not a terminal', async () => {
    const ws = partnerWorkspace();
    const r = await hatrack(ws, ['export', 'partner']);
    expect(r.code).toBe(1);
    expect(r.stdout).toBe('');
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
    expect(r.stderr).toContain('[MFA_REQUIRED]');
    expect(r.stderr).toContain('--mfa-code');
  });

  it('prints long-term keys as env exports without any AWS call, and refuses an unknown format', async () => {
    const ws = partnerWorkspace();
    await moto.setAuth(true);
    const r = await hatrack(ws, ['export', 'alice', '--format', 'env'], { AWS_ENDPOINT_URL: 'http://127.0.0.1:9' });
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toBe(`export AWS_ACCESS_KEY_ID=${alice.accessKeyId}\nexport AWS_SECRET_ACCESS_KEY=${alice.secretAccessKey}\n`);
    expect((await hatrack(ws, ['export', 'alice', '--format', 'yaml'])).code).toBe(2);
  });

  it('refuses a credential_process that exports its own profile again', async () => {
    const ws = workspace(`[profile loop]\ncredential_process = ${process.execPath} ${BIN} export loop\n`, '');
    const r = await hatrack(ws, ['export', 'loop']);
    expect(r.code).toBe(1);
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
    expect(r.stderr).toContain('[CREDENTIAL_PROCESS_FAILED]');
    expect(r.stderr).toContain('CYCLE');
  });

  it('maps a wrong external id to ACCESS_DENIED without a secret in the message', async () => {
    const ws = partnerWorkspace();
    const r = await hatrack(ws, ['export', 'partner-wrong']);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('[ACCESS_DENIED]');
    expect(r.stderr).not.toContain(alice.secretAccessKey);
  });
});

describe('hatrack use', () => {
  const seedConfig = `[default]\nregion = eu-central-1\n\n[profile production]\nrole_arn = ${role('production-role')}\nsource_profile = default\nregion = us-east-2\n`;

  it('switches to a production role and back, keeping the seed-guide default and its source_profile users working', async () => {
    const ws = workspace(seedConfig, `# my own keys\n${keysIni('default', alice)}`);
    const refused = await hatrack(ws, ['use', 'production']);
    expect(refused.code).toBe(1);
    expect(refused.stderr).toContain('[NEEDS_CONFIRMATION]');
    expect(refused.stderr).toContain('--yes');

    const check = async (expectedDefaultArn: RegExp, managedBy: string): Promise<void> => {
      const config = readFileSync(ws.config, 'utf8');
      const credentials = readFileSync(ws.credentials, 'utf8');
      expect(credentials).toContain(`[default-original]\naws_access_key_id = ${alice.accessKeyId}\naws_secret_access_key = ${alice.secretAccessKey}\n`);
      expect(config).toContain('[profile default-original]\nregion = eu-central-1\n');
      expect(config).toMatch(/\[profile production\][^[]*source_profile = default-original\n/);
      expect(config).not.toMatch(/source_profile = default\n/);
      expect(credentials).toMatch(new RegExp(`\\[default\\]\\n# managed by hatrack: profile "${managedBy}", `));
      expect(config).toMatch(new RegExp(`\\[default\\]\\n# managed by hatrack: profile "${managedBy}", `));
      expect(credentials.match(/^\[default\]$/gm)).toHaveLength(1);
      // AWS CLI v1 with no profile (the default identity), and the role that sourced [default] before the switch.
      const [asDefault, asProduction] = await Promise.all([callerArn(ws), callerArn(ws, 'production')]);
      expect(asDefault).toMatch(expectedDefaultArn);
      expect(asProduction).toMatch(/assumed-role\/production-role\//);
    };

    const first = await hatrack(ws, ['use', 'production', '--yes']);
    expect(first.code, first.stderr).toBe(0);
    expect(first.stdout).toMatch(/default identity is now profile "production" until \d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ/);
    expect(first.stdout).toContain('kept as profile "default-original"');
    expect(readFileSync(ws.credentials, 'utf8')).toMatch(/\[default\]\n# managed by hatrack: profile "production", expires \S+Z/);
    expect(readFileSync(ws.config, 'utf8')).toMatch(/\[default\]\n# managed by hatrack[^\n]*\nregion = us-east-2\n/);
    await check(/assumed-role\/production-role\//, 'production');
    expect(await callerArn(ws, 'default-original')).toBe(alice.arn);

    const firstKey = /\[default\]\n[^\n]*\naws_access_key_id = (\S+)/.exec(readFileSync(ws.credentials, 'utf8'))![1];
    const again = await hatrack(ws, ['use', 'production', '--yes']);
    expect(again.code, again.stderr).toBe(0);
    expect(again.stdout).not.toContain('kept as');
    expect(/\[default\]\n[^\n]*\naws_access_key_id = (\S+)/.exec(readFileSync(ws.credentials, 'utf8'))![1]).not.toBe(firstKey);
    await check(/assumed-role\/production-role\//, 'production');

    const back = await hatrack(ws, ['use', 'default-original']);
    expect(back.code, back.stderr).toBe(0);
    expect(back.stdout).toContain('long-term keys, no expiry');
    expect(readFileSync(ws.credentials, 'utf8')).not.toMatch(/\[default\][^[]*aws_session_token/);
    await check(new RegExp(`^${alice.arn}$`), 'default-original');
  });

  it('writes nothing when the role cannot be assumed (wrong external id)', async () => {
    const ws = workspace(
      `[default]\nregion = eu-central-1\n\n[profile partner-wrong]\nrole_arn = ${role('partner-role')}\nsource_profile = default\nexternal_id = wrong-id\n`,
      keysIni('default', alice),
    );
    const before = bytes(ws);
    const r = await hatrack(ws, ['use', 'partner-wrong']);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('[ACCESS_DENIED]');
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
    const after = bytes(ws);
    expect(after.config.equals(before.config)).toBe(true);
    expect(after.credentials.equals(before.credentials)).toBe(true);
  });
});

describe('hatrack console', () => {
  const consoleWs = (): Ws =>
    workspace(`[profile production]\nrole_arn = ${role('production-role')}\nsource_profile = alice\nregion = eu-west-1\n`, keysIni('alice', alice) + keysIni('dave', dave));

  it('prints a sign-in URL for a role and for a plain IAM user (federation token) at the stand-in endpoint', async () => {
    const ws = consoleWs();
    const extra = { AWS_ENDPOINT_URL_SIGNIN: signinBase };
    signinSessions = [];
    const r = await hatrack(ws, ['console', 'production', '--print', '--service', 's3'], extra);
    expect(r.code, r.stderr).toBe(0);
    const url = new URL(r.stdout.trim());
    expect(`${url.origin}${url.pathname}`).toBe(`${signinBase}/federation`);
    expect(url.searchParams.get('Action')).toBe('login');
    expect(url.searchParams.get('SigninToken')).toBe('stand-in-token');
    expect(url.searchParams.get('Destination')).toBe('https://eu-west-1.console.aws.amazon.com/s3/home?region=eu-west-1');
    expect(signinSessions[0]?.sessionId).toMatch(/^ASIA/);

    const u = await hatrack(ws, ['console', 'dave', '--print', '--region', 'us-west-2'], extra);
    expect(u.code, u.stderr).toBe(0);
    expect(new URL(u.stdout.trim()).searchParams.get('Destination')).toBe('https://us-west-2.console.aws.amazon.com/console/home?region=us-west-2');
    expect(signinSessions).toHaveLength(2);
    expect(signinSessions[1]?.sessionId).not.toBe(dave.accessKeyId);
    expect(signinSessions[1]?.sessionToken).toEqual(expect.any(String));
  });

  it('opens the browser with the URL and prints only a confirmation', async () => {
    const ws = consoleWs();
    const opened = path.join(ws.home, 'opened-url');
    const browser = path.join(ws.home, 'browser.sh');
    writeFileSync(browser, `#!/bin/sh\nprintf '%s' "$1" > '${opened}'\n`);
    chmodSync(browser, 0o755);
    const r = await hatrack(ws, ['console', 'production'], { AWS_ENDPOINT_URL_SIGNIN: signinBase, BROWSER: browser });
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toMatch(/^Opened the AWS console for production \(role session; [^\n]*\)\.\n$/);
    expect(r.stderr).toBe('');
    // The browser stand-in runs detached from the CLI: wait for the file it writes, not for a fixed time.
    await vi.waitFor(() => expect(existsSync(opened), `${opened} written by the browser stand-in`).toBe(true), { timeout: HANG_MS, interval: 50 });
    expect(readFileSync(opened, 'utf8')).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/federation\?Action=login&/);
  });
});

describe('hatrack keys and rotate', () => {
  type ListJson = { profiles: { name: string; keyAgeDays: number | null; keyAgeSource: string | null; accountName: string | null }[] };

  it("says 'age unknown' until IAM is asked, then list shows IAM's CreateDate (no network in list)", async () => {
    const ws = workspace('', keysIni('carol', carol));
    const listBefore = JSON.parse((await hatrack(ws, ['list', '--json'])).stdout) as ListJson;
    // Never a made-up 0: the age is unknown until IAM says.
    expect(listBefore.profiles.find((p) => p.name === 'carol')).toMatchObject({ keyAgeDays: null, keyAgeSource: null });
    expect((await hatrack(ws, ['list'])).stdout).toMatch(/carol\s.*age unknown/);
    expect(existsSync(path.join(ws.data, 'key-facts.json'))).toBe(false);
    const r = await hatrack(ws, ['keys', 'carol', '--json']);
    expect(r.code, r.stderr).toBe(0);
    const info = JSON.parse(r.stdout) as { accessKeyId: string; status: string; createDate: string; ageDays: number; source: string; lastUsed: unknown };
    expect(info).toMatchObject({ accessKeyId: carol.accessKeyId, status: 'Active', ageDays: 0, source: 'iam' });
    expect(Math.abs(new Date(info.createDate).getTime() - carol.keyCreateDate.getTime())).toBeLessThan(1000);
    expect(info.lastUsed === null || typeof info.lastUsed === 'object').toBe(true);
    const listAfter = JSON.parse((await hatrack(ws, ['list', '--json'])).stdout) as ListJson;
    expect(listAfter.profiles.find((p) => p.name === 'carol')).toMatchObject({ keyAgeDays: 0, keyAgeSource: 'iam' });
    expect((await hatrack(ws, ['list'])).stdout).toMatch(/carol\s.*\s0 d\n/);
    expect(readFileSync(path.join(ws.data, 'key-facts.json'), 'utf8')).not.toContain(carol.secretAccessKey);
  });

  it('keys --all checks every distinct key, reports the ones it could not, and list agrees', async () => {
    await moto.setAuth(false);
    const erin = await createUser(moto, 'erin', []);
    await moto.setAuth(true);
    // carol twice (one check), erin denied by IAM (age unknown, not a failure), and a key moto does not know.
    const creds = `${keysIni('carol', carol)}\n${keysIni('carol-copy', carol)}\n${keysIni('erin', erin)}\n[ghost]\naws_access_key_id = AKIAGHOSTGHOSTGHOST1\naws_secret_access_key = not-a-real-secret\n`;
    const ws = workspace('', creds);
    const r = await hatrack(ws, ['keys', '--all', '--json']);
    expect(r.code).toBe(1);
    const out = JSON.parse(r.stdout) as { keys: { profile: string; source: string; ageDays: number | null }[]; failed: { profile: string; error: string }[] };
    expect(out.keys.map((k) => [k.profile, k.source, k.ageDays])).toEqual([['carol', 'iam', 0], ['erin', 'unknown', null]]);
    expect(out.failed.map((f) => f.profile)).toEqual(['ghost']);
    expect(r.stdout).not.toContain('not-a-real-secret');
    const list = JSON.parse((await hatrack(ws, ['list', '--json'])).stdout) as ListJson;
    expect(list.profiles.map((p) => [p.name, p.keyAgeDays])).toEqual([['carol', 0], ['carol-copy', 0], ['erin', null], ['ghost', null]]);
  });

  it('rotate --yes leaves only the new key in IAM and in the credentials file', async () => {
    await moto.setAuth(false);
    const bob = await createUser(moto, 'bob', ['iam:ListAccessKeys', 'iam:CreateAccessKey', 'iam:UpdateAccessKey', 'iam:DeleteAccessKey']);
    await moto.setAuth(true);
    const ws = workspace('', keysIni('bob', bob));
    const refused = await hatrack(ws, ['rotate', 'bob']);
    expect(refused.code).toBe(1);
    expect(refused.stderr).toContain('[NEEDS_CONFIRMATION]');

    const r = await hatrack(ws, ['rotate', 'bob', '--yes']);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toContain('save the new key to the credentials file');
    expect(r.stdout).toContain('delete the old key');
    await moto.setAuth(false);
    const iam = adminIam(moto);
    const keys = (await iam.send(new ListAccessKeysCommand({ UserName: 'bob' }))).AccessKeyMetadata ?? [];
    iam.destroy();
    await moto.setAuth(true);
    expect(keys).toHaveLength(1);
    const newId = keys[0]!.AccessKeyId!;
    expect(newId).not.toBe(bob.accessKeyId);
    const credentials = readFileSync(ws.credentials, 'utf8');
    expect(credentials).toContain(`aws_access_key_id = ${newId}\n`);
    expect(credentials).not.toContain(bob.accessKeyId);
    expect(credentials).not.toContain(bob.secretAccessKey);
    expect(r.stdout + r.stderr).not.toMatch(/aws_secret_access_key|SecretAccessKey/);
  });
});
