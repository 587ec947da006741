// Edits: the CLI's line-preserving algorithm with its bugs fixed; properties plus the hazards from spec §3.3.

import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { changedLines, codeOf, docsOf, settingsOf, textOf } from '../../../test/support/docs.js';
import { validIniArb } from '../../../test/support/ini-arbitrary.js';
import { modelOf } from './aws-docs.js';
import { findProblems } from './problems.js';
import { addProfile, referencesTo, removeProfile, renameProfile, setProfileValues } from './edits.js';

describe('set', () => {
  it('changes exactly one line, keeps every other profile, and a repeated set is a no-op (1,000 generated files)', () => {
    fc.assert(
      fc.property(validIniArb, fc.nat(), fc.constantFrom('region', 'output', 'external_id'), fc.constantFrom('ap-south-1', 'text', 'partner-42'), ({ text, profiles, eol }, pick, key, value) => {
        const name = profiles[pick % profiles.length]!;
        const before = docsOf(text);
        const others = profiles.filter((p) => p !== name).map((p) => [p, settingsOf(before, p)] as const);
        const after = setProfileValues(before, name, [[key, value]]);
        const { removed, added } = changedLines(textOf(before).config, textOf(after).config);
        expect(added.length).toBe(1);
        expect(removed.length).toBeLessThanOrEqual(1);
        expect(added[0]!.endsWith(eol) || !text.endsWith(eol)).toBe(true);
        expect(settingsOf(after, name)[key]).toBe(value);
        for (const [p, s] of others) expect(settingsOf(after, p)).toEqual(s);
        expect(setProfileValues(after, name, [[key, value]])).toBe(after);
        // The fast path that skips the full check must never let a new problem through.
        const sig = (p: { code: string; file: string; profile: string | undefined; key: string | undefined }) => `${p.code}|${p.file}|${p.profile}|${p.key}`;
        const known = new Set(findProblems(modelOf(before)).map(sig));
        expect(findProblems(modelOf(after)).map(sig).filter((s) => !known.has(s))).toEqual([]);
      }),
      { numRuns: 1000 },
    );
  });

  it('routes keys like `aws configure set`: secrets to credentials [name], the rest to config [profile name]', () => {
    const after = setProfileValues(docsOf(''), 'dev', [['aws_access_key_id', 'AKIAEXAMPLE'], ['aws_secret_access_key', 'secret'], ['region', 'eu-west-1']]);
    expect(textOf(after)).toEqual({ config: '[profile dev]\nregion = eu-west-1\n', credentials: '[dev]\naws_access_key_id = AKIAEXAMPLE\naws_secret_access_key = secret\n' });
  });

  it('updates a key where it already lives, even in the other file (credentials win in botocore)', () => {
    const after = setProfileValues(docsOf('[profile dev]\noutput = json\n', '[dev]\nregion = us-east-1\n'), 'dev', [['region', 'eu-west-1']]);
    expect(textOf(after)).toEqual({ config: '[profile dev]\noutput = json\n', credentials: '[dev]\nregion = eu-west-1\n' });
  });

  it('matches keys case-insensitively instead of adding a duplicate (CLI bug)', () => {
    const after = setProfileValues(docsOf('[profile legacy]\nRegion = us-east-1\n'), 'legacy', [['region', 'eu-west-1']]);
    expect(textOf(after).config).toBe('[profile legacy]\nregion = eu-west-1\n');
  });

  it('matches headers by parsed name: [profile  dev] is updated, not duplicated (CLI bug)', () => {
    const after = setProfileValues(docsOf('[profile  dev]\nregion = us-east-1\n'), 'dev', [['output', 'json']]);
    expect(textOf(after).config).toBe('[profile  dev]\nregion = us-east-1\noutput = json\n');
  });

  it('never clobbers a nested key with the same name (CLI bug)', () => {
    const before = docsOf('[default]\ns3 =\n    region = us-west-2\n');
    const after = setProfileValues(before, 'default', [['region', 'eu-west-1']]);
    expect(textOf(after).config).toBe('[default]\ns3 =\n    region = us-west-2\nregion = eu-west-1\n');
    expect(settingsOf(after, 'default')).toEqual({ s3: { region: 'us-west-2' }, region: 'eu-west-1' });
  });

  it('edits nested keys in place and adds new ones with the block indentation', () => {
    const before = docsOf('[default]\ns3 =\n  max_concurrent_requests = 10\noutput = json\n');
    expect(textOf(setProfileValues(before, 'default', [['s3.max_concurrent_requests', '20']])).config).toBe('[default]\ns3 =\n  max_concurrent_requests = 20\noutput = json\n');
    expect(textOf(setProfileValues(before, 'default', [['s3.addressing_style', 'path']])).config).toBe('[default]\ns3 =\n  max_concurrent_requests = 10\n  addressing_style = path\noutput = json\n');
    expect(codeOf(() => setProfileValues(before, 'default', [['s3', 'x']]))).toBe('INVALID_VALUE');
  });

  it('inserts after the last key, before trailing comments and blank lines (CLI off-by-one)', () => {
    const after = setProfileValues(docsOf('[default]\nregion = a\n# trailing\n\n[profile b]\n'), 'default', [['output', 'json']]);
    expect(textOf(after).config).toBe('[default]\nregion = a\noutput = json\n# trailing\n\n[profile b]\n');
  });

  it('keeps indentation and spacing of the edited line, and CRLF endings', () => {
    const after = setProfileValues(docsOf('[default]\r\n  region\t=\tus-east-1\r\n'), 'default', [['region', 'eu-west-1'], ['output', 'json']]);
    expect(textOf(after).config).toBe('[default]\r\n  region\t=\teu-west-1\r\noutput = json\r\n');
  });

  it('separates a new section with one blank line and keeps "no final newline"', () => {
    expect(textOf(setProfileValues(docsOf('[default]\nregion = a'), 'x', [['region', 'b']])).config).toBe('[default]\nregion = a\n\n[profile x]\nregion = b');
  });

  it('replaces a multi-line value with one line', () => {
    const after = setProfileValues(docsOf('[profile p]\ncredential_process = /bin/x\n  --flag\nregion = a\n'), 'p', [['credential_process', '/bin/y']]);
    expect(textOf(after).config).toBe('[profile p]\ncredential_process = /bin/y\nregion = a\n');
  });

  it('refuses values the JS SDK would cut or that break lines, and names that SDKs cannot read', () => {
    const d = docsOf('[default]\n');
    for (const v of ['a #b', 'a ;b', '#x', 'a\nb', '', ' padded', 'caf\u00e9']) expect(codeOf(() => setProfileValues(d, 'default', [['region', v]]))).toBe('INVALID_VALUE');
    expect(codeOf(() => setProfileValues(d, 'my prof', [['region', 'a']]))).toBe('INVALID_NAME');
    expect(codeOf(() => setProfileValues(d, '__proto__', [['region', 'a']]))).toBe('INVALID_NAME');
    expect(codeOf(() => setProfileValues(d, 'default', [['a.b.c', 'x']]))).toBe('INVALID_KEY');
  });

  it('refuses an edit that would add a problem (source_profile to nowhere)', () => {
    expect(codeOf(() => setProfileValues(docsOf('[profile r]\nrole_arn = arn:aws:iam::1:role/x\nsource_profile = a\n[profile a]\n'), 'r', [['source_profile', 'missing']]))).toBe('EDIT_WOULD_ADD_PROBLEM');
  });
});

describe('unset, add, remove, rename', () => {
  it('unset removes the key and its continuation lines in both files; nested child too', () => {
    const d = docsOf('[profile p]\nregion = a\ncredential_process = /bin/x\n  --flag\ns3 =\n  a = 1\n  b = 2\n', '[p]\nregion = b\n');
    const after = setProfileValues(d, 'p', [['region', null], ['credential_process', null], ['s3.a', null]]);
    expect(textOf(after)).toEqual({ config: '[profile p]\ns3 =\n  b = 2\n', credentials: '[p]\n' });
    expect(textOf(setProfileValues(after, 'p', [['s3.b', null]])).config).toBe('[profile p]\n');
    expect(setProfileValues(after, 'p', [['nothing', null]])).toBe(after);
  });

  it('add refuses an existing profile', () => {
    expect(codeOf(() => addProfile(docsOf('[default]\n'), 'default', []))).toBe('PROFILE_EXISTS');
    expect(textOf(addProfile(docsOf('[default]\n'), 'x', [])).config).toBe('[default]\n\n[profile x]\n');
  });

  it('remove takes the sections (and their glued comments) from both files, refusing while referenced', () => {
    const config = '# top\n\n[default]\nregion = a\n\n# about dev\n[profile dev]\nregion = b\n\n# about ops\n[profile ops]\nrole_arn = arn:aws:iam::111111111111:role/x\nsource_profile = default\n';
    const d = docsOf(config, '[dev]\naws_access_key_id = A\naws_secret_access_key = B\n\n[other]\nk = v\n');
    expect(textOf(removeProfile(d, 'dev', false))).toEqual({ config: '# top\n\n[default]\nregion = a\n\n# about ops\n[profile ops]\nrole_arn = arn:aws:iam::111111111111:role/x\nsource_profile = default\n', credentials: '[other]\nk = v\n' });
    expect(referencesTo(d, 'default')).toEqual(['ops']);
    expect(codeOf(() => removeProfile(d, 'default', false))).toBe('PROFILE_REFERENCED');
    expect(textOf(removeProfile(d, 'ops', false)).config).toBe('# top\n\n[default]\nregion = a\n\n# about dev\n[profile dev]\nregion = b\n');
  });

  it('rename rewrites headers in both files and every source_profile, keeping the rest of each line', () => {
    const d = docsOf('[default]\nregion = a\n\n[profile r]  # prod role\nrole_arn = arn:aws:iam::111111111111:role/x\nsource_profile=default\n', '[default]\naws_access_key_id = A\naws_secret_access_key = B\n');
    const after = renameProfile(d, 'default', 'base');
    expect(textOf(after)).toEqual({ config: '[profile base]\nregion = a\n\n[profile r]  # prod role\nrole_arn = arn:aws:iam::111111111111:role/x\nsource_profile=base\n', credentials: '[base]\naws_access_key_id = A\naws_secret_access_key = B\n' });
    expect(codeOf(() => renameProfile(d, 'default', 'r'))).toBe('PROFILE_EXISTS');
    expect(codeOf(() => renameProfile(d, 'nope', 'x'))).toBe('PROFILE_NOT_FOUND');
  });
});
