// Adds an [sso-session] block (sso.setup): start URL, region and a session name, checked by core before anything is written.
import { useState } from 'react';
import type { FormEvent } from 'react';
import { useClient } from '../../platform/client-context.js';
import { describeError } from '../../platform/desktop-client.js';
import { FormError } from '../../components/form-error.js';

export interface SessionFormProps {
  /** Called with the session name once the block is written. */
  readonly onSaved: (name: string) => void;
  readonly onCancel?: () => void;
}

export function SessionForm({ onSaved, onCancel }: SessionFormProps) {
  const client = useClient();
  const [name, setName] = useState('');
  const [startUrl, setStartUrl] = useState('');
  const [region, setRegion] = useState('us-east-1');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const submit = (e: FormEvent) => {
    e.preventDefault();
    setBusy(true);
    setError(null);
    client.call('sso.setup', { name: name.trim(), startUrl: startUrl.trim(), region: region.trim() }).then(
      () => {
        setBusy(false);
        onSaved(name.trim());
      },
      (err: unknown) => {
        setBusy(false);
        setError(describeError(err));
      },
    );
  };

  return (
    <form className="card sso-form" onSubmit={submit} aria-labelledby="sso-form-title" data-testid="sso-session-form">
      <h2 id="sso-form-title">Add an IAM Identity Center session</h2>
      <p className="help">The start URL is on your AWS access portal's sign-in page. The aws CLI and the SDKs read this session too.</p>
      <div className="field">
        <label htmlFor="sso-start-url">Start URL</label>
        <input id="sso-start-url" className="input" type="url" required placeholder="https://d-1234567890.awsapps.com/start" value={startUrl} onChange={(e) => setStartUrl(e.target.value)} />
      </div>
      <div className="sso-form-row">
        <div className="field">
          <label htmlFor="sso-region">Region</label>
          <input id="sso-region" className="input" required placeholder="us-east-1" value={region} onChange={(e) => setRegion(e.target.value)} aria-describedby="sso-region-help" />
          <span className="help" id="sso-region-help">
            Where Identity Center runs
          </span>
        </div>
        <div className="field">
          <label htmlFor="sso-name">Session name</label>
          <input id="sso-name" className="input" required placeholder="my-company" value={name} onChange={(e) => setName(e.target.value)} aria-describedby="sso-name-help" />
          <span className="help" id="sso-name-help">
            Written as [sso-session name]
          </span>
        </div>
      </div>
      <FormError error={error} />
      <div className="form-actions">
        <button type="submit" className="button primary" disabled={busy}>
          {busy ? 'Saving…' : 'Add session'}
        </button>
        {onCancel !== undefined ? (
          <button type="button" className="button" onClick={onCancel}>
            Cancel
          </button>
        ) : null}
      </div>
    </form>
  );
}
