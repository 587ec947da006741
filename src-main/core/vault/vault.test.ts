// The vault's ordering guarantees over real temp files and an in-memory keychain: keys always live in one place.

import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { HatrackError } from '../../../shared/domain/errors.js';
import { createAwsFiles } from '../awsfiles/aws-files.js';
import { parseDocument } from '../awsfiles/ini-document.js';
import type { Environment } from '../environment.js';
import { createFakeGateway } from '../sts/fake-gateway.js';
import { createMemorySecretStore } from './memory-secret-store.js';
import type { HatrackRuntime } from './process-command.js';
import { vaultAdd, vaultList, vaultRemove } from './vault.js';
import type { VaultDeps } from './vault.js';
import { vaultCredentials } from './vault-credentials.js';

const ID = 'AKIAIOSFODNN7EXAMPLE';
const SECRET = 'wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY';
const CONFIG = '[profile dev]\nregion = eu-west-1\nmfa_serial = arn:aws:iam::123456789012:mfa/me\n';
const CREDS = `[dev]\naws_access_key_id = ${ID}\naws_secret_access_key = ${SECRET}\n`;
const runtime: HatrackRuntime = { platform: 'linux', execPath: '/usr/bin/node', cliEntry: '/opt/hatrack/dist/cli/hatrack.cjs', electron: false, packaged: false };

function setup(now = new Date('2026-01-01T00:00:00Z')) {
  const dir = mkdtempSync(path.join(tmpdir(), 'hatrack-vault-unit-'));
  const config = path.join(dir, 'config');
  const credentials = path.join(dir, 'credentials');
  writeFileSync(config, CONFIG);
  writeFileSync(credentials, CREDS, { mode: 0o600 });
  const env: Environment = { vars: { AWS_CONFIG_FILE: config, AWS_SHARED_CREDENTIALS_FILE: credentials, HATRACK_DATA_DIR: path.join(dir, 'data'), HOME: dir }, platform: 'linux', osHome: dir, now: () => now };
  const store = createMemorySecretStore();
  const files = createAwsFiles(env);
  const deps: VaultDeps = { files, store, service: 'HatrackTest', runtime, now: env.now };
  return { dir, config, credentials, env, store, files, deps };
}

const read = (f: string) => readFileSync(f, 'utf8');

function allFilesText(dir: string): string {
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((d) => d.isFile())
    .map((d) => readFileSync(path.join(d.parentPath, d.name), 'latin1'))
    .join('\n');
}

describe('vault add/remove', () => {
  it('stores the keys, leaves the secret in no file (backups scrubbed, diffs masked), and remove restores the bytes', async () => {
    const s = setup();
    const result = await vaultAdd(s.deps, 'dev');
    expect(result.accessKeyId).toBe(ID);
    expect(JSON.parse(s.store.entries().get('HatrackTest/profile:dev')!)).toMatchObject({ accessKeyId: ID, secretAccessKey: SECRET });
    expect(read(s.config)).toContain('credential_process = /usr/bin/node /opt/hatrack/dist/cli/hatrack.cjs credential-process --profile dev');
    expect(allFilesText(s.dir)).not.toContain(SECRET);
    expect(result.scrubbedBackups).toBeGreaterThan(0);
    expect(JSON.stringify(result.files)).not.toContain(SECRET);
    expect(await vaultList(s.deps)).toEqual([{ profile: 'dev', accessKeyId: ID, storedAt: '2026-01-01T00:00:00.000Z', wired: true }]);

    const removed = await vaultRemove(s.deps, 'dev');
    expect(JSON.stringify(removed.files)).not.toContain(SECRET);
    expect(read(s.config)).toBe(CONFIG);
    expect(read(s.credentials)).toBe(CREDS);
    expect(s.store.entries().size).toBe(0);
  });

  it('scrubs every secret the profile ever had from every backup, and leaves other profiles\' secrets', async () => {
    const s = setup();
    const OLD = 'oldSecretReplacedBySetOLDSECRETOLDSECRET1';
    const OLDER_TOKEN = 'FwoGZXIvYXdzEOLDSESSIONTOKENfromAnEarlierSetXYZ';
    const OTHER = 'otherProfileSecretKeepMeKeepMeKeepMe';
    // Earlier history, each version replaced through the file store (which backs it up): other secrets and a session
    // token in [dev], and a secret in its config section.
    const replace = (kind: 'config' | 'credentials', text: string) =>
      s.files.edit((docs) => ({ docs: { ...docs, [kind]: parseDocument(Buffer.from(text)) }, result: undefined }));
    const creds = (secret: string, extra = '') => `[dev]\naws_access_key_id = ${ID}\naws_secret_access_key = ${secret}\n${extra}\n[other]\naws_secret_access_key = ${OTHER}\n`;
    writeFileSync(s.config, `${CONFIG}aws_secret_access_key = ${OLD}2\n`);
    writeFileSync(s.credentials, creds(OLD, `aws_session_token = ${OLDER_TOKEN}\n`));
    replace('config', CONFIG);
    replace('credentials', creds('anotherOldOneAnotherOldOne'));
    replace('credentials', creds(SECRET));
    expect(allFilesText(s.dir)).toContain(OLD);

    const result = await vaultAdd(s.deps, 'dev');
    const text = allFilesText(s.dir);
    for (const secret of [SECRET, OLD, `${OLD}2`, OLDER_TOKEN, 'anotherOldOneAnotherOldOne']) expect(text).not.toContain(secret);
    expect(text).toContain(OTHER);
    expect(result.scrubbedBackups).toBeGreaterThan(2);
  });

  it('with no keychain: KEYCHAIN_UNAVAILABLE and nothing written', async () => {
    const s = setup();
    s.store.breakKeychain('no D-Bus session');
    await expect(vaultAdd(s.deps, 'dev')).rejects.toMatchObject({ code: 'KEYCHAIN_UNAVAILABLE', message: expect.stringContaining('will not store keys in plaintext') });
    expect(read(s.config)).toBe(CONFIG);
    expect(read(s.credentials)).toBe(CREDS);
  });

  it('a keychain that gives back something else: refused, entry deleted, files unchanged', async () => {
    const s = setup();
    s.store.corruptWrites();
    await expect(vaultAdd(s.deps, 'dev')).rejects.toMatchObject({ code: 'KEYCHAIN_UNAVAILABLE' });
    expect(s.store.entries().size).toBe(0);
    expect(read(s.credentials)).toBe(CREDS);
  });

  it('a failed file edit deletes the keychain entry again', async () => {
    const s = setup();
    const files = { ...s.files, edit: ((fn, o) => {
      if (o?.dryRun === true) return s.files.edit(fn, o);
      throw new HatrackError('FILE_WRITE_FAILED', 'disk full');
    }) as typeof s.files.edit };
    await expect(vaultAdd({ ...s.deps, files }, 'dev')).rejects.toMatchObject({ code: 'FILE_WRITE_FAILED' });
    expect(s.store.entries().size).toBe(0);
    expect(read(s.credentials)).toBe(CREDS);
  });

  it('dry run writes neither the keychain nor the files', async () => {
    const s = setup();
    const r = await vaultAdd(s.deps, 'dev', { dryRun: true });
    expect(r.files.length).toBe(2);
    expect(s.store.entries().size).toBe(0);
    expect(read(s.credentials)).toBe(CREDS);
  });
});

describe('vault credentials', () => {
  it('returns the static keys without an expiry', async () => {
    const s = setup();
    await vaultAdd(s.deps, 'dev');
    const creds = await vaultCredentials({ store: s.store, service: 'HatrackTest', env: s.env, model: s.files.view().model, mfaSession: false }, 'dev');
    expect(creds).toMatchObject({ accessKeyId: ID, secretAccessKey: SECRET });
    expect(creds.expiration).toBeUndefined();
  });

  it('mints one MFA session and reuses it from the keychain until it expires', async () => {
    const now = new Date('2026-01-01T00:00:00Z');
    const s = setup(now);
    await vaultAdd(s.deps, 'dev');
    const expiration = new Date('2026-01-01T01:00:00Z');
    const gateway = createFakeGateway({ getSessionToken: () => Promise.resolve({ accessKeyId: 'ASIATEMP', secretAccessKey: 'tempsecret', sessionToken: 'tok', expiration }) });
    const deps = { store: s.store, service: 'HatrackTest', env: s.env, model: s.files.view().model, mfaSession: true, gateway: () => gateway, codeProvider: () => Promise.resolve('123456') };
    const first = await vaultCredentials(deps, 'dev');
    const second = await vaultCredentials({ ...deps, codeProvider: undefined }, 'dev');
    expect(first).toMatchObject({ accessKeyId: 'ASIATEMP', sessionToken: 'tok', expiration });
    expect(second).toMatchObject({ accessKeyId: 'ASIATEMP' });
    expect(gateway.calls.map((c) => c.method)).toEqual(['getSessionToken']);
    expect(gateway.calls[0]!.args[1]).toMatchObject({ serialNumber: 'arn:aws:iam::123456789012:mfa/me', tokenCode: '123456' });
    expect([...s.store.entries().keys()]).toContain('HatrackTest/mfa-session:arn:aws:iam::123456789012:mfa/me|AKIAIOSFODNN7EXAMPLE');
  });

  it('asks for a code it cannot get: MFA_REQUIRED', async () => {
    const s = setup();
    await vaultAdd(s.deps, 'dev');
    const gateway = createFakeGateway({});
    await expect(vaultCredentials({ store: s.store, service: 'HatrackTest', env: s.env, model: s.files.view().model, mfaSession: true, gateway: () => gateway }, 'dev')).rejects.toMatchObject({ code: 'MFA_REQUIRED' });
  });

  it('a profile not in the vault: NO_CREDENTIALS', async () => {
    const s = setup();
    await expect(vaultCredentials({ store: s.store, service: 'HatrackTest', env: s.env, model: s.files.view().model, mfaSession: false }, 'dev')).rejects.toMatchObject({ code: 'NO_CREDENTIALS' });
  });
});
