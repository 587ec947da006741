// The switched default as one identity: which rows form the pair, what they say, and the kept row under its parent.
import { describe, expect, it } from 'vitest';
import type { ProfileSummary, ProfilesList } from '../../platform/types.js';
import { defaultPairView, foldKeptUnderDefault, pairRoleOf } from './default-pair.js';

// Only the name matters to these functions; the rest of a summary is core's business.
const item = (name: string) => ({ p: { name } as ProfileSummary });
const SWITCHED: ProfilesList['defaultIdentity'] = { profile: 'dev', managed: true, expiresAt: null, keptAs: 'default-original' };
const OWN: ProfilesList['defaultIdentity'] = { profile: 'default', managed: false, expiresAt: null, keptAs: null };

describe('default pair', () => {
  it('ties default and the kept profile together only while [default] is a managed copy with the keys kept', () => {
    expect(pairRoleOf('default', SWITCHED)).toBe('managed');
    expect(pairRoleOf('default-original', SWITCHED)).toBe('kept');
    expect(pairRoleOf('dev', SWITCHED)).toBeNull();
    expect(pairRoleOf('default', OWN)).toBeNull();
    expect(pairRoleOf('default-original', { ...SWITCHED, keptAs: null })).toBeNull();
  });

  it('says what default stands for and where the user\'s keys are', () => {
    expect(defaultPairView(item('default').p, SWITCHED)).toMatchObject({ role: 'managed', title: 'default → dev', sub: 'Managed by Hatrack · no expiry · your keys kept as default-original' });
    expect(defaultPairView(item('default-original').p, SWITCHED)).toMatchObject({ role: 'kept', title: 'Your keys', sub: 'kept as default-original' });
    expect(defaultPairView(item('default').p, OWN)).toBeNull();
  });

  it('moves the kept row right under default, whatever the sort put between them, and leaves other lists alone', () => {
    const names = (xs: readonly { p: ProfileSummary }[]) => xs.map((x) => x.p.name);
    const sorted = [item('alpha'), item('default-original'), item('beta'), item('default'), item('dev')];
    expect(names(foldKeptUnderDefault(sorted, SWITCHED))).toEqual(['alpha', 'beta', 'default', 'default-original', 'dev']);
    expect(foldKeptUnderDefault(sorted, OWN)).toBe(sorted);
    const filtered = [item('default-original'), item('dev')];
    expect(foldKeptUnderDefault(filtered, SWITCHED)).toBe(filtered);
  });
});
