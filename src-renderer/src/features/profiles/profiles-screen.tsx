// The profile rack: search, favourites, grouping by account, the virtualized list and the editor beside it.
import { useCallback, useEffect, useLayoutEffect, useMemo, useRef, useState } from 'react';
import type { KeyboardEvent } from 'react';
import { plural } from '../../../../shared/domain/plural.js';
import { useAppState } from '../../app/app-state.js';
import { Menu } from '../../components/menu.js';
import type { MenuAnchor, MenuItem } from '../../components/menu.js';
import { VirtualList } from '../../components/virtual-list.js';
import type { VirtualListHandle } from '../../components/virtual-list.js';
import { Editor } from '../editor/editor.js';
import { FilesProblems } from '../problems/files-problems.js';
import { problemsByProfile } from '../problems/problem-groups.js';
import type { ProfileSummary } from '../../platform/types.js';
import type { RowAction } from './actions.js';
import { runRowAction, secondaryActions, useProfileActions } from './actions.js';
import { FirstRun } from './first-run.js';
import { ProfileRow } from './profile-row.js';
import { defaultPairView, foldKeptUnderDefault, pairRoleOf } from '../default-original/default-pair.js';
import { createFilter, indexProfiles, toRows } from './search.js';

const ROW_HEIGHT = 52;

export function ProfilesScreen() {
  const app = useAppState();
  const actions = useProfileActions();
  const [query, setQuery] = useState('');
  const [favouritesOnly, setFavouritesOnly] = useState(false);
  const [grouped, setGrouped] = useState(false);
  const listRef = useRef<VirtualListHandle>(null);
  const pendingFocus = useRef<number | null>(null);
  const [activeIndex, setActiveIndex] = useState(0);
  const [menu, setMenu] = useState<{ p: ProfileSummary; anchor: MenuAnchor } | null>(null);

  const profiles = app.list?.profiles;
  const identity = app.list?.defaultIdentity;
  const currentName = identity?.managed === true && identity.profile !== null ? identity.profile : 'default';
  const indexed = useMemo(() => indexProfiles(profiles ?? []), [profiles]);
  const [filter] = useState(createFilter);
  const filtered = useMemo(() => filter(indexed, query, favouritesOnly), [filter, indexed, query, favouritesOnly]);
  // The user's kept keys sit right under the managed default they were moved aside for (one identity, two rows).
  const rows = useMemo(() => toRows(foldKeptUnderDefault(filtered, identity), grouped), [filtered, grouped, identity]);
  // The list's one tab stop: the last row focused, or the first profile when that row is gone (filtered, deleted).
  const tabStop = rows[activeIndex]?.type === 'profile' ? activeIndex : rows.findIndex((r) => r.type === 'profile');

  useLayoutEffect(() => {
    if (app.list !== null) performance.mark('hatrack:list-painted');
  }, [app.list]);

  const focusRow = useCallback(() => {
    const i = pendingFocus.current;
    if (i === null) return;
    const el = document.querySelector<HTMLElement>(`[data-row-index="${i}"]`);
    if (el !== null) {
      el.focus();
      pendingFocus.current = null;
    }
  }, []);
  useEffect(focusRow);

  const onKeyNav = useCallback(
    (index: number, e: KeyboardEvent) => {
      let next: number | null = null;
      const step = (from: number, dir: number) => {
        let i = from + dir;
        while (i >= 0 && i < rows.length && rows[i]?.type !== 'profile') i += dir;
        return i >= 0 && i < rows.length ? i : null;
      };
      if (e.key === 'ArrowDown') next = step(index, 1);
      else if (e.key === 'ArrowUp') next = step(index, -1);
      else if (e.key === 'Home') next = step(-1, 1);
      else if (e.key === 'End') next = step(rows.length, -1);
      else if (e.key === 'PageDown') next = step(Math.min(rows.length - 1, index + 9), 1) ?? step(rows.length, -1);
      else if (e.key === 'PageUp') next = step(Math.max(0, index - 9), -1) ?? step(-1, 1);
      else return;
      e.preventDefault();
      if (next === null) return;
      pendingFocus.current = next;
      listRef.current?.scrollToIndex(next);
      requestAnimationFrame(focusRow);
    },
    [rows, focusRow],
  );

  const onPrimary = useCallback(
    (p: ProfileSummary, action: RowAction) => {
      if (action.id === 'edit') app.select(p.name);
      else void runRowAction(actions, action.id, p.name);
    },
    [actions, app.select],
  );
  const onMenu = useCallback((p: ProfileSummary, anchor: MenuAnchor) => setMenu({ p, anchor }), []);
  const onToggleFavourite = useCallback((p: ProfileSummary) => void actions.toggleFavourite(p), [actions]);

  const menuItems = (p: ProfileSummary): MenuItem[] => [
    ...secondaryActions(p, pairRoleOf(p.name, identity)).map(({ action, disabledReason }) => ({ id: action.id, label: action.menuLabel, disabledReason, onSelect: () => onPrimary(p, action) })),
    { id: 'favourite', label: p.favourite ? 'Remove from favourites' : 'Add to favourites', onSelect: () => onToggleFavourite(p) },
  ];

  const rowProblems = useMemo(() => problemsByProfile(app.list?.problems ?? []), [app.list]);

  const renderRow = useCallback(
    (i: number) => {
      const r = rows[i]!;
      if (r.type === 'group')
        return (
          <div className="group-row" role="heading" aria-level={3}>
            {r.label} <span className="muted">({r.count})</span>
          </div>
        );
      return (
        <ProfileRow
          p={r.item.p}
          index={i}
          selected={r.item.p.name === app.selected}
          active={i === tabStop}
          menuOpen={menu?.p.name === r.item.p.name}
          current={r.item.p.name === currentName}
          problems={rowProblems.get(r.item.p.name) ?? null}
          pair={defaultPairView(r.item.p, identity)}
          onOpen={app.select}
          onPrimary={onPrimary}
          onMenu={onMenu}
          onToggleFavourite={onToggleFavourite}
          onKeyNav={onKeyNav}
          onFocusRow={setActiveIndex}
        />
      );
    },
    [rows, app.selected, app.select, onPrimary, onMenu, onToggleFavourite, onKeyNav, currentName, identity, tabStop, menu, rowProblems],
  );

  const total = profiles?.length ?? 0;
  const shown = filtered.length;
  return (
    <div className={`profiles-screen${app.selected !== null ? ' with-editor' : ''}`}>
      <section className="list-pane" aria-labelledby="profiles-title">
        <h1 id="profiles-title" className="sr-only">
          Profiles
        </h1>
        <div className="toolbar">
          <input
            id="profile-search"
            className="input search"
            type="search"
            placeholder="Search name, account, role, region…"
            aria-label="Search profiles"
            value={query}
            onChange={(e) => {
              performance.mark('hatrack:filter-input');
              setQuery(e.target.value);
            }}
            onKeyDown={(e) => {
              if (e.key === 'ArrowDown') {
                e.preventDefault();
                const first = rows.findIndex((r) => r.type === 'profile');
                if (first >= 0) {
                  pendingFocus.current = first;
                  listRef.current?.scrollToIndex(first);
                  requestAnimationFrame(focusRow);
                }
              }
            }}
          />
          <label className="toggle">
            <input type="checkbox" checked={favouritesOnly} onChange={(e) => setFavouritesOnly(e.target.checked)} />
            Favourites
          </label>
          <label className="toggle">
            <input type="checkbox" checked={grouped} onChange={(e) => setGrouped(e.target.checked)} />
            Group by account
          </label>
          <span className="count muted" aria-live="polite" data-testid="profile-count">
            {shown === total ? plural(total, 'profile') : `${shown} of ${plural(total, 'profile')}`}
          </span>
        </div>
        {app.list !== null && app.list.problems.length > 0 ? <FilesProblems problems={app.list.problems} /> : null}
        {app.list === null ? (
          <p className="empty">{app.loadError ?? 'Loading profiles…'}</p>
        ) : (
          <VirtualList
            ref={listRef}
            itemCount={rows.length}
            rowHeight={ROW_HEIGHT}
            renderRow={renderRow}
            itemKey={(i) => rows[i]!.key}
            label="Profile list"
            pinnedIndex={tabStop >= 0 ? tabStop : undefined}
            empty={
              <div className="empty">
                {total === 0 ? (
                  <FirstRun />
                ) : (
                  <p>No profile matches “{query}”.</p>
                )}
              </div>
            }
          />
        )}
      </section>
      {menu !== null ? (
        <Menu
          label={`Actions for ${menu.p.name}`}
          items={menuItems(menu.p)}
          anchor={menu.anchor}
          testId="row-menu"
          returnFocus={() => document.querySelector<HTMLElement>(`[data-testid="profile-row"][data-profile="${CSS.escape(menu.p.name)}"] .prow-main`)}
          onClose={() => setMenu(null)}
        />
      ) : null}
      {app.selected !== null ? <Editor key={app.selected} name={app.selected} onClose={() => app.select(null)} /> : null}
    </div>
  );
}
