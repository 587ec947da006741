// Every session Hatrack obtained in this run (assumed roles, console sign-ins, MFA device sessions) plus the managed
// [default], as metadata only; plain TS, no I/O.
//
// Why nothing is persisted: the one session that must survive a restart, the managed [default], is already described
// by the credentials file (its marker line names the profile and the expiry), so the list reads it from the files
// every time and cannot disagree with what the AWS CLI will use. MFA device sessions live in the keychain-backed
// MfaSessionCache; the registry learns of them whenever the engine reads or writes one (observedMfaCache), so a
// keychain session from an earlier run appears as soon as this run uses it. Assumed-role and console sessions are
// handed to the caller and kept nowhere else, so there is nothing to list after a restart anyway.
//
// An entry never holds a secret: no secret key, no session token, no sign-in URL; the access key id only masked.

import { maskAccessKeyId } from '../../../shared/domain/secrets.js';
import type { MfaSessionKey } from '../sts/mfa-session.js';
import { mfaSessionCacheKey } from '../sts/mfa-session.js';

export type SessionKind = 'role' | 'default' | 'console' | 'mfa';

/** What the list shows about one session; every field is safe to show. */
export interface SessionInfo {
  readonly id: string;
  readonly kind: SessionKind;
  /** The profile it was obtained for (the MFA session: the last profile that used the device); null when unknown. */
  readonly profile: string | null;
  readonly roleArn: string | null;
  readonly accountId: string | null;
  /** How the final credentials were obtained (the engine's source kind: role, sso, web-identity, …). */
  readonly source: string | null;
  /** The role was assumed with temporary credentials (role chaining: at most 1 h). */
  readonly chained: boolean;
  /** Masked like AKIA…WXYZ. */
  readonly accessKeyId: string | null;
  /** The MFA device's serial (an identifier, not a secret). */
  readonly serialNumber: string | null;
  readonly obtainedAt: string | null;
  /** ISO 8601; null for long-term keys (a managed [default] holding an IAM user's keys). */
  readonly expiresAt: string | null;
}

export interface AssumedSession {
  readonly profile: string;
  readonly roleArn: string | undefined;
  readonly accountId: string | undefined;
  readonly source: string;
  readonly chained: boolean;
  readonly accessKeyId: string;
  readonly expiresAt: Date | undefined;
}

/** What the credentials file's marker says about the managed [default] (defaultState in switch/managed-default.ts). */
export interface ManagedDefault {
  readonly managedProfile: string | undefined;
  readonly expiresAt: string | undefined;
}

export const DEFAULT_SESSION_ID = 'default';

export const sessionId = {
  role: (profile: string) => `role:${profile}`,
  console: (profile: string) => `console:${profile}`,
  // One entry per device: a session minted from a rotated key replaces the old one, which no role uses any more.
  mfa: (serialNumber: string) => `mfa:${serialNumber}`,
};

interface Entry {
  readonly info: SessionInfo;
  /** Main-only: which MfaSessionCache entry to delete on Forget. Never copied into SessionInfo. */
  readonly mfaKey?: MfaSessionKey;
}

export interface SessionRegistry {
  noteAssumed(session: AssumedSession): void;
  noteConsole(profile: string, expiresAt: Date): void;
  /** `use` wrote [default]; the files stay the truth for whether it still is (see list). */
  noteDefault(profile: string): void;
  noteMfa(key: MfaSessionKey, expiresAt: Date): void;
  /** Names the profile that used these devices, so Refresh knows which role to assume again. */
  noteMfaUsedBy(serialNumbers: readonly string[], profile: string): void;
  /** The MFA session was deleted from the cache (Forget, expiry, or a rotated key). */
  dropMfa(key: MfaSessionKey): void;
  /** Drops an entry; undefined when there is none. The caller deletes an MFA session from the cache itself. */
  forget(id: string): { readonly info: SessionInfo; readonly mfaKey: MfaSessionKey | undefined } | undefined;
  get(id: string, managed: ManagedDefault): { readonly info: SessionInfo; readonly mfaKey: MfaSessionKey | undefined } | undefined;
  /** Soonest expiry first; sessions that never expire last. */
  list(managed: ManagedDefault): SessionInfo[];
}

const blank = { profile: null, roleArn: null, accountId: null, source: null, chained: false, accessKeyId: null, serialNumber: null, obtainedAt: null, expiresAt: null } as const;

export function createSessionRegistry(deps: { readonly now: () => Date; readonly onChange: () => void }): SessionRegistry {
  const entries = new Map<string, Entry>();
  // Only the time `use` ran is remembered for the default; which profile it is and its expiry come from the files.
  let defaultNoted: { profile: string; at: string } | undefined;

  const put = (entry: Entry): void => {
    entries.set(entry.info.id, entry);
    deps.onChange();
  };
  const nowIso = (): string => deps.now().toISOString();

  const managedEntry = (managed: ManagedDefault): Entry | undefined => {
    const profile = managed.managedProfile;
    if (profile === undefined) return undefined;
    const obtainedAt = defaultNoted?.profile === profile ? defaultNoted.at : null;
    return { info: { ...blank, id: DEFAULT_SESSION_ID, kind: 'default', profile, obtainedAt, expiresAt: managed.expiresAt ?? null } };
  };

  const find = (id: string, managed: ManagedDefault): Entry | undefined => (id === DEFAULT_SESSION_ID ? managedEntry(managed) : entries.get(id));

  return {
    noteAssumed(s) {
      put({
        info: {
          ...blank,
          id: sessionId.role(s.profile),
          kind: 'role',
          profile: s.profile,
          roleArn: s.roleArn ?? null,
          accountId: s.accountId ?? null,
          source: s.source,
          chained: s.chained,
          accessKeyId: maskAccessKeyId(s.accessKeyId),
          obtainedAt: nowIso(),
          expiresAt: s.expiresAt?.toISOString() ?? null,
        },
      });
    },
    noteConsole(profile, expiresAt) {
      put({ info: { ...blank, id: sessionId.console(profile), kind: 'console', profile, obtainedAt: nowIso(), expiresAt: expiresAt.toISOString() } });
    },
    noteDefault(profile) {
      defaultNoted = { profile, at: nowIso() };
      deps.onChange();
    },
    noteMfa(key, expiresAt) {
      const id = sessionId.mfa(key.serialNumber);
      const known = entries.get(id);
      const expiry = expiresAt.toISOString();
      const sameKey = known?.mfaKey !== undefined && mfaSessionCacheKey(known.mfaKey) === mfaSessionCacheKey(key);
      // The engine reads the cached session on every resolve: only a new session is news.
      if (sameKey && known?.info.expiresAt === expiry) return;
      put({ info: { ...blank, id, kind: 'mfa', serialNumber: key.serialNumber, profile: known?.info.profile ?? null, obtainedAt: nowIso(), expiresAt: expiry }, mfaKey: key });
    },
    noteMfaUsedBy(serialNumbers, profile) {
      for (const serial of serialNumbers) {
        const known = entries.get(sessionId.mfa(serial));
        if (known === undefined || known.info.profile === profile) continue;
        put({ ...known, info: { ...known.info, profile } });
      }
    },
    dropMfa(key) {
      const id = sessionId.mfa(key.serialNumber);
      const known = entries.get(id);
      if (known?.mfaKey === undefined || mfaSessionCacheKey(known.mfaKey) !== mfaSessionCacheKey(key)) return;
      entries.delete(id);
      deps.onChange();
    },
    forget(id) {
      const known = entries.get(id);
      if (known === undefined) return undefined;
      entries.delete(id);
      deps.onChange();
      return { info: known.info, mfaKey: known.mfaKey };
    },
    get(id, managed) {
      const e = find(id, managed);
      return e === undefined ? undefined : { info: e.info, mfaKey: e.mfaKey };
    },
    list(managed) {
      const all = [...entries.values()];
      const def = managedEntry(managed);
      if (def !== undefined) all.push(def);
      return all.map((e) => e.info).sort(byExpiry);
    },
  };
}

function byExpiry(a: SessionInfo, b: SessionInfo): number {
  if (a.expiresAt !== b.expiresAt) {
    if (a.expiresAt === null) return 1;
    if (b.expiresAt === null) return -1;
    return Date.parse(a.expiresAt) - Date.parse(b.expiresAt);
  }
  return a.id.localeCompare(b.id);
}
