import { describe, expect, it } from 'vitest';

import type { AwsDocs } from '../awsfiles/aws-docs.js';
import { parseDocument, serializeDocument } from '../awsfiles/ini-document.js';
import type { SsoAccountRoles } from './discovery.js';
import { populateProfiles } from './populate.js';

const docs = (config: string): AwsDocs => ({ config: parseDocument(new TextEncoder().encode(config)), credentials: parseDocument(new Uint8Array()) });
const text = (d: AwsDocs) => new TextDecoder().decode(serializeDocument(d.config));
const SESSION = '[sso-session corp]\nsso_start_url = https://x.awsapps.com/start\nsso_region = us-east-1\n';
const acct = (accountId: string, accountName: string, roles: string[]): SsoAccountRoles => ({ accountId, accountName, emailAddress: undefined, roles });

describe('populateProfiles', () => {
  it('appends one marked profile per pair after the user\'s text, and a second run is the same object', () => {
    const user = `# mine\n[profile me]\nregion = eu-west-1\n\n${SESSION}`;
    const first = populateProfiles(docs(user), { session: 'corp', accounts: [acct('111111111111', 'Dev Team', ['Admin', 'Read'])], region: 'us-east-2' });
    expect(text(first.docs)).toBe(
      `${user}\n[profile Dev-Team/Admin]\nsso_session = corp\nsso_account_id = 111111111111\nsso_role_name = Admin\nsso_account_name = Dev Team\nregion = us-east-2\nhatrack_generated = corp\n` +
        `\n[profile Dev-Team/Read]\nsso_session = corp\nsso_account_id = 111111111111\nsso_role_name = Read\nsso_account_name = Dev Team\nregion = us-east-2\nhatrack_generated = corp\n`,
    );
    const second = populateProfiles(first.docs, { session: 'corp', accounts: [acct('111111111111', 'Dev Team', ['Admin', 'Read'])], region: 'us-east-2' });
    expect(second.docs).toBe(first.docs);
    expect(second.result).toMatchObject({ added: [], updated: [], unchanged: 2 });
  });

  it('updates only the managed lines of its own profiles, keeping the user\'s comments and keys in them', () => {
    const start = `${SESSION}\n[profile Dev/Admin]\n# note\nsso_session = corp\nsso_account_id = 111111111111\nsso_role_name = Admin\noutput = json\nhatrack_generated = corp\nsso_role_name = Admin\n`;
    const out = populateProfiles(docs(start), { session: 'corp', accounts: [acct('111111111111', 'Dev', ['Admin'])], region: 'eu-west-1' });
    expect(text(out.docs)).toBe(`${SESSION}\n[profile Dev/Admin]\n# note\nsso_session = corp\nsso_account_id = 111111111111\nsso_role_name = Admin\noutput = json\nhatrack_generated = corp\nsso_account_name = Dev\nregion = eu-west-1\n`);
    expect(out.result.updated).toEqual(['Dev/Admin']);
  });

  it('never touches an unmarked profile or one marked for another session; --prune removes only its own stale ones', () => {
    const start =
      `${SESSION}\n[profile Dev/Admin]\nregion = us-west-1\n` +
      `\n[profile Old/Gone]\nsso_session = corp\nsso_account_id = 999999999999\nsso_role_name = Gone\nhatrack_generated = corp\n` +
      `\n# theirs\n[profile Other/Gone]\nsso_session = corp\nsso_account_id = 999999999999\nsso_role_name = Gone\nhatrack_generated = elsewhere\n`;
    const keep = populateProfiles(docs(start), { session: 'corp', accounts: [acct('111111111111', 'Dev', ['Admin'])] });
    expect(text(keep.docs)).toBe(start);
    expect(keep.result).toMatchObject({ stale: ['Old/Gone'], skipped: [{ name: 'Dev/Admin' }] });
    const pruned = populateProfiles(docs(start), { session: 'corp', accounts: [acct('111111111111', 'Dev', ['Admin'])], prune: true });
    expect(text(pruned.docs)).toBe(`${SESSION}\n[profile Dev/Admin]\nregion = us-west-1\n\n# theirs\n[profile Other/Gone]\nsso_session = corp\nsso_account_id = 999999999999\nsso_role_name = Gone\nhatrack_generated = elsewhere\n`);
    expect(pruned.result.pruned).toEqual(['Old/Gone']);
  });

  it('does not prune a profile another profile uses as source_profile', () => {
    const start = `${SESSION}\n[profile Old/Gone]\nsso_session = corp\nsso_account_id = 999999999999\nsso_role_name = Gone\nhatrack_generated = corp\n\n[profile chained]\nrole_arn = arn:aws:iam::123456789012:role/x\nsource_profile = Old/Gone\n`;
    const out = populateProfiles(docs(start), { session: 'corp', accounts: [], prune: true });
    expect(text(out.docs)).toBe(start);
    expect(out.result.pruned).toEqual([]);
    expect(out.result.skipped[0]!.reason).toContain('"chained"');
  });

  it('refuses a missing sso-session and bad input before writing anything', () => {
    expect(() => populateProfiles(docs(''), { session: 'corp', accounts: [] })).toThrow(/no \[sso-session corp\]/);
    expect(() => populateProfiles(docs(SESSION), { session: 'corp', accounts: [], region: 'eu west' })).toThrow();
    const odd = populateProfiles(docs(SESSION), { session: 'corp', accounts: [acct('12', 'x', ['R']), acct('111111111111', 'y', ['bad\nrole'])] });
    expect(odd.result.added).toEqual([]);
    expect(odd.result.skipped).toHaveLength(2);
  });
});
