// The editor's "Appearance in Hatrack" section: the profile's colour and note. They live in Hatrack's settings, so
// they save straight through settings.update (no AWS-file diff to review) and the section says when they are saved.
import { useEffect, useState } from 'react';
import type { FormEvent } from 'react';
import { PROFILE_COLOURS, PROFILE_NOTE_MAX } from '../../../../shared/domain/profile-look.js';
import type { ProfileColour } from '../../../../shared/domain/profile-look.js';
import { useAppState } from '../../app/app-state.js';
import { useClient } from '../../platform/client-context.js';
import { describeError } from '../../platform/desktop-client.js';
import { colourName } from './profile-colour.js';

interface Look {
  readonly colour: ProfileColour | null;
  readonly note: string;
}

type SaveState = { readonly phase: 'idle' | 'saving' | 'saved' } | { readonly phase: 'failed'; readonly message: string };

interface AppearanceSectionProps {
  readonly profile: string;
  readonly colour: ProfileColour | null;
  readonly note: string | null;
  /** Told whenever the section gets or loses an unsaved edit, so leaving the editor asks first. */
  readonly onDirtyChange: (dirty: boolean) => void;
}

export function AppearanceSection({ profile, colour, note, onDirtyChange }: AppearanceSectionProps) {
  const client = useClient();
  const app = useAppState();
  const [saved, setSaved] = useState<Look>({ colour, note: note ?? '' });
  const [draft, setDraft] = useState<Look>(saved);
  const [state, setState] = useState<SaveState>({ phase: 'idle' });
  const dirty = draft.colour !== saved.colour || draft.note.trim() !== saved.note;
  useEffect(() => onDirtyChange(dirty), [onDirtyChange, dirty]);
  useEffect(() => () => onDirtyChange(false), [onDirtyChange]);

  const save = async (e: FormEvent) => {
    e.preventDefault();
    if (!dirty || state.phase === 'saving') return;
    const next: Look = { colour: draft.colour, note: draft.note.trim() };
    setState({ phase: 'saving' });
    try {
      // null clears a field, so an emptied note leaves nothing behind in settings.json.
      await client.call('settings.update', { profiles: { [profile]: { colour: next.colour, notes: next.note === '' ? null : next.note } } });
      setSaved(next);
      setDraft(next);
      setState({ phase: 'saved' });
      await app.reload();
    } catch (err) {
      setState({ phase: 'failed', message: describeError(err) });
    }
  };
  const edit = (patch: Partial<Look>) => {
    setDraft((d) => ({ ...d, ...patch }));
    if (state.phase !== 'saving') setState({ phase: 'idle' });
  };

  const statusText = state.phase === 'saving' ? 'Saving…' : state.phase === 'saved' && !dirty ? 'Saved' : dirty ? 'Not saved yet' : '';
  return (
    <form className="look" aria-labelledby="look-title" onSubmit={(e) => void save(e)} data-testid="appearance">
      <h3 id="look-title" className="look-title">
        Appearance in Hatrack
      </h3>
      <p className="help look-help">Only Hatrack shows these; your AWS files are not changed.</p>
      <fieldset className="look-colours">
        <legend>Colour</legend>
        <label className="swatch" title="No colour">
          <input type="radio" name="look-colour" value="" checked={draft.colour === null} onChange={() => edit({ colour: null })} />
          <span className="swatch-dot swatch-none" aria-hidden="true" />
          <span className="sr-only">No colour</span>
        </label>
        {PROFILE_COLOURS.map((c) => (
          <label key={c} className="swatch" title={colourName(c)}>
            <input type="radio" name="look-colour" value={c} checked={draft.colour === c} onChange={() => edit({ colour: c })} />
            <span className={`swatch-dot tag-${c}`} aria-hidden="true" />
            <span className="sr-only">{colourName(c)}</span>
          </label>
        ))}
      </fieldset>
      <div className="field look-note">
        <label htmlFor="look-note">Note</label>
        <input
          id="look-note"
          className="input"
          value={draft.note}
          maxLength={PROFILE_NOTE_MAX}
          placeholder="e.g. deploys only — ask the platform team"
          aria-describedby="look-note-help"
          onChange={(e) => edit({ note: e.target.value })}
        />
        <span id="look-note-help" className="help">
          Shown on the row, in the switcher and in the tray. {draft.note.length}/{PROFILE_NOTE_MAX}
        </span>
      </div>
      <div className="look-actions">
        <button type="submit" className="button small" disabled={!dirty || state.phase === 'saving'}>
          Save appearance
        </button>
        <span className={`help look-state${state.phase === 'saved' && !dirty ? ' saved' : ''}`} role="status" data-testid="appearance-state">
          {statusText}
        </span>
      </div>
      {state.phase === 'failed' ? (
        <p className="field-error" role="alert">
          {state.message}
        </p>
      ) : null}
    </form>
  );
}
