// The profile editor panel: a form for the profile's kind, its raw sections as they stand in the files, problems with
// one-click fixes, rename and delete (warning about profiles that reference this one). Every save previews its diff.
import { useCallback, useEffect, useRef, useState } from 'react';
import { useAppState } from '../../app/app-state.js';
import { KeyAgeBadge } from '../../components/badges.js';
import { KindIcon, kindLabel } from '../../components/kind-icon.js';
import { Dialog } from '../../components/dialog.js';
import { useStatus } from '../../components/status.js';
import { useClient } from '../../platform/client-context.js';
import { describeError } from '../../platform/desktop-client.js';
import type { EditRequest, ProfileDetail } from '../../platform/types.js';
import { AppearanceSection } from '../identity/appearance-section.js';
import { ProblemList } from '../problems/problem-list.js';
import { formKindOf } from './fields.js';
import { PreviewDialog } from './preview-dialog.js';
import { ProfileForm } from './profile-form.js';

type Pending = { title: string; edit: EditRequest; applyLabel: string; danger?: boolean; after: (name: string | null) => void; note?: string };

export function Editor({ name, onClose }: { readonly name: string; readonly onClose: () => void }) {
  const client = useClient();
  const app = useAppState();
  const status = useStatus();
  const [detail, setDetail] = useState<ProfileDetail | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [tab, setTab] = useState<'form' | 'raw'>('form');
  const [pending, setPending] = useState<Pending | null>(null);
  const [renaming, setRenaming] = useState(false);
  const [formKey, setFormKey] = useState(0);
  const setUnsaved = app.setUnsaved;
  // The form and the appearance section each report their own unsaved edit; either one makes the editor unsaved.
  const dirtyParts = useRef({ form: false, look: false });
  const reportDirty = useCallback(
    (part: 'form' | 'look', dirty: boolean) => {
      dirtyParts.current[part] = dirty;
      setUnsaved(dirtyParts.current.form || dirtyParts.current.look ? name : null);
    },
    [setUnsaved, name],
  );
  const onDirtyChange = useCallback((dirty: boolean) => reportDirty('form', dirty), [reportDirty]);
  const onLookDirtyChange = useCallback((dirty: boolean) => reportDirty('look', dirty), [reportDirty]);
  const clearUnsaved = useCallback(() => {
    dirtyParts.current = { form: false, look: false };
    setUnsaved(null);
  }, [setUnsaved]);
  useEffect(() => clearUnsaved, [clearUnsaved]);

  // Escape closes the editor (asking first when an edit is unsaved), unless something above it takes Escape:
  // an open dialog or menu, or a search box with text to clear.
  const closeRef = useRef(onClose);
  closeRef.current = onClose;
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (e.key !== 'Escape' || e.defaultPrevented) return;
      if (document.querySelector('dialog[open], [role="menu"]') !== null) return;
      const t = e.target;
      if (t instanceof HTMLInputElement && t.type === 'search' && t.value !== '') return;
      e.preventDefault();
      closeRef.current();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);

  useEffect(() => {
    let live = true;
    client.call('profiles.get', { name }).then(
      (d) => {
        if (!live) return;
        setDetail(d);
        setError(null);
      },
      (e: unknown) => live && setError(describeError(e)),
    );
    return () => {
      live = false;
    };
  }, [client, name, app.revision, formKey]);

  const applied = async (msg: string, next: string | null) => {
    setPending(null);
    clearUnsaved();
    // The form comes back from what is now on disk (a fixed role_arn is split into account and role again).
    setDetail(null);
    status.info(msg);
    await app.reload();
    if (next !== name) app.select(next);
    else setFormKey((k) => k + 1);
  };

  const names = (app.list?.profiles ?? []).map((p) => p.name);
  const refs = detail?.referencedBy ?? [];

  return (
    <aside className="editor" aria-label={`Editor for ${name}`} data-testid="editor">
      <header className="editor-head">
        {detail !== null ? <KindIcon kind={detail.kind} /> : null}
        <div className="editor-title">
          <h2>{name}</h2>
          {detail !== null ? (
            <span className="muted small">
              {kindLabel(detail.kind)}
              {detail.accountId !== null ? ` · ${detail.accountId}` : ''} · in {detail.sources.join(' and ')}
            </span>
          ) : null}
        </div>
        <div className="editor-tools">
          <button type="button" className="button small" onClick={() => setRenaming(true)} disabled={detail === null}>
            Rename…
          </button>
          <button
            type="button"
            className="button small danger-text"
            disabled={detail === null}
            onClick={() =>
              setPending({
                title: `Delete ${name}`,
                edit: { type: 'remove', profile: name, force: refs.length > 0 },
                applyLabel: 'Delete profile',
                danger: true,
                ...(refs.length > 0 ? { note: `${refs.join(', ')} ${refs.length === 1 ? 'uses' : 'use'} this profile as a source and will stop working.` } : {}),
                after: () => void applied(`Deleted ${name}.`, null),
              })
            }
          >
            Delete…
          </button>
          <button type="button" className="icon-button" aria-label="Close editor" onClick={onClose}>
            ×
          </button>
        </div>
      </header>
      {error !== null ? (
        <p className="field-error editor-body" role="alert">
          {error}
        </p>
      ) : detail === null ? (
        <p className="muted editor-body">Loading…</p>
      ) : (
        <div className="editor-body">
          <div className="badges-line">
            {detail.isDefault ? <span className="badge default">current default</span> : null}
            {detail.production ? <span className="badge prod">production</span> : null}
            {detail.capabilities.rotate.ok ? <KeyAgeBadge days={detail.keyAgeDays} /> : null}
            {refs.length > 0 ? <span className="muted small">Used by {refs.join(', ')}</span> : null}
          </div>
          {detail.problems.length > 0 ? <ProblemList problems={detail.problems} onFixed={() => setFormKey((k) => k + 1)} /> : null}
          <div className="tabs" role="tablist" aria-label="Editor views">
            <button type="button" role="tab" id="tab-form" aria-selected={tab === 'form'} aria-controls="panel-form" className="tab" onClick={() => setTab('form')}>
              Settings
            </button>
            <button type="button" role="tab" id="tab-raw" aria-selected={tab === 'raw'} aria-controls="panel-raw" className="tab" onClick={() => setTab('raw')}>
              In the files
            </button>
          </div>
          {tab === 'form' ? (
            <div role="tabpanel" id="panel-form" aria-labelledby="tab-form">
              <ProfileForm
                key={formKey}
                kind={formKindOf(detail.kind)}
                settings={detail.settings}
                profileName={name}
                sourceProfiles={names}
                submitLabel="Review changes…"
                onDirtyChange={onDirtyChange}
                onSubmit={(values) =>
                  setPending({ title: `Save ${name}`, edit: { type: 'set', profile: name, values }, applyLabel: 'Save changes', after: () => void applied(`Saved ${name}.`, name) })
                }
              />
            </div>
          ) : (
            <div role="tabpanel" id="panel-raw" aria-labelledby="tab-raw" className="raw">
              {detail.sections.map((s) => (
                <section key={`${s.file}:${s.line}`} aria-label={`${s.file} file, line ${s.line}`}>
                  <h3 className="small">
                    <span className="chip">{s.file}</span> <code>{s.path ?? s.file}</code> line {s.line}
                  </h3>
                  {/* Focusable: a long line scrolls sideways, and the keyboard must be able to scroll it too. */}
                  <pre className="raw-lines" data-testid={`raw-${s.file}`} tabIndex={0} aria-label={`The ${s.file} file's lines for this profile`}>
                    {s.lines.map((l, i) => (
                      <div key={i}>
                        <span className="dl-no" aria-hidden="true">
                          {s.line + i}
                        </span>
                        {l === '' ? ' ' : l}
                      </div>
                    ))}
                  </pre>
                </section>
              ))}
            </div>
          )}
          <AppearanceSection key={name} profile={name} colour={detail.colour} note={detail.note} onDirtyChange={onLookDirtyChange} />
        </div>
      )}
      {renaming ? (
        <RenameDialog
          name={name}
          refs={refs}
          onClose={() => setRenaming(false)}
          onNext={(to) => {
            setRenaming(false);
            setPending({ title: `Rename ${name} to ${to}`, edit: { type: 'rename', from: name, to }, applyLabel: 'Rename', after: () => void applied(`Renamed ${name} to ${to}.`, to) });
          }}
        />
      ) : null}
      {pending !== null ? (
        <PreviewDialog
          title={pending.title}
          edit={pending.edit}
          applyLabel={pending.applyLabel}
          danger={pending.danger}
          note={pending.note !== undefined ? <p className="warning" role="note">{pending.note}</p> : undefined}
          onClose={() => setPending(null)}
          onApplied={() => pending.after(null)}
        />
      ) : null}
    </aside>
  );
}

function RenameDialog({ name, refs, onClose, onNext }: { readonly name: string; readonly refs: readonly string[]; readonly onClose: () => void; readonly onNext: (to: string) => void }) {
  const [to, setTo] = useState(name);
  const why = to.trim() === '' ? 'Enter the new name.' : to.trim() === name ? 'Type a name different from the current one.' : !/^[\w\-@+.%:/]+$/.test(to.trim()) ? 'Use letters, digits and _-@+.%:/ only.' : null;
  const valid = why === null;
  return (
    <Dialog title={`Rename ${name}`} onClose={onClose}>
      <form
        onSubmit={(e) => {
          e.preventDefault();
          if (valid) onNext(to.trim());
        }}
      >
        <div className="field">
          <label htmlFor="rename-to">New name</label>
          <input id="rename-to" className="input" data-autofocus value={to} onChange={(e) => setTo(e.target.value)} spellCheck={false} />
          <span className="help">Letters, digits and _-@+.%:/ only.</span>
        </div>
        {refs.length > 0 ? (
          <p className="warning" role="note">
            {refs.join(', ')} {refs.length === 1 ? 'refers' : 'refer'} to {name}; the preview shows how their references change.
          </p>
        ) : null}
        <div className="dialog-actions">
          <button type="button" className="button" onClick={onClose}>
            Cancel
          </button>
          {why !== null ? (
            <span id="rename-why" className="help form-status">
              {why}
            </span>
          ) : null}
          <button type="submit" className="button primary" disabled={!valid} aria-describedby={why !== null ? 'rename-why' : undefined}>
            Preview rename…
          </button>
        </div>
      </form>
    </Dialog>
  );
}
