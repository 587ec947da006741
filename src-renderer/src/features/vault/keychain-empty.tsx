// The Keychain screen's two empty states: no keychain on this computer (what is missing and how to get it), and a
// keychain with nothing in it yet (why keys belong there, and how one gets there).
import { useAppState } from '../../app/app-state.js';
import { EmptyState } from '../../components/empty-state.js';
import { keychainHelp } from './keychain-help.js';

export function NoKeychain({ reason, onCheckAgain }: { readonly reason: string | null; readonly onCheckAgain: () => void }) {
  const help = keychainHelp(reason);
  return (
    <EmptyState
      icon="lock"
      tone="warn"
      title="No keychain on this computer"
      testId="no-keychain"
      actions={
        <button type="button" className="button" onClick={onCheckAgain}>
          Check again
        </button>
      }
    >
      <p>No keychain is available on this computer, so your keys stay in the credentials file.</p>
      <p>{help.missing}</p>
      <p>
        <strong>To fix it: </strong>
        {help.fix}
      </p>
      {reason !== null ? (
        <details className="empty-state-detail">
          <summary>Technical detail</summary>
          <code>{reason}</code>
        </details>
      ) : null}
    </EmptyState>
  );
}

/** The keychain works but holds no keys: `movable` is how many profiles' keys could go in (the list below). */
export function EmptyKeychain({ movable }: { readonly movable: number }) {
  const app = useAppState();
  return (
    <EmptyState
      icon="lock"
      title="No keys in the keychain yet"
      headingLevel={3}
      testId="keychain-empty"
      actions={
        movable === 0 ? (
          <button type="button" className="button primary" onClick={() => app.setWizardOpen(true)}>
            Add access keys…
          </button>
        ) : undefined
      }
    >
      <p>
        In the credentials file a secret key is plain text: any program running as you can read it, and it travels with
        backups and synced dotfiles. In the keychain it is encrypted and unlocked with your login.
      </p>
      <p className="muted">
        {movable === 0
          ? 'None of your profiles has keys to move. Add access keys and they can go straight into the keychain.'
          : 'Choose “Move to keychain” beside a profile below. The AWS CLI and SDKs keep working: Hatrack points the profile at the keychain with a credential_process line, and you can move the keys back at any time.'}
      </p>
    </EmptyState>
  );
}
