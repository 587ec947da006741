// New-profile wizard: pick a kind, fill its form, preview the diff, apply; or set up a cross-account role end to end.
import { useState } from 'react';
import { useAppState } from '../../app/app-state.js';
import { CopyButton } from '../../components/copy-button.js';
import { Dialog } from '../../components/dialog.js';
import { DiffView } from '../../components/diff-view.js';
import { useStatus } from '../../components/status.js';
import { useClient } from '../../platform/client-context.js';
import { describeError } from '../../platform/desktop-client.js';
import type { RequestOf, ResponseOf } from '../../platform/types.js';
import type { FormKind } from '../editor/fields.js';
import { PreviewDialog } from '../editor/preview-dialog.js';
import { ProfileForm } from '../editor/profile-form.js';
import { FormError } from '../../components/form-error.js';

type Choice = FormKind | 'cross-account';
const CHOICES: readonly { id: Choice; title: string; text: string }[] = [
  { id: 'static', title: 'Access keys', text: 'An IAM user’s access key ID and secret.' },
  { id: 'role', title: 'Role', text: 'Assume a role from another profile.' },
  { id: 'cross-account', title: 'Cross-account role setup', text: 'Plan the trust and IAM policies, then add the role profile.' },
  { id: 'sso', title: 'IAM Identity Center (SSO)', text: 'Sign in through your organisation’s start URL.' },
  { id: 'process', title: 'Credential process', text: 'An external command prints the credentials.' },
  { id: 'settings', title: 'Settings only', text: 'Just a region and output format.' },
];

const NAME_OK = /^[\w\-@+.%:/]+$/;

export function NewProfileWizard({ onClose }: { readonly onClose: () => void }) {
  const app = useAppState();
  const status = useStatus();
  const [choice, setChoice] = useState<Choice | null>(null);
  const [name, setName] = useState('');
  const [values, setValues] = useState<Record<string, string> | null>(null);
  const names = (app.list?.profiles ?? []).map((p) => p.name);
  const nameTaken = names.includes(name.trim());
  const nameError =
    name.trim() === '' ? null : name.trim().length > 200 ? 'A profile name is at most 200 characters.' : !NAME_OK.test(name.trim()) ? 'Use letters, digits and _-@+.%:/ only.' : nameTaken ? 'A profile with this name exists.' : null;

  if (values !== null && choice !== null && choice !== 'cross-account') {
    return (
      <PreviewDialog
        title={`Add ${name.trim()}`}
        edit={{ type: 'add', profile: name.trim(), values }}
        applyLabel="Add profile"
        onClose={() => setValues(null)}
        onApplied={() => {
          status.info(`Added ${name.trim()}.`);
          void app.reload().then(() => app.select(name.trim()));
          onClose();
        }}
      />
    );
  }
  return (
    <Dialog title="New profile" onClose={onClose} wide testId="wizard">
      {choice === null ? (
        <fieldset className="choices">
          <legend>What kind of profile?</legend>
          {CHOICES.map((c) => (
            <button key={c.id} type="button" className="choice" onClick={() => setChoice(c.id)}>
              <strong>{c.title}</strong>
              <span className="muted">{c.text}</span>
            </button>
          ))}
        </fieldset>
      ) : choice === 'cross-account' ? (
        <RoleSetup names={names} onBack={() => setChoice(null)} onDone={onClose} />
      ) : (
        <>
          <div className="field">
            <label htmlFor="new-name">Profile name *</label>
            <input id="new-name" className="input" autoFocus value={name} onChange={(e) => setName(e.target.value)} spellCheck={false} aria-invalid={nameError !== null} aria-describedby={nameError !== null ? 'new-name-err' : undefined} />
            {nameError !== null ? (
              <span id="new-name-err" className="field-error">
                {nameError}
              </span>
            ) : null}
          </div>
          <ProfileForm
            kind={choice}
            settings={{}}
            profileName={null}
            sourceProfiles={names}
            submitLabel="Review…"
            blockedReason={name.trim() === '' ? 'Enter a profile name.' : nameError}
            onCancel={() => setChoice(null)}
            onSubmit={(v) => {
              if (name.trim() === '' || nameError !== null) return;
              const clean: Record<string, string> = {};
              for (const [k, x] of Object.entries(v)) if (x !== null) clean[k] = x;
              setValues(clean);
            }}
          />
        </>
      )}
    </Dialog>
  );
}

type Plan = ResponseOf<'roleSetup.plan'>;

function RoleSetup({ names, onBack, onDone }: { readonly names: readonly string[]; readonly onBack: () => void; readonly onDone: () => void }) {
  const client = useClient();
  const app = useAppState();
  const status = useStatus();
  const [source, setSource] = useState(names[0] ?? '');
  const [account, setAccount] = useState('');
  const [role, setRole] = useState('');
  const [mfa, setMfa] = useState(true);
  const [externalId, setExternalId] = useState('');
  const [profileName, setProfileName] = useState('');
  const [sourceAccount, setSourceAccount] = useState('');
  const [plan, setPlan] = useState<Plan | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const accountErr = account !== '' && !/^\d{12}$/.test(account) ? 'An AWS account ID is 12 digits.' : null;
  const roleErr = role !== '' && !/^[\w+=,.@-]{1,64}$/.test(role) ? 'A role name uses letters, digits and +=,.@_- (up to 64).' : null;
  const sourceAccountErr = sourceAccount !== '' && !/^\d{12}$/.test(sourceAccount) ? 'An AWS account ID is 12 digits.' : null;
  const planWhy =
    source === '' ? 'Add a profile with keys first: it is the source.' : account === '' ? 'Enter the target account ID.' : role === '' ? 'Enter the role name.' : accountErr !== null || roleErr !== null || sourceAccountErr !== null ? 'Correct the highlighted fields.' : null;
  const ready = planWhy === null;
  const request = (): RequestOf<'roleSetup.plan'> => ({
    source,
    account,
    role,
    mfa,
    ...(externalId.trim() !== '' ? { externalId: externalId.trim() } : {}),
    ...(profileName.trim() !== '' ? { profileName: profileName.trim() } : {}),
    ...(sourceAccount !== '' ? { sourceAccount } : {}),
  });
  if (plan !== null) {
    return (
      <div className="role-plan" data-testid="role-plan">
        <p>
          Ask an administrator of account <strong>{account}</strong> to create the role <strong>{role}</strong> with this trust policy, then give your user the permission below. Hatrack adds the profile <strong>{plan.profileName}</strong>.
        </p>
        <div className="policy">
          <div className="policy-head">
            <h3 className="small">Trust policy (on the role in {account})</h3>
            <CopyButton text={plan.trustPolicy} label="Copy trust policy" />
          </div>
          <pre tabIndex={0} aria-label="Trust policy JSON">{plan.trustPolicy}</pre>
        </div>
        <div className="policy">
          <div className="policy-head">
            <h3 className="small">Permission for your user (in the source account)</h3>
            <CopyButton text={plan.permissionsPolicy} label="Copy IAM policy" />
          </div>
          <pre tabIndex={0} aria-label="IAM permissions policy JSON">{plan.permissionsPolicy}</pre>
        </div>
        <h3 className="small">Changes to your files</h3>
        <DiffView files={plan.files} />
        <FormError error={error} />
        <div className="dialog-actions">
          <button type="button" className="button" onClick={() => setPlan(null)}>
            Back
          </button>
          <button
            type="button"
            className="button primary"
            disabled={busy}
            onClick={() => {
              setBusy(true);
              client.call('roleSetup.apply', request()).then(
                () => {
                  status.info(`Added ${plan.profileName}.`);
                  void app.reload().then(() => app.select(plan.profileName));
                  onDone();
                },
                (e: unknown) => {
                  setBusy(false);
                  setError(describeError(e));
                },
              );
            }}
          >
            Add profile
          </button>
        </div>
      </div>
    );
  }
  return (
    <form
      onSubmit={(e) => {
        e.preventDefault();
        if (!ready) return;
        setBusy(true);
        setError(null);
        client.call('roleSetup.plan', request()).then(
          (p) => {
            setBusy(false);
            setPlan(p);
          },
          (err: unknown) => {
            setBusy(false);
            setError(describeError(err));
          },
        );
      }}
    >
      <div className="grid2">
        <div className="field">
          <label htmlFor="rs-source">Source profile *</label>
          <select id="rs-source" className="input" value={source} onChange={(e) => setSource(e.target.value)}>
            {names.map((n) => (
              <option key={n} value={n}>
                {n}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor="rs-source-account">Source account ID</label>
          <input id="rs-source-account" className="input" inputMode="numeric" placeholder="(read from the source profile)" value={sourceAccount} onChange={(e) => setSourceAccount(e.target.value.trim())} aria-invalid={sourceAccountErr !== null} aria-describedby="rs-source-account-help" />
          <span id="rs-source-account-help" className={sourceAccountErr !== null ? 'field-error' : 'help'}>
            {sourceAccountErr ?? 'Needed when the source profile does not name its account.'}
          </span>
        </div>
        <div className="field">
          <label htmlFor="rs-account">Target account ID *</label>
          <input id="rs-account" className="input" inputMode="numeric" value={account} onChange={(e) => setAccount(e.target.value.trim())} aria-invalid={accountErr !== null} aria-describedby={accountErr !== null ? 'rs-account-err' : undefined} />
          {accountErr !== null ? <span id="rs-account-err" className="field-error">{accountErr}</span> : null}
        </div>
        <div className="field">
          <label htmlFor="rs-role">Role name *</label>
          <input id="rs-role" className="input" value={role} onChange={(e) => setRole(e.target.value.trim())} aria-invalid={roleErr !== null} aria-describedby={roleErr !== null ? 'rs-role-err' : undefined} />
          {roleErr !== null ? <span id="rs-role-err" className="field-error">{roleErr}</span> : null}
        </div>
        <div className="field">
          <label htmlFor="rs-name">Profile name</label>
          <input id="rs-name" className="input" value={profileName} placeholder="(suggested from the role)" onChange={(e) => setProfileName(e.target.value)} />
        </div>
        <div className="field">
          <label htmlFor="rs-ext">External ID</label>
          <input id="rs-ext" className="input" value={externalId} onChange={(e) => setExternalId(e.target.value)} />
        </div>
        <label className="toggle field-inline">
          <input type="checkbox" checked={mfa} onChange={(e) => setMfa(e.target.checked)} /> Require MFA to assume
        </label>
      </div>
      <FormError error={error} />
      <div className="dialog-actions">
        <button type="button" className="button" onClick={onBack}>
          Back
        </button>
        {planWhy !== null ? (
          <span id="rs-why" className="help form-status">
            {planWhy}
          </span>
        ) : null}
        <button type="submit" className="button primary" disabled={!ready || busy} aria-describedby={planWhy !== null ? 'rs-why' : undefined}>
          {busy ? 'Planning…' : 'Plan the role…'}
        </button>
      </div>
    </form>
  );
}
