// Problems and their fixes on small crafted files: codes, 1-based lines, and that each fix does what it says.

import { describe, expect, it } from 'vitest';
import { docsOf, textOf } from '../../../test/support/docs.js';
import { modelOf } from './aws-docs.js';
import { applyAllFixes, applyFix } from './fixes.js';
import { findProblems } from './problems.js';

function problems(config: string, credentials = '') {
  return findProblems(modelOf(docsOf(config, credentials))).map((p) => `${p.code}@${p.file}:${p.line}${p.breaksCli ? '!' : ''}`);
}

describe('problems', () => {
  it('reports what makes the AWS CLI refuse a file, with the line', () => {
    expect(problems('\uFEFF[default]\nregion = a\n')).toEqual(['BOM@config:1!']);
    expect(problems('[a]\nk = 1\n[a]\nj = 2\n')).toEqual(['NOT_A_PROFILE@config:1', 'DUPLICATE_SECTION@config:3!', 'NOT_A_PROFILE@config:3']);
    expect(problems('[default]\nregion = a\nRegion = b\n')).toContain('DUPLICATE_KEY@config:3!');
    expect(problems('region = a\n[default]\n')).toEqual(['MISSING_SECTION_HEADER@config:1!']);
    expect(problems('[default]\njunk\n')).toEqual(['LINE_WITHOUT_DELIMITER@config:2!']);
    expect(problems('[default]\ns3 =\n  nokey\n')).toEqual(['NESTED_LINE_WITHOUT_EQUALS@config:3!']);
  });

  it('reports where the CLI and the JS SDK disagree', () => {
    expect(problems('[default]\nregion = us-east-1 # main\n')).toEqual(['INLINE_COMMENT@config:2']);
    expect(problems('[profile "my prof"]\n')).toEqual(['NAME_NOT_SDK_SAFE@config:1']);
    expect(problems('', '[profile prod]\nrole_arn = arn:aws:iam::1:role/x\ncredential_source = Environment\n')).toEqual(['PROFILE_PREFIX_IN_CREDENTIALS@credentials:1']);
    expect(problems('[default]\n[profile default]\n')).toEqual(['DEFAULT_TWICE@config:2']);
    expect(problems('[profile __proto__]\n')).toContain('PROTO_NAME@config:1');
    expect(problems('[default]\nregion: a\noutput =\n')).toEqual(['COLON_DELIMITER@config:2', 'EMPTY_VALUE@config:3']);
    expect(problems('[DEFAULT]\nregion = a\n')).toEqual(['DEFAULT_SECTION@config:1']);
    expect(problems('[default]\nregion = a\n  [profile b]\n')).toEqual(['CONTINUATION_VALUE@config:2', 'INDENTED_HEADER@config:3']);
  });

  it('reports broken references', () => {
    expect(problems('[profile r]\nrole_arn = arn:aws:iam::1:role/x\nsource_profile = nope\n')).toEqual(['SOURCE_PROFILE_MISSING@config:3']);
    expect(problems('[profile a]\nrole_arn = arn:aws:iam::1:role/x\nsource_profile = b\n[profile b]\nrole_arn = arn:aws:iam::1:role/y\nsource_profile = a\n')).toEqual(['SOURCE_PROFILE_CYCLE@config:3', 'SOURCE_PROFILE_CYCLE@config:6']);
    expect(problems('[profile r]\nrole_arn = arn:aws:iam::1:role/x\nsource_profile = r\ncredential_source = Environment\n')).toContain('ROLE_SOURCE_CONFLICT@config:4');
    expect(problems('[profile s]\nsso_session = corp\nsso_account_id = 1\nsso_role_name = R\n')).toEqual(['SSO_SESSION_MISSING@config:2']);
    expect(problems('[profile r]\nrole_arn = arn:aws:iam::1:role/x\ncredential_source = environment\n')).toEqual(['CREDENTIAL_SOURCE_INVALID@config:3']);
    expect(problems('', '[a]\naws_access_key_id = A\naws_secret_access_key = B\naws_security_token = T\n')).toEqual(['SECURITY_TOKEN_LEFTOVER@credentials:4']);
  });
});

describe('fixes', () => {
  it('removes a BOM, merges a duplicate section, lower-cases keys, moves an inline comment', () => {
    const fix = (config: string) => textOf(applyAllFixes(docsOf(config)).docs).config;
    expect(fix('\uFEFF[default]\nregion = a\n')).toBe('[default]\nregion = a\n');
    expect(fix('[profile dev]\nregion = a\n\n[profile ops]\nregion = b\n\n[profile dev]\noutput = json\n')).toBe('[profile dev]\nregion = a\noutput = json\n\n[profile ops]\nregion = b\n\n');
    expect(fix('[default]\nRegion = a\n')).toBe('[default]\nregion = a\n');
    expect(fix('[default]\nregion = us-east-1 # main\n')).toBe('[default]\n# main\nregion = us-east-1\n');
    expect(fix('[default]\nregion: a\n')).toBe('[default]\nregion= a\n');
  });

  it('renames [profile x] in the credentials file to [x]', () => {
    const d = docsOf('', '[profile production]\nrole_arn = arn:aws:iam::1:role/x\ncredential_source = Environment\n');
    const id = findProblems(modelOf(d))[0]!.id;
    expect(textOf(applyFix(d, id)).credentials).toBe('[production]\nrole_arn = arn:aws:iam::1:role/x\ncredential_source = Environment\n');
  });

  it('has no fix where one would choose for the user', () => {
    const d = docsOf('[default]\nregion = a\nregion = b\n');
    expect(findProblems(modelOf(d))[0]!.fix).toBeUndefined();
    expect(applyAllFixes(d).fixed).toEqual([]);
  });
});

describe('effects and causes', () => {
  const UNCLOSED = '[default]\nregion = eu-west-1\n\n[profile a\nregion = us-east-1\noutput = json\n\n[profile b]\nregion = x\n';

  it('colours by effect: the CLI refuses the file, a profile cannot work, the SDKs disagree, style', () => {
    const effects = (config: string, credentials = '') => findProblems(modelOf(docsOf(config, credentials))).map((p) => `${p.code}:${p.effect}`);
    expect(effects('[default]\njunk\n')).toEqual(['LINE_WITHOUT_DELIMITER:cli-refuses']);
    expect(effects('[profile r]\nrole_arn = arn:aws:iam::1:role/x\nsource_profile = nope\n')).toEqual(['SOURCE_PROFILE_MISSING:profile-broken']);
    expect(effects('[default]\nregion = us-east-1 # main\n')).toEqual(['INLINE_COMMENT:sdks-disagree']);
    expect(effects('', '[a]\naws_access_key_id = A\naws_secret_access_key = B\naws_security_token = T\n')).toEqual(['SECURITY_TOKEN_LEFTOVER:style']);
  });

  it('reports an unclosed [profile a header as one cause, with what follows from it tied to it', () => {
    const found = findProblems(modelOf(docsOf(UNCLOSED)));
    const header = found.find((p) => p.line === 4);
    expect(header?.code).toBe('LINE_WITHOUT_DELIMITER');
    expect(header?.message).toContain('without its closing "]"');
    expect(header?.causeId).toBeUndefined();
    const duplicate = found.find((p) => p.code === 'DUPLICATE_KEY');
    expect(duplicate?.line).toBe(5);
    expect(duplicate?.causeId).toBe(header?.id);
    // Nothing past the next real header is blamed on it.
    expect(found.filter((p) => p.line >= 8 && p.causeId !== undefined)).toEqual([]);
  });

  it('fixes an unclosed header by closing it, which clears its consequences too', () => {
    const d = docsOf(UNCLOSED);
    const header = findProblems(modelOf(d)).find((p) => p.line === 4)!;
    const fixed = applyFix(d, header.id);
    expect(textOf(fixed).config).toBe(UNCLOSED.replace('[profile a\n', '[profile a]\n'));
    expect(findProblems(modelOf(fixed))).toEqual([]);
  });
});
