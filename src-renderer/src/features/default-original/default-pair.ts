// After "Use", [default] is Hatrack's copy of another profile and the user's own keys wait under another name
// (default-original). The list shows the two as one identity: the default row says what it stands for, the kept row
// sits right under it as its child, and both offer to switch back. Pure functions; the row and screen render them.
import type { ProfileSummary, ProfilesList } from '../../platform/types.js';

type DefaultIdentity = ProfilesList['defaultIdentity'];

/** Which half of the pair a row is: the managed [default], or the user's own keys kept aside. */
export type DefaultPairRole = 'managed' | 'kept';

/** What a row of the pair shows instead of its bare profile name. */
export interface DefaultPairView {
  readonly role: DefaultPairRole;
  readonly title: string;
  /** The second line; the kept row adds its usual account · key line after it. */
  readonly sub: string;
  /** The row's accessible name: the same facts in one sentence. */
  readonly label: string;
}

/** The kept profile's name, when [default] is a managed copy that can be switched back. */
export function keptProfile(identity: DefaultIdentity | undefined): string | null {
  return identity?.managed === true ? (identity.keptAs ?? null) : null;
}

export function pairRoleOf(name: string, identity: DefaultIdentity | undefined): DefaultPairRole | null {
  const kept = keptProfile(identity);
  if (kept === null) return null;
  return name === 'default' ? 'managed' : name === kept ? 'kept' : null;
}

function untilText(expiresAt: string | null): string | null {
  if (expiresAt === null) return null;
  return `until ${new Date(expiresAt).toLocaleTimeString([], { hour: '2-digit', minute: '2-digit' })}`;
}

/** The words of a pair row; null for every other row. */
export function defaultPairView(p: ProfileSummary, identity: DefaultIdentity | undefined): DefaultPairView | null {
  const role = pairRoleOf(p.name, identity);
  const kept = keptProfile(identity);
  if (role === null || kept === null || identity === undefined) return null;
  const standsFor = identity.profile ?? '';
  if (role === 'managed') {
    const sub = ['Managed by Hatrack', untilText(identity.expiresAt) ?? 'no expiry', `your keys kept as ${kept}`].join(' · ');
    return { role, title: `default → ${standsFor}`, sub, label: `default, managed by Hatrack: a copy of ${standsFor}; your own keys are kept as ${kept}` };
  }
  return {
    role,
    title: 'Your keys',
    sub: `kept as ${kept}`,
    label: `${kept}: your own default keys, kept while default uses ${standsFor}`,
  };
}

/** Moves the kept profile's item right under the default's, so the child row is visibly tied to its parent. */
export function foldKeptUnderDefault<T extends { readonly p: ProfileSummary }>(items: readonly T[], identity: DefaultIdentity | undefined): readonly T[] {
  const kept = keptProfile(identity);
  if (kept === null) return items;
  const keptAt = items.findIndex((it) => it.p.name === kept);
  if (keptAt < 0 || items.findIndex((it) => it.p.name === 'default') < 0) return items;
  const rest = items.filter((_, i) => i !== keptAt);
  const parentAt = rest.findIndex((it) => it.p.name === 'default');
  return [...rest.slice(0, parentAt + 1), items[keptAt]!, ...rest.slice(parentAt + 1)];
}
