// One row of the profile list: identity, badges and the one-click actions.
import { memo } from 'react';
import type { KeyboardEvent } from 'react';
import { Countdown, KeyAgeBadge, KindIcon } from '../../components/badges.js';
import type { ProfileSummary } from '../../platform/types.js';
import type { ProfileActions } from './actions.js';
import { needsSignIn, whyNot } from './actions.js';
import { regionText, roleName } from './search.js';

export interface ProfileRowProps {
  readonly p: ProfileSummary;
  readonly index: number;
  readonly selected: boolean;
  /** This profile is what [default] stands for right now. */
  readonly current: boolean;
  readonly actions: ProfileActions;
  readonly onOpen: (name: string) => void;
  readonly onKeyNav: (index: number, e: KeyboardEvent) => void;
}

export const ProfileRow = memo(function ProfileRow({ p, index, selected, current, actions, onOpen, onKeyNav }: ProfileRowProps) {
  const region = regionText(p);
  const role = roleName(p);
  const keyHint = p.accessKeyId !== null && p.accessKeyId.length > 8 ? `${p.accessKeyId.slice(0, 4)}…${p.accessKeyId.slice(-4)}` : p.accessKeyId;
  const sso = p.sso ?? null;
  // An SSO row names its account (as populate recorded it) and role; others show the account id, its IAM alias and the role ARN's name.
  const iamAccount = p.accountId !== null && p.accountName !== null ? `${p.accountId} (${p.accountName})` : p.accountId;
  const account = sso !== null ? (sso.accountName ?? sso.accountId) : iamAccount;
  const signIn = needsSignIn(p);
  const sub = [account, sso !== null ? sso.roleName : role !== '' ? role : null, p.sourceProfile !== null ? `via ${p.sourceProfile}` : null, p.kind === 'static' ? keyHint : null]
    .filter((x) => x !== null && x !== '')
    .join(' · ');
  return (
    <div className={`prow${selected ? ' selected' : ''}${p.production ? ' prod' : ''}`} data-testid="profile-row" data-profile={p.name}>
      <button
        type="button"
        className={`star${p.favourite ? ' on' : ''}`}
        aria-pressed={p.favourite}
        aria-label={`Favourite ${p.name}`}
        title={p.favourite ? 'Remove from favourites' : 'Add to favourites'}
        onClick={() => void actions.toggleFavourite(p)}
      >
        {p.favourite ? '★' : '☆'}
      </button>
      <KindIcon kind={p.kind} />
      <button
        type="button"
        className="prow-main"
        data-row-index={index}
        aria-current={selected ? 'true' : undefined}
        aria-label={`${p.name}${current ? ', current default' : ''}${p.production ? ', production' : ''}`}
        onClick={() => onOpen(p.name)}
        onKeyDown={(e) => onKeyNav(index, e)}
      >
        <span className="prow-name">{p.name}</span>
        <span className="prow-sub">{sub !== '' ? sub : '\u00a0'}</span>
      </button>
      <span className="prow-region" title="Region">
        {region}
      </span>
      <span className="prow-badges">
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
      <span className="prow-actions">
        {signIn ? (
          <button type="button" className="button small primary prow-signin" aria-label={`Sign in for ${p.name}`} title="The IAM Identity Center sign-in is missing or expired" onClick={() => void actions.signIn(p.name)}>
            Sign in
          </button>
        ) : (
          <>
            <button type="button" className="button small" disabled={!p.capabilities.use.ok} title={whyNot(p, 'use')} aria-label={`Use ${p.name} as default`} onClick={() => void actions.use(p.name)}>
              Use
            </button>
            <button type="button" className="button small" disabled={!p.capabilities.assume.ok} title={whyNot(p, 'assume')} aria-label={`Assume ${p.name}`} onClick={() => void actions.assume(p.name)}>
              Assume
            </button>
            <button type="button" className="button small" disabled={!p.capabilities.console.ok} title={whyNot(p, 'console')} aria-label={`Open console for ${p.name}`} onClick={() => void actions.console(p.name)}>
              Console
            </button>
          </>
        )}
        <button type="button" className="button small" aria-label={`Copy env for ${p.name}`} onClick={() => void actions.copyEnv(p.name)}>
          Copy env
        </button>
      </span>
    </div>
  );
});
