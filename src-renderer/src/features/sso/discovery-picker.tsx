// Pick accounts and roles of a signed-in session, preview the profiles that would be written (a diff), then write them.
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { plural } from '../../../../shared/domain/plural.js';
import { useAppState } from '../../app/app-state.js';
import { Dialog } from '../../components/dialog.js';
import { DiffView } from '../../components/diff-view.js';
import { useStatus } from '../../components/status.js';
import { VirtualList } from '../../components/virtual-list.js';
import { useClient } from '../../platform/client-context.js';
import { describeError } from '../../platform/desktop-client.js';
import type { EventPayload, ResponseOf } from '../../platform/types.js';
import type { PickerRow } from './picker-model.js';
import { pairKey, pickerRows, selectionState, toggleAll, visiblePairs } from './picker-model.js';
import { FormError } from '../../components/form-error.js';
import { ProgressInPlace } from '../progress/call-status.js';
import { newCallId } from '../progress/running-calls.js';

type Discovery = ResponseOf<'sso.discover'>;
type Preview = ResponseOf<'sso.populate.preview'>;

const ROW_HEIGHT = 36;
const DEFAULT_TEMPLATE = '{account_name}/{role_name}';

/** A checkbox that can show "some selected" (indeterminate is a DOM property, not an attribute). */
function TriCheckbox({ state, label, onChange }: { readonly state: 'all' | 'some' | 'none'; readonly label: string; readonly onChange: () => void }) {
  const ref = useRef<HTMLInputElement>(null);
  useEffect(() => {
    if (ref.current !== null) ref.current.indeterminate = state === 'some';
  }, [state]);
  return <input ref={ref} type="checkbox" checked={state === 'all'} aria-checked={state === 'some' ? 'mixed' : state === 'all'} aria-label={label} onChange={onChange} />;
}

function accountLabel(a: Discovery['accounts'][number]): string {
  return a.accountName ?? a.accountId;
}

function Progress({ session, onCancel }: { readonly session: string; readonly onCancel: () => void }) {
  const client = useClient();
  const [p, setP] = useState<EventPayload<'sso.discovery.progress'> | null>(null);
  useEffect(() => client.on('sso.discovery.progress', (e) => e.session === session && setP(e)), [client, session]);
  return (
    <p className="muted sso-progress" data-testid="sso-discovery-progress">
      <ProgressInPlace
        label={p === null ? 'Listing your accounts…' : `Listing roles: ${p.accountsDone} of ${p.listingDone ? plural(p.accounts, 'account') : `${p.accounts}+ accounts`}`}
        cancelLabel={`Cancel listing the accounts of ${session}`}
        onCancel={onCancel}
      />
    </p>
  );
}

/** "Added 3 profiles", "Updated 1 profile", "Added 2 profiles and updated 1": only the parts that happened. */
function writtenSummary(added: number, updated: number): string {
  if (updated === 0) return `Added ${plural(added, 'profile')}`;
  if (added === 0) return `Updated ${plural(updated, 'profile')}`;
  return `Added ${plural(added, 'profile')} and updated ${updated}`;
}

export function DiscoveryPicker({ session, onClose }: { readonly session: string; readonly onClose: () => void }) {
  const client = useClient();
  const app = useAppState();
  const status = useStatus();
  const [discovery, setDiscovery] = useState<Discovery | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [query, setQuery] = useState('');
  const [selected, setSelected] = useState<ReadonlySet<string>>(new Set());
  const [template, setTemplate] = useState(DEFAULT_TEMPLATE);
  const [region, setRegion] = useState('');
  const [preview, setPreview] = useState<Preview | null>(null);
  const [busy, setBusy] = useState(false);

  // One call id per listing: Cancel, and closing the dialog while it runs, stop every portal request in main.
  const [callId] = useState(newCallId);
  useEffect(() => {
    let live = true;
    let done = false;
    client.call('sso.discover', { session, callId }).then(
      (d) => {
        done = true;
        if (live) setDiscovery(d);
      },
      (e: unknown) => {
        done = true;
        if (live) setError(describeError(e));
      },
    );
    return () => {
      live = false;
      if (!done) void client.call('calls.cancel', { callId }).catch(() => undefined);
    };
  }, [client, session, callId]);

  const rows = useMemo(() => pickerRows(discovery?.accounts ?? [], query), [discovery, query]);
  const shownPairs = useMemo(() => visiblePairs(rows), [rows]);

  const request = () => ({ session, pairs: [...selected].sort(), ...(template.trim() !== '' && template.trim() !== DEFAULT_TEMPLATE ? { template: template.trim() } : {}), ...(region.trim() !== '' ? { region: region.trim() } : {}) });

  const showPreview = () => {
    setBusy(true);
    setError(null);
    client.call('sso.populate.preview', request()).then(
      (p) => {
        setBusy(false);
        setPreview(p);
      },
      (e: unknown) => {
        setBusy(false);
        setError(describeError(e));
      },
    );
  };

  const apply = () => {
    setBusy(true);
    client.call('sso.populate.apply', request()).then(
      async (r) => {
        status.info(`${writtenSummary(r.added.length, r.updated.length)} for ${session}.`);
        await app.reload();
        onClose();
      },
      (e: unknown) => {
        setBusy(false);
        setError(describeError(e));
      },
    );
  };

  const renderRow = useCallback(
    (i: number) => {
      const r: PickerRow = rows[i]!;
      if (r.type === 'account') {
        const keys = r.roles.map((role) => pairKey(r.account.accountId, role));
        return (
          <div className="pick-row pick-account">
            <label className="pick-label">
              <TriCheckbox state={selectionState(selected, keys)} label={`All roles of ${accountLabel(r.account)} (${r.account.accountId})`} onChange={() => setSelected((s) => toggleAll(s, keys))} />
              <span className="pick-name">{accountLabel(r.account)}</span>
              <span className="muted small">
                {r.account.accountId}
                {r.account.emailAddress !== null ? ` · ${r.account.emailAddress}` : ''}
              </span>
            </label>
          </div>
        );
      }
      const key = pairKey(r.account.accountId, r.role);
      return (
        <div className="pick-row pick-role">
          <label className="pick-label">
            <input
              type="checkbox"
              checked={selected.has(key)}
              aria-label={`${r.role} in ${accountLabel(r.account)}`}
              onChange={() =>
                setSelected((s) => {
                  const next = new Set(s);
                  if (next.has(key)) next.delete(key);
                  else next.add(key);
                  return next;
                })
              }
            />
            <span>{r.role}</span>
          </label>
        </div>
      );
    },
    [rows, selected],
  );

  const roleCount = discovery?.accounts.reduce((n, a) => n + a.roles.length, 0) ?? 0;
  const allShown = selectionState(selected, shownPairs);
  const writes = preview === null ? 0 : preview.added.length + preview.updated.length;

  return (
    <Dialog title={preview === null ? `Choose accounts of ${session}` : `Profiles to write for ${session}`} onClose={onClose} wide testId="sso-picker">
      <FormError error={error} />
      {discovery === null ? (
        error === null ? (
          <Progress session={session} onCancel={onClose} />
        ) : (
          <div className="dialog-actions">
            <button type="button" className="button" onClick={onClose}>
              Close
            </button>
          </div>
        )
      ) : preview === null ? (
        <div className="picker">
          {discovery.warning !== null ? <p className="warning small">{discovery.warning}</p> : null}
          <div className="picker-tools">
            <input className="input search" type="search" placeholder="Search account name, id or role…" aria-label="Search accounts and roles" value={query} onChange={(e) => setQuery(e.target.value)} data-autofocus />
            <button type="button" className="button small" disabled={shownPairs.length === 0} title={shownPairs.length === 0 ? 'No account or role matches the search' : undefined} onClick={() => setSelected((s) => toggleAll(s, shownPairs))}>
              {allShown === 'all' ? 'Clear shown' : 'Select shown'}
            </button>
          </div>
          <p className="muted small picker-count" aria-live="polite" data-testid="sso-picker-count">
            {selected.size} of {plural(roleCount, 'role')} selected · {plural(discovery.accounts.length, 'account')}
            {discovery.withoutRoles > 0 ? ` (${discovery.withoutRoles} without a role for you)` : ''}
          </p>
          <div className="picker-list">
            <VirtualList
              itemCount={rows.length}
              rowHeight={ROW_HEIGHT}
              renderRow={renderRow}
              itemKey={(i) => rows[i]!.key}
              label="Accounts and roles"
              empty={<p className="empty">{discovery.accounts.length === 0 ? 'This sign-in reaches no account with a role.' : `No account or role matches “${query}”.`}</p>}
            />
          </div>
          <div className="picker-options">
            <div className="field">
              <label htmlFor="sso-template">Profile names</label>
              <input id="sso-template" className="input" value={template} onChange={(e) => setTemplate(e.target.value)} aria-describedby="sso-template-help" />
              <span className="help" id="sso-template-help">
                {'{account_name}, {account_id}, {role_name}, {session}'}
              </span>
            </div>
            <div className="field">
              <label htmlFor="sso-profile-region">Region (optional)</label>
              <input id="sso-profile-region" className="input" placeholder="e.g. eu-west-1" value={region} onChange={(e) => setRegion(e.target.value)} />
            </div>
          </div>
          <div className="dialog-actions">
            {selected.size === 0 ? (
              <span id="picker-why" className="help form-status">
                Choose at least one role to preview.
              </span>
            ) : null}
            <button type="button" className="button" onClick={onClose}>
              Cancel
            </button>
            <button type="button" className="button primary" disabled={selected.size === 0 || busy} aria-describedby={selected.size === 0 ? 'picker-why' : undefined} onClick={showPreview}>
              {busy ? 'Working out the changes…' : `Preview ${plural(selected.size, 'profile')}`}
            </button>
          </div>
        </div>
      ) : (
        <div className="picker-preview">
          <p data-testid="sso-preview-summary">
            {preview.added.length} to add, {preview.updated.length} to update, {preview.unchanged} already up to date.
          </p>
          {preview.skipped.length > 0 ? (
            <ul className="warning small sso-skipped">
              {preview.skipped.map((s) => (
                <li key={s.name}>
                  Skipped {s.name}: {s.reason}.
                </li>
              ))}
            </ul>
          ) : null}
          <div className="picker-diff">
            <DiffView files={preview.files} />
          </div>
          <div className="dialog-actions">
            {writes === 0 ? (
              <span id="picker-nothing" className="help form-status">
                Every chosen role already has an up-to-date profile.
              </span>
            ) : null}
            <button type="button" className="button" onClick={() => setPreview(null)}>
              Back
            </button>
            <button type="button" className="button primary" disabled={writes === 0 || busy} aria-describedby={writes === 0 ? 'picker-nothing' : undefined} onClick={apply}>
              {busy ? 'Writing…' : `Write ${plural(writes, 'profile')}`}
            </button>
          </div>
        </div>
      )}
    </Dialog>
  );
}
