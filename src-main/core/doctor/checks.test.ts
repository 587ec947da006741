// Doctor's pure checks on crafted files: each finding fires when it should and stays quiet otherwise.

import { describe, expect, it } from 'vitest';
import { docsOf } from '../../../test/support/docs.js';
import { modelOf } from '../awsfiles/aws-docs.js';
import { findProblems } from '../awsfiles/problems.js';
import { defaultSettings, setSetting } from '../settings/settings.js';
import type { Settings } from '../settings/settings.js';
import type { DoctorContext } from './checks.js';
import { runChecks } from './checks.js';

const NOW = new Date('2026-06-01T00:00:00Z');
const KEYS = (id: string) => `aws_access_key_id = ${id}\naws_secret_access_key = secret-${id}\n`;

function ctx(config: string, credentials: string, over: Partial<DoctorContext> = {}, settings: Settings = defaultSettings()): DoctorContext {
  const docs = docsOf(config, credentials);
  const model = modelOf(docs);
  return { docs, model, problems: findProblems(model), settings, platform: 'linux', modes: {}, vault: [], keyCreateDates: new Map(), now: NOW, ...over };
}

const codes = (c: DoctorContext) => runChecks(c).map((f) => `${f.code}:${f.profile ?? ''}`);

describe('doctor checks', () => {
  it('flags loose modes with a chmod fix, and nothing on Windows', () => {
    const c = ctx('[profile a]\naws_secret_access_key = x\naws_access_key_id = AKIA1\n', '', {
      modes: { credentials: { path: '/h/.aws/credentials', mode: 0o644 }, config: { path: '/h/.aws/config', mode: 0o640 }, awsDir: { path: '/h/.aws', mode: 0o755 } },
    });
    const f = runChecks(c);
    expect(f.find((x) => x.code === 'CREDENTIALS_FILE_PERMISSIONS')).toMatchObject({ severity: 'error', action: { kind: 'chmod', path: '/h/.aws/credentials', mode: 0o600, label: 'Make private' } });
    expect(f.find((x) => x.code === 'CONFIG_FILE_PERMISSIONS')?.action).toMatchObject({ mode: 0o600 });
    expect(f.find((x) => x.code === 'AWS_DIR_PERMISSIONS')?.action).toMatchObject({ mode: 0o700 });
    expect(runChecks({ ...c, platform: 'win32' }).filter((x) => x.code.endsWith('PERMISSIONS'))).toEqual([]);
    expect(codes(ctx('', '', { modes: { credentials: { path: '/c', mode: 0o600 } } }))).toEqual([]);
  });

  it('plaintext keys, shared keys, key age (IAM CreateDate from the cache, else unknown: never a first-seen guess)', () => {
    // An old first-seen date in settings is no longer an age.
    const settings = setSetting(defaultSettings(), 'profiles.b.keyFirstSeen', '2026-05-20');
    const c = ctx('', `[a]\n${KEYS('AKIAOLD')}\n[b]\n${KEYS('AKIANEW')}\n[c]\n${KEYS('AKIAOLD')}\n[d]\n${KEYS('AKIAUNKNOWN')}`, {
      keyCreateDates: new Map([['AKIAOLD', new Date('2025-01-01T00:00:00Z')]]),
      vault: [{ profile: 'v', accessKeyId: 'AKIANEW' }],
    }, settings);
    const got = codes(c);
    expect(got.filter((x) => x.startsWith('PLAINTEXT_KEYS'))).toEqual(['PLAINTEXT_KEYS:a', 'PLAINTEXT_KEYS:b', 'PLAINTEXT_KEYS:c', 'PLAINTEXT_KEYS:d']);
    expect(got.filter((x) => x.startsWith('KEY_TOO_OLD'))).toEqual(['KEY_TOO_OLD:a', 'KEY_TOO_OLD:c']);
    expect(got).toContain('KEY_AGE_UNKNOWN:d');
    expect(got).toContain('KEY_AGE_UNKNOWN:b');
    expect(got).toContain('KEY_AGE_UNKNOWN:v');
    const shared = runChecks(c).filter((f) => f.code === 'SHARED_ACCESS_KEY').map((f) => f.message);
    expect(shared).toHaveLength(2);
    expect(shared.join()).toContain('(a, c)');
    expect(shared.join()).toContain('(b, v)');
  });

  it('reports a key from the day it turns 90 (the seed rule), not a day later', () => {
    const daysAgo = (n: number) => new Date(NOW.getTime() - n * 86_400_000);
    const c = ctx('', `[young]\n${KEYS('AKIAYOUNG')}\n[due]\n${KEYS('AKIADUE')}`, { keyCreateDates: new Map([['AKIAYOUNG', daysAgo(89)], ['AKIADUE', daysAgo(90)]]) });
    expect(codes(c).filter((x) => x.startsWith('KEY_TOO_OLD'))).toEqual(['KEY_TOO_OLD:due']);
  });

  it('production default: a managed [default] of a production profile, or the same key id', () => {
    const managed = '[default]\n# managed by hatrack: profile "prod-admin", long-term keys, no expiry - hatrack use <name> to switch\n' + KEYS('AKIAP');
    expect(codes(ctx('', managed + `\n[prod-admin]\n${KEYS('AKIAP')}`))).toContain('PRODUCTION_DEFAULT:default');
    // The managed copy itself is neither plaintext-flagged nor a shared key.
    expect(codes(ctx('', managed + `\n[prod-admin]\n${KEYS('AKIAP')}`)).filter((x) => x.endsWith(':default') && !x.startsWith('PRODUCTION'))).toEqual([]);
    expect(codes(ctx('', `[default]\n${KEYS('AKIAP')}\n[billing-prd]\n${KEYS('AKIAP')}`))).toContain('PRODUCTION_DEFAULT:default');
    expect(codes(ctx('', `[default]\n${KEYS('AKIAD')}\n[prod]\n${KEYS('AKIAP')}`))).not.toContain('PRODUCTION_DEFAULT:default');
    const unmarked = setSetting(defaultSettings(), 'profiles.prd.production', 'false');
    expect(codes(ctx('', `[default]\n${KEYS('AKIAP')}\n[prd]\n${KEYS('AKIAP')}`, {}, unmarked))).not.toContain('PRODUCTION_DEFAULT:default');
  });

  it('roles into production accounts without mfa_serial', () => {
    const config = [
      '[profile prod-admin]\nrole_arn = arn:aws:iam::111111111111:role/Admin\nsource_profile = me\nmfa_serial = arn:aws:iam::999999999999:mfa/me',
      '[profile readonly-x]\nrole_arn = arn:aws:iam::111111111111:role/ReadOnly\nsource_profile = me',
      '[profile prod-ro]\nrole_arn = arn:aws:iam::222222222222:role/ReadOnly\nsource_profile = me',
      '[profile dev]\nrole_arn = arn:aws:iam::333333333333:role/Admin\nsource_profile = me',
    ].join('\n\n');
    const got = codes(ctx(config + '\n', `[me]\n${KEYS('AKIAME')}`)).filter((x) => x.startsWith('PRODUCTION_ROLE'));
    expect(got).toEqual(['PRODUCTION_ROLE_WITHOUT_MFA:readonly-x', 'PRODUCTION_ROLE_WITHOUT_MFA:prod-ro']);
  });

  it('root keys (online), leftover aws_security_token, CLI-breaking problems with their file fix', () => {
    const c = ctx('[profile a]\nregion = x\nregion = x\n', `[t]\naws_access_key_id = ASIA1\naws_secret_access_key = s\naws_session_token = tok\naws_security_token = tok\n`, {
      callerArns: new Map([['a', 'arn:aws:iam::123456789012:root'], ['t', 'arn:aws:iam::123456789012:user/bob']]),
    });
    const f = runChecks(c);
    expect(f.find((x) => x.code === 'ROOT_ACCESS_KEYS')).toMatchObject({ profile: 'a', severity: 'error' });
    expect(f.filter((x) => x.code === 'ROOT_ACCESS_KEYS')).toHaveLength(1);
    expect(f.find((x) => x.code === 'SECURITY_TOKEN_LEFTOVER')).toMatchObject({ profile: 't', action: { kind: 'file-fix' } });
    // The window's button label is the fix's plain title, not the CLI advice with its command.
    expect(f.find((x) => x.code === 'SECURITY_TOKEN_LEFTOVER')?.action?.label).toMatch(/^[A-Z][^()]{2,48}$/);
    expect(f.find((x) => x.code === 'FILE_BREAKS_CLI')).toMatchObject({ severity: 'error', action: { kind: 'file-fix', problemId: 'DUPLICATE_KEY:config:3' } });
    expect(f[0]!.severity).toBe('error');
  });

  it('vault entries missing or unused', () => {
    const cmd = 'credential_process = /usr/bin/node /x/hatrack.cjs credential-process --profile v\n';
    expect(codes(ctx(`[profile v]\n${cmd}`, '', { vault: [] }))).toEqual(['VAULT_ENTRY_MISSING:v']);
    expect(codes(ctx('', '', { vault: [{ profile: 'gone', accessKeyId: 'AKIAX' }], keyCreateDates: new Map([['AKIAX', NOW]]) }))).toEqual(['VAULT_ENTRY_UNUSED:gone']);
    expect(codes(ctx(`[profile v]\n${cmd}`, '', { vault: undefined }))).toEqual([]);
  });
  it('a special file at a path and a read-only file or folder are explained, with no automatic fix', () => {
    const f = runChecks(ctx('', '', {
      access: [
        { kind: 'credentials', path: '/h/.aws/credentials', special: 'character device', readOnly: undefined },
        { kind: 'config', path: '/h/.aws/config', special: undefined, readOnly: { what: 'file', path: '/h/.aws/config', mode: 0o444 } },
      ],
    }));
    expect(f.find((x) => x.code === 'FILE_NOT_REGULAR')).toMatchObject({ severity: 'error', action: null, message: expect.stringContaining('/h/.aws/credentials is a character device, not a regular file') });
    expect(f.find((x) => x.code === 'FILE_READ_ONLY')).toMatchObject({ severity: 'warning', action: null, fix: 'If changes are welcome: chmod u+w /h/.aws/config', message: expect.stringContaining('/h/.aws/config is read-only (0444)') });
    const folder = runChecks(ctx('', '', { access: [{ kind: 'credentials', path: '/h/.aws/credentials', special: undefined, readOnly: { what: 'folder', path: '/h/.aws', mode: 0o555 } }] }));
    expect(folder.map((x) => x.message)).toEqual([expect.stringContaining('/h/.aws, the folder holding /h/.aws/credentials, is read-only (0555)')]);
    expect(codes(ctx('', '', { access: [{ kind: 'credentials', path: '/c', special: undefined, readOnly: undefined }] }))).toEqual([]);
  });

  it('the chmod fix for a loose read-only file keeps it read-only', () => {
    const f = runChecks(ctx('', '', { modes: { credentials: { path: '/h/.aws/credentials', mode: 0o444 } } }));
    expect(f.find((x) => x.code === 'CREDENTIALS_FILE_PERMISSIONS')).toMatchObject({ fix: 'chmod 400 /h/.aws/credentials', action: { kind: 'chmod', mode: 0o400 } });
  });
});
