import { createHash } from 'node:crypto';

import { describe, expect, it, vi } from 'vitest';

import { parseDocument } from '../awsfiles/ini-document.js';
import { readIni } from '../awsfiles/ini-reading.js';
import { buildProfileModel } from '../awsfiles/profiles.js';
import type { Environment } from '../environment.js';
import { createFakeGateway } from './fake-gateway.js';
import { createMemoryMfaSessionCache, createMfaSessionBroker } from './mfa-session.js';
import { resolveCredentials } from './resolve.js';
import type { AssumeRoleInput, CallTarget, StsGateway } from './sts-gateway.js';

const NOW = new Date('2026-03-01T12:00:00Z');
const ROLE = 'arn:aws:iam::111122223333:role/R';
const model = (config: string, creds = '') =>
  buildProfileModel(readIni(parseDocument(new TextEncoder().encode(config))), readIni(parseDocument(new TextEncoder().encode(creds))));
const env = (vars: Record<string, string> = {}): Environment => ({
  vars: { HOME: '/home/t', USER: 'Jane Doe', ...vars },
  platform: 'linux',
  osHome: '/home/t',
  now: () => NOW,
});

function roleGateway(extra: Partial<StsGateway> = {}) {
  let n = 0;
  return createFakeGateway({
    assumeRole: (_t: CallTarget, input: AssumeRoleInput) =>
      Promise.resolve({
        accessKeyId: `ASIAROLE${++n}`,
        secretAccessKey: 's',
        sessionToken: 't',
        expiration: new Date(NOW.getTime() + (input.durationSeconds ?? 3600) * 1000),
        assumedRoleArn: `arn:aws:sts::111122223333:assumed-role/R/${input.roleSessionName}`,
      }),
    getSessionToken: () =>
      Promise.resolve({ accessKeyId: 'ASIAMFA', secretAccessKey: 's', sessionToken: 'mfa', expiration: new Date(NOW.getTime() + 3600e3) }),
    ...extra,
  });
}

function deps(gateway: StsGateway, e = env(), files: Record<string, string> = {}, codeProvider?: (s: string) => Promise<string>) {
  return {
    env: e,
    gateway,
    mfa: createMfaSessionBroker({ gateway, cache: createMemoryMfaSessionCache(), codeProvider, now: () => NOW }),
    readTextFile: (f: string) => (f in files ? Promise.resolve(files[f]!) : Promise.reject(new Error('ENOENT'))),
  };
}

describe('resolveCredentials: static keys', () => {
  it('prefers aws_security_token over aws_session_token, like botocore', async () => {
    const m = model('', '[p]\naws_access_key_id = AKIA1\naws_secret_access_key = s\naws_session_token = new\naws_security_token = old\n');
    const c = await resolveCredentials(m, 'p', deps(createFakeGateway({})));
    expect(c).toMatchObject({ accessKeyId: 'AKIA1', sessionToken: 'old', source: 'static', chained: false });
  });
  it('credentials-file keys beat credential_process, which beats config-file keys', async () => {
    const runProcess = vi.fn(() =>
      Promise.resolve({ exitCode: 0, stdout: '{"Version":1,"AccessKeyId":"AKIAPROC","SecretAccessKey":"x"}', stderr: '' }),
    );
    const conf = '[profile p]\ncredential_process = /bin/tool --x\naws_access_key_id = AKIACONF\naws_secret_access_key = c\n';
    const fromProc = await resolveCredentials(model(conf), 'p', { ...deps(createFakeGateway({})), runProcess });
    expect(fromProc.accessKeyId).toBe('AKIAPROC');
    expect(runProcess).toHaveBeenCalledWith(['/bin/tool', '--x'], expect.anything());
    const fromCreds = await resolveCredentials(model(conf, '[p]\naws_access_key_id = AKIACRED\naws_secret_access_key = k\n'), 'p', {
      ...deps(createFakeGateway({})),
      runProcess,
    });
    expect(fromCreds.accessKeyId).toBe('AKIACRED');
  });
  it('refuses a key id without a secret and a profile without credentials', async () => {
    await expect(resolveCredentials(model('', '[p]\naws_access_key_id = AKIA1\n'), 'p', deps(createFakeGateway({})))).rejects.toMatchObject({
      code: 'INVALID_CONFIG',
    });
    await expect(resolveCredentials(model('[profile p]\nregion = us-east-1\n'), 'p', deps(createFakeGateway({})))).rejects.toMatchObject({
      code: 'NO_CREDENTIALS',
    });
    await expect(resolveCredentials(model(''), 'nope', deps(createFakeGateway({})))).rejects.toMatchObject({ code: 'PROFILE_NOT_FOUND' });
  });
});

describe('resolveCredentials: roles', () => {
  const base = '[profile src]\naws_access_key_id = AKIASRC\naws_secret_access_key = s\n';

  it('sends the profile settings and the default session name, in the profile region', async () => {
    const g = roleGateway();
    const c = await resolveCredentials(
      model(`${base}[profile r]\nrole_arn = ${ROLE}\nsource_profile = src\nexternal_id = ext-1\nduration_seconds = 7200\nregion = eu-west-1\n`),
      'r',
      deps(g),
    );
    const [target, input] = g.calls[0]!.args as [CallTarget, AssumeRoleInput];
    expect(target).toMatchObject({ region: 'eu-west-1', credentials: { accessKeyId: 'AKIASRC' } });
    expect(input).toEqual({ roleArn: ROLE, roleSessionName: 'hatrack-Jane-Doe', externalId: 'ext-1', durationSeconds: 7200, serialNumber: undefined, tokenCode: undefined });
    expect(c).toMatchObject({ source: 'role', chained: false, accountId: '111122223333' });
  });

  it('defaults the STS region to us-east-1 and ignores a non-integer duration_seconds', async () => {
    const g = roleGateway();
    await resolveCredentials(model(`${base}[profile r]\nrole_arn = ${ROLE}\nsource_profile = src\nduration_seconds = 1h\n`), 'r', deps(g));
    const [target, input] = g.calls[0]!.args as [CallTarget, AssumeRoleInput];
    expect(target.region).toBe('us-east-1');
    expect(input.durationSeconds).toBeUndefined();
  });

  it('caps a chained hop at 3600 s', async () => {
    const g = roleGateway();
    const c = await resolveCredentials(
      model(`${base}[profile a]\nrole_arn = ${ROLE}\nsource_profile = src\n[profile b]\nrole_arn = ${ROLE}\nsource_profile = a\nduration_seconds = 43200\n`),
      'b',
      deps(g),
    );
    expect((g.calls[1]!.args[1] as AssumeRoleInput).durationSeconds).toBe(3600);
    expect(c.hops[0]).toMatchObject({ chained: true, durationCapped: true });
    expect(c.chained).toBe(true);
  });

  it('validates settings before calling STS', async () => {
    const g = roleGateway();
    await expect(
      resolveCredentials(model(`${base}[profile r]\nrole_arn = ${ROLE}\nsource_profile = src\nrole_session_name = has space\n`), 'r', deps(g)),
    ).rejects.toMatchObject({ code: 'INVALID_STS_PARAMETER', message: expect.stringContaining('RoleSessionName') });
    await expect(
      resolveCredentials(model(`${base}[profile r]\nrole_arn = ${ROLE}\nsource_profile = src\nduration_seconds = 60\n`), 'r', deps(g)),
    ).rejects.toMatchObject({ code: 'INVALID_STS_PARAMETER' });
    expect(g.calls).toHaveLength(0);
  });

  it('detects cycles of any length, allows self-reference only with static keys', async () => {
    const g = roleGateway();
    const loop = `[profile a]\nrole_arn = ${ROLE}\nsource_profile = b\n[profile b]\nrole_arn = ${ROLE}\nsource_profile = c\n[profile c]\nrole_arn = ${ROLE}\nsource_profile = a\n`;
    await expect(resolveCredentials(model(loop), 'a', deps(g))).rejects.toMatchObject({ code: 'CYCLE', message: expect.stringContaining('a → b → c → a') });
    await expect(resolveCredentials(model(`[profile s]\nrole_arn = ${ROLE}\nsource_profile = s\n`), 's', deps(g))).rejects.toMatchObject({ code: 'CYCLE' });
    const ok = await resolveCredentials(model(`[profile s]\nrole_arn = ${ROLE}\nsource_profile = s\naws_access_key_id = AKIAS\naws_secret_access_key = x\n`), 's', deps(g));
    expect(ok.hops.map((h) => h.source)).toEqual(['role', 'static']);
  });

  it('reports configuration mistakes clearly', async () => {
    const g = roleGateway();
    await expect(resolveCredentials(model(`[profile r]\nrole_arn = ${ROLE}\n`), 'r', deps(g))).rejects.toMatchObject({ code: 'INVALID_CONFIG' });
    await expect(
      resolveCredentials(model(`[profile r]\nrole_arn = ${ROLE}\nsource_profile = x\ncredential_source = Environment\n`), 'r', deps(g)),
    ).rejects.toMatchObject({ code: 'INVALID_CONFIG' });
    await expect(resolveCredentials(model(`[profile r]\nrole_arn = ${ROLE}\nsource_profile = ghost\n`), 'r', deps(g))).rejects.toMatchObject({
      code: 'PROFILE_NOT_FOUND',
    });
    await expect(
      resolveCredentials(model(`[profile e]\nregion = x\n[profile r]\nrole_arn = ${ROLE}\nsource_profile = e\n`), 'r', deps(g)),
    ).rejects.toMatchObject({ code: 'NO_CREDENTIALS', message: 'The source profile "e" must have credentials.' });
    await expect(
      resolveCredentials(model(`[profile r]\nrole_arn = ${ROLE}\ncredential_source = environment\n`), 'r', deps(g)),
    ).rejects.toMatchObject({ code: 'INVALID_CONFIG' });
  });

  it('credential_source = Environment reads the Environment, not process.env', async () => {
    const g = roleGateway();
    const m = model(`[profile r]\nrole_arn = ${ROLE}\ncredential_source = Environment\n`);
    await expect(resolveCredentials(m, 'r', deps(g))).rejects.toMatchObject({ code: 'NO_CREDENTIALS' });
    const c = await resolveCredentials(m, 'r', deps(g, env({ AWS_ACCESS_KEY_ID: 'AKIAENV', AWS_SECRET_ACCESS_KEY: 'e' })));
    expect((g.calls[0]!.args[0] as CallTarget).credentials.accessKeyId).toBe('AKIAENV');
    expect(c.hops.map((h) => h.source)).toEqual(['role', 'environment']);
  });

  it('MFA over long-term keys: one GetSessionToken, reused, then AssumeRole without a code', async () => {
    const g = roleGateway();
    const provider = vi.fn(() => Promise.resolve('654321'));
    const d = deps(g, env(), {}, provider);
    const m = model(`${base}[profile r1]\nrole_arn = ${ROLE}\nsource_profile = src\nmfa_serial = arn:aws:iam::1:mfa/me\n[profile r2]\nrole_arn = ${ROLE}2x\nsource_profile = src\nmfa_serial = arn:aws:iam::1:mfa/me\n`);
    await resolveCredentials(m, 'r1', d);
    await resolveCredentials(m, 'r2', d);
    expect(provider).toHaveBeenCalledTimes(1);
    expect(g.calls.map((c) => c.method)).toEqual(['getSessionToken', 'assumeRole', 'assumeRole']);
    expect(g.calls[0]!.args[1]).toMatchObject({ serialNumber: 'arn:aws:iam::1:mfa/me', tokenCode: '654321' });
    const ar = g.calls[1]!.args as [CallTarget, AssumeRoleInput];
    expect(ar[0].credentials.accessKeyId).toBe('ASIAMFA');
    expect(ar[1].tokenCode).toBeUndefined();
  });

  it('MFA over temporary credentials sends SerialNumber and TokenCode with AssumeRole', async () => {
    const g = roleGateway();
    const d = deps(g, env(), {}, () => Promise.resolve('111111'));
    const m = model(`${base}[profile a]\nrole_arn = ${ROLE}\nsource_profile = src\n[profile b]\nrole_arn = ${ROLE}\nsource_profile = a\nmfa_serial = arn:aws:iam::1:mfa/me\n`);
    await resolveCredentials(m, 'b', d);
    expect(g.calls.map((c) => c.method)).toEqual(['assumeRole', 'assumeRole']);
    expect(g.calls[1]!.args[1]).toMatchObject({ serialNumber: 'arn:aws:iam::1:mfa/me', tokenCode: '111111' });
  });

  it('rejects a malformed MFA code before calling STS', async () => {
    const g = roleGateway();
    const m = model(`${base}[profile r]\nrole_arn = ${ROLE}\nsource_profile = src\nmfa_serial = arn:aws:iam::1:mfa/me\n`);
    await expect(resolveCredentials(m, 'r', deps(g, env(), {}, () => Promise.resolve('12ab56')))).rejects.toMatchObject({ code: 'MFA_INVALID' });
    expect(g.calls).toHaveLength(0);
  });
});

describe('resolveCredentials: web identity and SSO', () => {
  it('reads the token file and calls AssumeRoleWithWebIdentity unsigned', async () => {
    const g = createFakeGateway({
      assumeRoleWithWebIdentity: () =>
        Promise.resolve({ accessKeyId: 'ASIAW', secretAccessKey: 's', sessionToken: 't', expiration: NOW, assumedRoleArn: undefined }),
    });
    const m = model(`[profile w]\nrole_arn = ${ROLE}\nweb_identity_token_file = /tok\nsource_profile = ignored\n`);
    const c = await resolveCredentials(m, 'w', deps(g, env(), { '/tok': 'jwt-token\n' }));
    expect(c).toMatchObject({ source: 'web-identity', accountId: '111122223333' });
    expect(g.calls[0]!.args[0]).toEqual({ region: 'us-east-1', endpoint: undefined });
    expect(g.calls[0]!.args[1]).toMatchObject({ webIdentityToken: 'jwt-token', roleSessionName: 'hatrack-Jane-Doe' });
  });

  const sha1 = (s: string) => createHash('sha1').update(s).digest('hex');
  const ssoConfig =
    '[profile s]\nsso_session = corp\nsso_account_id = 111122223333\nsso_role_name = Admin\n' +
    '[sso-session corp]\nsso_start_url = https://corp.awsapps.com/start\nsso_region = eu-central-1\n' +
    '[profile legacy]\nsso_start_url = https://old.awsapps.com/start\nsso_region = us-east-2\nsso_account_id = 1\nsso_role_name = R\n';

  it('uses a valid cached SSO token, keyed by session name or legacy start URL', async () => {
    const g = createFakeGateway({
      getRoleCredentials: () => Promise.resolve({ accessKeyId: 'ASIASSO', secretAccessKey: 's', sessionToken: 't', expiration: NOW }),
    });
    const token = JSON.stringify({ accessToken: 'at', expiresAt: '2026-03-01T13:00:00Z' });
    const files = {
      [`/home/t/.aws/sso/cache/${sha1('corp')}.json`]: token,
      [`/home/t/.aws/sso/cache/${sha1('https://old.awsapps.com/start')}.json`]: token.replace('Z"', 'UTC"'),
    };
    const c = await resolveCredentials(model(ssoConfig), 's', deps(g, env(), files));
    expect(c).toMatchObject({ source: 'sso', accountId: '111122223333', accessKeyId: 'ASIASSO' });
    expect(g.calls[0]!.args).toEqual([{ region: 'eu-central-1', endpoint: undefined }, { accessToken: 'at', accountId: '111122223333', roleName: 'Admin' }]);
    await resolveCredentials(model(ssoConfig), 'legacy', deps(g, env(), files));
    expect(g.calls[1]!.args[0]).toMatchObject({ region: 'us-east-2' });
  });

  it('asks for aws sso login when the token is missing or expired', async () => {
    const g = createFakeGateway({});
    const expired = { [`/home/t/.aws/sso/cache/${sha1('corp')}.json`]: JSON.stringify({ accessToken: 'at', expiresAt: '2026-03-01T11:00:00Z' }) };
    for (const files of [{}, expired]) {
      await expect(resolveCredentials(model(ssoConfig), 's', deps(g, env(), files))).rejects.toMatchObject({
        code: 'SSO_TOKEN_MISSING',
        message: expect.stringContaining('aws sso login --sso-session corp'),
      });
    }
    expect(g.calls).toHaveLength(0);
  });
});
