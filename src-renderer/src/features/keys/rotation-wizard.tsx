// The key rotation wizard: explains the steps, then shows each one live from rotation.step events, with Cancel while
// cancelling is safe. Main honours a cancel only before the rotation's first change (POINT_OF_NO_RETURN); from the
// first event of that step on, Cancel turns into a disabled "Finishing…" that says why, matching what main does.
import { useEffect, useRef, useState } from 'react';
import { isPastPointOfNoReturn } from '../../../../shared/domain/rotation-steps.js';
import type { RotationStepName } from '../../../../shared/domain/rotation-steps.js';
import { Dialog } from '../../components/dialog.js';
import { useClient } from '../../platform/client-context.js';
import { isClientError } from '../../platform/desktop-client.js';
import type { RecoveryAction } from '../../platform/error-text.js';
import type { RotationStep } from '../../platform/types.js';
import { ErrorInPlace } from '../progress/call-status.js';
import { failureOf, newCallId } from '../progress/running-calls.js';

const PLAN = ['Create a new access key in IAM', 'Check the new key works', 'Write the new key to your credentials file', 'Deactivate or delete the old key'];

const STEP_LABEL: Readonly<Record<RotationStepName, string>> = {
  identify: 'Find your IAM user',
  list: 'List your access keys',
  'make-room': 'Make room for a new key',
  create: 'Create a new access key',
  save: 'Write the new key to your credentials file',
  verify: 'Check the new key works',
  'deactivate-old': 'Deactivate the old key',
  'delete-old': 'Delete the old key',
};

/** One line per step, showing its latest status (main reports "started" and then how it ended). */
function merge(prev: readonly RotationStep[], s: RotationStep): RotationStep[] {
  const i = prev.findIndex((p) => p.step === s.step);
  if (i < 0) return [...prev, s];
  const next = prev.slice();
  next[i] = { ...s, detail: s.detail ?? prev[i]!.detail };
  return next;
}

const STEP_ICON: Readonly<Record<Exclude<RotationStep['status'], 'started'>, string>> = { done: '✓', failed: '✕', skipped: '–' };

/** Why Cancel is no longer offered, in the words of the step the rotation is at. */
function finishingReason(steps: readonly RotationStep[]): string {
  const created = steps.some((s) => s.step === 'create' && s.status === 'done');
  return created
    ? 'The new key is created; Hatrack is saving it and retiring the old one, so nothing is left half done.'
    : 'IAM is making the new key; Hatrack finishes the rotation now, so nothing is left half done.';
}

type Phase =
  | { readonly name: 'intro'; readonly note: string | null }
  | { readonly name: 'running'; readonly callId: string; readonly cancelling: boolean }
  | { readonly name: 'done' }
  /** `recovery`: a Retry is offered only when nothing changed (main threw before the first change). */
  | { readonly name: 'failed'; readonly message: string; readonly recovery: RecoveryAction | null };

export function RotationWizard({ profile, onClose }: { readonly profile: string; readonly onClose: (done: boolean) => void }) {
  const client = useClient();
  const [keepOld, setKeepOld] = useState(false);
  const [phase, setPhase] = useState<Phase>({ name: 'intro', note: null });
  const [steps, setSteps] = useState<RotationStep[]>([]);
  const [message, setMessage] = useState<string | null>(null);
  const [newKey, setNewKey] = useState<string | null>(null);
  // The call the wizard is showing; an answer for an older one is dropped.
  const shown = useRef<string | null>(null);

  useEffect(
    () =>
      client.on('rotation.step', (s) => {
        if (s.profile !== profile) return;
        setSteps((prev) => merge(prev, s));
      }),
    [client, profile],
  );

  const start = () => {
    const callId = newCallId();
    shown.current = callId;
    setPhase({ name: 'running', callId, cancelling: false });
    setSteps([]);
    client.call('keys.rotate', { profile, callId, ...(keepOld ? { keepOld: true } : {}) }).then(
      (r) => {
        if (shown.current !== callId) return;
        setSteps(r.steps.reduce<RotationStep[]>(merge, []));
        setNewKey(r.newAccessKeyId);
        setMessage(r.message);
        // A failure after the first change: main's sentence says what state the key is in; a retry would rotate again.
        setPhase(r.ok ? { name: 'done' } : { name: 'failed', message: r.message ?? 'The rotation stopped.', recovery: null });
      },
      (e: unknown) => {
        if (shown.current !== callId) return;
        if (isClientError(e) && e.code === 'CANCELLED') {
          setSteps([]);
          setPhase({ name: 'intro', note: e.message });
          return;
        }
        const { message: text, recovery } = failureOf(e);
        setPhase({ name: 'failed', message: text, recovery });
      },
    );
  };

  const pastPointOfNoReturn = steps.some((s) => isPastPointOfNoReturn(s.step));
  const canCancel = phase.name === 'running' && !phase.cancelling && !pastPointOfNoReturn;
  // The wizard waits for main's answer rather than assuming the cancel won: a cancel that arrives after the point of
  // no return is ignored by main, and the rotation's real outcome is shown.
  const cancel = () => {
    if (phase.name !== 'running' || !canCancel) return;
    setPhase({ ...phase, cancelling: true });
    client.call('calls.cancel', { callId: phase.callId }).catch(() => undefined);
  };
  // Escape: closes the wizard when idle, cancels while that is safe, and waits while the rotation finishes.
  const onDialogClose = () => {
    if (phase.name === 'running') cancel();
    else onClose(phase.name === 'done');
  };
  const failedStep = phase.name === 'failed' ? (steps.find((s) => s.status === 'failed')?.step ?? null) : null;
  const errorInPlace =
    phase.name !== 'failed' ? null : phase.recovery === null ? (
      <p className="field-error" role="alert">
        {phase.message}
      </p>
    ) : (
      <ErrorInPlace testId="rotation-error" message={phase.message} recovery={phase.recovery} onRecover={start} dismissLabel="Dismiss the rotation error" onDismiss={() => setPhase({ name: 'intro', note: null })} />
    );

  return (
    <Dialog title={`Rotate the key of ${profile}`} onClose={onDialogClose} testId="rotation-wizard">
      {phase.name === 'intro' ? (
        <>
          {phase.note !== null ? (
            <p className="rotation-note" role="status">
              {phase.note}
            </p>
          ) : null}
          <p>Hatrack will:</p>
          <ol className="plan">
            {PLAN.map((p) => (
              <li key={p}>{p}</li>
            ))}
          </ol>
          <label className="toggle">
            <input type="checkbox" checked={keepOld} onChange={(e) => setKeepOld(e.target.checked)} /> Keep the old key (deactivated) instead of deleting it
          </label>
          <div className="dialog-actions">
            <button type="button" className="button" onClick={() => onClose(false)}>
              Cancel
            </button>
            <button type="button" className="button primary" data-autofocus onClick={start}>
              Rotate now
            </button>
          </div>
        </>
      ) : (
        <>
          <ol className="steps" aria-live="polite" data-testid="rotation-steps">
            {steps.map((s) => (
              <li key={s.step} className={`step step-${s.status}`} data-status={s.status}>
                <span className="step-icon" aria-hidden="true">
                  {s.status === 'started' ? <span className="spinner" /> : STEP_ICON[s.status]}
                </span>
                <span className="step-text">
                  {STEP_LABEL[s.step as RotationStepName] ?? s.step}
                  <span className="sr-only"> ({s.status === 'started' ? 'in progress' : s.status})</span>
                  {s.detail !== null ? <span className="muted small"> — {s.detail}</span> : null}
                  {s.step === failedStep ? errorInPlace : null}
                </span>
              </li>
            ))}
            {phase.name === 'running' && steps.length === 0 ? <li className="muted">Starting…</li> : null}
          </ol>
          {failedStep === null ? errorInPlace : null}
          {phase.name === 'done' ? (
            <p className="success" role="status">
              Rotated. {newKey !== null ? <>The profile now uses <code>{newKey}</code>.</> : null} {message ?? ''}
            </p>
          ) : null}
          {phase.name === 'running' ? (
            <p className="muted small rotation-finishing" id="rotation-running-note">
              {pastPointOfNoReturn ? finishingReason(steps) : 'Nothing has changed yet: Cancel stops here and leaves your key as it is.'}
            </p>
          ) : null}
          <div className="dialog-actions">
            {phase.name === 'running' ? (
              pastPointOfNoReturn ? (
                <button type="button" className="button" disabled aria-describedby="rotation-running-note">
                  Finishing…
                </button>
              ) : (
                <button type="button" className="button" disabled={phase.cancelling} aria-describedby="rotation-running-note" onClick={cancel}>
                  {phase.cancelling ? 'Cancelling…' : 'Cancel'}
                </button>
              )
            ) : (
              // With Retry on screen, Close steps back so the next step stays the one primary button.
              <button type="button" className={phase.name === 'failed' && phase.recovery !== null ? 'button' : 'button primary'} onClick={() => onClose(phase.name === 'done')}>
                Close
              </button>
            )}
          </div>
        </>
      )}
    </Dialog>
  );
}
