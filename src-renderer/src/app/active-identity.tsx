// The title bar's answer to "what would `aws` use in a new terminal right now, and why" (profiles.list activeIdentity).
import { Countdown } from '../components/badges.js';
import type { ProfilesList } from '../platform/types.js';

type ActiveIdentity = ProfilesList['activeIdentity'];

/** Who: the profile [default] stands for, the profile a variable names, or the environment's own keys. */
function whoOf(a: ActiveIdentity): string {
  if (a.source === 'env-keys') return 'keys from the environment';
  return a.standsFor ?? a.profile ?? '';
}

/** Why: the file section or the environment variable that decided it. */
function whyOf(a: ActiveIdentity): string {
  return a.variable ?? '[default]';
}

function accountOf(a: ActiveIdentity): string | null {
  if (a.accountId === null) return a.accountName;
  return a.accountName === null ? a.accountId : `${a.accountId} (${a.accountName})`;
}

/** One line of plain words; the full sentence (and any disagreement between tools) is also the tooltip. */
export function ActiveIdentityLine({ identity, keptAs = null }: { readonly identity: ActiveIdentity | undefined; readonly keptAs?: string | null }) {
  if (identity === undefined) return <span className="muted">Reading profiles…</span>;
  if (identity.source === 'none') {
    const text = 'New terminals have no AWS identity: there is no [default] profile and no AWS_PROFILE.';
    return (
      <span className="muted" title={text}>
        {text}
      </span>
    );
  }
  if (!identity.profileFound && identity.source === 'env-profile') {
    return (
      <span className="identity-missing" title={`${identity.variable ?? ''} is set in Hatrack's environment`}>
        {identity.variable} names “{identity.profile}”, which is not in your files: AWS commands in new terminals fail.
      </span>
    );
  }
  // Said as the list's default row says it: [default] stands for another profile, the user's keys wait aside.
  const managedVia = identity.source === 'default' && identity.standsFor !== null;
  const kept = managedVia && keptAs !== null ? `your keys kept as ${keptAs}` : null;
  const facts = [accountOf(identity), identity.roleName === null ? null : `role ${identity.roleName}`, `via ${whyOf(identity)}${managedVia ? ' (managed by Hatrack)' : ''}`, kept].filter(
    (x): x is string => x !== null,
  );
  const sentence = `Active in new terminals: ${whoOf(identity)} — ${facts.join(' · ')}`;
  return (
    <span className="active-identity" title={identity.note === null ? sentence : `${sentence}. ${identity.note}`}>
      <span className="muted identity-lead">Active in new terminals: </span>
      <strong>{whoOf(identity)}</strong>
      <span className="identity-facts"> — {facts.join(' · ')}</span>
      {/* The live expiry never gives way to the facts when the window is narrow. */}
      {identity.expiresAt !== null ? <Countdown expiresAt={identity.expiresAt} /> : null}
    </span>
  );
}
