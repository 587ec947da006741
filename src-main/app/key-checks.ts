// The app's background key check (plain Node): after the first listing and then daily, asks IAM about each access key
// whose facts are missing or a day old, a few at a time, and tells the window when ages or account names changed.

import { HatrackError, isHatrackError } from '../../shared/domain/errors.js';
import type { EventName, EventPayload, ResponseOf } from '../../shared/ipc/contract.js';
import type { AwsFilesService } from '../core/awsfiles/aws-files.js';
import type { Environment } from '../core/environment.js';
import { KEY_FACTS_STALE_MS, readKeyFacts } from '../core/keys/key-facts-cache.js';
import { checkKeys, keysToCheck } from '../core/keys/key-facts-refresh.js';
import { loadSettings } from '../core/settings/settings.js';
import type { CredentialsEngine } from '../core/sts/index.js';
import type { HandlerLog } from './handlers/context.js';

/** A key whose check failed (offline, throttled) is not asked about again for this long; its age stays unknown. */
export const FAILED_CHECK_BACKOFF_MS = 15 * 60 * 1000;

export interface KeyChecksDeps {
  readonly env: Environment;
  readonly files: AwsFilesService;
  readonly credentialsEngine: () => Promise<CredentialsEngine>;
  readonly emit: <E extends EventName>(event: E, payload: EventPayload<E>) => void;
  readonly log: HandlerLog;
  /** false: only passes the user asks for (checkAll); the tests that count AWS calls turn the background off. */
  readonly background: boolean;
}

export type CheckSummary = ResponseOf<'keys.checkAll'>;

export interface KeyChecks {
  /** Called after each listing: starts a background pass when a key needs one and the setting allows. */
  listed(): void;
  /**
   * Every key now (the user asked); resolves when the pass is done. When `signal` aborts, no further key is asked,
   * the checks in flight are aborted, what was learnt stays cached, and it fails CANCELLED at once.
   */
  checkAll(signal?: AbortSignal): Promise<CheckSummary>;
  dispose(): void;
}

export function createKeyChecks(deps: KeyChecksDeps): KeyChecks {
  const failedAt = new Map<string, number>();
  let queue: Promise<unknown> = Promise.resolve();
  let pending = 0;
  let daily: ReturnType<typeof setInterval> | undefined;

  const onlineAllowed = (): boolean => loadSettings(deps.files.dataDir).app.checkKeyAgeOnline;

  function pass(force: boolean, signal?: AbortSignal): Promise<CheckSummary> {
    let began = false;
    const aborted = (): boolean => signal?.aborted === true;
    const run = async (): Promise<CheckSummary> => {
      began = true;
      if (aborted()) throw cancelled(0, 0);
      const view = deps.files.view();
      const now = deps.env.now();
      const backingOff = new Set([...failedAt].filter(([, at]) => now.getTime() - at < FAILED_CHECK_BACKOFF_MS).map(([id]) => id));
      const targets = keysToCheck({ profiles: view.model.profiles, cache: readKeyFacts(deps.files.dataDir), now, force, skip: force ? undefined : backingOff });
      if (targets.size === 0) return { checked: 0, failed: 0, reason: null };
      const engine = await deps.credentialsEngine();
      const progress = (done: number, total: number): void => deps.emit('keys.checkProgress', { done, total });
      progress(0, targets.size);
      const results = await checkKeys(targets, (profile) => engine.accessKeyInfo(view.model, profile, { signal }), { signal, onProgress: progress });
      const wasCancelled = aborted();
      let checked = 0;
      let failed = 0;
      let reason: string | null = null;
      for (const r of results) {
        if (r.ok) {
          checked++;
          failedAt.delete(r.accessKeyId);
        } else if (!(wasCancelled && isCancellation(r.error))) {
          // A key the user's cancel cut short was not checked, not failed: it is not backed off from.
          failed++;
          failedAt.set(r.accessKeyId, deps.env.now().getTime());
          reason ??= isHatrackError(r.error) ? r.error.message : 'The check failed unexpectedly.';
        }
      }
      // Only the count: error messages name hosts and profiles, and the window shows "age unknown" for these keys.
      if (failed > 0) deps.log.info(`key check: ${failed} of ${checked + failed} key(s) could not be checked`);
      // Even when cancelled: the answers so far are cached, and the list should show them.
      deps.emit('keys.checked', { checked, failed });
      if (wasCancelled) throw cancelled(checked, targets.size);
      return { checked, failed, reason };
    };
    // One pass at a time: a forced pass waits for a running background one, then asks about every key.
    pending++;
    const next = queue.then(run).finally(() => pending--);
    queue = next.catch(() => undefined);
    // A cancel while waiting for the pass ahead answers at once; `run` then sees the abort and asks nothing.
    return signal === undefined ? next : Promise.race([next, abortedWhileQueued(signal, () => began)]);
  }

  return {
    listed() {
      if (!deps.background) return;
      daily ??= setInterval(() => {
        if (onlineAllowed()) void pass(false).catch(() => undefined);
      }, KEY_FACTS_STALE_MS);
      daily.unref?.();
      if (pending > 0 || !onlineAllowed()) return;
      void pass(false).catch((e: unknown) => deps.log.error('keys.background', e instanceof Error ? e.name : 'failed'));
    },
    checkAll: (signal) => pass(true, signal),
    dispose() {
      if (daily !== undefined) clearInterval(daily);
    },
  };
}

const isCancellation = (e: unknown): boolean => isHatrackError(e) && e.code === 'CANCELLED';

function cancelled(checked: number, total: number): HatrackError {
  const kept = total === 0 ? 'no key was checked' : `${checked} of ${total} keys were checked and keep their new age`;
  return new HatrackError('CANCELLED', `Key check cancelled; ${kept}.`);
}

/** Rejects CANCELLED when `signal` aborts before the pass began (never resolves otherwise: the pass answers then). */
function abortedWhileQueued(signal: AbortSignal, began: () => boolean): Promise<never> {
  return new Promise((_, reject) => {
    const onAbort = (): void => {
      if (!began()) reject(cancelled(0, 0));
    };
    if (signal.aborted) onAbort();
    else signal.addEventListener('abort', onAbort, { once: true });
  });
}
