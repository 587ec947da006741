// Sign-in state of IAM Identity Center sessions and SSO profiles, read from the token cache (no network); plain Node.
//
// Shared by `sso.sessions` (the Identity Center screen) and `profiles.list` (the SSO rows): both must agree on when
// the user has to sign in again. Only states leave this module, never a token.

import type { ProfileSummary } from '../../shared/ipc/schemas.js';
import type { SsoSessionState } from '../../shared/ipc/sso-schemas.js';
import type { Profile, ProfileModel } from '../core/awsfiles/profiles.js';
import { stringSetting } from '../core/awsfiles/profiles.js';
import type { Environment } from '../core/environment.js';
import type { SsoSessionConfig } from '../core/sso/session-config.js';
import { ssoCacheId, ssoProfileConfig, ssoSessionByName } from '../core/sso/session-config.js';
import type { CachedSsoToken } from '../core/sso/token-cache.js';
import { loadSsoToken } from '../core/sso/token-cache.js';
import { canRefresh } from '../core/sso/token-refresh.js';

export type TokenStatus = 'signed-in' | 'refreshable' | 'expired' | 'signed-out';

export interface TokenState {
  readonly status: TokenStatus;
  readonly expiresAt: string | null;
}

/** What the cached token means for the user right now: usable, renewable on next use, or a new sign-in. */
export function tokenState(session: SsoSessionConfig, token: CachedSsoToken | undefined, now: Date): TokenState {
  if (token === undefined) return { status: 'signed-out', expiresAt: null };
  const expiresAt = token.expiresAt.toISOString();
  if (token.expiresAt.getTime() > now.getTime()) return { status: 'signed-in', expiresAt };
  return { status: canRefresh(session, token, now) ? 'refreshable' : 'expired', expiresAt };
}

/** Whether the token lets Hatrack get credentials without the user (a renewable one counts). */
export function usable(state: TokenState): boolean {
  return state.status === 'signed-in' || state.status === 'refreshable';
}

/** Token states by cache id, each token file read once however many profiles share it. */
export async function tokenStates(env: Environment, sessions: readonly SsoSessionConfig[]): Promise<Map<string, TokenState>> {
  const out = new Map<string, TokenState>();
  const now = env.now();
  const byId = new Map<string, SsoSessionConfig>();
  for (const s of sessions) byId.set(ssoCacheId(s), s);
  await Promise.all(
    [...byId].map(async ([id, session]) => {
      out.set(id, tokenState(session, await loadSsoToken(env, id), now));
    }),
  );
  return out;
}

/** The one case the user must act on: the sign-in ran out and Hatrack cannot renew it. */
function signInNotice(name: string, state: TokenState): string | null {
  return state.status === 'expired' ? signInNeededMessage(name) : null;
}

/** Every `[sso-session]` of the config file with its sign-in state, sorted by name. */
export async function sessionStates(env: Environment, model: ProfileModel): Promise<SsoSessionState[]> {
  const parsed: { name: string; session: SsoSessionConfig | undefined; error: string | undefined }[] = [];
  for (const name of [...model.ssoSessions.keys()].sort()) {
    try {
      parsed.push({ name, session: ssoSessionByName(model, name), error: undefined });
    } catch (e) {
      parsed.push({ name, session: undefined, error: e instanceof Error ? e.message : String(e) });
    }
  }
  const states = await tokenStates(env, parsed.flatMap((p) => (p.session === undefined ? [] : [p.session])));
  const users = new Map<string, number>();
  for (const p of model.profiles) {
    const s = stringSetting(p.settings, 'sso_session');
    if (p.kind === 'sso' && s !== undefined) users.set(s, (users.get(s) ?? 0) + 1);
  }
  return parsed.map(({ name, session, error }) => {
    const profiles = users.get(name) ?? 0;
    if (session === undefined) return { name, startUrl: null, region: null, status: 'invalid', expiresAt: null, notice: error ?? null, profiles };
    const state = states.get(ssoCacheId(session)) ?? { status: 'signed-out', expiresAt: null };
    return { name, startUrl: session.startUrl, region: session.region, status: state.status, expiresAt: state.expiresAt, notice: signInNotice(name, state), profiles };
  });
}

type SsoWire = NonNullable<ProfileSummary['sso']>;

/** The SSO annotation of every SSO profile whose configuration botocore would accept, by profile name. */
export async function profileSsoStates(env: Environment, model: ProfileModel, profiles: readonly Profile[]): Promise<Map<string, SsoWire>> {
  const configs = profiles.flatMap((p) => {
    if (p.kind !== 'sso') return [];
    try {
      return [{ profile: p, config: ssoProfileConfig(model, p.name) }];
    } catch {
      return []; // a broken profile shows its problem in the list already
    }
  });
  const states = await tokenStates(env, configs.map((c) => c.config.session));
  const out = new Map<string, SsoWire>();
  for (const { profile, config } of configs) {
    const state = states.get(ssoCacheId(config.session)) ?? { status: 'signed-out', expiresAt: null };
    out.set(profile.name, {
      session: config.session.sessionName ?? null,
      startUrl: config.session.startUrl,
      accountId: config.accountId ?? null,
      accountName: stringSetting(profile.settings, 'sso_account_name') ?? null,
      roleName: config.roleName ?? null,
      signedIn: usable(state),
      expiresAt: state.expiresAt,
    });
  }
  return out;
}

/** One sign-in as the notices see it: which session (or legacy start URL), and whether it ran out for good. */
export interface SignInSighting {
  readonly name: string;
  readonly needsSignIn: boolean;
  readonly expiresAt: string | null;
}

export interface SignInNotices {
  /** Emits `sso.signInNeeded` for each sign-in newly seen to have run out for good (once per token). */
  observe(sightings: Iterable<SignInSighting>): void;
}

/** The message the session row shows and the notification says when a refresh is impossible. */
export function signInNeededMessage(name: string): string {
  return `The sign-in for ${name} has expired and cannot be refreshed; sign in again.`;
}

/**
 * Tells the user once per expired token, whichever view noticed first (the list or the Identity Center screen):
 * both re-read on every file change, and a notification on each re-read would be noise.
 */
export function createSignInNotices(emit: (payload: { session: string; message: string }) => void): SignInNotices {
  const told = new Map<string, string | null>();
  return {
    observe(sightings) {
      for (const s of sightings) {
        if (!s.needsSignIn) {
          told.delete(s.name);
          continue;
        }
        if (told.has(s.name) && told.get(s.name) === s.expiresAt) continue;
        told.set(s.name, s.expiresAt);
        emit({ session: s.name, message: signInNeededMessage(s.name) });
      }
    },
  };
}
