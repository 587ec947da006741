import { describe, expect, it } from 'vitest';

import type { KeyFactsCache, KeyFacts } from './key-facts-cache.js';
import { checkKeys, keysToCheck, profilesPerKey } from './key-facts-refresh.js';

const staticProfile = (name: string, id: string) => ({ name, kind: 'static', settings: new Map([['aws_access_key_id', id]]) });
const role = { name: 'admin', kind: 'role', settings: new Map([['role_arn', 'arn:aws:iam::111111111111:role/Admin']]) };
const NOW = new Date('2026-12-03T06:00:00Z');
const facts = (checkedAt: string): KeyFacts => ({
  createDate: '2026-01-01T00:00:00Z', status: 'Active', userName: 'u', lastUsedDate: null, lastUsedService: null, lastUsedRegion: null, accountId: null, checkedAt,
});

describe('choosing keys to check', () => {
  it('asks once per distinct key, with the first profile that holds it, and never for roles', () => {
    const ids = profilesPerKey([staticProfile('a', 'AKIA1'), role, staticProfile('copy', 'AKIA1'), staticProfile('b', 'AKIA2')]);
    expect([...ids]).toEqual([['AKIA1', 'a'], ['AKIA2', 'b']]);
  });

  it('skips keys checked within a day unless forced, and keys the caller backs off from', () => {
    const cache: KeyFactsCache = { keys: { AKIAFRESH: facts('2026-12-03T01:00:00Z'), AKIASTALE: facts('2026-12-01T00:00:00Z') }, accounts: {} };
    const profiles = [staticProfile('fresh', 'AKIAFRESH'), staticProfile('stale', 'AKIASTALE'), staticProfile('new', 'AKIANEW'), staticProfile('failed', 'AKIAFAIL')];
    const skip = new Set(['AKIAFAIL']);
    expect([...keysToCheck({ profiles, cache, now: NOW, skip }).keys()]).toEqual(['AKIASTALE', 'AKIANEW']);
    expect([...keysToCheck({ profiles, cache, now: NOW, skip, force: true }).keys()]).toEqual(['AKIAFRESH', 'AKIASTALE', 'AKIANEW']);
  });
});

describe('checking keys', () => {
  it('never runs more than the bound at once and reports each failure without stopping the rest', async () => {
    let running = 0;
    let peak = 0;
    const releases: (() => void)[] = [];
    const targets = new Map(Array.from({ length: 9 }, (_, i) => [`AKIA${i}`, `p${i}`] as const));
    const pass = checkKeys(targets, async (profile) => {
      running++;
      peak = Math.max(peak, running);
      await new Promise<void>((resolve) => releases.push(resolve));
      running--;
      if (profile === 'p3') throw new Error('denied');
    }, { concurrency: 4 });
    // Release the calls one at a time as they queue up, so the bound is what limits them.
    while (releases.length > 0 || running > 0) {
      await new Promise((r) => setImmediate(r));
      releases.shift()?.();
    }
    const results = await pass;
    expect(peak).toBe(4);
    expect(results).toHaveLength(9);
    expect(results.filter((r) => !r.ok).map((r) => r.profile)).toEqual(['p3']);
  });
});

describe('a cancelled pass', () => {
  it('starts no key after the signal aborts, keeps the answers so far and counts progress per key', async () => {
    const ctl = new AbortController();
    const started: string[] = [];
    const progress: string[] = [];
    const targets = new Map(Array.from({ length: 6 }, (_, i) => [`AKIA${i}`, `p${i}`] as const));
    const results = await checkKeys(
      targets,
      async (profile) => {
        started.push(profile);
        // The second key's check is where the user cancels; it fails as its own aborted request would.
        if (profile === 'p1') {
          ctl.abort();
          throw new Error('cancelled');
        }
      },
      { concurrency: 1, signal: ctl.signal, onProgress: (done, total) => progress.push(`${done}/${total}`) },
    );
    expect(started).toEqual(['p0', 'p1']);
    expect(results.map((r) => [r.profile, r.ok])).toEqual([['p0', true], ['p1', false]]);
    expect(progress).toEqual(['1/6', '2/6']);
  });
});

describe('session credentials', () => {
  it('are not asked about: a session key has no IAM CreateDate', () => {
    const session = { name: 'default', kind: 'static', settings: new Map([['aws_access_key_id', 'ASIASESSION'], ['aws_session_token', 'token']]) };
    expect([...profilesPerKey([session, staticProfile('dev', 'AKIADEV')]).keys()]).toEqual(['AKIADEV']);
  });
});
