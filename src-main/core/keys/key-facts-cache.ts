// What IAM said about each access key and account (CreateDate, last use, alias), kept in the data dir; plain Node.
//
// No AWS SDK here: `hatrack list` reads this file and must stay fast and offline. The file holds identifiers and
// dates only — an access key id names a key, it does not unlock it; secret keys and session tokens never go in.

import { mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import path from 'node:path';

import { ageInDays } from '../../../shared/domain/key-age.js';
import type { SettingValue } from '../awsfiles/ini-reading.js';
import { hasSessionToken } from '../awsfiles/kinds.js';

export const KEY_FACTS_FILE = 'key-facts.json';

/** A check older than this is repeated in the background (the "refreshed daily"). */
export const KEY_FACTS_STALE_MS = 24 * 60 * 60 * 1000;

export interface KeyFacts {
  /** IAM's CreateDate (ISO 8601); null when IAM would not say (denied): the age stays unknown. */
  readonly createDate: string | null;
  readonly status: 'Active' | 'Inactive' | 'unknown';
  readonly userName: string | null;
  readonly lastUsedDate: string | null;
  readonly lastUsedService: string | null;
  readonly lastUsedRegion: string | null;
  /** The account the key belongs to (GetCallerIdentity), when known. */
  readonly accountId: string | null;
  /** When Hatrack last asked IAM (its own clock). */
  readonly checkedAt: string;
}

export interface AccountFacts {
  /** The IAM account alias; null when the account has none or IAM would not say. */
  readonly alias: string | null;
  readonly checkedAt: string;
}

export interface KeyFactsCache {
  readonly keys: Readonly<Record<string, KeyFacts>>;
  readonly accounts: Readonly<Record<string, AccountFacts>>;
}

interface CacheFile extends KeyFactsCache {
  readonly version: 1;
}

const EMPTY: KeyFactsCache = { keys: {}, accounts: {} };

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/** The cache as stored; missing or damaged reads as empty (every age unknown until the next check). */
export function readKeyFacts(dataDir: string): KeyFactsCache {
  try {
    const json = JSON.parse(readFileSync(path.join(dataDir, KEY_FACTS_FILE), 'utf8')) as unknown;
    if (isRecord(json) && json['version'] === 1 && isRecord(json['keys']) && isRecord(json['accounts'])) {
      return { keys: json['keys'] as Record<string, KeyFacts>, accounts: json['accounts'] as Record<string, AccountFacts> };
    }
  } catch {
    // Not written yet, or damaged: nothing is known.
  }
  return EMPTY;
}

export interface KeyFactsUpdate {
  readonly keys?: Readonly<Record<string, KeyFacts>>;
  readonly accounts?: Readonly<Record<string, AccountFacts>>;
}

/**
 * Merges `update` into the file (read, merge, atomic rename), so the app's background pass and a CLI run that
 * finish at the same time each keep the other's entries. A read-only data dir costs only the cache.
 */
export function recordKeyFacts(dataDir: string, update: KeyFactsUpdate): void {
  const current = readKeyFacts(dataDir);
  const next: CacheFile = {
    version: 1,
    keys: { ...current.keys, ...update.keys },
    accounts: { ...current.accounts, ...update.accounts },
  };
  const file = path.join(dataDir, KEY_FACTS_FILE);
  try {
    mkdirSync(dataDir, { recursive: true, mode: 0o700 });
    const tmp = `${file}.${process.pid}.tmp`;
    writeFileSync(tmp, `${JSON.stringify(next, null, 2)}\n`, { mode: 0o600 });
    renameSync(tmp, file);
  } catch {
    // Ages stay unknown until a write succeeds; listing and checking still work.
  }
}

/** The key's age in whole days from IAM's CreateDate, or null while nobody knows it. */
export function cachedKeyAge(cache: KeyFactsCache, accessKeyId: string, now: Date): number | null {
  const created = cache.keys[accessKeyId]?.createDate;
  if (created === null || created === undefined) return null;
  const d = new Date(created);
  return Number.isNaN(d.getTime()) ? null : ageInDays(d, now);
}

/** The account alias the cache knows for an account id (null: none, or not known yet). */
export function cachedAccountName(cache: KeyFactsCache, accountId: string | null): string | null {
  return accountId === null ? null : (cache.accounts[accountId]?.alias ?? null);
}

/** True when the key was never checked or its last check is older than a day. */
export function needsCheck(cache: KeyFactsCache, accessKeyId: string, now: Date): boolean {
  const checked = cache.keys[accessKeyId]?.checkedAt;
  const at = checked === undefined ? Number.NaN : new Date(checked).getTime();
  return Number.isNaN(at) || now.getTime() - at >= KEY_FACTS_STALE_MS;
}

export type KeyedProfile = { readonly kind: string; readonly settings: ReadonlyMap<string, SettingValue> };

/** A static profile's long-term access key id, if it has one (session credentials have no IAM age). */
export function staticKeyId(profile: KeyedProfile): string | undefined {
  const id = profile.kind === 'static' && !hasSessionToken(profile.settings) ? profile.settings.get('aws_access_key_id') : undefined;
  return typeof id === 'string' && id !== '' ? id : undefined;
}
