// Keychain: move a profile's long-lived keys out of the credentials file into the OS keychain, and back.
import { useCallback, useEffect, useMemo, useState } from 'react';
import { useAppState } from '../../app/app-state.js';
import { useStatus } from '../../components/status.js';
import { useClient } from '../../platform/client-context.js';
import { describeError } from '../../platform/desktop-client.js';
import type { ResponseOf } from '../../platform/types.js';
import { EmptyKeychain, NoKeychain } from './keychain-empty.js';

type VaultList = ResponseOf<'vault.list'>;

export function VaultScreen() {
  const client = useClient();
  const app = useAppState();
  const status = useStatus();
  const [vault, setVault] = useState<VaultList | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState<string | null>(null);
  const load = useCallback(() => {
    client.call('vault.list', {}).then(
      (v) => {
        setVault(v);
        setError(null);
      },
      (e: unknown) => setError(describeError(e)),
    );
  }, [client]);
  useEffect(load, [load, app.revision]);
  const inVault = new Set(vault?.profiles.map((p) => p.profile) ?? []);
  const candidates = useMemo(() => (app.list?.profiles ?? []).filter((p) => p.capabilities.vault.ok).slice(0, 200), [app.list]);
  const inFile = candidates.filter((p) => !inVault.has(p.name));
  // Going back to "Checking the keychain…" shows the check ran even when the answer is the same.
  const checkAgain = () => {
    setVault(null);
    load();
  };

  const move = (profile: string, to: 'vault' | 'file') => {
    setBusy(profile);
    client.call(to === 'vault' ? 'vault.add' : 'vault.remove', { profile }).then(
      async () => {
        status.info(to === 'vault' ? `Moved the keys of ${profile} into the keychain; the credentials file no longer holds them.` : `Moved the keys of ${profile} back into the credentials file.`);
        setBusy(null);
        await app.reload();
        load();
      },
      (e: unknown) => {
        setBusy(null);
        status.error(e);
      },
    );
  };

  return (
    <section className="page" aria-labelledby="vault-title">
      <header className="page-head">
        <h1 id="vault-title">Keychain</h1>
        <p className="muted">Keys in the OS keychain never sit in plain text on disk; the AWS tools still find them through a credential_process line.</p>
      </header>
      {error !== null ? (
        <p className="notice" role="alert">
          {error}
        </p>
      ) : vault === null ? (
        <p className="muted">Checking the keychain…</p>
      ) : !vault.available ? (
        <NoKeychain reason={vault.reason} onCheckAgain={checkAgain} />
      ) : (
        <>
          <h2 className="section-title">In the keychain</h2>
          {vault.profiles.length === 0 ? (
            <EmptyKeychain movable={inFile.length} />
          ) : (
            <ul className="plain-list" data-testid="vaulted">
              {vault.profiles.map((p) => (
                <li key={p.profile} data-profile={p.profile}>
                  <span>
                    <strong>{p.profile}</strong> <code className="muted">{p.accessKeyId}</code>
                  </span>
                  <button type="button" className="button small" disabled={busy !== null} aria-label={`Move keys of ${p.profile} back to the credentials file`} onClick={() => move(p.profile, 'file')}>
                    Move back to file
                  </button>
                </li>
              ))}
            </ul>
          )}
          <h2 className="section-title">In the credentials file</h2>
          {inFile.length === 0 ? (
            <p className="muted">No plain-text keys left in your credentials file.</p>
          ) : (
            <ul className="plain-list" data-testid="in-file">
              {inFile.map((p) => (
                <li key={p.name} data-profile={p.name}>
                  <span>
                    <strong>{p.name}</strong> <code className="muted">{p.accessKeyId}</code>
                  </span>
                  <button type="button" className="button small primary" disabled={busy !== null} aria-label={`Move keys of ${p.name} to the keychain`} onClick={() => move(p.name, 'vault')}>
                    {busy === p.name ? 'Moving…' : 'Move to keychain'}
                  </button>
                </li>
              ))}
            </ul>
          )}
        </>
      )}
    </section>
  );
}
