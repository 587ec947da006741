import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';

import type { KeyFacts } from './key-facts-cache.js';
import { cachedAccountName, cachedKeyAge, KEY_FACTS_FILE, needsCheck, readKeyFacts, recordKeyFacts } from './key-facts-cache.js';

const NOW = new Date('2026-12-03T06:00:00Z');
const facts = (createDate: string | null, checkedAt = '2026-12-03T00:00:00Z'): KeyFacts => ({
  createDate, status: 'Active', userName: 'u', lastUsedDate: null, lastUsedService: null, lastUsedRegion: null, accountId: '123456789012', checkedAt,
});

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(path.join(tmpdir(), 'hatrack-key-facts-'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

describe('key-facts cache', () => {
  it('reads nothing from a missing or damaged file, so every age is unknown', () => {
    expect(readKeyFacts(dir)).toEqual({ keys: {}, accounts: {} });
    writeFileSync(path.join(dir, KEY_FACTS_FILE), '{"version":1,"keys":');
    expect(cachedKeyAge(readKeyFacts(dir), 'AKIA1', NOW)).toBeNull();
  });

  it('merges each write into what another process recorded', () => {
    recordKeyFacts(dir, { keys: { AKIA1: facts('2026-05-17T06:00:00Z') }, accounts: { '123456789012': { alias: 'acme', checkedAt: NOW.toISOString() } } });
    recordKeyFacts(dir, { keys: { AKIA2: facts(null) } });
    const cache = readKeyFacts(dir);
    expect(cachedKeyAge(cache, 'AKIA1', NOW)).toBe(200);
    // IAM would not say: still unknown, never 0.
    expect(cachedKeyAge(cache, 'AKIA2', NOW)).toBeNull();
    expect(cachedAccountName(cache, '123456789012')).toBe('acme');
    expect(cachedAccountName(cache, null)).toBeNull();
    expect(JSON.parse(readFileSync(path.join(dir, KEY_FACTS_FILE), 'utf8'))).toMatchObject({ version: 1 });
  });

  it('asks again after a day', () => {
    const cache = { keys: { AKIA1: facts(null, '2026-12-02T06:00:01Z'), AKIA2: facts(null, '2026-12-02T06:00:00Z') }, accounts: {} };
    expect(needsCheck(cache, 'AKIA1', NOW)).toBe(false);
    expect(needsCheck(cache, 'AKIA2', NOW)).toBe(true);
    expect(needsCheck(cache, 'AKIANEVER', NOW)).toBe(true);
  });
});
