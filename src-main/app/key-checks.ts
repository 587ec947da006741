// The app's background key check (plain Node): after the first listing and then daily, asks IAM about each access key
// whose facts are missing or a day old, a few at a time, and tells the window when ages or account names changed.

import type { EventName, EventPayload } from '../../shared/ipc/contract.js';
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

export interface KeyChecks {
  /** Called after each listing: starts a background pass when a key needs one and the setting allows. */
  listed(): void;
  /** Every key now (the user asked); resolves when the pass is done. */
  checkAll(): Promise<EventPayload<'keys.checked'>>;
  dispose(): void;
}

export function createKeyChecks(deps: KeyChecksDeps): KeyChecks {
  const failedAt = new Map<string, number>();
  let queue: Promise<unknown> = Promise.resolve();
  let pending = 0;
  let daily: ReturnType<typeof setInterval> | undefined;

  const onlineAllowed = (): boolean => loadSettings(deps.files.dataDir).app.checkKeyAgeOnline;

  function pass(force: boolean): Promise<EventPayload<'keys.checked'>> {
    const run = async (): Promise<EventPayload<'keys.checked'>> => {
      const view = deps.files.view();
      const now = deps.env.now();
      const backingOff = new Set([...failedAt].filter(([, at]) => now.getTime() - at < FAILED_CHECK_BACKOFF_MS).map(([id]) => id));
      const targets = keysToCheck({ profiles: view.model.profiles, cache: readKeyFacts(deps.files.dataDir), now, force, skip: force ? undefined : backingOff });
      if (targets.size === 0) return { checked: 0, failed: 0 };
      const engine = await deps.credentialsEngine();
      const results = await checkKeys(targets, (profile) => engine.accessKeyInfo(view.model, profile));
      let failed = 0;
      for (const r of results) {
        if (r.ok) {
          failedAt.delete(r.accessKeyId);
        } else {
          failed++;
          failedAt.set(r.accessKeyId, deps.env.now().getTime());
        }
      }
      // Only the count: error messages name hosts and profiles, and the window shows "age unknown" for these keys.
      if (failed > 0) deps.log.info(`key check: ${failed} of ${results.length} key(s) could not be checked`);
      const summary = { checked: results.length - failed, failed };
      deps.emit('keys.checked', summary);
      return summary;
    };
    // One pass at a time: a forced pass waits for a running background one, then asks about every key.
    pending++;
    const next = queue.then(run).finally(() => pending--);
    queue = next.catch(() => undefined);
    return next;
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
    checkAll: () => pass(true),
    dispose() {
      if (daily !== undefined) clearInterval(daily);
    },
  };
}
