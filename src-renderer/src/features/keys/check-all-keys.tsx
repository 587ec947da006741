// "Check all keys with AWS" in place: the button, then a spinner with the count and Cancel, then (when keys could not
// be checked) what failed once with Retry. Cancel really aborts the IAM requests; the ages learnt so far stay.
import { useEffect, useState } from 'react';
import { plural } from '../../../../shared/domain/plural.js';
import { useAppState } from '../../app/app-state.js';
import { useClient } from '../../platform/client-context.js';
import { ErrorInPlace, ProgressInPlace } from '../progress/call-status.js';
import { PROGRESS_LABEL, useCallSlots } from '../progress/running-calls.js';

/** The one slot of this screen's own call instance: checking every key belongs to no single profile. */
const ALL = 'all keys';

/** Thrown from the answer when some keys could not be checked, so the failure shows in place like any other. */
class KeysNotChecked extends Error {}

/** "Checking keys… 2 of 7 done" once main has counted them, else "Checking keys…". */
export function checkingLabel(progress: { readonly done: number; readonly total: number } | null): string {
  return progress === null ? PROGRESS_LABEL.checkKeys : `${PROGRESS_LABEL.checkKeys} ${progress.done} of ${progress.total} done`;
}

export function CheckAllKeys() {
  const client = useClient();
  const { reload } = useAppState();
  const { calls, run, cancel, dismiss } = useCallSlots();
  const call = calls.get(ALL);
  const [progress, setProgress] = useState<{ done: number; total: number } | null>(null);
  const running = call?.state === 'running';
  useEffect(() => {
    if (!running) return undefined;
    const off = client.on('keys.checkProgress', (p) => {
      setProgress(p);
      // Each answer is already cached: the rows show it now rather than when the last key has answered.
      if (p.done > 0) void reload();
    });
    return () => {
      off();
      setProgress(null);
    };
  }, [client, running, reload]);

  const checkAll = () => {
    void run(
      ALL,
      'checkKeys',
      async (callId) => {
        const r = await client.call('keys.checkAll', { callId });
        if (r.failed > 0) {
          const which = r.checked === 0 ? `No key could be checked` : `${r.failed} of ${plural(r.checked + r.failed, 'key')} could not be checked`;
          throw new KeysNotChecked(`${which}; their age stays unknown. ${r.reason ?? ''}`.trim());
        }
      },
      // Key checks sign with the keys themselves: there is no sign-in to offer.
      () => undefined,
    );
  };

  if (call?.state === 'running') {
    return <ProgressInPlace testId="check-all-progress" label={checkingLabel(progress)} cancelLabel="Cancel checking all keys" onCancel={() => cancel(ALL)} />;
  }
  if (call?.state === 'failed') {
    return <ErrorInPlace testId="check-all-error" message={call.message} recovery={call.recovery} onRecover={call.recover} dismissLabel="Dismiss the key check error" onDismiss={() => dismiss(ALL)} />;
  }
  return (
    <button type="button" className="button" onClick={checkAll}>
      Check all keys with AWS
    </button>
  );
}
