// The Access keys screen with no long-lived key to watch: what would be listed here and how to add one, with the
// short-lived alternative (Identity Center) one click away for people who came here looking for keys to add.
import { KEY_AGE_WARN_DAYS } from '../../../../shared/domain/key-age.js';
import { useAppState } from '../../app/app-state.js';
import { EmptyState } from '../../components/empty-state.js';

export function NoKeys() {
  const app = useAppState();
  return (
    <EmptyState
      icon="key"
      title="No access keys to look after"
      testId="no-keys"
      actions={
        <>
          <button type="button" className="button primary" onClick={() => app.setWizardOpen(true)}>
            Add access keys…
          </button>
          <button type="button" className="button" onClick={() => app.setScreen('sso')}>
            Use Identity Center instead
          </button>
        </>
      }
    >
      <p>
        Profiles that sign in with an IAM user’s access key ID and secret show up here, with each key’s age and when it
        was last used, so you can rotate a key in a few clicks before it is {KEY_AGE_WARN_DAYS} days old.
      </p>
      <p className="muted">
        None of your profiles has one. Identity Center and role profiles get short-lived credentials and need no rotating.
      </p>
    </EmptyState>
  );
}
