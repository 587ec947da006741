// One session: what it is (kind icon and word, profile, role and account), a live countdown, and Refresh / Forget
// (Switch back for the managed default, which is never just forgotten).
import { useAppState } from '../../app/app-state.js';
import { Icon } from '../../components/icons.js';
import type { IconName } from '../../components/icons.js';
import { useStatus } from '../../components/status.js';
import { useClient } from '../../platform/client-context.js';
import type { Session } from '../../platform/types.js';
import { usePrompts } from '../mfa/prompts.js';
import { CallStatus } from '../progress/call-status.js';
import { useProfileCall, useRunningCalls } from '../progress/running-calls.js';
import { useProfileActions } from '../profiles/actions.js';
import { countdown } from './countdown.js';

/** `word` is shown beside the name; `noun` names the session in button labels ("Refresh assumed role prod"). */
const KIND: Readonly<Record<Session['kind'], { readonly icon: IconName; readonly word: string; readonly noun: string }>> = {
  role: { icon: 'role', word: 'Assumed role', noun: 'assumed role' },
  default: { icon: 'terminal', word: 'Default for new terminals', noun: 'default' },
  console: { icon: 'globe', word: 'Console sign-in', noun: 'console sign-in' },
  mfa: { icon: 'shield', word: 'MFA session', noun: 'MFA session' },
};

/** The row's name: the profile; for an MFA session the device (the serial's name part, arn:…:mfa/<name>). */
function sessionTitle(s: Session): string {
  if (s.kind === 'mfa' && s.serialNumber !== null) return s.serialNumber.split('/').pop() ?? s.serialNumber;
  return s.profile ?? s.id;
}

function detailParts(s: Session): string[] {
  const role = s.roleArn?.split('/').pop();
  switch (s.kind) {
    case 'role':
      return [role ?? 'temporary keys', s.accountId !== null ? `account ${s.accountId}` : '', s.accessKeyId ?? '', s.chained ? 'chained: 1 h at most' : ''];
    case 'default':
      return [`[default] holds the keys of ${s.profile ?? 'a profile'}`];
    case 'console':
      return ['AWS console in your browser'];
    case 'mfa':
      return [s.serialNumber ?? '', s.profile !== null ? `last used by ${s.profile}` : ''];
  }
}

/** Running calls are keyed by name; a session id cannot clash with a profile's own Use / Assume on the Profiles screen. */
const callKey = (s: Session) => `session:${s.id}`;

export function SessionRow({ session: s, now, leadMinutes }: { readonly session: Session; readonly now: number; readonly leadMinutes: number }) {
  const client = useClient();
  const status = useStatus();
  const prompts = usePrompts();
  const app = useAppState();
  const actions = useProfileActions();
  const { run } = useRunningCalls();
  const call = useProfileCall(callKey(s));
  const title = sessionTitle(s);
  const kind = KIND[s.kind];
  const left = countdown(s.expiresAt, now, leadMinutes);
  const keptAs = app.list?.defaultIdentity.keptAs ?? null;
  const details = detailParts(s).filter((part) => part !== '').join(' · ');

  const refresh = () =>
    void run(
      callKey(s),
      'refresh',
      async (callId) => {
        const r = await prompts.withMfa(s.profile ?? title, (mfaCode) => client.call('sessions.refresh', { id: s.id, callId, ...(mfaCode !== undefined ? { mfaCode } : {}) }));
        if (r === null) return;
        status.info(`Refreshed ${title}: ${countdown(r.session.expiresAt, Date.now(), leadMinutes).text.toLowerCase()}.`);
        // The default's new expiry shows in the title bar too.
        if (s.kind === 'default') await app.reload();
      },
      () => void (s.profile !== null ? actions.signIn(s.profile) : undefined),
    );

  const forget = async () => {
    try {
      await client.call('sessions.forget', { id: s.id });
      status.info(s.kind === 'mfa' ? `Forgot the MFA session of ${title}; the next role that needs it asks for a code.` : `Forgot the session of ${title}.`);
    } catch (e) {
      status.error(e);
    }
  };

  return (
    <li className={`session-row tone-${left.tone}`} data-session={s.id} data-kind={s.kind}>
      <span className="session-kind" aria-hidden="true">
        <Icon name={kind.icon} size={18} />
      </span>
      <span className="session-main">
        <span className="session-title">
          <strong className="session-name" title={title}>
            {title}
          </strong>
          <span className="session-kind-word">{kind.word}</span>
        </span>
        <span className="session-details muted small" title={details}>
          {details}
        </span>
      </span>
      <span className={`session-countdown countdown-${left.tone}`} data-testid="countdown" title={s.expiresAt !== null ? `Until ${new Date(s.expiresAt).toLocaleString()}` : undefined}>
        <Icon name="clock" size={14} />
        {s.expiresAt !== null ? <time dateTime={s.expiresAt}>{left.text}</time> : left.text}
      </span>
      <span className="session-actions">
        {call !== undefined ? (
          <CallStatus profile={callKey(s)} call={call} label={title} />
        ) : (
          <>
            <button type="button" className="button small" aria-label={`Refresh ${kind.noun} ${title}`} onClick={refresh}>
              Refresh
            </button>
            {s.kind === 'default' ? (
              keptAs !== null ? (
                <button type="button" className="button small" aria-label={`Switch back to your own default (${keptAs})`} onClick={() => void actions.switchBack()}>
                  Switch back
                </button>
              ) : null
            ) : (
              <button type="button" className="button small" aria-label={`Forget ${kind.noun} ${title}`} onClick={() => void forget()}>
                Forget
              </button>
            )}
          </>
        )}
      </span>
    </li>
  );
}
