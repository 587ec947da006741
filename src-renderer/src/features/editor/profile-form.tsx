// The form for one profile kind: builds the role ARN from account + role name, keeps secrets write-only (explicit Reveal).
import { useEffect, useId, useMemo, useState } from 'react';
import { CopyButton } from '../../components/copy-button.js';
import { useStatus } from '../../components/status.js';
import { useClient } from '../../platform/client-context.js';
import type { FieldSpec, FormKind } from './fields.js';
import { buildRoleArn, fieldsFor, hasRawRoleArn, OUTPUTS, parseRoleArn, REGIONS, validate } from './fields.js';

type Settings = Readonly<Record<string, string | Readonly<Record<string, string>>>>;

export interface ProfileFormProps {
  readonly kind: FormKind;
  readonly settings: Settings;
  /** The profile being edited (enables Reveal); null for a new profile. */
  readonly profileName: string | null;
  readonly sourceProfiles: readonly string[];
  readonly submitLabel: string;
  readonly onSubmit: (values: Record<string, string | null>) => void;
  readonly onCancel?: () => void;
  /** Told whenever the form gains or loses unsaved changes (the editor guards leaving with it). */
  readonly onDirtyChange?: (dirty: boolean) => void;
  /** Why submitting is blocked by something outside the form (the wizard's profile name), or null. */
  readonly blockedReason?: string | null;
}

const SECRET_KEYS = new Set(['aws_secret_access_key', 'aws_session_token']);

function initialDraft(kind: FormKind, settings: Settings, fields: readonly FieldSpec[]): Record<string, string> {
  const d: Record<string, string> = {};
  for (const f of fields) {
    if (f.input === 'secret') continue;
    const v = settings[f.key];
    d[f.key] = typeof v === 'string' ? v : '';
  }
  if (kind === 'role' && !hasRawRoleArn(kind, settings)) {
    const arn = parseRoleArn(typeof settings['role_arn'] === 'string' ? settings['role_arn'] : undefined);
    d['_account'] = arn?.account ?? '';
    d['_role'] = arn?.role ?? '';
  }
  return d;
}

/** Why the submit button is disabled, in words next to it: required fields first, then invalid ones, then "no changes". */
function blockedBecause(fields: readonly FieldSpec[], draft: Readonly<Record<string, string>>, errors: Readonly<Record<string, string>>, dirty: boolean, isNew: boolean): string | null {
  const wrong = fields.filter((f) => errors[f.key] !== undefined);
  const empty = wrong.filter((f) => f.required === true && (draft[f.key] ?? '').trim() === '');
  const invalid = wrong.filter((f) => !empty.includes(f));
  const parts: string[] = [];
  if (empty.length > 0) parts.push(`Fill in ${empty.map((f) => f.label).join(', ')}.`);
  if (invalid.length > 0) parts.push(`Correct ${invalid.map((f) => f.label).join(', ')}.`);
  if (parts.length > 0) return parts.join(' ');
  if (!dirty) return isNew ? 'Fill in the fields above.' : 'No changes to review yet.';
  return null;
}

export function ProfileForm({ kind, settings, profileName, sourceProfiles, submitLabel, onSubmit, onCancel, onDirtyChange, blockedReason }: ProfileFormProps) {
  const client = useClient();
  const status = useStatus();
  const uid = useId();
  const fields = useMemo(() => fieldsFor(kind, settings), [kind, settings]);
  const rawArn = hasRawRoleArn(kind, settings);
  const initial = useMemo(() => initialDraft(kind, settings, fields), [kind, settings, fields]);
  const [draft, setDraft] = useState<Record<string, string>>(initial);
  const [secrets, setSecrets] = useState<Record<string, string>>({});
  const [revealed, setRevealed] = useState<Record<string, string>>({});
  const [touched, setTouched] = useState(false);
  const isNew = profileName === null;
  const hasSecret = !isNew && typeof settings['aws_secret_access_key'] === 'string';
  const errors = validate(kind, { ...draft, ...secrets }, { hasSecret });
  const partition = parseRoleArn(typeof settings['role_arn'] === 'string' ? settings['role_arn'] : undefined)?.partition ?? 'aws';

  const values = useMemo(() => {
    const out: Record<string, string | null> = {};
    for (const f of fields) {
      if (f.key.startsWith('_')) continue;
      if (f.input === 'secret') {
        const s = (secrets[f.key] ?? '').trim();
        if (s !== '') out[f.key] = s;
        continue;
      }
      const now = (draft[f.key] ?? '').trim();
      const was = (initial[f.key] ?? '').trim();
      if (isNew ? now !== '' : now !== was) out[f.key] = now === '' ? null : now;
    }
    if (kind === 'role' && !rawArn) {
      const acct = (draft['_account'] ?? '').trim();
      const role = (draft['_role'] ?? '').trim();
      const arn = buildRoleArn(partition, acct, role);
      if (isNew || acct !== initial['_account'] || role !== initial['_role']) out['role_arn'] = arn;
    }
    return out;
  }, [kind, fields, rawArn, draft, secrets, initial, isNew, partition]);
  const dirty = Object.keys(values).length > 0;
  useEffect(() => onDirtyChange?.(dirty), [dirty, onDirtyChange]);
  const blocked = blockedReason ?? blockedBecause(fields, { ...draft, ...secrets }, errors, dirty, isNew);
  const statusId = `${uid}-why`;

  const reveal = (key: string) => {
    if (profileName === null) return;
    if (revealed[key] !== undefined) {
      setRevealed(({ [key]: _, ...rest }) => rest);
      return;
    }
    client.call('profiles.reveal', { name: profileName, key: key as 'aws_secret_access_key' | 'aws_session_token' }).then(
      (r) => setRevealed((s) => ({ ...s, [key]: r.value })),
      (e: unknown) => status.error(e),
    );
  };

  const field = (f: FieldSpec) => {
    const id = `${uid}-${f.key}`;
    const err = touched || (draft[f.key] ?? '') !== (initial[f.key] ?? '') ? errors[f.key] : undefined;
    const describedBy = [err !== undefined ? `${id}-err` : null, f.help !== undefined ? `${id}-help` : null].filter((x) => x !== null).join(' ') || undefined;
    const set = (v: string) => setDraft((d) => ({ ...d, [f.key]: v }));
    let control;
    if (f.input === 'secret') {
      const current = settings[f.key];
      const stored = typeof current === 'string';
      control = (
        <div className="secret">
          {stored ? (
            <div className="secret-row">
              <code className="secret-value" data-testid={`secret-${f.key}`} aria-label={`${f.label} (stored)`}>
                {revealed[f.key] ?? current}
              </code>
              <button type="button" className="button small" onClick={() => reveal(f.key)} aria-label={`${revealed[f.key] !== undefined ? 'Hide' : 'Reveal'} ${f.label}`}>
                {revealed[f.key] !== undefined ? 'Hide' : 'Reveal'}
              </button>
            </div>
          ) : null}
          <input
            id={id}
            className="input"
            type="password"
            autoComplete="off"
            placeholder={stored ? 'Type a new value to replace it' : ''}
            value={secrets[f.key] ?? ''}
            aria-invalid={err !== undefined}
            aria-describedby={describedBy}
            onChange={(e) => setSecrets((s) => ({ ...s, [f.key]: e.target.value }))}
          />
        </div>
      );
    } else if (f.input === 'output') {
      control = (
        <select id={id} className="input" value={draft[f.key] ?? ''} onChange={(e) => set(e.target.value)} aria-describedby={describedBy}>
          <option value="">(not set)</option>
          {OUTPUTS.map((o) => (
            <option key={o} value={o}>
              {o}
            </option>
          ))}
        </select>
      );
    } else if (f.input === 'profile') {
      const opts = sourceProfiles.filter((p) => p !== profileName);
      control = (
        <select id={id} className="input" value={draft[f.key] ?? ''} onChange={(e) => set(e.target.value)} aria-describedby={describedBy}>
          <option value="">(none)</option>
          {draft[f.key] !== undefined && draft[f.key] !== '' && !opts.includes(draft[f.key]!) ? <option value={draft[f.key]}>{draft[f.key]} (missing)</option> : null}
          {opts.map((o) => (
            <option key={o} value={o}>
              {o}
            </option>
          ))}
        </select>
      );
    } else {
      control = (
        <input
          id={id}
          className="input"
          type="text"
          inputMode={f.input === 'number' || f.key === '_account' ? 'numeric' : undefined}
          list={f.input === 'region' ? `${uid}-regions` : undefined}
          placeholder={f.placeholder}
          spellCheck={false}
          autoComplete="off"
          value={draft[f.key] ?? ''}
          aria-invalid={err !== undefined}
          aria-describedby={describedBy}
          onChange={(e) => set(e.target.value)}
        />
      );
    }
    return (
      <div className="field" key={f.key}>
        <label htmlFor={id}>
          {f.label}
          {f.required === true ? <span aria-hidden="true"> *</span> : null}
        </label>
        {control}
        {f.help !== undefined ? (
          <span id={`${id}-help`} className="help">
            {f.help}
          </span>
        ) : null}
        {err !== undefined ? (
          <span id={`${id}-err`} className="field-error">
            {err}
          </span>
        ) : null}
      </div>
    );
  };

  const arnPreview = kind === 'role' && errors['_account'] === undefined && errors['_role'] === undefined ? buildRoleArn(partition, (draft['_account'] ?? '').trim(), (draft['_role'] ?? '').trim()) : null;

  return (
    <form
      className="profile-form"
      noValidate
      onSubmit={(e) => {
        e.preventDefault();
        setTouched(true);
        if (blocked === null) onSubmit(values);
      }}
    >
      <datalist id={`${uid}-regions`}>
        {REGIONS.map((r) => (
          <option key={r} value={r} />
        ))}
      </datalist>
      {fields.map(field)}
      {arnPreview !== null ? (
        <div className="help arn-line">
          <span>Role ARN:</span>
          <code data-testid="role-arn" title={arnPreview}>
            {arnPreview}
          </code>
          <CopyButton text={arnPreview} label="Copy" a11yLabel="Copy role ARN" />
        </div>
      ) : null}
      <div className="form-actions">
        {onCancel !== undefined ? (
          <button type="button" className="button" onClick={onCancel}>
            Cancel
          </button>
        ) : null}
        <button type="submit" className="button primary" disabled={blocked !== null} aria-describedby={blocked !== null ? statusId : undefined}>
          {submitLabel}
        </button>
        {/* A disabled button always says why, next to it (and to screen readers through aria-describedby). */}
        {blocked !== null ? (
          <span id={statusId} className={`form-status ${Object.keys(errors).length > 0 || blockedReason != null ? 'field-error' : 'help'}`} data-testid="form-blocked" aria-live="polite">
            {blocked}
          </span>
        ) : null}
      </div>
    </form>
  );
}

export { SECRET_KEYS };
