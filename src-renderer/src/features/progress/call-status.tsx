// A network action in place: a spinner with what is happening and Cancel, or what failed with the next step.
import type { ReactNode } from 'react';
import type { RecoveryAction } from '../../platform/error-text.js';
import { RECOVERY_LABEL } from '../../platform/error-text.js';
import type { ProfileCall } from './running-calls.js';
import { PROGRESS_LABEL, useRunningCalls } from './running-calls.js';

/** The spinner, what is happening, and a Cancel button (absent when `onCancel` is not given: nothing to cancel now). */
export function ProgressInPlace({ label, cancelLabel, onCancel, testId = 'call-progress' }: { readonly label: ReactNode; readonly cancelLabel: string; readonly onCancel?: (() => void) | undefined; readonly testId?: string }) {
  return (
    <span className="call-progress" data-testid={testId}>
      <span role="status" className="call-progress-label">
        <span className="spinner" aria-hidden="true" />
        {label}
      </span>
      {onCancel !== undefined ? (
        <button
          type="button"
          className="button small"
          aria-label={cancelLabel}
          onClick={(e) => {
            e.stopPropagation();
            onCancel();
          }}
        >
          Cancel
        </button>
      ) : null}
    </span>
  );
}

/** What failed, once, with the next step as a button, and a way to clear it. */
export function ErrorInPlace(props: {
  readonly message: string;
  readonly recovery: RecoveryAction;
  readonly onRecover: () => void;
  readonly dismissLabel: string;
  readonly onDismiss: () => void;
  readonly testId?: string;
}) {
  return (
    <span className="call-error" data-testid={props.testId ?? 'call-error'}>
      <span role="alert" className="call-error-text" title={props.message}>
        {props.message}
      </span>
      <span className="call-error-actions">
        <button
          type="button"
          className="button small primary"
          onClick={(e) => {
            e.stopPropagation();
            props.onRecover();
          }}
        >
          {RECOVERY_LABEL[props.recovery]}
        </button>
        <button
          type="button"
          className="icon-button call-error-dismiss"
          aria-label={props.dismissLabel}
          title="Dismiss"
          onClick={(e) => {
            e.stopPropagation();
            props.onDismiss();
          }}
        >
          ×
        </button>
      </span>
    </span>
  );
}

/** While running: "⟳ Assuming…" and Cancel. Rendered where the row's primary button (or the switcher item's hint) was. */
export function CallProgress({ profile, call, label = profile }: { readonly profile: string; readonly call: Extract<ProfileCall, { state: 'running' }>; readonly label?: string }) {
  const { cancel } = useRunningCalls();
  const doing = PROGRESS_LABEL[call.action];
  return <ProgressInPlace label={doing} cancelLabel={`Cancel ${doing.replace('…', '').toLowerCase()} ${label}`} onCancel={() => cancel(profile)} />;
}

/** After a failure: main's sentence once, the next step as a button, and a way to clear it. */
export function CallError({ profile, call, label = profile }: { readonly profile: string; readonly call: Extract<ProfileCall, { state: 'failed' }>; readonly label?: string }) {
  const { dismiss } = useRunningCalls();
  return <ErrorInPlace message={call.message} recovery={call.recovery} onRecover={call.recover} dismissLabel={`Dismiss the error for ${label}`} onDismiss={() => dismiss(profile)} />;
}

/**
 * Whichever of the two applies, or nothing when the profile is idle. `profile` is the key the call runs under; `label`
 * names it in the buttons' accessible names when that key is not a profile name (a session id).
 */
export function CallStatus({ profile, call, label = profile }: { readonly profile: string; readonly call: ProfileCall | undefined; readonly label?: string }) {
  if (call === undefined) return null;
  return call.state === 'running' ? <CallProgress profile={profile} call={call} label={label} /> : <CallError profile={profile} call={call} label={label} />;
}
