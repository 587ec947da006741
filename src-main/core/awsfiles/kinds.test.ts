// Unit tests of the kinds table: botocore's precedence, a full set of capabilities per kind, one answer per question,
// and the resolvers refusing exactly what the table refuses.
import { describe, expect, it } from 'vitest';

import { PROFILE_KINDS } from '../../../shared/ipc/schemas.js';
import { createFakeGateway } from '../sts/fake-gateway.js';
import { createMemoryMfaSessionCache, createMfaSessionBroker } from '../sts/mfa-session.js';
import { resolveCredentials } from '../sts/resolve.js';
import { parseDocument } from './ini-document.js';
import { readIni } from './ini-reading.js';
import { assumesRole, credentialKind, KIND_ROWS, nonRoleKind, profileCapabilities } from './kinds.js';
import type { Capabilities, CapabilityName, ProfileKind } from './kinds.js';
import { buildProfileModel } from './profiles.js';

type Keys = Record<string, string>;
const map = (keys: Keys | undefined) => (keys === undefined ? undefined : new Map(Object.entries(keys)));
/** The kind of a profile whose config section holds `config` and whose credentials section holds `credentials`. */
function kindOf(config: Keys, credentials?: Keys): ProfileKind {
  return credentialKind(new Map(Object.entries({ ...config, ...credentials })), map(credentials));
}
function capabilitiesOf(config: Keys, credentials?: Keys): Capabilities {
  return profileCapabilities({ settings: new Map(Object.entries({ ...config, ...credentials })), credentialsSettings: map(credentials) });
}

const KEYS = { aws_access_key_id: 'AKIAIOSFODNN7EXAMPLE', aws_secret_access_key: 'secret' };
const ROLE = { role_arn: 'arn:aws:iam::111122223333:role/R', source_profile: 'base' };
const SSO = { sso_start_url: 'https://x.awsapps.com/start', sso_region: 'eu-west-1', sso_account_id: '111122223333', sso_role_name: 'R' };
const CAPABILITIES: readonly CapabilityName[] = ['use', 'assume', 'console', 'export', 'vault', 'rotate', 'signIn'];

describe('kinds table: botocore precedence (spec §4.2)', () => {
  it.each<[string, Keys, Keys | undefined, ProfileKind]>([
    ['region only', { region: 'eu-west-1' }, undefined, 'settings'],
    ['keys in the credentials file', {}, KEYS, 'static'],
    ['keys in the config file', KEYS, undefined, 'static'],
    ['a lone secret still marks static keys', {}, { aws_secret_access_key: 's' }, 'static'],
    ['role_arn plus static keys at the top level: the role', { ...ROLE, ...KEYS }, undefined, 'role'],
    ['role_arn plus web_identity_token_file plus source_profile: web identity', { ...ROLE, web_identity_token_file: '/t' }, undefined, 'web-identity'],
    ['SSO plus credential_process (aws-sso-util): SSO', { ...SSO, credential_process: 'tool' }, undefined, 'sso'],
    ['SSO activates on sso_account_id alone', { sso_account_id: '1' }, undefined, 'sso'],
    ['static keys plus credential_process, both in config: the process', { ...KEYS, credential_process: 'tool' }, undefined, 'process'],
    ['credentials-file keys beat credential_process', { credential_process: 'tool' }, KEYS, 'static'],
    ['credentials-file keys beat aws login', { login_session: 'arn:aws:iam::1:user/x' }, KEYS, 'static'],
    ['aws login beats credential_process and config-file keys', { login_session: 'a', credential_process: 'tool', ...KEYS }, undefined, 'login'],
    ['SSO beats credentials-file keys', SSO, KEYS, 'sso'],
  ])('%s → %s', (_what, config, credentials, kind) => {
    expect(kindOf(config, credentials)).toBe(kind);
  });

  it('lists the providers in botocore order, static keys twice (credentials file early, config file late)', () => {
    expect(KIND_ROWS.map((r) => r.provider)).toEqual([
      'AssumeRoleProvider',
      'AssumeRoleWithWebIdentityProvider',
      'SSOProvider',
      'SharedCredentialProvider',
      'LoginProvider',
      'ProcessProvider',
      'ConfigProvider',
      '(none: not a credential source)',
    ]);
  });

  it('has a row for every kind the wire names, and nothing else', () => {
    expect(new Set(KIND_ROWS.map((r) => r.kind))).toEqual(new Set(PROFILE_KINDS));
  });

  it('a source holding static keys skips the role rows; only role rows assume a role', () => {
    expect(nonRoleKind(new Map(Object.entries({ ...ROLE, ...KEYS })), undefined)).toBe('static');
    expect(nonRoleKind(new Map(Object.entries({ ...ROLE, credential_process: 'x' })), undefined)).toBe('process');
    expect(PROFILE_KINDS.filter(assumesRole)).toEqual(['role', 'web-identity']);
  });
});

describe('kinds table: capabilities', () => {
  const samples: Record<ProfileKind, [Keys, Keys?]> = {
    static: [{}, KEYS],
    role: [ROLE],
    sso: [SSO],
    process: [{ credential_process: 'tool' }],
    'web-identity': [{ ...ROLE, web_identity_token_file: '/t' }],
    login: [{ login_session: 'arn:aws:iam::1:user/x' }],
    settings: [{ region: 'eu-west-1' }],
  };

  it.each(PROFILE_KINDS)('%s: every capability, each allowed or refused with a reason', (kind) => {
    const [config, credentials] = samples[kind];
    expect(kindOf(config, credentials)).toBe(kind);
    const caps = capabilitiesOf(config, credentials);
    expect(Object.keys(caps).sort()).toEqual([...CAPABILITIES].sort());
    for (const name of CAPABILITIES) {
      const c = caps[name];
      expect(c.ok ? c.reason : typeof c.reason === 'string' && c.reason.length > 10).toBe(c.ok ? null : true);
    }
  });

  it('aws login: nothing that needs credentials, since the resolver refuses login_session (the window used to offer Assume)', () => {
    const caps = capabilitiesOf(samples.login[0]);
    expect([caps.use.ok, caps.assume.ok, caps.console.ok, caps.export.ok]).toEqual([false, false, false, false]);
  });

  it('static keys: Assume only with mfa_serial (the tray used to enable it without)', () => {
    expect(capabilitiesOf({}, KEYS).assume).toMatchObject({ ok: false, reason: expect.stringContaining('mfa_serial') });
    expect(capabilitiesOf({ mfa_serial: 'arn:aws:iam::1:mfa/me' }, KEYS).assume).toEqual({ ok: true, reason: null });
    expect(capabilitiesOf({}, KEYS).use.ok && capabilitiesOf({}, KEYS).console.ok).toBe(true);
  });

  it('settings only: nothing at all', () => {
    expect(Object.values(capabilitiesOf({ region: 'eu-west-1' })).map((c) => c.ok)).toEqual(CAPABILITIES.map(() => false));
  });

  it('vault and rotate: only long-term keys held in the files', () => {
    expect(capabilitiesOf({}, KEYS).vault.ok).toBe(true);
    expect(capabilitiesOf({}, KEYS).rotate.ok).toBe(true);
    expect(capabilitiesOf(KEYS).vault.ok).toBe(true);
    const session = capabilitiesOf({}, { ...KEYS, aws_session_token: 't' });
    expect([session.vault.ok, session.rotate.ok, session.use.ok]).toEqual([false, false, true]);
    expect(capabilitiesOf({ credential_process: 'hatrack credential-process --profile p' }, KEYS).vault.ok).toBe(false);
    expect(capabilitiesOf({}, { aws_secret_access_key: 's' }).rotate.ok).toBe(false);
    for (const kind of ['role', 'sso', 'process', 'web-identity', 'login', 'settings'] as const) {
      const caps = capabilitiesOf(...samples[kind]);
      expect([kind, caps.vault.ok, caps.rotate.ok]).toEqual([kind, false, false]);
    }
  });

  it('sign-in: only IAM Identity Center profiles, which Hatrack signs in itself', () => {
    for (const kind of PROFILE_KINDS) expect([kind, capabilitiesOf(...samples[kind]).signIn.ok]).toEqual([kind, kind === 'sso']);
    expect(capabilitiesOf(SSO).signIn).toEqual({ ok: true, reason: null });
  });

  it('a role from an EC2 or ECS credential_source cannot be used here; Environment can', () => {
    expect(capabilitiesOf({ role_arn: ROLE.role_arn, credential_source: 'Ec2InstanceMetadata' }).use).toMatchObject({ ok: false });
    expect(capabilitiesOf({ role_arn: ROLE.role_arn, credential_source: 'Environment' }).use.ok).toBe(true);
  });
});

describe('kinds table and resolvers agree', () => {
  const model = (config: string, creds = '') =>
    buildProfileModel(readIni(parseDocument(new TextEncoder().encode(config))), readIni(parseDocument(new TextEncoder().encode(creds))));
  const gateway = createFakeGateway({});
  const deps = {
    env: { vars: {}, platform: 'linux' as const, osHome: '/home/t', now: () => new Date() },
    gateway,
    mfa: createMfaSessionBroker({ gateway, cache: createMemoryMfaSessionCache(), codeProvider: undefined, now: () => new Date() }),
  };

  it.each([
    ['login', '[profile p]\nlogin_session = arn:aws:iam::1:user/x\n', 'NOT_SUPPORTED'],
    ['settings', '[profile p]\nregion = eu-west-1\n', 'NO_CREDENTIALS'],
    ['EC2 credential_source', '[profile p]\nrole_arn = arn:aws:iam::111122223333:role/R\ncredential_source = Ec2InstanceMetadata\n', 'NOT_SUPPORTED'],
  ])('%s: the resolver refuses with the table’s reason', async (_what, config, code) => {
    const m = model(config);
    const reason = profileCapabilities(m.byName.get('p')!).use.reason;
    await expect(resolveCredentials(m, 'p', deps)).rejects.toMatchObject({ code, message: `Profile "p" ${reason}.` });
  });

  it('a lone secret in the credentials file passes on to credential_process, as botocore skips it', async () => {
    const runProcess = () => Promise.resolve({ exitCode: 0, stdout: '{"Version":1,"AccessKeyId":"AKIAPROC","SecretAccessKey":"x"}', stderr: '' });
    const m = model('[profile p]\ncredential_process = tool\n', '[p]\naws_secret_access_key = s\n');
    expect(m.byName.get('p')!.kind).toBe('static');
    await expect(resolveCredentials(m, 'p', { ...deps, runProcess })).resolves.toMatchObject({ accessKeyId: 'AKIAPROC', source: 'process' });
  });
});
