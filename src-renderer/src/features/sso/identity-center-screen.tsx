// IAM Identity Center: each [sso-session] with its start URL, region and sign-in state; sign in or out; pick accounts.
import { useCallback, useEffect, useState } from 'react';
import { plural } from '../../../../shared/domain/plural.js';
import { useAppState } from '../../app/app-state.js';
import { EmptyState } from '../../components/empty-state.js';
import { useStatus } from '../../components/status.js';
import { useClient } from '../../platform/client-context.js';
import { describeError } from '../../platform/desktop-client.js';
import type { SsoSessionState } from '../../platform/types.js';
import { DiscoveryPicker } from './discovery-picker.js';
import { SessionForm } from './session-form.js';
import { useSsoSignIn } from './sign-in-provider.js';

function time(iso: string): string {
  const d = new Date(iso);
  // The year only when it is not this one: a token from another year is old news, and the year says how old.
  const year = d.getFullYear() !== new Date().getFullYear() ? { year: 'numeric' as const } : {};
  return d.toLocaleString([], { ...year, month: 'short', day: 'numeric', hour: '2-digit', minute: '2-digit' });
}

/** The state badge and the line under it: what the token means for the user now. */
function stateText(s: SsoSessionState): { badge: string; level: 'ok' | 'warn' | 'bad' | 'neutral'; detail: string | null } {
  switch (s.status) {
    case 'signed-in':
      return { badge: 'Signed in', level: 'ok', detail: s.expiresAt !== null ? `Token expires ${time(s.expiresAt)}` : null };
    case 'refreshable':
      return { badge: 'Signed in', level: 'ok', detail: 'Token renews automatically on next use' };
    case 'expired':
      return { badge: 'Sign-in needed', level: 'bad', detail: s.expiresAt !== null ? `Token expired ${time(s.expiresAt)}` : null };
    case 'signed-out':
      return { badge: 'Signed out', level: 'neutral', detail: null };
    case 'invalid':
      return { badge: 'Needs fixing', level: 'bad', detail: null };
  }
}

export function IdentityCenterScreen() {
  const client = useClient();
  const app = useAppState();
  const status = useStatus();
  const signIn = useSsoSignIn();
  const [sessions, setSessions] = useState<readonly SsoSessionState[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [adding, setAdding] = useState(false);
  const [picking, setPicking] = useState<string | null>(null);
  const [busy, setBusy] = useState<string | null>(null);

  const load = useCallback(() => {
    client.call('sso.sessions', {}).then(
      (r) => {
        setSessions(r.sessions);
        setError(null);
      },
      (e: unknown) => setError(describeError(e)),
    );
  }, [client]);
  // The files' revision covers setup and populate; the list reload after a sign-in brings a new list object.
  useEffect(load, [load, app.revision, app.list]);
  // Tokens live outside the watched AWS files (the aws CLI signs in and out too) and run out by themselves: re-read
  // when the window comes back and once a minute, which costs a few small file reads.
  useEffect(() => {
    const t = setInterval(load, 60_000);
    window.addEventListener('focus', load);
    return () => {
      clearInterval(t);
      window.removeEventListener('focus', load);
    };
  }, [load]);

  const added = (name: string) => {
    setAdding(false);
    status.info(`Added session ${name}. Sign in to use it.`);
    load();
  };

  const signOut = (name: string) => {
    setBusy(name);
    client.call('sso.signOut', { session: name }).then(
      () => {
        setBusy(null);
        status.info(`Signed out of ${name}; the aws CLI and the SDKs are signed out of it too.`);
        void app.reload();
        load();
      },
      (e: unknown) => {
        setBusy(null);
        status.error(e);
      },
    );
  };

  return (
    <section className="page sso-page" aria-labelledby="sso-title">
      <header className="page-head sso-head">
        <div>
          <h1 id="sso-title">IAM Identity Center</h1>
          <p className="muted">Sign in once per session; every profile of the session then works in Hatrack, the aws CLI and the SDKs.</p>
        </div>
        {sessions !== null && sessions.length > 0 && !adding ? (
          <button type="button" className="button" onClick={() => setAdding(true)}>
            Add session
          </button>
        ) : null}
      </header>
      {error !== null ? (
        <p className="notice" role="alert">
          {error}
        </p>
      ) : sessions === null ? (
        <p className="muted">Reading your sessions…</p>
      ) : sessions.length === 0 ? (
        <EmptyState icon="building" variant="plain" title="No IAM Identity Center session yet" testId="sso-empty">
          <p className="muted">Add your organisation’s session and sign in once: Hatrack lists the accounts and roles you may use and adds the ones you pick as profiles, with no long-lived keys on disk.</p>
          <SessionForm onSaved={added} />
        </EmptyState>
      ) : (
        <>
          {adding ? (
            <SessionForm onSaved={added} onCancel={() => setAdding(false)} />
          ) : null}
          <ul className="sso-sessions" aria-label="Sessions">
            {sessions.map((s) => {
              const st = stateText(s);
              const signedIn = s.status === 'signed-in' || s.status === 'refreshable';
              return (
                <li key={s.name} className="sso-session" data-testid="sso-session" data-session={s.name} data-status={s.status}>
                  <div className="sso-session-main">
                    <div className="sso-session-title">
                      <strong>{s.name}</strong>
                      <span className={`badge sso-state sso-${st.level}`} data-testid="sso-state">
                        {st.badge}
                      </span>
                    </div>
                    <div className="sso-session-meta muted">
                      {s.startUrl !== null ? <code title="Start URL">{s.startUrl}</code> : null}
                      {s.region !== null ? <span className="chip" title="Region">{s.region}</span> : null}
                      <span>
                        {plural(s.profiles, 'profile')}
                      </span>
                    </div>
                    {st.detail !== null ? (
                      <div className="small" data-testid="sso-expiry">
                        {st.detail}
                      </div>
                    ) : null}
                    {s.notice !== null ? (
                      <p className="warning small sso-notice" role="status">
                        {s.notice}
                      </p>
                    ) : null}
                  </div>
                  <div className="sso-session-actions">
                    {s.status === 'invalid' ? null : signedIn ? (
                      <>
                        <button type="button" className="button primary" aria-label={`Choose accounts of ${s.name}`} onClick={() => setPicking(s.name)}>
                          Choose accounts…
                        </button>
                        <button type="button" className="button" disabled={busy === s.name} aria-label={`Sign out of ${s.name}`} onClick={() => signOut(s.name)}>
                          {busy === s.name ? 'Signing out…' : 'Sign out'}
                        </button>
                      </>
                    ) : (
                      <button type="button" className="button primary" aria-label={`Sign in to ${s.name}`} onClick={() => void signIn({ session: s.name }, s.name).then((ok) => ok && load())}>
                        Sign in
                      </button>
                    )}
                  </div>
                </li>
              );
            })}
          </ul>
        </>
      )}
      {picking !== null ? <DiscoveryPicker session={picking} onClose={() => setPicking(null)} /> : null}
    </section>
  );
}
