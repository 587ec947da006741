// Rotates an IAM user's access key (spec §7.3): make room, create, save at once, verify, deactivate, delete; plain Node.
//
// Cancel is safe by design: it is honoured only while nothing has changed (identify, list — read-only calls that the
// cancel aborts at once). Right before the first change (POINT_OF_NO_RETURN: making room, then CreateAccessKey) the
// cancel is checked one last time; from there on the steps run to their end under the network deadline only. We chose
// this over rolling back (deleting the new key on cancel) because a cancel that aborts CreateAccessKey in flight
// cannot know whether IAM created the key, and a rollback that itself fails would leave a half state, while running
// on leaves either the finished rotation or the documented outcome of a failed step.

import { HatrackError, isHatrackError } from '../../../shared/domain/errors.js';
import type { RotationStepName } from '../../../shared/domain/rotation-steps.js';
import { userNameFromArn } from './federation.js';
import type { CallTarget, NewAccessKey, StsGateway } from './sts-gateway.js';
import type { AwsCredentials } from './types.js';

export type RotationStep = RotationStepName;

export interface RotationStepEvent {
  readonly step: RotationStep;
  readonly status: 'started' | 'done' | 'skipped' | 'failed';
  /** Key ids and counts only, never a secret. */
  readonly detail?: string | undefined;
}

export interface NewKeyToSave {
  readonly accessKeyId: string;
  readonly secretAccessKey: string;
}

export interface RotateOptions {
  /** Deactivate the old key but keep it in IAM (the user deletes it after checking other consumers). */
  readonly keepOld?: boolean | undefined;
  /** When the user already has two keys and neither spare one is Inactive: the one to delete (never the current one). */
  readonly deleteKeyId?: string | undefined;
  /** Writes the new key to the credentials file. Called right after CreateAccessKey, before anything else. */
  readonly saveNewKey: (key: NewKeyToSave) => Promise<void>;
  readonly onStep?: ((e: RotationStepEvent) => void) | undefined;
  /**
   * The user's Cancel: aborts the read-only steps and stops the rotation before its first change; ignored from the
   * point of no return on (see the top of this file). The targets' own signals (the deadline) always apply.
   */
  readonly cancel?: AbortSignal | undefined;
}

export interface RotationDeps {
  readonly gateway: StsGateway;
  readonly sleep: (ms: number) => Promise<void>;
  /** IAM is eventually consistent: aws-vault retries verification every 2 s for up to 20 s. */
  readonly verifyIntervalMs?: number | undefined;
  readonly verifyTimeoutMs?: number | undefined;
}

/** Where to send IAM and STS calls; credentials are swapped for the new key once it exists. */
export interface RotationTargets {
  readonly credentials: AwsCredentials;
  readonly iam: Omit<CallTarget, 'credentials'>;
  readonly sts: Omit<CallTarget, 'credentials'>;
}

export type RotationOutcome =
  | {
      readonly ok: true;
      readonly userName: string;
      readonly oldAccessKeyId: string;
      readonly newAccessKeyId: string;
      /** IAM's CreateDate of the new key (recorded as its age), when IAM sent one. */
      readonly newKeyCreateDate: Date | undefined;
      readonly oldKey: 'deleted' | 'inactive';
      /** A spare key deleted to make room for the new one. */
      readonly removedKeyId: string | undefined;
      readonly verifyAttempts: number;
    }
  | {
      readonly ok: false;
      readonly failedStep: RotationStep;
      readonly error: HatrackError;
      readonly oldAccessKeyId: string;
      readonly newAccessKeyId: string | undefined;
      /** Only when saving failed: the new secret, returned exactly once so the caller can show it. Never log it. */
      readonly unsavedKey?: NewKeyToSave | undefined;
    };

/** `deadline` and `cancel` as one signal (either aborts it), keeping the deadline's reason when that is what fired. */
function withCancel(deadline: AbortSignal | undefined, cancel: AbortSignal | undefined): AbortSignal | undefined {
  if (cancel === undefined) return deadline;
  return deadline === undefined ? cancel : AbortSignal.any([deadline, cancel]);
}

const cancelledBeforeChange = (): HatrackError => new HatrackError('CANCELLED', 'Rotation cancelled before anything changed; your key and files are as they were.');

function asHatrack(e: unknown): HatrackError {
  return isHatrackError(e) ? e : new HatrackError('INTERNAL', 'Rotation failed unexpectedly.');
}

/**
 * Throws (nothing changed yet) until CreateAccessKey succeeds; from then on returns an outcome, because the caller
 * must learn about a created key even when a later step fails.
 */
export async function rotateAccessKey(deps: RotationDeps, targets: RotationTargets, opts: RotateOptions): Promise<RotationOutcome> {
  const step = (s: RotationStep, status: RotationStepEvent['status'], detail?: string): void => opts.onStep?.({ step: s, status, detail });
  const oldCreds = targets.credentials;
  const oldId = oldCreds.accessKeyId;
  if (oldCreds.sessionToken !== undefined && oldCreds.sessionToken !== '') {
    throw new HatrackError('NOT_SUPPORTED', 'Only long-term access keys (AKIA…) can be rotated; this profile holds session credentials.');
  }
  const old = (t: Omit<CallTarget, 'credentials'>): CallTarget => ({ ...t, credentials: oldCreds });
  /** A read-only call under the old key that the user's cancel also aborts. */
  const cancellable = (t: Omit<CallTarget, 'credentials'>): CallTarget => old({ ...t, signal: withCancel(t.signal, opts.cancel) });

  const run = async <T>(s: RotationStep, f: () => Promise<T>): Promise<T> => {
    step(s, 'started');
    try {
      return await f();
    } catch (e) {
      step(s, 'failed');
      // The user's cancel aborted this read: say what that means for the key, not which request was cut short.
      throw opts.cancel?.aborted === true && isHatrackError(e) && e.code === 'CANCELLED' ? cancelledBeforeChange() : e;
    }
  };

  const identity = await run('identify', () => deps.gateway.getCallerIdentity(cancellable(targets.sts)));
  const userName = userNameFromArn(identity.arn);
  if (userName === undefined) {
    throw new HatrackError('NOT_SUPPORTED', 'Only IAM user keys can be rotated here (root keys belong in the root user console).');
  }
  step('identify', 'done', userName);

  const keys = await run('list', () => deps.gateway.listAccessKeys(cancellable(targets.iam), userName));
  step('list', 'done', `${keys.length} key(s)`);

  let removedKeyId: string | undefined;
  // The point of no return: the last moment a cancel is honoured (nothing changed yet in IAM or in the files).
  if (opts.cancel?.aborted === true) throw cancelledBeforeChange();
  if (keys.length >= 2) {
    const spare = keys.filter((k) => k.accessKeyId !== oldId);
    const victim = opts.deleteKeyId !== undefined ? spare.find((k) => k.accessKeyId === opts.deleteKeyId) : spare.find((k) => k.status === 'Inactive');
    if (opts.deleteKeyId !== undefined && victim === undefined) {
      throw new HatrackError('INVALID_VALUE', `Key ${opts.deleteKeyId} is not another key of user ${userName}.`);
    }
    if (victim === undefined) {
      throw new HatrackError(
        'NEEDS_CONFIRMATION',
        `User ${userName} already has two active keys (${keys.map((k) => k.accessKeyId).join(', ')}); choose which other key to delete.`,
      );
    }
    const id = victim.accessKeyId;
    await run('make-room', () => deps.gateway.deleteAccessKey(old(targets.iam), id, userName));
    removedKeyId = id;
    step('make-room', 'done', id);
  } else {
    step('make-room', 'skipped');
  }

  const created: NewAccessKey = await run('create', () => deps.gateway.createAccessKey(old(targets.iam), userName));
  step('create', 'done', created.accessKeyId);
  const newId = created.accessKeyId;
  const fresh: AwsCredentials = { accessKeyId: newId, secretAccessKey: created.secretAccessKey };
  const failed = (s: RotationStep, e: unknown, unsavedKey?: NewKeyToSave): RotationOutcome => {
    step(s, 'failed');
    return { ok: false, failedStep: s, error: asHatrack(e), oldAccessKeyId: oldId, newAccessKeyId: newId, unsavedKey };
  };

  step('save', 'started');
  try {
    await opts.saveNewKey({ accessKeyId: newId, secretAccessKey: created.secretAccessKey });
  } catch (e) {
    const error = isHatrackError(e) ? e : new HatrackError('FILE_WRITE_FAILED', 'Saving the new key to the credentials file failed.');
    return failed('save', error, { accessKeyId: newId, secretAccessKey: created.secretAccessKey });
  }
  step('save', 'done', newId);

  step('verify', 'started');
  const interval = deps.verifyIntervalMs ?? 2000;
  const timeout = deps.verifyTimeoutMs ?? 20_000;
  let attempts = 0;
  let waited = 0;
  for (;;) {
    attempts++;
    try {
      const who = await deps.gateway.getCallerIdentity({ ...targets.sts, credentials: fresh });
      if (who.arn !== identity.arn) {
        return failed('verify', new HatrackError('INTERNAL', 'The new key belongs to a different identity than the old one.'));
      }
      break;
    } catch (e) {
      const retryable = isHatrackError(e) && (e.code === 'INVALID_CLIENT_TOKEN' || e.code === 'ACCESS_DENIED' || e.code === 'THROTTLED');
      if (!retryable || waited >= timeout) return failed('verify', e);
      await deps.sleep(interval);
      waited += interval;
    }
  }
  step('verify', 'done', `${attempts} attempt(s)`);

  const sign = (t: Omit<CallTarget, 'credentials'>): CallTarget => ({ ...t, credentials: fresh });
  step('deactivate-old', 'started');
  try {
    await deps.gateway.updateAccessKey(sign(targets.iam), oldId, 'Inactive', userName);
  } catch (e) {
    return failed('deactivate-old', e);
  }
  step('deactivate-old', 'done', oldId);

  if (opts.keepOld === true) {
    step('delete-old', 'skipped');
  } else {
    step('delete-old', 'started');
    try {
      await deps.gateway.deleteAccessKey(sign(targets.iam), oldId, userName);
    } catch (e) {
      return failed('delete-old', e);
    }
    step('delete-old', 'done', oldId);
  }
  return {
    ok: true,
    userName,
    oldAccessKeyId: oldId,
    newAccessKeyId: newId,
    newKeyCreateDate: created.createDate,
    oldKey: opts.keepOld === true ? 'inactive' : 'deleted',
    removedKeyId,
    verifyAttempts: attempts,
  };
}
