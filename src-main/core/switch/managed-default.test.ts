// `hatrack use` logic: the user's own [default] is never lost, source_profile follows it, managed sections are marked.

import { describe, expect, it } from 'vitest';

import { codeOf, docsOf, settingsOf, textOf } from '../../../test/support/docs.js';
import { SEED_CONFIG, SEED_CREDS } from '../../../test/support/seed-default.js';
import { modelOf } from '../awsfiles/aws-docs.js';
import { findProblems } from '../awsfiles/problems.js';
import { defaultState, MANAGED_PREFIX, managedComment, managedMarker, planSwitch } from './managed-default.js';

const ROLE_CREDS = { accessKeyId: 'ASIATEMP000000000001', secretAccessKey: 'temp-secret', sessionToken: 'tok1', expiration: new Date('2026-11-29T22:00:00.123Z') };

describe('planSwitch', () => {
  it('moves the seed-guide [default] to default-original and re-points source_profile, the first time', () => {
    const before = docsOf(SEED_CONFIG, SEED_CREDS);
    const plan = planSwitch(before, { profile: 'production', credentials: ROLE_CREDS, region: 'us-east-2' });
    expect(plan.movedDefaultTo).toBe('default-original');
    expect(plan.rewrittenSources).toEqual(['production']);
    const after = plan.docs;
    expect(settingsOf(after, 'default-original')).toEqual({
      region: 'eu-west-1',
      output: 'json',
      aws_access_key_id: 'AKIAUSEROWN000000001',
      aws_secret_access_key: 'own-secret',
    });
    expect(settingsOf(after, 'production')['source_profile']).toBe('default-original');
    expect(settingsOf(after, 'default')).toEqual({
      region: 'us-east-2',
      aws_access_key_id: ROLE_CREDS.accessKeyId,
      aws_secret_access_key: 'temp-secret',
      aws_session_token: 'tok1',
    });
    const text = textOf(after);
    const marker = `${MANAGED_PREFIX}: profile "production", expires 2026-11-29T22:00:00Z - hatrack use <name> to switch`;
    expect(text.credentials).toContain(`[default]\n${marker}\naws_access_key_id = ASIATEMP000000000001\n`);
    expect(text.config).toContain(`[default]\n${marker}\nregion = us-east-2\n`);
    // The comment above the user's section travels with it; the rest of the file is untouched.
    expect(text.credentials.startsWith('# my own keys\n[default-original]\naws_access_key_id = AKIAUSEROWN000000001\n')).toBe(true);
    expect(text.config).toContain('[profile default-original]\nregion = eu-west-1\noutput = json\n');
    expect(findProblems(modelOf(after))).toEqual([]);
  });

  it('on a managed [default] only overwrites its keys, and drops the stale session token for long-term keys', () => {
    const first = planSwitch(docsOf(SEED_CONFIG, SEED_CREDS), { profile: 'production', credentials: ROLE_CREDS, region: 'us-east-2' }).docs;
    const again = planSwitch(first, { profile: 'production', credentials: { ...ROLE_CREDS, accessKeyId: 'ASIATEMP000000000002', sessionToken: 'tok2' }, region: 'us-east-2' });
    expect(again.movedDefaultTo).toBeUndefined();
    expect(settingsOf(again.docs, 'default')['aws_session_token']).toBe('tok2');
    expect(settingsOf(again.docs, 'default-original')['aws_access_key_id']).toBe('AKIAUSEROWN000000001');

    const back = planSwitch(again.docs, { profile: 'default-original', credentials: { accessKeyId: 'AKIAUSEROWN000000001', secretAccessKey: 'own-secret' }, region: 'eu-west-1' });
    expect(back.movedDefaultTo).toBeUndefined();
    expect(settingsOf(back.docs, 'default')).toEqual({ region: 'eu-west-1', aws_access_key_id: 'AKIAUSEROWN000000001', aws_secret_access_key: 'own-secret' });
    expect(settingsOf(back.docs, 'default-original')).toEqual(settingsOf(first, 'default-original'));
    expect(settingsOf(back.docs, 'production')['source_profile']).toBe('default-original');
    const text = textOf(back.docs);
    expect(text.credentials).toContain(`[default]\n${managedComment('default-original', undefined)}\n`);
    expect(text.credentials.match(/# managed by hatrack/g)).toHaveLength(1);
    expect(text.config.match(/# managed by hatrack/g)).toHaveLength(1);
  });

  it('writes nothing to config when neither side has a region, and removes a region it wrote before', () => {
    const docs = docsOf('', '');
    const plan = planSwitch(docs, { profile: 'dev', credentials: { accessKeyId: 'AKIADEV0000000000001', secretAccessKey: 's' }, region: undefined });
    expect(textOf(plan.docs).config).toBe('');
    expect(plan.movedDefaultTo).toBeUndefined();
    const withRegion = planSwitch(docs, { profile: 'dev', credentials: { accessKeyId: 'AKIADEV0000000000001', secretAccessKey: 's' }, region: 'eu-north-1' }).docs;
    const without = planSwitch(withRegion, { profile: 'dev2', credentials: { accessKeyId: 'AKIADEV0000000000002', secretAccessKey: 's' }, region: undefined }).docs;
    expect(settingsOf(without, 'default')['region']).toBeUndefined();
  });

  it('refuses to overwrite an existing profile when keeping the user default, and honours --keep-default-as', () => {
    const docs = docsOf(SEED_CONFIG + '\n[profile default-original]\nregion = x\n', SEED_CREDS);
    expect(codeOf(() => planSwitch(docs, { profile: 'production', credentials: ROLE_CREDS, region: undefined }))).toBe('PROFILE_EXISTS');
    const plan = planSwitch(docs, { profile: 'production', credentials: ROLE_CREDS, region: undefined, keepDefaultAs: 'mine' });
    expect(plan.movedDefaultTo).toBe('mine');
    expect(settingsOf(plan.docs, 'mine')['aws_access_key_id']).toBe('AKIAUSEROWN000000001');
    expect(settingsOf(plan.docs, 'production')['source_profile']).toBe('mine');
  });

  it('treats a managed [default] the user added keys to as still managed, but a [default] without the marker as theirs', () => {
    const managed = planSwitch(docsOf('', ''), { profile: 'a', credentials: { accessKeyId: 'AKIAA000000000000001', secretAccessKey: 's' }, region: undefined }).docs;
    expect(defaultState(managed)).toEqual({ exists: true, holdsUserContent: false, managedProfile: 'a', expiresAt: undefined, keptAs: 'default-original' });
    const stripped = docsOf('', textOf(managed).credentials.replace(/# managed by hatrack[^\n]*\n/, ''));
    expect(defaultState(stripped).holdsUserContent).toBe(true);
  });

  it('reads the session expiry back from the marker it wrote, as data', () => {
    const managed = planSwitch(docsOf(SEED_CONFIG, SEED_CREDS), { profile: 'production', credentials: ROLE_CREDS, region: 'us-east-2' }).docs;
    expect(defaultState(managed)).toEqual({ exists: true, holdsUserContent: false, managedProfile: 'production', expiresAt: '2026-11-29T22:00:00Z', keptAs: 'default-original' });
    const longTerm = planSwitch(managed, { profile: 'dev', credentials: { accessKeyId: 'AKIADEV0000000000001', secretAccessKey: 's' }, region: undefined }).docs;
    expect(defaultState(longTerm).managedProfile).toBe('dev');
    expect(defaultState(longTerm).expiresAt).toBeUndefined();
    // A [default] without the marker is the user's: no expiry is read from whatever its comments say.
    const own = docsOf('', '[default]\n# expires 2026-01-01T00:00:00Z\naws_access_key_id = AKIAUSEROWN000000001\n');
    expect(defaultState(own).expiresAt).toBeUndefined();
    const def = modelOf(managed).byName.get('default')!;
    expect(managedMarker(managed.credentials, def.credentialsSections[0]!)).toEqual({ profile: 'production', expiresAt: '2026-11-29T22:00:00Z', keptAs: undefined });
  });

  it('refuses a file with two [default] sections', () => {
    const docs = docsOf('[default]\nregion = a\n[profile default]\nregion = b\n', '');
    expect(codeOf(() => planSwitch(docs, { profile: 'x', credentials: ROLE_CREDS, region: undefined }))).toBe('AMBIGUOUS_EDIT');
  });

  it('keeps CRLF files CRLF', () => {
    const docs = docsOf(SEED_CONFIG.replace(/\n/g, '\r\n'), SEED_CREDS.replace(/\n/g, '\r\n'));
    const text = textOf(planSwitch(docs, { profile: 'production', credentials: ROLE_CREDS, region: 'us-east-2' }).docs);
    expect(text.config.replace(/\r\n/g, '')).not.toMatch(/\n/);
    expect(text.credentials.replace(/\r\n/g, '')).not.toMatch(/\n/);
  });
});
