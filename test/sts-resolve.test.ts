// Integration: resolving profiles against a real moto server (static, external id, chains, cap, MFA sessions, process, errors).
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';

import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';

import { createCredentialsEngine, createSdkGateway } from '../src-main/core/sts/index.js';
import type { CredentialsEngine } from '../src-main/core/sts/index.js';
import { ACCOUNT, createRole, createUser, motoEnv, profileModel, startMoto } from './support/moto.js';
import type { Moto, TestUser } from './support/moto.js';

let moto: Moto;
let home: string;
let alice: TestUser;
let engine: CredentialsEngine;
const role = (name: string): string => `arn:aws:iam::${ACCOUNT}:role/${name}`;

beforeAll(async () => {
  moto = await startMoto();
  home = await mkdtemp(path.join(tmpdir(), 'hatrack-sts-'));
  await moto.setAuth(false);
  alice = await createUser(moto, 'alice', ['sts:AssumeRole', 'sts:GetSessionToken']);
  await createRole(moto, 'ext-role', { externalId: 'ext-123', allow: ['sts:AssumeRole'] });
  await createRole(moto, 'second', {});
  await moto.setAuth(true);
  engine = createCredentialsEngine({ env: motoEnv(moto, home), dataDir: home, gateway: createSdkGateway({ maxAttempts: 1 }) });
});

afterAll(async () => {
  await moto?.stop();
  if (home !== undefined) await rm(home, { recursive: true, force: true });
});

function creds(): string {
  return `[alice]\naws_access_key_id = ${alice.accessKeyId}\naws_secret_access_key = ${alice.secretAccessKey}\n`;
}

describe('resolve against moto (auth enforced)', () => {
  it('returns static keys and they sign a GetCallerIdentity', async () => {
    const model = profileModel('', creds());
    const c = await engine.resolve(model, 'alice');
    expect(c).toMatchObject({ source: 'static', chained: false, accessKeyId: alice.accessKeyId });
    expect(c.sessionToken).toBeUndefined();
    const who = await engine.callerIdentity(model, 'alice');
    expect(who.arn).toBe(alice.arn);
  });

  it('assumes a role with the right external id', async () => {
    const model = profileModel(
      `[profile ext]\nrole_arn = ${role('ext-role')}\nsource_profile = alice\nexternal_id = ext-123\nrole_session_name = it-ext\n`,
      creds(),
    );
    const c = await engine.resolve(model, 'ext');
    expect(c).toMatchObject({ source: 'role', chained: false, accountId: ACCOUNT, roleArn: role('ext-role') });
    expect(c.accessKeyId).toMatch(/^ASIA/);
    expect(c.hops.map((h) => h.profile)).toEqual(['ext', 'alice']);
    const who = await engine.callerIdentity(model, 'ext');
    expect(who.arn).toBe(`arn:aws:sts::${ACCOUNT}:assumed-role/ext-role/it-ext`);
  });

  it('maps a wrong external id to ACCESS_DENIED', async () => {
    const model = profileModel(`[profile ext]\nrole_arn = ${role('ext-role')}\nsource_profile = alice\nexternal_id = wrong-id\n`, creds());
    await expect(engine.resolve(model, 'ext')).rejects.toMatchObject({ code: 'ACCESS_DENIED' });
  });

  it('uses hatrack-<user> as the default session name', async () => {
    const model = profileModel(`[profile ext]\nrole_arn = ${role('ext-role')}\nsource_profile = alice\nexternal_id = ext-123\n`, creds());
    const who = await engine.callerIdentity(model, 'ext');
    expect(who.arn).toBe(`arn:aws:sts::${ACCOUNT}:assumed-role/ext-role/hatrack-tester`);
  });

  it('follows a two-hop chain and caps the chained hop at one hour', async () => {
    const model = profileModel(
      [
        `[profile first]\nrole_arn = ${role('ext-role')}\nsource_profile = alice\nexternal_id = ext-123\nduration_seconds = 7200\n`,
        `[profile chained]\nrole_arn = ${role('second')}\nsource_profile = first\nduration_seconds = 7200\n`,
      ].join(''),
      creds(),
    );
    const before = Date.now();
    const first = await engine.resolve(model, 'first');
    // A hop signed by long-term keys keeps its 2 h (moto sets Expiration = now + DurationSeconds).
    expect(first.expiration!.getTime()).toBeGreaterThan(before + 7000 * 1000);
    const c = await engine.resolve(model, 'chained');
    expect(c).toMatchObject({ source: 'role', chained: true, roleArn: role('second') });
    expect(c.hops.map((h) => [h.profile, h.chained === true, h.durationCapped === true])).toEqual([
      ['chained', true, true],
      ['first', false, false],
      ['alice', false, false],
    ]);
    expect(c.expiration!.getTime()).toBeLessThanOrEqual(Date.now() + 3600 * 1000 + 5000);
    expect((await engine.callerIdentity(model, 'chained')).arn).toContain(':assumed-role/second/');
  });

  it('refuses a source_profile cycle without calling AWS', async () => {
    const model = profileModel(
      `[profile a]\nrole_arn = ${role('second')}\nsource_profile = b\n[profile b]\nrole_arn = ${role('second')}\nsource_profile = a\n`,
    );
    await expect(engine.resolve(model, 'a')).rejects.toMatchObject({ code: 'CYCLE' });
  });

  it('allows a role profile that names itself and holds static keys', async () => {
    const model = profileModel(
      `[profile self]\nrole_arn = ${role('ext-role')}\nsource_profile = self\nexternal_id = ext-123\n`,
      `[self]\naws_access_key_id = ${alice.accessKeyId}\naws_secret_access_key = ${alice.secretAccessKey}\n`,
    );
    const c = await engine.resolve(model, 'self');
    expect(c.source).toBe('role');
    expect(c.hops.map((h) => h.source)).toEqual(['role', 'static']);
  });

  it('runs credential_process (no shell) and uses it as a role source', async () => {
    const script = path.join(home, 'cp.mjs');
    await writeFile(
      script,
      `process.stdout.write(JSON.stringify({Version: 1, AccessKeyId: ${JSON.stringify(alice.accessKeyId)}, SecretAccessKey: ${JSON.stringify(alice.secretAccessKey)}, Expiration: new Date(Date.now() + 3600e3).toISOString()}));\n`,
    );
    const model = profileModel(
      `[profile proc]\ncredential_process = "${process.execPath}" "${script}"\naws_account_id = ${ACCOUNT}\n` +
        `[profile via-proc]\nrole_arn = ${role('ext-role')}\nsource_profile = proc\nexternal_id = ext-123\n`,
    );
    const c = await engine.resolve(model, 'proc');
    expect(c).toMatchObject({ source: 'process', accessKeyId: alice.accessKeyId, accountId: ACCOUNT });
    expect(c.expiration).toBeInstanceOf(Date);
    const r = await engine.resolve(model, 'via-proc');
    expect(r.hops.map((h) => h.source)).toEqual(['role', 'process']);
  });

  it('reports a failing credential_process without echoing its stdout', async () => {
    const script = path.join(home, 'fail.mjs');
    await writeFile(script, `process.stdout.write('SECRET-STDOUT'); process.stderr.write('token expired, log in again\\n'); process.exit(3);\n`);
    const model = profileModel(`[profile bad]\ncredential_process = "${process.execPath}" "${script}"\n`);
    const err = await engine.resolve(model, 'bad').catch((e: unknown) => e);
    expect(err).toMatchObject({ code: 'CREDENTIAL_PROCESS_FAILED' });
    expect((err as Error).message).toContain('status 3');
    expect((err as Error).message).toContain('token expired');
    expect((err as Error).message).not.toContain('SECRET-STDOUT');
  });

  it('maps an unknown access key to INVALID_CLIENT_TOKEN and a wrong secret likewise', async () => {
    const model = profileModel(
      '',
      `[ghost]\naws_access_key_id = AKIAAAAAAAAAAAAAAAAA\naws_secret_access_key = nope\n[typo]\naws_access_key_id = ${alice.accessKeyId}\naws_secret_access_key = wrong\n`,
    );
    const e1 = await engine.callerIdentity(model, 'ghost').catch((e: unknown) => e);
    expect(e1).toMatchObject({ code: 'INVALID_CLIENT_TOKEN' });
    expect((e1 as Error).message).not.toContain('AKIAAAAAAAAAAAAAAAAA');
    await expect(engine.callerIdentity(model, 'typo')).rejects.toMatchObject({ code: 'INVALID_CLIENT_TOKEN' });
  });

  it('maps a refused connection to NETWORK', async () => {
    const down = createCredentialsEngine({
      env: motoEnv(moto, home, { AWS_ENDPOINT_URL_STS: 'http://127.0.0.1:9' }),
      dataDir: home,
      gateway: createSdkGateway({ maxAttempts: 1 }),
    });
    const err = await down.callerIdentity(profileModel('', creds()), 'alice').catch((e: unknown) => e);
    expect(err).toMatchObject({ code: 'NETWORK' });
    // Issue 13: the sentence names the endpoint (host:port only; never a URL, path or query).
    expect((err as Error).message).toBe('Could not reach sts at 127.0.0.1:9: connection refused (ECONNREFUSED).');
  });
});

describe('MFA sessions (auth off: moto cannot sign with GetSessionToken keys)', () => {
  it('asks for one code for two roles that share a device, then reuses the session', async () => {
    await moto.setAuth(false);
    try {
      const serial = `arn:aws:iam::${ACCOUNT}:mfa/alice`;
      const model = profileModel(
        `[profile m1]\nrole_arn = ${role('ext-role')}\nsource_profile = alice\nexternal_id = ext-123\nmfa_serial = ${serial}\nduration_seconds = 7200\n` +
          `[profile m2]\nrole_arn = ${role('second')}\nsource_profile = alice\nmfa_serial = ${serial}\n`,
        creds(),
      );
      const mfaCodeProvider = vi.fn((_serial: string) => Promise.resolve('123456'));
      const e = createCredentialsEngine({ env: motoEnv(moto, home), dataDir: home, mfaCodeProvider });
      const [a, b] = await Promise.all([e.resolve(model, 'm1'), e.resolve(model, 'm2')]);
      const c = await e.resolve(model, 'm1');
      expect(mfaCodeProvider).toHaveBeenCalledTimes(1);
      expect(mfaCodeProvider).toHaveBeenCalledWith(serial);
      for (const r of [a, b, c]) {
        expect(r).toMatchObject({ source: 'role', chained: true });
        expect(r.hops[0]).toMatchObject({ viaMfaSession: true, chained: true });
      }
      expect(a.hops[0]!.durationCapped).toBe(true);
      expect(a.expiration!.getTime()).toBeLessThanOrEqual(Date.now() + 3600 * 1000 + 5000);
    } finally {
      await moto.setAuth(true);
    }
  });

  it('fails with MFA_REQUIRED when no code provider is given', async () => {
    const model = profileModel(
      `[profile m1]\nrole_arn = ${role('ext-role')}\nsource_profile = alice\nmfa_serial = arn:aws:iam::${ACCOUNT}:mfa/alice\n`,
      creds(),
    );
    await expect(engine.resolve(model, 'm1')).rejects.toMatchObject({ code: 'MFA_REQUIRED' });
  });

  it('assumes a role with a web identity token file (unsigned call; moto answers 500 to it with auth on)', async () => {
    await moto.setAuth(false);
    try {
      const tokenFile = path.join(home, 'web-token');
      await writeFile(tokenFile, 'eyJhbGciOi.fake.jwt\n');
      const model = profileModel(`[profile web]\nrole_arn = ${role('second')}\nweb_identity_token_file = ${tokenFile}\nrole_session_name = web-it\n`);
      const c = await engine.resolve(model, 'web');
      expect(c).toMatchObject({ source: 'web-identity', chained: false, accountId: ACCOUNT });
      expect(c.accessKeyId).toMatch(/^ASIA/);
    } finally {
      await moto.setAuth(true);
    }
  });
});
