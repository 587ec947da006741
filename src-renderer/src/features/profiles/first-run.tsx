// What an empty profile list shows: where Hatrack looked, and the three ways people usually start. Hatrack reads the
// AWS CLI's own files in place, so there is nothing to import: what exists there is listed as soon as it appears.
import { useAppState } from '../../app/app-state.js';
import { Icon } from '../../components/icons.js';
import type { IconName } from '../../components/icons.js';

interface Start {
  readonly icon: IconName;
  readonly title: string;
  readonly text: string;
  readonly action: string;
  readonly run: () => void;
}

export function FirstRun() {
  const app = useAppState();
  const files = app.list?.files;
  const starts: readonly Start[] = [
    { icon: 'building', title: 'Set up IAM Identity Center', text: 'Sign in once with your organisation’s start URL and choose the accounts and roles to add.', action: 'Set up Identity Center', run: () => app.setScreen('sso') },
    { icon: 'key', title: 'Add access keys', text: 'An IAM user’s access key ID and secret, kept in the credentials file or the OS keychain.', action: 'Add keys…', run: () => app.setWizardOpen(true) },
    { icon: 'role', title: 'Add a role to assume', text: 'A role in another account, assumed with your keys, with MFA if it asks for it.', action: 'Add a role…', run: () => app.setWizardOpen(true) },
  ];
  return (
    <div className="first-run" data-testid="first-run">
      <h2 className="first-run-title">No AWS profiles yet</h2>
      <p className="muted first-run-lead">
        Hatrack works on the AWS CLI’s own files, in place — anything you add there shows up here at once, and anything
        added here works in the AWS CLI and SDKs.
      </p>
      <ul className="first-run-files muted small" aria-label="Where Hatrack looked">
        <li>
          <Icon name="file" size={14} /> <code>{files?.config ?? '~/.aws/config'}</code>
        </li>
        <li>
          <Icon name="file" size={14} /> <code>{files?.credentials ?? '~/.aws/credentials'}</code>
        </li>
      </ul>
      <ul className="first-run-starts">
        {starts.map((s) => (
          <li key={s.title} className="first-run-card">
            <span className="first-run-icon">
              <Icon name={s.icon} size={20} />
            </span>
            <strong>{s.title}</strong>
            <span className="muted small">{s.text}</span>
            <button type="button" className="button" onClick={s.run}>
              {s.action}
            </button>
          </li>
        ))}
      </ul>
    </div>
  );
}
