// A profile's network action in place: a spinner with what is happening and Cancel, or what failed with the next step.
import { RECOVERY_LABEL } from '../../platform/error-text.js';
import type { ProfileCall } from './running-calls.js';
import { PROGRESS_LABEL, useRunningCalls } from './running-calls.js';

/** While running: "⟳ Assuming…" and Cancel. Rendered where the row's primary button (or the switcher item's hint) was. */
export function CallProgress({ profile, call, label = profile }: { readonly profile: string; readonly call: Extract<ProfileCall, { state: 'running' }>; readonly label?: string }) {
  const { cancel } = useRunningCalls();
  return (
    <span className="call-progress" data-testid="call-progress">
      <span role="status" className="call-progress-label">
        <span className="spinner" aria-hidden="true" />
        {PROGRESS_LABEL[call.action]}
      </span>
      <button
        type="button"
        className="button small"
        aria-label={`Cancel ${PROGRESS_LABEL[call.action].replace('…', '').toLowerCase()} ${label}`}
        onClick={(e) => {
          e.stopPropagation();
          cancel(profile);
        }}
      >
        Cancel
      </button>
    </span>
  );
}

/** After a failure: main's sentence once, the next step as a button, and a way to clear it. */
export function CallError({ profile, call, label = profile }: { readonly profile: string; readonly call: Extract<ProfileCall, { state: 'failed' }>; readonly label?: string }) {
  const { dismiss } = useRunningCalls();
  return (
    <span className="call-error" data-testid="call-error">
      <span role="alert" className="call-error-text" title={call.message}>
        {call.message}
      </span>
      <span className="call-error-actions">
        <button
          type="button"
          className="button small primary"
          onClick={(e) => {
            e.stopPropagation();
            call.recover();
          }}
        >
          {RECOVERY_LABEL[call.recovery]}
        </button>
        <button
          type="button"
          className="icon-button call-error-dismiss"
          aria-label={`Dismiss the error for ${label}`}
          title="Dismiss"
          onClick={(e) => {
            e.stopPropagation();
            dismiss(profile);
          }}
        >
          ×
        </button>
      </span>
    </span>
  );
}

/**
 * Whichever of the two applies, or nothing when the profile is idle. `profile` is the key the call runs under; `label`
 * names it in the buttons' accessible names when that key is not a profile name (a session id).
 */
export function CallStatus({ profile, call, label = profile }: { readonly profile: string; readonly call: ProfileCall | undefined; readonly label?: string }) {
  if (call === undefined) return null;
  return call.state === 'running' ? <CallProgress profile={profile} call={call} label={label} /> : <CallError profile={profile} call={call} label={label} />;
}
