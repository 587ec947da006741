// One pass that asks IAM about every distinct access key the files hold, a few at a time; plain Node.
//
// The check itself (engine.accessKeyInfo) signs with each key's own credentials and records what IAM said in the
// key-facts cache; this module only chooses which keys to ask about and how many at once.

import type { KeyFactsCache, KeyedProfile as KeyHolder } from './key-facts-cache.js';
import { needsCheck, staticKeyId } from './key-facts-cache.js';

/** At most this many keys are checked at once: a few parallel IAM calls, never a burst for 50 profiles. */
export const KEY_CHECK_CONCURRENCY = 4;

type KeyedProfile = KeyHolder & { readonly name: string };

/** One profile per distinct access key id (the first in file order), so a key copied into two profiles is asked once. */
export function profilesPerKey(profiles: Iterable<KeyedProfile>): Map<string, string> {
  const out = new Map<string, string>();
  for (const p of profiles) {
    const id = staticKeyId(p);
    if (id !== undefined && !out.has(id)) out.set(id, p.name);
  }
  return out;
}

export interface KeyCheckPlan {
  readonly profiles: Iterable<KeyedProfile>;
  readonly cache: KeyFactsCache;
  readonly now: Date;
  /** true: every key (`hatrack keys --all`, after the user asked); false: only keys never checked or a day old. */
  readonly force?: boolean | undefined;
  /** Keys not to ask about now (a recent failure the caller is backing off from). */
  readonly skip?: ReadonlySet<string> | undefined;
}

/** Key id → the profile whose credentials check it, for the keys this pass should ask about. */
export function keysToCheck(plan: KeyCheckPlan): Map<string, string> {
  const out = new Map<string, string>();
  for (const [id, profile] of profilesPerKey(plan.profiles)) {
    if (plan.skip?.has(id) === true) continue;
    if (plan.force === true || needsCheck(plan.cache, id, plan.now)) out.set(id, profile);
  }
  return out;
}

export type KeyCheckResult = { readonly accessKeyId: string; readonly profile: string } & ({ readonly ok: true } | { readonly ok: false; readonly error: unknown });

export interface CheckKeysOptions {
  readonly concurrency?: number | undefined;
  /** Stops the pass: no key is started after it aborts (the checks running are the caller's to abort with it). */
  readonly signal?: AbortSignal | undefined;
  /** After each key answered or failed: how many of the targets are done. */
  readonly onProgress?: ((done: number, total: number) => void) | undefined;
}

/**
 * Runs `check` for each key with at most `concurrency` at once; a failed key never stops the others. After `signal`
 * aborts no further key starts, so the results then hold only the keys that were started.
 */
export async function checkKeys(
  targets: ReadonlyMap<string, string>,
  check: (profile: string) => Promise<unknown>,
  { concurrency = KEY_CHECK_CONCURRENCY, signal, onProgress }: CheckKeysOptions = {},
): Promise<KeyCheckResult[]> {
  const queue = [...targets];
  const results: KeyCheckResult[] = [];
  const worker = async (): Promise<void> => {
    for (let next = queue.shift(); next !== undefined && signal?.aborted !== true; next = queue.shift()) {
      const [accessKeyId, profile] = next;
      try {
        await check(profile);
        results.push({ accessKeyId, profile, ok: true });
      } catch (error) {
        results.push({ accessKeyId, profile, ok: false, error });
      }
      onProgress?.(results.length, targets.size);
    }
  };
  await Promise.all(Array.from({ length: Math.max(1, Math.min(concurrency, queue.length)) }, worker));
  return results;
}
