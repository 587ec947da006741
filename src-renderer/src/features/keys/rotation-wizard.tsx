// The key rotation wizard: explains the steps, then shows each one live from rotation.step events.
import { useEffect, useState } from 'react';
import { Dialog } from '../../components/dialog.js';
import { useClient } from '../../platform/client-context.js';
import { describeError } from '../../platform/desktop-client.js';
import type { RotationStep } from '../../platform/types.js';

const PLAN = ['Create a new access key in IAM', 'Check the new key works', 'Write the new key to your credentials file', 'Deactivate or delete the old key'];

const STEP_LABEL: Readonly<Record<string, string>> = {
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

const STEP_ICON: Readonly<Record<RotationStep['status'], string>> = { started: '…', done: '✓', failed: '✕', skipped: '–' };

export function RotationWizard({ profile, onClose }: { readonly profile: string; readonly onClose: (done: boolean) => void }) {
  const client = useClient();
  const [keepOld, setKeepOld] = useState(false);
  const [phase, setPhase] = useState<'intro' | 'running' | 'done' | 'failed'>('intro');
  const [steps, setSteps] = useState<RotationStep[]>([]);
  const [message, setMessage] = useState<string | null>(null);
  const [newKey, setNewKey] = useState<string | null>(null);

  useEffect(
    () =>
      client.on('rotation.step', (s) => {
        if (s.profile !== profile) return;
        setSteps((prev) => merge(prev, s));
      }),
    [client, profile],
  );

  const start = () => {
    setPhase('running');
    setSteps([]);
    client.call('keys.rotate', { profile, ...(keepOld ? { keepOld: true } : {}) }).then(
      (r) => {
        setSteps(r.steps.reduce<RotationStep[]>(merge, []));
        setNewKey(r.newAccessKeyId);
        setMessage(r.message);
        setPhase(r.ok ? 'done' : 'failed');
      },
      (e: unknown) => {
        setMessage(describeError(e));
        setPhase('failed');
      },
    );
  };

  return (
    <Dialog title={`Rotate the key of ${profile}`} onClose={() => onClose(phase === 'done')} testId="rotation-wizard">
      {phase === 'intro' ? (
        <>
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
                  {STEP_ICON[s.status]}
                </span>
                <span>
                  {STEP_LABEL[s.step] ?? s.step}
                  <span className="sr-only"> ({s.status})</span>
                  {s.detail !== null ? <span className="muted small"> — {s.detail}</span> : null}
                </span>
              </li>
            ))}
            {phase === 'running' && steps.length === 0 ? <li className="muted">Starting…</li> : null}
          </ol>
          {phase === 'done' ? (
            <p className="success" role="status">
              Rotated. {newKey !== null ? <>The profile now uses <code>{newKey}</code>.</> : null} {message ?? ''}
            </p>
          ) : null}
          {phase === 'failed' ? (
            <p className="field-error" role="alert">
              {message ?? 'The rotation stopped; your old key still works.'}
            </p>
          ) : null}
          <div className="dialog-actions">
            <button type="button" className="button primary" disabled={phase === 'running'} onClick={() => onClose(phase === 'done')}>
              {phase === 'running' ? 'Rotating…' : 'Close'}
            </button>
          </div>
        </>
      )}
    </Dialog>
  );
}
