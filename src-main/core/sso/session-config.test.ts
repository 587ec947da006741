import { describe, expect, it } from 'vitest';

import { parseDocument } from '../awsfiles/ini-document.js';
import { readIni } from '../awsfiles/ini-reading.js';
import { buildProfileModel } from '../awsfiles/profiles.js';
import type { AwsDocs } from '../awsfiles/aws-docs.js';
import { modelOf } from '../awsfiles/aws-docs.js';
import { serializeDocument } from '../awsfiles/ini-document.js';
import { parseSsoScopes, ssoCacheId, ssoProfileConfig, ssoSessionByName } from './session-config.js';
import { setSsoSession } from './session-edits.js';

const doc = (text: string) => parseDocument(new TextEncoder().encode(text));
const modelFrom = (config: string) => buildProfileModel(readIni(doc(config)), readIni(doc('')));
const CONFIG = `[sso-session s]
sso_start_url = https://x.awsapps.com/start
sso_region = us-east-1
sso_registration_scopes = sso:account:access, ,extra
[profile ok]
sso_session = s
sso_account_id = 011111111111
sso_role_name = R
[profile conflict]
sso_session = s
sso_start_url = https://x.awsapps.com/start/
[profile legacy]
sso_start_url = https://x.awsapps.com/start
sso_region = eu-west-1
[profile nosession]
sso_session = nope
[profile half]
sso_start_url = https://x.awsapps.com/start
`;

describe('session config (spec §1.2)', () => {
  const model = modelFrom(CONFIG);
  it('parses scopes as CLI v2 does and resolves sessions and profiles', () => {
    expect(parseSsoScopes(' a , ,b,')).toEqual(['a', 'b']);
    expect(ssoSessionByName(model, 's')).toEqual({ sessionName: 's', startUrl: 'https://x.awsapps.com/start', region: 'us-east-1', scopes: ['sso:account:access', 'extra'] });
    const ok = ssoProfileConfig(model, 'ok');
    expect(ok).toMatchObject({ accountId: '011111111111', roleName: 'R', session: { sessionName: 's' } });
    expect(ssoCacheId(ok.session)).toBe('s');
    const legacy = ssoProfileConfig(model, 'legacy');
    expect(legacy.session).toEqual({ sessionName: undefined, startUrl: 'https://x.awsapps.com/start', region: 'eu-west-1', scopes: undefined });
    expect(ssoCacheId(legacy.session)).toBe('https://x.awsapps.com/start');
  });

  it('refuses what botocore refuses', () => {
    expect(() => ssoProfileConfig(model, 'conflict')).toThrow(/sso_start_url is inconsistent between profile "conflict" and sso-session "s"/);
    expect(() => ssoProfileConfig(model, 'nosession')).toThrow(/no \[sso-session nope\]/);
    expect(() => ssoProfileConfig(model, 'half')).toThrow(/missing sso_region/);
    expect(() => ssoSessionByName(model, 'other')).toThrow(/There is no \[sso-session other\]/);
    expect(() => ssoProfileConfig(model, 'missing')).toThrow(/no profile named "missing"/);
  });
});

describe('sso setup edit (spec §1.3)', () => {
  const docs = (config: string): AwsDocs => ({ config: doc(config), credentials: doc('') });
  const text = (d: AwsDocs): string => new TextDecoder().decode(serializeDocument(d.config));
  it('appends a block, then rewrites only what changed and adds missing keys after the last one', () => {
    const first = setSsoSession(docs('# top\n[profile a]\nregion = x\n'), { name: 's', startUrl: 'https://x/start', region: 'us-east-1' });
    expect(text(first)).toBe('# top\n[profile a]\nregion = x\n\n[sso-session s]\nsso_start_url = https://x/start\nsso_region = us-east-1\nsso_registration_scopes = sso:account:access\n');
    expect(setSsoSession(first, { name: 's', startUrl: 'https://x/start', region: 'us-east-1' })).toBe(first);
    const partial = docs('[sso-session s]\nsso_region=eu-west-1 \n# note\n\n[profile b]\n');
    const next = setSsoSession(partial, { name: 's', startUrl: 'https://y/start', region: 'us-east-2', scopes: ['a', 'b'] });
    expect(text(next)).toBe('[sso-session s]\nsso_region=us-east-2\nsso_start_url = https://y/start\nsso_registration_scopes = a,b\n# note\n\n[profile b]\n');
    expect(modelOf(next).ssoSessions.get('s')?.settings.get('sso_region')).toBe('us-east-2');
  });

  it('refuses bad input', () => {
    const d = docs('');
    expect(() => setSsoSession(d, { name: 's', startUrl: 'http://x', region: 'us-east-1' })).toThrow(/https:\/\//);
    expect(() => setSsoSession(d, { name: 's', startUrl: 'nope', region: 'us-east-1' })).toThrow(/not a URL/);
    expect(() => setSsoSession(d, { name: 's', startUrl: 'https://x', region: 'moon' })).toThrow(/not an AWS region/);
    expect(() => setSsoSession(d, { name: 'a b', startUrl: 'https://x', region: 'us-east-1' })).toThrow(/Session name/);
    expect(() => setSsoSession(d, { name: 's', startUrl: 'https://x', region: 'us-east-1', scopes: ['a b'] })).toThrow(/scope/);
  });
});
