// Sessions: every session Hatrack obtained in this run and the managed [default], soonest expiry first, each with a
// countdown that ticks, Refresh and Forget.
import { useAppState } from '../../app/app-state.js';
import { EmptyState } from '../../components/empty-state.js';
import { SessionRow } from './session-row.js';
import { useNow, useSessions } from './use-sessions.js';

/** Matches the settings' default, for the moment before settings have arrived. */
const DEFAULT_LEAD_MINUTES = 5;

export function SessionsScreen() {
  const app = useAppState();
  const { sessions, error } = useSessions();
  // Every second: under a minute the countdown counts seconds, and an expiry should turn red when it happens.
  const now = useNow(1000);
  const lead = app.settings?.app.refreshLeadMinutes ?? DEFAULT_LEAD_MINUTES;

  return (
    <section className="page" aria-labelledby="sessions-title">
      <header className="page-head">
        <h1 id="sessions-title">Sessions</h1>
        <p className="muted">Temporary credentials Hatrack obtained, with the time they have left. Forget drops a session from Hatrack only; your AWS files stay as they are.</p>
      </header>
      {error !== null ? (
        <p className="notice" role="alert">
          {error}
        </p>
      ) : sessions === null ? (
        <p className="muted">Reading sessions…</p>
      ) : sessions.length === 0 ? (
        <EmptyState
          icon="clock"
          title="No active sessions"
          testId="sessions-empty"
          actions={
            <button type="button" className="button primary" onClick={() => app.setScreen('profiles')}>
              Go to profiles
            </button>
          }
        >
          <p className="muted">Assume a role or use a profile and it appears here, with the time it has left.</p>
          <p className="muted">Refresh renews a session before it runs out; Forget drops it from Hatrack without touching your AWS files.</p>
        </EmptyState>
      ) : (
        <ul className="session-list" data-testid="sessions" aria-label="Active sessions">
          {sessions.map((s) => (
            <SessionRow key={s.id} session={s} now={now} leadMinutes={lead} />
          ))}
        </ul>
      )}
    </section>
  );
}
