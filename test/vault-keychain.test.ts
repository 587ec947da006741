// The vault end to end against a real Secret Service (gnome-keyring in a D-Bus session): `vault add` leaves the secret
// in no plain file, botocore, AWS CLI v2 and the JS SDK resolve the profile through credential_process to the same
// keys, `vault remove` restores the files byte for byte; with no keychain nothing is written.

import { spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startPrivateKeyring } from './support/private-keyring.js';
import type { PrivateKeyring } from './support/private-keyring.js';
import { afterAll, describe, expect, it } from 'vitest';
import { AWS_V2_BIN, HATRACK_BIN, hatrackBuilt } from './support/cli-runner.js';
import { HANG_MS } from './support/deadlines.js';
import { startMoto } from './support/moto.js';
import { REPO_ROOT } from './support/oracle.js';

const ID = 'AKIAIOSFODNN7EXAMPLE';
const SECRET = `wJalrXUtnFEMI/K7MDENG/${randomBytes(9).toString('base64').replace(/[+/=]/g, 'x')}EXAMPLEKEY`.slice(0, 40);
const CONFIG = '# team settings\n[default]\nregion = us-east-1\n\n[profile dev]\nregion = eu-west-1\noutput = json\n';
const CREDS = `# personal keys\r\n[dev]\r\naws_access_key_id = ${ID}\r\n# rotated in spring\r\naws_secret_access_key=${SECRET}\r\n\r\n[other]\r\naws_access_key_id = AKIAOTHEROTHEROTHER1\r\naws_secret_access_key = other-secret-value\r\n`;

interface Run {
  readonly code: number;
  readonly stdout: string;
  readonly stderr: string;
}

function run(cmd: string, args: readonly string[], env: NodeJS.ProcessEnv, input?: string): Run {
  const r = spawnSync(cmd, args, { env, cwd: REPO_ROOT, encoding: 'utf8', input, timeout: HANG_MS });
  if ((r.error as NodeJS.ErrnoException | undefined)?.code === 'ETIMEDOUT') throw new Error(`${cmd} ${args[0] ?? ''}: still running after ${HANG_MS / 1000} s, killed as hung`);
  return { code: r.status ?? -1, stdout: r.stdout ?? '', stderr: r.stderr ?? '' };
}

interface Home {
  readonly home: string;
  readonly config: string;
  readonly credentials: string;
  readonly env: NodeJS.ProcessEnv;
}

/** A temp HOME with ~/.aws, the data dir inside it (so one grep covers both) and a keychain service of its own. */
function makeHome(bus: string | undefined): Home {
  const home = mkdtempSync(join(tmpdir(), 'hatrack-vault-'));
  mkdirSync(join(home, '.aws'), { mode: 0o700 });
  const config = join(home, '.aws', 'config');
  const credentials = join(home, '.aws', 'credentials');
  writeFileSync(config, CONFIG);
  writeFileSync(credentials, CREDS, { mode: 0o600 });
  const env: NodeJS.ProcessEnv = {};
  for (const [k, v] of Object.entries(process.env)) if (!k.startsWith('AWS_') && !k.startsWith('HATRACK_') && k !== 'DBUS_SESSION_BUS_ADDRESS' && v !== undefined) env[k] = v;
  Object.assign(env, {
    HOME: home,
    LC_ALL: 'C.UTF-8',
    HATRACK_DATA_DIR: join(home, 'hatrack-data'),
    HATRACK_KEYCHAIN_SERVICE: `Hatrack-test-${randomBytes(4).toString('hex')}`,
    AWS_PAGER: '',
    AWS_EC2_METADATA_DISABLED: 'true',
  });
  if (bus !== undefined) env['DBUS_SESSION_BUS_ADDRESS'] = bus;
  return { home, config, credentials, env };
}

const hatrack = (h: Home, ...args: string[]): Run => run(process.execPath, [HATRACK_BIN, ...args], h.env);

/** Every regular file under `dir` that contains `needle` (the keyring's own files are encrypted, so they count too). */
function filesContaining(dir: string, needle: string): string[] {
  const hits: string[] = [];
  for (const entry of readdirSync(dir, { recursive: true, withFileTypes: true })) {
    const full = join(entry.parentPath, entry.name);
    if (!entry.isFile()) continue;
    if (readFileSync(full).includes(needle)) hits.push(full);
  }
  return hits;
}

const BOTOCORE = `
import json, botocore.session
c = botocore.session.Session(profile='dev').get_credentials()
f = c.get_frozen_credentials()
print(json.dumps({"method": c.method, "id": f.access_key, "secret": f.secret_key}))
`;

const JS_SDK = `
let fromIni;
try { ({ fromIni } = await import('@aws-sdk/credential-provider-ini')); } catch { console.log(JSON.stringify({ skip: 'no @aws-sdk/credential-provider-ini' })); process.exit(0); }
const c = await fromIni({ profile: 'dev', ignoreCache: true })();
console.log(JSON.stringify({ id: c.accessKeyId, secret: c.secretAccessKey, expiration: c.expiration ?? null }));
`;

/** The whole round trip in one keychain session. */
function vaultRoundTrip(h: Home): void {
  const add = hatrack(h, 'vault', 'add', 'dev', '--yes', '--json');
  expect(add.code, add.stderr).toBe(0);
  const report = JSON.parse(add.stdout) as { credentialProcess: string };
  expect(report.credentialProcess).toBe(`${process.execPath} ${HATRACK_BIN} credential-process --profile dev`);
  expect(add.stdout).not.toContain(SECRET);

  // The secret is in no plain file: not the AWS files, not their backups, not settings — nowhere under HOME.
  expect(filesContaining(h.home, SECRET)).toEqual([]);
  expect(readFileSync(h.config, 'utf8')).toContain(`credential_process = ${report.credentialProcess}`);
  expect(readFileSync(h.credentials, 'utf8')).not.toContain(ID);

  const direct = hatrack(h, 'credential-process', '--profile', 'dev');
  expect(direct.code, direct.stderr).toBe(0);
  expect(JSON.parse(direct.stdout)).toEqual({ Version: 1, AccessKeyId: ID, SecretAccessKey: SECRET });

  const list = hatrack(h, 'vault', 'list', '--json');
  expect(JSON.parse(list.stdout)).toMatchObject({ profiles: [{ profile: 'dev', accessKeyId: ID, wired: true }] });

  // botocore runs credential_process without a shell (shlex split).
  const boto = run('python3', ['-c', BOTOCORE], h.env);
  expect(boto.code, boto.stderr).toBe(0);
  expect(JSON.parse(boto.stdout)).toEqual({ method: 'custom-process', id: ID, secret: SECRET });

  if (existsSync(AWS_V2_BIN)) {
    const v2 = run(AWS_V2_BIN, ['configure', 'export-credentials', '--profile', 'dev', '--format', 'process'], h.env);
    expect(v2.code, v2.stderr).toBe(0);
    expect(JSON.parse(v2.stdout)).toMatchObject({ Version: 1, AccessKeyId: ID, SecretAccessKey: SECRET });
  } else {
    console.log(`vault interop: AWS CLI v2 check skipped — ${AWS_V2_BIN} not found (apt-get install -y awscli)`);
  }

  // The JS SDK runs it through /bin/sh -c.
  const js = run(process.execPath, ['--input-type=module', '-e', JS_SDK], h.env);
  expect(js.code, js.stderr).toBe(0);
  const jsOut = JSON.parse(js.stdout) as { skip?: string; id?: string; secret?: string };
  if (jsOut.skip !== undefined) console.log(`vault interop: JS SDK check skipped — ${jsOut.skip}`);
  else expect(jsOut).toMatchObject({ id: ID, secret: SECRET });

  const remove = hatrack(h, 'vault', 'remove', 'dev', '--yes');
  expect(remove.code, remove.stderr).toBe(0);
  expect(readFileSync(h.credentials, 'utf8')).toBe(CREDS);
  expect(readFileSync(h.config, 'utf8')).toBe(CONFIG);
  expect(JSON.parse(hatrack(h, 'vault', 'list', '--json').stdout)).toEqual({ profiles: [] });
}

/** Why the ambient session has no usable keychain, or undefined when it has one. */
function ambientKeychainProblem(): string | undefined {
  if (!hatrackBuilt()) return `${HATRACK_BIN} is not built (node scripts/build.mjs cli)`;
  if ((process.env['DBUS_SESSION_BUS_ADDRESS'] ?? '') === '') return 'DBUS_SESSION_BUS_ADDRESS is not set (run inside dbus-run-session with gnome-keyring, as .ci/run does)';
  // A real write: listing works on a locked keyring, storing does not.
  const probe = `
    const { Entry } = await import('@napi-rs/keyring');
    const e = new Entry('Hatrack-probe', 'probe', { linux: { store: 'secret-service' } });
    e.setPassword('x'); if (e.getPassword() !== 'x') throw new Error('read back failed'); e.deletePassword();`;
  const r = run(process.execPath, ['--input-type=module', '-e', probe], process.env);
  return r.code === 0 ? undefined : (r.stderr.trim().split('\n').find((l) => l.startsWith('Error')) ?? r.stderr.trim());
}

const keyrings: PrivateKeyring[] = [];

/** A private unlocked gnome-keyring whose files live under the test HOME (so the secret grep covers them too). */
async function privateKeyring(home: string): Promise<string> {
  const keyring = await startPrivateKeyring(home);
  keyrings.push(keyring);
  return keyring.bus;
}

afterAll(() => {
  for (const k of keyrings) void k.stop();
});

const which = (bin: string): boolean => spawnSync('sh', ['-c', `command -v ${bin}`]).status === 0;
const ambientProblem = ambientKeychainProblem();
const privateProblem = !hatrackBuilt()
  ? `${HATRACK_BIN} is not built`
  : !which('dbus-run-session') || !which('gnome-keyring-daemon')
    ? 'dbus-run-session or gnome-keyring-daemon is missing (apt-get install -y gnome-keyring libsecret-tools dbus)'
    : undefined;
if (ambientProblem !== undefined) console.log(`vault (ambient keychain): skipped — ${ambientProblem}`);
if (privateProblem !== undefined) console.log(`vault (private keychain): skipped — ${privateProblem}`);

describe('vault with the keychain of the session the tests run in', () => {
  it.skipIf(ambientProblem !== undefined)('add → no plain copy, botocore/CLI v2/JS SDK agree, remove → byte-identical', () => {
    vaultRoundTrip(makeHome(process.env['DBUS_SESSION_BUS_ADDRESS']));
  });
});

describe('vault with a private dbus-run-session + gnome-keyring', () => {
  it.skipIf(privateProblem !== undefined)('add → no plain copy (keyring files included), interop, remove → byte-identical', async () => {
    const h0 = makeHome(undefined);
    const bus = await privateKeyring(h0.home);
    vaultRoundTrip({ ...h0, env: { ...h0.env, DBUS_SESSION_BUS_ADDRESS: bus } });
  });
});

describe('vault add and the secrets a profile had before (private keychain)', () => {
  it.skipIf(privateProblem !== undefined)('scrubs every earlier secret of the profile (replaced by set) from every backup, and no other', async () => {
    const h0 = makeHome(undefined);
    const bus = await privateKeyring(h0.home);
    const h: Home = { ...h0, env: { ...h0.env, DBUS_SESSION_BUS_ADDRESS: bus } };
    const earlier = [1, 2].map((n) => `earlierSecret${n}${randomBytes(12).toString('hex')}`);
    // Each set backs up the file holding the secret it replaces; the last one puts the original back.
    for (const secret of [...earlier, SECRET]) {
      const set = hatrack(h, 'set', 'dev', `aws_secret_access_key=${secret}`);
      expect(set.code, set.stderr).toBe(0);
    }
    for (const secret of earlier) expect(filesContaining(h.home, secret).length).toBeGreaterThan(0);

    const add = hatrack(h, 'vault', 'add', 'dev', '--yes', '--json');
    expect(add.code, add.stderr).toBe(0);
    for (const secret of [SECRET, ...earlier]) expect(filesContaining(h.home, secret)).toEqual([]);
    // Another profile's secret stays where it was, backups included.
    expect(filesContaining(join(h.home, 'hatrack-data'), 'other-secret-value').length).toBeGreaterThan(0);
    expect(readFileSync(h.credentials, 'utf8')).toContain('other-secret-value');
  });
});

describe('vault MFA sessions (credential-process + GetSessionToken on moto, private keychain)', () => {
  it.skipIf(privateProblem !== undefined)('mints one session with --mfa-code, then every run (botocore included) reuses it from the keychain', async () => {
    const moto = await startMoto();
    try {
      const h0 = makeHome(undefined);
      const bus = await privateKeyring(h0.home);
      writeFileSync(h0.config, CONFIG.replace('output = json\n', 'output = json\nmfa_serial = arn:aws:iam::123456789012:mfa/me\n'));
      const h: Home = { ...h0, env: { ...h0.env, DBUS_SESSION_BUS_ADDRESS: bus, AWS_ENDPOINT_URL_STS: moto.endpoint } };
      expect(hatrack(h, 'vault', 'add', 'dev', '--yes').code).toBe(0);
      // Static keys until the settings ask for a session.
      expect(JSON.parse(hatrack(h, 'credential-process', '--profile', 'dev').stdout)).toEqual({ Version: 1, AccessKeyId: ID, SecretAccessKey: SECRET });
      expect(hatrack(h, 'settings', 'set', 'profiles.dev.mfaSession=true').code).toBe(0);
      const first = hatrack(h, 'credential-process', '--profile', 'dev', '--mfa-code', '123456');
      expect(first.code, first.stderr).toBe(0);
      const session = JSON.parse(first.stdout) as { AccessKeyId: string; SessionToken: string; Expiration: string };
      expect(session.SessionToken.length).toBeGreaterThan(10);
      expect(session.Expiration).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$/);
      const again = JSON.parse(hatrack(h, 'credential-process', '--profile', 'dev').stdout) as typeof session;
      expect(again).toEqual(session);
      const boto = run('python3', ['-c', BOTOCORE.replace('"secret": f.secret_key', '"secret": f.secret_key, "token": f.token')], h.env);
      expect(boto.code, boto.stderr).toBe(0);
      expect(JSON.parse(boto.stdout)).toMatchObject({ method: 'custom-process', id: session.AccessKeyId, token: session.SessionToken });
      expect(filesContaining(h.home, session.SessionToken)).toEqual([]);
      expect(hatrack(h, 'vault', 'remove', 'dev', '--yes').code).toBe(0);
    } finally {
      await moto.stop();
    }
  });
});

describe('vault without a keychain', () => {
  it.skipIf(!hatrackBuilt())('refuses with KEYCHAIN_UNAVAILABLE (exit 1) and writes nothing', () => {
    for (const bus of ['unix:path=/nonexistent', undefined]) {
      const h = makeHome(bus);
      const r = hatrack(h, 'vault', 'add', 'dev', '--yes');
      expect(r.code).toBe(1);
      expect(r.stderr).toMatch(/No system keychain is reachable \(.+\); Hatrack will not store keys in plaintext\./);
      expect(readFileSync(h.credentials, 'utf8')).toBe(CREDS);
      expect(readFileSync(h.config, 'utf8')).toBe(CONFIG);
      expect(existsSync(join(h.home, 'hatrack-data'))).toBe(false);
      expect(statSync(h.credentials).mode & 0o777).toBe(0o600);
      const cp = hatrack(h, 'credential-process', '--profile', 'dev');
      expect(cp.code).toBe(1);
      expect(cp.stdout).toBe('');
    }
  });
});
