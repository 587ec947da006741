import { describe, expect, it } from 'vitest';

import { parseDocument } from '../awsfiles/ini-document.js';
import { readIni } from '../awsfiles/ini-reading.js';
import { buildProfileModel } from '../awsfiles/profiles.js';
import type { KeyFactsCache } from '../keys/key-facts-cache.js';
import { activeIdentity, roleNameOf } from './active-identity.js';

const ini = (text: string) => readIni(parseDocument(new TextEncoder().encode(text)));
const model = buildProfileModel(
  ini('[default]\nregion = eu-west-1\n[profile production]\nrole_arn = arn:aws:iam::123456789012:role/ops/Admin\nsource_profile = default\n[profile dev]\nregion = eu-west-1\n'),
  ini('[default]\naws_access_key_id = AKIADEFAULT\naws_secret_access_key = s\n[dev]\naws_access_key_id = AKIADEV\naws_secret_access_key = s\n'),
);
const keyFacts: KeyFactsCache = {
  keys: { AKIADEV: { createDate: null, status: 'unknown', userName: null, lastUsedDate: null, lastUsedService: null, lastUsedRegion: null, accountId: '210987654321', checkedAt: '2026-12-03T00:00:00Z' } },
  accounts: { '123456789012': { alias: 'acme-prod', checkedAt: '2026-12-03T00:00:00Z' }, '210987654321': { alias: 'acme-dev', checkedAt: '2026-12-03T00:00:00Z' } },
};
const base = { model, managedDefault: undefined, defaultExpiresAt: null, keyFacts, now: new Date('2026-12-03T06:00:00Z') };

describe('active identity in a new terminal', () => {
  it('is [default] when the environment names nothing', () => {
    expect(activeIdentity({ ...base, vars: {} })).toMatchObject({ source: 'default', variable: null, profile: 'default', profileFound: true, standsFor: null, note: null });
  });

  it('is the managed default\'s profile, with its account name, role and session expiry', () => {
    const who = activeIdentity({ ...base, vars: {}, managedDefault: 'production', defaultExpiresAt: '2026-12-03T06:42:00Z' });
    expect(who).toMatchObject({ source: 'default', profile: 'default', standsFor: 'production', accountId: '123456789012', accountName: 'acme-prod', roleName: 'Admin', expiresAt: '2026-12-03T06:42:00Z' });
  });

  it('follows AWS_PROFILE over AWS_DEFAULT_PROFILE, and says where older tools differ', () => {
    const who = activeIdentity({ ...base, vars: { AWS_PROFILE: 'dev', AWS_DEFAULT_PROFILE: 'production' } });
    expect(who).toMatchObject({ source: 'env-profile', variable: 'AWS_PROFILE', profile: 'dev', accountId: '210987654321', accountName: 'acme-dev', roleName: null });
    expect(who.note).toContain('AWS_DEFAULT_PROFILE');
    expect(activeIdentity({ ...base, vars: { AWS_DEFAULT_PROFILE: 'production' } })).toMatchObject({ variable: 'AWS_DEFAULT_PROFILE', profile: 'production' });
  });

  it('puts environment keys first, as the AWS CLI does, naming the account when the key was checked', () => {
    const who = activeIdentity({ ...base, vars: { AWS_ACCESS_KEY_ID: 'AKIADEV', AWS_SECRET_ACCESS_KEY: 'x', AWS_PROFILE: 'production' } });
    expect(who).toMatchObject({ source: 'env-keys', variable: 'AWS_ACCESS_KEY_ID', profile: null, accountName: 'acme-dev' });
    expect(who.note).toContain('JS SDK');
    // An id without a secret is not credentials: the profile chain applies.
    expect(activeIdentity({ ...base, vars: { AWS_ACCESS_KEY_ID: 'AKIADEV' } }).source).toBe('default');
  });

  it('reports a profile the files do not have, and no identity at all without [default]', () => {
    expect(activeIdentity({ ...base, vars: { AWS_PROFILE: 'gone' } })).toMatchObject({ source: 'env-profile', profile: 'gone', profileFound: false });
    const empty = buildProfileModel(ini(''), ini(''));
    expect(activeIdentity({ ...base, model: empty, vars: {} })).toMatchObject({ source: 'none', profile: null, profileFound: false });
  });

  it('reads the role name after any path', () => {
    expect(roleNameOf('arn:aws:iam::123456789012:role/a/b/Deploy')).toBe('Deploy');
    expect(roleNameOf('not-an-arn')).toBeNull();
  });
});
