// A searchable list to pick one place (a region, a service): a search box (WAI-ARIA combobox) over a grouped listbox
// that stays in the dialog's flow, so nothing pops over or runs out of a small window. Arrow keys move, Enter picks;
// Enter on the option already picked is left to the form (it opens the console).
import { useEffect, useId, useMemo, useRef, useState } from 'react';
import type { KeyboardEvent } from 'react';
import type { PlaceGroup, PlaceOption } from './console-choices.js';
import { filterGroups } from './console-choices.js';

export interface PlacePickerProps {
  readonly label: string;
  readonly placeholder: string;
  readonly groups: readonly PlaceGroup[];
  readonly value: string;
  readonly onChange: (value: string) => void;
  readonly testId?: string;
  readonly autoFocus?: boolean;
}

export function PlacePicker({ label, placeholder, groups, value, onChange, testId, autoFocus }: PlacePickerProps) {
  const uid = useId();
  const [query, setQuery] = useState('');
  const shown = useMemo(() => filterGroups(groups, query), [groups, query]);
  const flat = useMemo(() => shown.flatMap((g) => g.options), [shown]);
  const [active, setActive] = useState(() => Math.max(0, flat.findIndex((o) => o.value === value)));
  const current = Math.min(active, Math.max(0, flat.length - 1));
  const listRef = useRef<HTMLDivElement>(null);
  const inputRef = useRef<HTMLInputElement>(null);
  const optionId = (i: number) => `${uid}-opt-${i}`;
  const picked = groups.flatMap((g) => g.options).find((o) => o.value === value);

  // The dialog focuses its [data-autofocus] field when it opens, but the pickers arrive after their data has loaded.
  useEffect(() => {
    if (autoFocus === true) inputRef.current?.focus();
  }, [autoFocus]);

  // Keep the highlighted option in view as the arrows move it through a long list.
  useEffect(() => {
    listRef.current?.querySelector(`[data-index="${current}"]`)?.scrollIntoView({ block: 'nearest' });
  }, [current, flat]);

  const onKeyDown = (e: KeyboardEvent<HTMLInputElement>) => {
    const last = flat.length - 1;
    const move: Partial<Record<string, number>> = { ArrowDown: Math.min(current + 1, last), ArrowUp: Math.max(current - 1, 0), PageDown: Math.min(current + 8, last), PageUp: Math.max(current - 8, 0) };
    const to = move[e.key];
    if (to !== undefined && last >= 0) {
      e.preventDefault();
      setActive(to);
    } else if (e.key === 'Enter') {
      const option = flat[current];
      if (option !== undefined && option.value !== value) {
        e.preventDefault();
        onChange(option.value);
      }
    }
  };

  let index = -1;
  const render = (o: PlaceOption) => {
    index += 1;
    const i = index;
    return (
      <div
        key={o.value}
        id={optionId(i)}
        role="option"
        data-index={i}
        data-value={o.value}
        aria-selected={o.value === value}
        className={`place-option${i === current ? ' active' : ''}${o.value === value ? ' picked' : ''}`}
        // Keep focus in the search box: the click picks, typing goes on where it was.
        onMouseDown={(e) => e.preventDefault()}
        onMouseMove={() => setActive(i)}
        onClick={() => onChange(o.value)}
      >
        {/* The tick is drawn by CSS: the option's text stays its label, and aria-selected tells screen readers. */}
        <span className="place-check" aria-hidden="true" />
        <span className="place-label">{o.label}</span>
        {o.hint !== undefined ? <span className="place-hint">{o.hint}</span> : null}
      </div>
    );
  };

  return (
    <div className="place-picker" data-testid={testId}>
      <div className="place-head">
        <label htmlFor={`${uid}-search`}>{label}</label>
        <span className="place-picked" data-testid={testId === undefined ? undefined : `${testId}-picked`} title={picked?.label}>
          {picked?.label ?? value}
        </span>
      </div>
      <input
        id={`${uid}-search`}
        className="input"
        type="search"
        role="combobox"
        aria-expanded={flat.length > 0}
        aria-controls={`${uid}-list`}
        aria-autocomplete="list"
        aria-activedescendant={flat.length > 0 ? optionId(current) : undefined}
        placeholder={placeholder}
        autoComplete="off"
        spellCheck={false}
        ref={inputRef}
        value={query}
        onChange={(e) => {
          setQuery(e.target.value);
          setActive(0);
        }}
        onKeyDown={onKeyDown}
      />
      {/* Hidden, not removed, when nothing matches: the search box still names it in aria-controls. */}
      <div id={`${uid}-list`} ref={listRef} role="listbox" aria-label={label} className="place-list" tabIndex={-1} hidden={flat.length === 0}>
        {shown.map((g, gi) => (
          <div key={g.label} role="group" aria-labelledby={`${uid}-g${gi}`}>
            <div id={`${uid}-g${gi}`} role="presentation" className="place-group">
              {g.label}
            </div>
            {g.options.map(render)}
          </div>
        ))}
      </div>
      {flat.length === 0 ? (
        <p className="place-list place-empty muted" role="status">
          Nothing matches “{query}”.
        </p>
      ) : null}
    </div>
  );
}
