// Integration against moto with auth on: `use` verifies keys before switching; `rotate` after `use` leaves a working default.
import { execFile, spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';

import { ListAccessKeysCommand } from '@aws-sdk/client-iam';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';

import { createAppCore } from '../src-main/app/app-core.js';
import { ACCOUNT, adminIam, createUser, startMoto } from './support/moto.js';
import type { Moto, TestUser } from './support/moto.js';

const exec = promisify(execFile);
const ROOT = path.resolve(import.meta.dirname, '..');
const BIN = path.join(ROOT, 'dist', 'cli', 'hatrack.cjs');
const AWS_V2 = '/usr/bin/aws';
/** Well-formed, but IAM has never issued it. */
const BAD = { accessKeyId: 'AKIAZZZZZZZZZZZZZZZZ', secretAccessKey: 'zzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzz' };

interface Ws {
  readonly home: string;
  readonly config: string;
  readonly credentials: string;
}

interface Run {
  readonly code: number;
  readonly stdout: string;
  readonly stderr: string;
}

let moto: Moto;
let good: TestUser;

const keysIni = (name: string, k: { accessKeyId: string; secretAccessKey: string }): string => `[${name}]\naws_access_key_id = ${k.accessKeyId}\naws_secret_access_key = ${k.secretAccessKey}\n`;

function workspace(config: string, credentials: string): Ws {
  const home = mkdtempSync(path.join(tmpdir(), 'hatrack-use-rotate-'));
  const ws = { home, config: path.join(home, 'config'), credentials: path.join(home, 'credentials') };
  writeFileSync(ws.config, config, { mode: 0o600 });
  writeFileSync(ws.credentials, credentials, { mode: 0o600 });
  return ws;
}

function vars(ws: Ws): Record<string, string> {
  return {
    PATH: process.env['PATH'] ?? '',
    HOME: ws.home,
    USER: 'tester',
    LC_ALL: 'C.UTF-8',
    AWS_CONFIG_FILE: ws.config,
    AWS_SHARED_CREDENTIALS_FILE: ws.credentials,
    HATRACK_DATA_DIR: path.join(ws.home, 'data'),
    HATRACK_KEYCHAIN_SERVICE: `Hatrack-test-${path.basename(ws.home)}`,
    AWS_ENDPOINT_URL: moto.endpoint,
    AWS_EC2_METADATA_DISABLED: 'true',
    AWS_PAGER: '',
  };
}

/** Runs a command to its end; a non-zero exit is a result, not an error. */
async function run(cmd: string, args: readonly string[], env: NodeJS.ProcessEnv): Promise<Run> {
  try {
    const r = await exec(cmd, [...args], { env, cwd: ROOT, encoding: 'utf8' });
    return { code: 0, stdout: r.stdout, stderr: r.stderr };
  } catch (e) {
    const failed = e as { code?: unknown; stdout?: string; stderr?: string };
    if (typeof failed.code !== 'number') throw e;
    return { code: failed.code, stdout: failed.stdout ?? '', stderr: failed.stderr ?? '' };
  }
}

const hatrack = (ws: Ws, args: readonly string[]): Promise<Run> => run(process.execPath, [BIN, ...args], vars(ws));

/** AWS CLI v2 with the workspace's files and no profile named: the default identity, in a HOME of its own (2.9 predates AWS_ENDPOINT_URL). */
function awsDefault(ws: Ws): Promise<Run> {
  const home = path.join(ws.home, 'aws-home');
  mkdirSync(home, { recursive: true });
  return run(AWS_V2, ['sts', 'get-caller-identity', '--output', 'json', '--endpoint-url', moto.endpoint], { ...vars(ws), HOME: home, AWS_DEFAULT_REGION: 'us-east-1' });
}

const bytes = (ws: Ws): string[] => [readFileSync(ws.config, 'latin1'), readFileSync(ws.credentials, 'latin1')];

async function iamKeyIds(userName: string): Promise<string[]> {
  await moto.setAuth(false);
  const iam = adminIam(moto);
  try {
    return ((await iam.send(new ListAccessKeysCommand({ UserName: userName }))).AccessKeyMetadata ?? []).map((k) => k.AccessKeyId!);
  } finally {
    iam.destroy();
    await moto.setAuth(true);
  }
}

beforeAll(async () => {
  const build = spawnSync(process.execPath, ['scripts/build.mjs', 'cli'], { cwd: ROOT, encoding: 'utf8' });
  if (build.status !== 0) throw new Error(`build failed: ${build.stderr}`);
  moto = await startMoto();
  await moto.setAuth(false);
  good = await createUser(moto, 'good', []);
  await moto.setAuth(true);
});

afterAll(async () => {
  await moto?.stop();
});

/** The app core over the workspace's files, checking every response against the contract. */
function appCoreFor(ws: Ws) {
  return createAppCore({
    env: { vars: { ...vars(ws), HATRACK_CHECK_RESPONSES: '1' }, platform: 'linux', osHome: ws.home, now: () => new Date() },
    dataDir: path.join(ws.home, 'data'),
    openExternal: vi.fn(async () => undefined),
    watchFiles: false,
  });
}

describe('hatrack use verifies the keys first', () => {
  it('refuses keys IAM does not know with one line and leaves both files byte for byte', async () => {
    const ws = workspace('[default]\nregion = eu-central-1\n', `# mine\n${keysIni('default', good)}\n${keysIni('bad', BAD)}`);
    const before = bytes(ws);
    for (const args of [['use', 'bad', '--yes'], ['use', 'bad', '--yes', '--json']]) {
      const r = await hatrack(ws, args);
      expect(r.code).toBe(1);
      expect(r.stdout).toBe('');
      expect(r.stderr.trim().split('\n')).toHaveLength(1);
      expect(r.stderr).toContain('[INVALID_CLIENT_TOKEN]');
      expect(r.stderr).toContain('Profile "bad" was not made the default (nothing was written)');
      expect(r.stderr).toContain('--no-verify');
      expect(r.stderr).not.toContain(BAD.secretAccessKey);
      expect(bytes(ws)).toEqual(before);
    }
    const skipped = await hatrack(ws, ['use', 'bad', '--no-verify']);
    expect(skipped.code, skipped.stderr).toBe(0);
    expect(skipped.stdout).toContain('Not checked with AWS (--no-verify)');
  });

  it('prints the account and ARN of the new default, in text and --json', async () => {
    const ws = workspace('', keysIni('good', good));
    const text = await hatrack(ws, ['use', 'good', '--yes']);
    expect(text.code, text.stderr).toBe(0);
    expect(text.stdout).toContain(`AWS says it is ${good.arn} (account ${ACCOUNT}).`);
    const json = await hatrack(ws, ['use', 'good', '--yes', '--json']);
    expect(json.code, json.stderr).toBe(0);
    expect(JSON.parse(json.stdout)).toMatchObject({ profile: 'good', accountId: ACCOUNT, arn: good.arn });
  });

  it("'credentials.use' answers with the account and ARN, and refuses unknown keys writing nothing", async () => {
    const ws = workspace('', keysIni('good', good) + keysIni('bad', BAD));
    const core = appCoreFor(ws);
    try {
      const before = bytes(ws);
      const refused = await core.dispatch('credentials.use', { profile: 'bad' });
      expect(refused).toMatchObject({ ok: false, error: { code: 'INVALID_CLIENT_TOKEN' } });
      expect(bytes(ws)).toEqual(before);
      const used = await core.dispatch('credentials.use', { profile: 'good' });
      expect(used).toMatchObject({ ok: true, value: { profile: 'good', accountId: ACCOUNT, arn: good.arn } });
    } finally {
      core.dispose();
    }
  });
});

describe('hatrack use --restore', () => {
  it('puts the user\'s own [default] back byte for byte, and refuses when nothing was kept', async () => {
    const config = '# my config\r\n[default]\r\nregion = eu-central-1\r\n\r\n[profile ops]\r\nrole_arn = arn:aws:iam::123456789012:role/Ops\r\nsource_profile = default\r\n';
    const ws = workspace(config, `# mine\n${keysIni('default', good)}\n${keysIni('good', good)}`);
    const before = bytes(ws);
    const used = await hatrack(ws, ['use', 'good', '--yes']);
    expect(used.code, used.stderr).toBe(0);
    expect(used.stdout + used.stderr).not.toContain('hatrack use default-original');
    expect(bytes(ws)).not.toEqual(before);
    const restored = await hatrack(ws, ['use', '--restore', '--json']);
    expect(restored.code, restored.stderr).toBe(0);
    expect(JSON.parse(restored.stdout)).toMatchObject({ restoredFrom: 'default-original', replacedManagedProfile: 'good' });
    expect(bytes(ws)).toEqual(before);
    const again = await hatrack(ws, ['use', '--restore']);
    expect(again.code).not.toBe(0);
    expect(again.stderr.trim().split('\n')).toHaveLength(1);
    expect(bytes(ws)).toEqual(before);
  });
});

describe('a custom --keep-default-as name', () => {
  it('is recognised by the window as "your keys" and restored by the CLI without being named again', async () => {
    const ws = workspace('[default]\nregion = eu-central-1\n', `${keysIni('default', good)}\n${keysIni('good', good)}`);
    const before = bytes(ws);
    const used = await hatrack(ws, ['use', 'good', '--yes', '--keep-default-as', 'mine']);
    expect(used.code, used.stderr).toBe(0);
    const core = appCoreFor(ws);
    try {
      const list = await core.dispatch('profiles.list', {});
      expect(list).toMatchObject({ ok: true, value: { defaultIdentity: { managed: true, profile: 'good', keptAs: 'mine' } } });
    } finally {
      core.dispose();
    }
    const restored = await hatrack(ws, ['use', '--restore', '--json']);
    expect(restored.code, restored.stderr).toBe(0);
    expect(JSON.parse(restored.stdout)).toMatchObject({ restoredFrom: 'mine', replacedManagedProfile: 'good' });
    expect(bytes(ws)).toEqual(before);
  });
});

describe('hatrack rotate after use', () => {
  it('moves the managed [default] to the new key too, so the default identity keeps working', async () => {
    await moto.setAuth(false);
    const rot = await createUser(moto, 'rot', ['iam:ListAccessKeys', 'iam:CreateAccessKey', 'iam:UpdateAccessKey', 'iam:DeleteAccessKey']);
    await moto.setAuth(true);
    const ws = workspace('', keysIni('good', rot));
    const used = await hatrack(ws, ['use', 'good', '--yes']);
    expect(used.code, used.stderr).toBe(0);
    const before = await awsDefault(ws);
    expect(before.code, before.stderr).toBe(0);

    const r = await hatrack(ws, ['rotate', 'good', '--yes']);
    expect(r.code, r.stderr).toBe(0);
    const keys = await iamKeyIds('rot');
    expect(keys).toHaveLength(1);
    const newId = keys[0]!;
    expect(newId).not.toBe(rot.accessKeyId);

    const credentials = readFileSync(ws.credentials, 'utf8');
    expect(credentials).toMatch(/\[default\]\n# managed by hatrack: profile "good"/);
    expect(credentials.match(new RegExp(`aws_access_key_id = ${newId}\\n`, 'g'))).toHaveLength(2);
    expect(credentials).not.toContain(rot.accessKeyId);
    expect(credentials).not.toContain(rot.secretAccessKey);

    const after = await awsDefault(ws);
    expect(after.code, after.stderr).toBe(0);
    expect(JSON.parse(after.stdout)).toMatchObject({ Arn: rot.arn, Account: ACCOUNT });
  });

  it("'keys.rotate' after 'credentials.use' updates the managed [default] too", async () => {
    await moto.setAuth(false);
    const app = await createUser(moto, 'app-rot', ['iam:ListAccessKeys', 'iam:CreateAccessKey', 'iam:UpdateAccessKey', 'iam:DeleteAccessKey']);
    await moto.setAuth(true);
    const ws = workspace('', keysIni('good', app));
    const core = appCoreFor(ws);
    try {
      expect(await core.dispatch('credentials.use', { profile: 'good' })).toMatchObject({ ok: true });
      const rotated = await core.dispatch('keys.rotate', { profile: 'good' });
      expect(rotated).toMatchObject({ ok: true, value: { ok: true } });
      const newId = rotated.ok ? (rotated.value as { newAccessKeyId: string }).newAccessKeyId : '';
      expect(await iamKeyIds('app-rot')).toEqual([newId]);
      const credentials = readFileSync(ws.credentials, 'utf8');
      expect(credentials.match(new RegExp(`aws_access_key_id = ${newId}\\n`, 'g'))).toHaveLength(2);
      expect(credentials).not.toContain(app.accessKeyId);
    } finally {
      core.dispose();
    }
  });

  it('refuses before creating a key when an unmanaged profile holds a copy of the key', async () => {
    await moto.setAuth(false);
    const twin = await createUser(moto, 'twin', ['iam:ListAccessKeys', 'iam:CreateAccessKey', 'iam:UpdateAccessKey', 'iam:DeleteAccessKey']);
    await moto.setAuth(true);
    const ws = workspace('', keysIni('good', twin) + keysIni('copy', twin));
    const before = bytes(ws);
    const r = await hatrack(ws, ['rotate', 'good', '--yes']);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('[AMBIGUOUS_EDIT]');
    expect(r.stderr).toContain('"copy"');
    expect(bytes(ws)).toEqual(before);
    expect(await iamKeyIds('twin')).toEqual([twin.accessKeyId]);
  });
});
