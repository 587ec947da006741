// Switching back undoes `use` exactly: the user's kept keys are [default] again, byte for byte, roles follow them.

import { describe, expect, it } from 'vitest';

import { codeOf, docsOf, textOf } from '../../../test/support/docs.js';
import { DEV_KEYS, SEED_CONFIG, SEED_CREDS_WITH_DEV } from '../../../test/support/seed-default.js';
import { planSwitch } from './managed-default.js';
import { keptUserDefault, planRestore } from './restore-default.js';

const CONFIG = `# top comment\n${SEED_CONFIG}`;
const CREDS = SEED_CREDS_WITH_DEV;

const switched = (config = CONFIG, creds = CREDS) => planSwitch(docsOf(config, creds), { profile: 'dev', credentials: DEV_KEYS, region: 'us-west-2' }).docs;

describe('planRestore', () => {
  it('gives back the files exactly as they were before use, role sources included', () => {
    const plan = planRestore(switched());
    expect(plan.restoredFrom).toBe('default-original');
    expect(plan.replacedManagedProfile).toBe('dev');
    expect(textOf(plan.docs)).toEqual({ config: CONFIG, credentials: CREDS });
  });

  it('keeps CRLF files byte-exact too', () => {
    const crlf = (s: string) => s.replace(/\n/g, '\r\n');
    expect(textOf(planRestore(switched(crlf(CONFIG), crlf(CREDS))).docs)).toEqual({ config: crlf(CONFIG), credentials: crlf(CREDS) });
  });

  it('refuses an unmanaged [default], a missing kept profile and a managed [default] the user added to', () => {
    expect(codeOf(() => planRestore(docsOf(CONFIG, CREDS)))).toBe('INVALID_VALUE');
    expect(codeOf(() => planRestore(switched(), 'elsewhere'))).toBe('PROFILE_NOT_FOUND');
    const added = textOf(switched());
    const touched = docsOf(added.config, added.credentials.replace('[default]\n', '[default]\nmy_setting = 1\n'));
    expect(codeOf(() => planRestore(touched))).toBe('AMBIGUOUS_EDIT');
  });
});

describe('a custom kept name', () => {
  const keptAsMine = (docs = docsOf(CONFIG, CREDS)) => planSwitch(docs, { profile: 'dev', credentials: DEV_KEYS, region: 'us-west-2', keepDefaultAs: 'mine' }).docs;

  it('is written into the marker and found again without being told, across a second use', () => {
    const once = keptAsMine();
    expect(textOf(once).credentials).toContain('your default kept as "mine"');
    expect(keptUserDefault(once)).toBe('mine');
    const twice = planSwitch(once, { profile: 'dev', credentials: DEV_KEYS, region: 'us-west-2' }).docs;
    expect(keptUserDefault(twice)).toBe('mine');
    const plan = planRestore(twice);
    expect(plan.restoredFrom).toBe('mine');
    expect(textOf(plan.docs)).toEqual({ config: CONFIG, credentials: CREDS });
  });

  it('leaves the default name out of the marker, so markers written before read the same', () => {
    expect(textOf(switched()).credentials).not.toContain('kept as');
  });
});

describe('keptUserDefault', () => {
  it('names the kept profile only while [default] is a managed copy it can switch back from', () => {
    expect(keptUserDefault(switched())).toBe('default-original');
    expect(keptUserDefault(docsOf(CONFIG, CREDS))).toBeUndefined();
    expect(keptUserDefault(planRestore(switched()).docs)).toBeUndefined();
  });
});
