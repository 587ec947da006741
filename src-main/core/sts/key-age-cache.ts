// Access-key ages from the engine's first-seen cache in the data dir, read without the AWS SDK (for `hatrack list`).

import { mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import path from 'node:path';

/** The first-seen cache beside the settings; key ids are identifiers, not secrets. */
export const FIRST_SEEN_FILE = 'access-keys-first-seen.json';

export function ageInDays(created: Date, now: Date): number {
  return Math.max(0, Math.floor((now.getTime() - created.getTime()) / 86_400_000));
}

interface CacheFile {
  readonly version: 1;
  keys: Record<string, { readonly firstSeen: string }>;
}

function readCache(dataDir: string): CacheFile | undefined {
  try {
    const json = JSON.parse(readFileSync(path.join(dataDir, FIRST_SEEN_FILE), 'utf8')) as Partial<CacheFile>;
    if (json.version === 1 && typeof json.keys === 'object' && json.keys !== null) return { version: 1, keys: json.keys };
  } catch {
    // Missing or damaged: no ages to show; `hatrack keys` rebuilds it.
  }
  return undefined;
}

/** Age in whole days of each access key id the cache knows. */
function agesIn(cache: CacheFile, now: Date): Map<string, number> {
  const out = new Map<string, number>();
  for (const [id, entry] of Object.entries(cache.keys)) {
    const d = new Date(entry.firstSeen);
    if (!Number.isNaN(d.getTime())) out.set(id, ageInDays(d, now));
  }
  return out;
}

/**
 * Records IAM's CreateDate as the key's first-seen date when it is earlier: the key existed since then, and a
 * later `hatrack list` (which cannot ask IAM) then shows its true age.
 */
export function recordCreateDate(dataDir: string, accessKeyId: string, createDate: Date): void {
  const file = path.join(dataDir, FIRST_SEEN_FILE);
  const cache = readCache(dataDir) ?? { version: 1, keys: {} };
  const known = cache.keys[accessKeyId];
  if (known !== undefined && new Date(known.firstSeen).getTime() <= createDate.getTime()) return;
  cache.keys[accessKeyId] = { firstSeen: createDate.toISOString() };
  mkdirSync(dataDir, { recursive: true, mode: 0o700 });
  const tmp = `${file}.${process.pid}.tmp`;
  writeFileSync(tmp, `${JSON.stringify(cache, null, 2)}\n`, { mode: 0o600 });
  renameSync(tmp, file);
}

/**
 * The first-seen cache opened for one listing: `see` records `now` for every long-term key id (AKIA…) the cache does
 * not know yet, `ages` holds the age of every key it knows, and `save` writes what was added in one write. A listing
 * sees each profile's key while it prints that profile, so it never walks every profile just for their key ids.
 */
export interface FirstSeenLedger {
  readonly ages: ReadonlyMap<string, number>;
  see(accessKeyId: string): void;
  save(): void;
}

export function openFirstSeen(dataDir: string, now: Date): FirstSeenLedger {
  const cache: CacheFile = readCache(dataDir) ?? { version: 1, keys: {} };
  const ages = agesIn(cache, now);
  let added = false;
  return {
    ages,
    see(id) {
      if (!id.startsWith('AKIA') || cache.keys[id] !== undefined) return;
      cache.keys[id] = { firstSeen: now.toISOString() };
      ages.set(id, 0);
      added = true;
    },
    save() {
      if (!added) return;
      const file = path.join(dataDir, FIRST_SEEN_FILE);
      try {
        mkdirSync(dataDir, { recursive: true, mode: 0o700 });
        const tmp = `${file}.${process.pid}.tmp`;
        writeFileSync(tmp, `${JSON.stringify(cache, null, 2)}\n`, { mode: 0o600 });
        renameSync(tmp, file);
        added = false;
      } catch {
        // A read-only data dir only costs the first-seen fallback; listing must still work.
      }
    },
  };
}

/**
 * Records `now` as the first-seen date of every long-term key id (AKIA…) the cache does not know yet, in one write,
 * so a key's age is known from the first time Hatrack lists it even where IAM will never say (denied, offline).
 * Returns the age of every key the cache then knows, so a listing reads the cache once.
 */
export function recordFirstSeen(dataDir: string, accessKeyIds: Iterable<string>, now: Date): ReadonlyMap<string, number> {
  const ledger = openFirstSeen(dataDir, now);
  for (const id of accessKeyIds) ledger.see(id);
  ledger.save();
  return ledger.ages;
}

type KeyedProfile = { readonly kind: string; readonly settings: ReadonlyMap<string, unknown> };

/** A static profile's access key id, if it has one. */
export function staticKeyId(profile: KeyedProfile): string | undefined {
  const id = profile.kind === 'static' ? profile.settings.get('aws_access_key_id') : undefined;
  return typeof id === 'string' ? id : undefined;
}

/** The long-term key ids of static profiles in a model. */
export function staticKeyIds(profiles: Iterable<KeyedProfile>): string[] {
  const out: string[] = [];
  for (const p of profiles) {
    const id = staticKeyId(p);
    if (id !== undefined) out.push(id);
  }
  return out;
}
