// One access key on the Access keys screen: its age and last use, and its actions. "Check with AWS" runs as the
// profile's cancellable call (features/progress), so its progress, Cancel and any error show in place of the button.
import { KeyAgeBadge } from '../../components/badges.js';
import { useClient } from '../../platform/client-context.js';
import type { KeyInfo, ProfileSummary } from '../../platform/types.js';
import { CallStatus } from '../progress/call-status.js';
import { useProfileCall, useRunningCalls } from '../progress/running-calls.js';

export interface KeyRowProps {
  readonly profile: ProfileSummary;
  /** What the last one-key check said (status, user, last use); undefined until the user checks this key. */
  readonly info: KeyInfo | undefined;
  readonly onChecked: (info: KeyInfo) => void;
  readonly onRotate: () => void;
}

function lastUsedText(i: KeyInfo): string {
  if (i.lastUsed === null || i.lastUsed.date === null) return 'Never used';
  const where = [i.lastUsed.service, i.lastUsed.region].filter((x) => x !== null).map((x) => ` · ${x}`);
  return `${new Date(i.lastUsed.date).toLocaleDateString()}${where.join('')}`;
}

export function KeyRow({ profile: p, info: i, onChecked, onRotate }: KeyRowProps) {
  const client = useClient();
  const { run } = useRunningCalls();
  const call = useProfileCall(p.name);
  const check = () =>
    void run(
      p.name,
      'checkKey',
      async (callId) => onChecked(await client.call('keys.info', { profile: p.name, callId })),
      // A key is checked with its own credentials: there is no sign-in to offer.
      () => undefined,
    );
  return (
    <>
      <tr data-profile={p.name} className={call?.state === 'failed' ? 'key-row-failed' : undefined}>
        <th scope="row">{p.name}</th>
        <td>
          <code>{p.accessKeyId}</code>
          {i !== undefined ? (
            <span className="muted small">
              {' '}
              · {i.status}
              {i.userName !== null ? ` · ${i.userName}` : ''}
            </span>
          ) : null}
        </td>
        <td>
          <KeyAgeBadge days={i !== undefined ? i.ageDays : p.keyAgeDays} />
          {i !== undefined && i.createDate !== null ? <span className="muted small"> created {new Date(i.createDate).toLocaleDateString()}</span> : null}
          {i !== undefined && i.createDate === null ? <span className="muted small"> IAM would not say (the key needs iam:ListAccessKeys)</span> : null}
        </td>
        <td data-testid="last-used">{i === undefined ? <span className="muted">—</span> : lastUsedText(i)}</td>
        <td className="row-actions">
          <div className="key-row-actions">
            {call?.state === 'running' ? (
              <CallStatus profile={p.name} call={call} />
            ) : call === undefined ? (
              <button type="button" className="button small" aria-label={`Check key of ${p.name}`} onClick={check}>
                Check with AWS
              </button>
            ) : null}
            {/* One network action per key at a time: Rotate waits while the key is being checked. */}
            {call?.state === 'running' ? null : (
              <button type="button" className="button small primary" aria-label={`Rotate key of ${p.name}`} onClick={onRotate}>
                Rotate…
              </button>
            )}
          </div>
        </td>
      </tr>
      {call?.state === 'failed' ? (
        // The failure gets the row's full width, right under the key it is about (its Retry replaces Check with AWS).
        <tr className="key-row-error" data-error-for={p.name}>
          <td colSpan={5}>
            <CallStatus profile={p.name} call={call} />
          </td>
        </tr>
      ) : null}
    </>
  );
}
