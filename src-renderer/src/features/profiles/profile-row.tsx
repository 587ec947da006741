// One row of the profile list: identity, badges, ONE primary action and a "…" menu for the rest.
// The row's main button is the list's roving tab stop: only the active row is in the Tab order; the star, the primary
// button and "…" are for the mouse (the keyboard has Enter for the primary action and Shift+F10 for the menu).
import { memo } from 'react';
import { plural } from '../../../../shared/domain/plural.js';
import type { KeyboardEvent, MouseEvent } from 'react';
import { Countdown, KeyAgeBadge } from '../../components/badges.js';
import { KindIcon, KindWord } from '../../components/kind-icon.js';
import type { MenuAnchor } from '../../components/menu.js';
import type { ProfileSummary } from '../../platform/types.js';
import { CallError, CallProgress } from '../progress/call-status.js';
import { useProfileCall } from '../progress/running-calls.js';
import { ColourDot, identityHint } from '../identity/profile-colour.js';
import type { DefaultPairView } from '../default-original/default-pair.js';
import type { RowAction } from './actions.js';
import { primaryAction } from './actions.js';
import { regionText, roleName } from './search.js';
import { EFFECTS } from '../problems/problem-groups.js';
import type { RowProblems } from '../problems/problem-groups.js';

export interface ProfileRowProps {
  readonly p: ProfileSummary;
  readonly index: number;
  readonly selected: boolean;
  /** This row holds the list's one tab stop. */
  readonly active: boolean;
  /** This row's menu is open. */
  readonly menuOpen: boolean;
  /** This profile is what [default] stands for right now. */
  readonly current: boolean;
  /** Problems in the files touching this profile (a marker on the row; the editor lists them). */
  readonly problems: RowProblems | null;
  /** Set on the two rows of a switched default: the managed [default] and the user's kept keys, shown as one identity. */
  readonly pair?: DefaultPairView | null;
  readonly onOpen: (name: string) => void;
  readonly onPrimary: (p: ProfileSummary, action: RowAction) => void;
  readonly onMenu: (p: ProfileSummary, anchor: MenuAnchor) => void;
  readonly onToggleFavourite: (p: ProfileSummary) => void;
  readonly onKeyNav: (index: number, e: KeyboardEvent) => void;
  readonly onFocusRow: (index: number) => void;
}

export const ProfileRow = memo(function ProfileRow(props: ProfileRowProps) {
  const { p, index, selected, active, menuOpen, current, problems, pair = null, onOpen, onPrimary, onMenu, onToggleFavourite, onKeyNav, onFocusRow } = props;
  const region = regionText(p);
  const role = roleName(p);
  const primary = primaryAction(p, pair?.role ?? null);
  // A network action in flight or failed takes the primary button's place (and, when failed, the badges').
  const call = useProfileCall(p.name);
  const keyHint = p.accessKeyId !== null && p.accessKeyId.length > 8 ? `${p.accessKeyId.slice(0, 4)}…${p.accessKeyId.slice(-4)}` : p.accessKeyId;
  const sso = p.sso ?? null;
  // An SSO row names its account (as populate recorded it) and role; others show the account id, its IAM alias and the role ARN's name.
  const iamAccount = p.accountId !== null && p.accountName !== null ? `${p.accountId} (${p.accountName})` : p.accountId;
  const account = sso !== null ? (sso.accountName ?? sso.accountId) : iamAccount;
  const sub = [account, sso !== null ? sso.roleName : role !== '' ? role : null, p.sourceProfile !== null ? `via ${p.sourceProfile}` : null, p.kind === 'static' ? keyHint : null]
    .filter((x) => x !== null && x !== '')
    .join(' · ');
  const hintId = `row-hint-${index}`;
  const problemText = problems === null ? '' : `${plural(problems.count, 'problem')}: ${EFFECTS[problems.worst].short}`;
  const menuAt = (e: { currentTarget: Element }) => {
    const more = e.currentTarget.closest('.prow')?.querySelector('.prow-more');
    onMenu(p, { rect: (more ?? e.currentTarget).getBoundingClientRect() });
  };
  const onKeyDown = (e: KeyboardEvent<HTMLButtonElement>) => {
    if (e.key === 'Enter' && !e.altKey && !e.ctrlKey && !e.metaKey) {
      e.preventDefault();
      onPrimary(p, primary);
    } else if ((e.key === 'F10' && e.shiftKey) || e.key === 'ContextMenu') {
      e.preventDefault();
      menuAt(e);
    } else onKeyNav(index, e);
  };
  const onContextMenu = (e: MouseEvent<HTMLDivElement>) => {
    e.preventDefault();
    // The keyboard's menu key arrives here too (at 0,0 or the element): anchor it to the row's "…" instead.
    if (e.button !== 2 || (e.clientX === 0 && e.clientY === 0)) menuAt(e);
    else onMenu(p, { x: e.clientX, y: e.clientY });
  };
  return (
    <div
      className={`prow${selected ? ' selected' : ''}${p.production ? ' prod' : ''}${pair !== null ? ` pair-${pair.role}` : ''}${call?.state === 'failed' ? ' call-failed' : ''}`}
      data-testid="profile-row"
      data-profile={p.name}
      data-pair={pair?.role}
      onContextMenu={onContextMenu}
    >
      <button
        type="button"
        tabIndex={-1}
        className={`star${p.favourite ? ' on' : ''}`}
        aria-pressed={p.favourite}
        aria-label={`Favourite ${p.name}`}
        title={p.favourite ? 'Remove from favourites' : 'Add to favourites'}
        onClick={() => onToggleFavourite(p)}
      >
        {p.favourite ? '★' : '☆'}
      </button>
      <KindIcon kind={p.kind} />
      <button
        type="button"
        className="prow-main"
        data-row-index={index}
        tabIndex={active ? 0 : -1}
        aria-current={selected ? 'true' : undefined}
        aria-label={`${pair?.label ?? p.name}${current ? ', current default' : ''}${p.production ? ', production' : ''}${problems !== null ? `, ${problemText}` : ''}`}
        aria-describedby={hintId}
        aria-keyshortcuts="Enter Shift+F10"
        onClick={() => onOpen(p.name)}
        onFocus={() => onFocusRow(index)}
        onKeyDown={onKeyDown}
      >
        <span className="prow-title">
          <ColourDot colour={p.colour} />
          <span className="prow-name">{pair?.title ?? p.name}</span>
          {p.note !== null ? (
            <span className="prow-note" title={p.note} data-testid="row-note">
              {p.note}
            </span>
          ) : null}
        </span>
        {pair === null ? (
          <span className="prow-sub">
            <KindWord kind={p.kind} />
            {sub !== '' ? ` · ${sub}` : null}
          </span>
        ) : (
          <span className="prow-sub">{[pair.sub, pair.role === 'kept' ? sub : ''].filter((x) => x !== '').join(' · ')}</span>
        )}
      </button>
      <span id={hintId} className="sr-only">
        {`${identityHint(p)}Enter: ${primary.a11yLabel(p.name)}. Space: edit. Shift+F10: more actions.`}
      </span>
      <span className="prow-region" title="Region">
        {region}
      </span>
      <span className="prow-badges">
        {problems !== null ? (
          <span className={`badge problem-badge tone-${EFFECTS[problems.worst].tone}`} data-testid="row-problems" data-effect={problems.worst} title={`${problemText} — open the profile to see and fix ${problems.count === 1 ? 'it' : 'them'}`}>
            <span className="problem-dot" aria-hidden="true" />
            {problems.count}
            <span className="sr-only"> {problemText}</span>
          </span>
        ) : null}
        {current ? (
          <span className="badge default" data-testid="default-badge">
            default
          </span>
        ) : null}
        {p.production ? <span className="badge prod">prod</span> : null}
        {p.vaulted ? <span className="badge neutral" title="Keys are in the OS keychain">keychain</span> : null}
        {p.capabilities.rotate.ok ? <KeyAgeBadge days={p.keyAgeDays} /> : null}
        {p.sessionExpiresAt !== null ? <Countdown expiresAt={p.sessionExpiresAt} /> : null}
      </span>
      {call?.state === 'failed' ? <CallError profile={p.name} call={call} /> : null}
      <span className="prow-actions">
        {call?.state === 'running' ? (
          <CallProgress profile={p.name} call={call} />
        ) : call?.state === 'failed' ? null : (
          <button type="button" tabIndex={-1} className={`button small prow-primary${primary.id === 'signIn' ? ' primary' : ''}`} data-action={primary.id} aria-label={primary.a11yLabel(p.name)} onClick={() => onPrimary(p, primary)}>
            {primary.short}
          </button>
        )}
        <button
          type="button"
          tabIndex={-1}
          className="icon-button prow-more"
          aria-label={`More actions for ${p.name}`}
          aria-haspopup="menu"
          aria-expanded={menuOpen}
          title="More actions (Shift+F10)"
          onClick={menuAt}
        >
          <span aria-hidden="true">⋯</span>
        </button>
      </span>
    </div>
  );
});
