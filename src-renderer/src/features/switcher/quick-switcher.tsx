// Ctrl/Cmd+K quick switcher: type to find a profile; Enter makes it the default, Alt+Enter opens it in the editor,
// Shift+Enter chooses where to open its console.
import { useMemo, useState } from 'react';
import { useAppState } from '../../app/app-state.js';
import { KindIcon } from '../../components/kind-icon.js';
import { Dialog } from '../../components/dialog.js';
import { CallStatus } from '../progress/call-status.js';
import { PROGRESS_LABEL, useRunningCalls } from '../progress/running-calls.js';
import { ColourDot } from '../identity/profile-colour.js';
import { useProfileActions, whyNot } from '../profiles/actions.js';
import { filterProfiles, indexProfiles, regionText } from '../profiles/search.js';

const MAX = 12;

export function QuickSwitcher({ onClose }: { readonly onClose: () => void }) {
  const app = useAppState();
  const actions = useProfileActions();
  const [query, setQuery] = useState('');
  const [active, setActive] = useState(0);
  // The profile Enter was pressed on: its progress shows on its item, its Cancel / error below the list.
  const [chosen, setChosen] = useState<string | null>(null);
  const { calls } = useRunningCalls();
  const chosenCall = chosen === null ? undefined : calls.get(chosen);
  const indexed = useMemo(() => indexProfiles(app.list?.profiles ?? []), [app.list]);
  const matches = useMemo(() => filterProfiles(indexed, query, false).slice(0, MAX), [indexed, query]);
  const current = Math.min(active, Math.max(0, matches.length - 1));
  const pick = (i: number, open: boolean, consoleIn = false) => {
    const m = matches[i];
    if (m === undefined) return;
    if (consoleIn) {
      // One modal at a time: the switcher gives way to the console dialog.
      if (whyNot(m.p, 'console') !== undefined) return;
      onClose();
      actions.chooseConsole(m.p.name);
      return;
    }
    if (open) {
      onClose();
      app.setScreen('profiles');
      app.select(m.p.name);
      return;
    }
    // Stay open while it runs: success closes the switcher, a failure stays here next to the item that failed.
    setChosen(m.p.name);
    void actions.use(m.p.name).then((ok) => {
      if (ok) onClose();
    });
  };
  return (
    <Dialog title="Switch profile" onClose={onClose} testId="quick-switcher">
      <input
        className="input search"
        data-autofocus
        role="combobox"
        aria-expanded="true"
        aria-controls="qs-list"
        aria-activedescendant={matches.length > 0 ? `qs-${current}` : undefined}
        aria-label="Profile to switch to"
        placeholder="Type a profile, account or role…"
        value={query}
        onChange={(e) => {
          setQuery(e.target.value);
          setActive(0);
        }}
        onKeyDown={(e) => {
          if (e.key === 'ArrowDown') {
            e.preventDefault();
            setActive(Math.min(current + 1, matches.length - 1));
          } else if (e.key === 'ArrowUp') {
            e.preventDefault();
            setActive(Math.max(current - 1, 0));
          } else if (e.key === 'Enter') {
            e.preventDefault();
            pick(current, e.altKey, e.shiftKey);
          }
        }}
      />
      <ul id="qs-list" role="listbox" aria-label="Matching profiles" className="qs-list">
        {matches.map((m, i) => (
          <li
            key={m.p.name}
            id={`qs-${i}`}
            role="option"
            aria-selected={i === current}
            title={whyNot(m.p, 'use')}
            className={i === current ? 'qs-item active' : 'qs-item'}
            onMouseMove={() => setActive(i)}
            onClick={(e) => pick(i, e.altKey)}
          >
            <KindIcon kind={m.p.kind} />
            <ColourDot colour={m.p.colour} />
            <span className="qs-name">{m.p.name}</span>
            <span className="muted small qs-facts">{[m.p.accountId, regionText(m.p)].filter((x) => x !== null && x !== '').join(' · ')}</span>
            {m.p.note !== null ? (
              <span className="qs-note" data-testid="qs-note">
                {m.p.note}
              </span>
            ) : null}
            {m.p.isDefault ? <span className="badge default">default</span> : null}
            {m.p.production ? <span className="badge prod">prod</span> : null}
            {calls.get(m.p.name)?.state === 'running' ? (
              <span className="qs-progress" aria-hidden="true">
                <span className="spinner" />
                {PROGRESS_LABEL.use}
              </span>
            ) : null}
          </li>
        ))}
        {matches.length === 0 ? <li className="muted qs-empty">No profile matches.</li> : null}
      </ul>
      {chosen !== null && chosenCall !== undefined ? (
        <div className="qs-call" data-testid="switcher-call">
          <span className="qs-call-name">{chosen}</span>
          <CallStatus profile={chosen} call={chosenCall} />
        </div>
      ) : null}
      <p className="muted small">
        <kbd>Enter</kbd> use as default · <kbd>Alt</kbd>+<kbd>Enter</kbd> open in editor · <kbd>Shift</kbd>+<kbd>Enter</kbd> open console in… · <kbd>Esc</kbd> close
      </p>
    </Dialog>
  );
}
