// Stay signed in: a usable SSO access token, refreshed under botocore's rules before it runs out (spec §6.3); plain Node.

import { networkPolicyFrom } from '../sts/network-policy.js';
import { HatrackError } from '../../../shared/domain/errors.js';
import type { Environment } from '../environment.js';
import { createOidcClient, OidcError } from './oidc-client.js';
import type { OidcClient } from './oidc-client.js';
import { REUSE_MARGIN_MS } from './registration.js';
import type { SsoSessionConfig } from './session-config.js';
import { ssoCacheId } from './session-config.js';
import type { CachedSsoToken } from './token-cache.js';
import { loadSsoToken, saveSsoToken } from './token-cache.js';

export interface TokenDeps {
  /** The OIDC client for the session's region (its base URL resolved with the endpoint overrides). */
  readonly oidc: OidcClient | ((session: SsoSessionConfig) => OidcClient);
}

export interface ValidToken {
  readonly accessToken: string;
  readonly expiresAt: Date;
  /** Set when the token is still usable but could not be refreshed: one line for the CLI / a notice for the app. */
  readonly warning: string | undefined;
  readonly refreshed: boolean;
}

/** The command that signs a session in again, for hints. */
export function loginHint(session: SsoSessionConfig, profile?: string): string {
  if (session.sessionName !== undefined) return `hatrack sso login --sso-session ${session.sessionName}`;
  return profile !== undefined ? `hatrack sso login --profile ${profile}` : 'hatrack sso login --profile <profile>';
}

function loginRequired(session: SsoSessionConfig, why: string, profile?: string): HatrackError {
  const who = session.sessionName !== undefined ? `IAM Identity Center session "${session.sessionName}"` : `IAM Identity Center sign-in for ${session.startUrl}`;
  return new HatrackError('SSO_LOGIN_REQUIRED', `The ${who} ${why}; run "${loginHint(session, profile)}".`);
}

/** botocore's preconditions for a refresh: a session profile with a refresh token and an unexpired registration. */
export function canRefresh(session: SsoSessionConfig, token: CachedSsoToken, now: Date): boolean {
  return (
    session.sessionName !== undefined &&
    token.refreshToken !== undefined &&
    token.clientId !== undefined &&
    token.clientSecret !== undefined &&
    token.registrationExpiresAt !== undefined &&
    token.registrationExpiresAt.getTime() > now.getTime()
  );
}

// One refresh per token file at a time in this process: refresh tokens may be single-use.
const inFlight = new Map<string, Promise<ValidToken>>();

function usable(token: CachedSsoToken, warning?: string): ValidToken {
  return { accessToken: token.accessToken, expiresAt: token.expiresAt, warning, refreshed: false };
}

function remaining(token: CachedSsoToken, now: Date): number {
  return token.expiresAt.getTime() - now.getTime();
}

/**
 * The cached access token for `session`, refreshed first when less than 15 minutes remain. Other tools may refresh
 * the same file at the same time, so the file is re-read right before refreshing (a token another process wrote is
 * adopted), and once more after an InvalidGrantException. A refresh that fails while the token is still valid yields
 * the old token with a `warning`; with no usable token left it throws SSO_LOGIN_REQUIRED with the command to run.
 */
export async function validAccessToken(env: Environment, session: SsoSessionConfig, deps: TokenDeps, profile?: string): Promise<ValidToken> {
  const cacheId = ssoCacheId(session);
  const token = await loadSsoToken(env, cacheId);
  if (token === undefined) throw loginRequired(session, 'is not signed in', profile);
  if (remaining(token, env.now()) > REUSE_MARGIN_MS) return usable(token);
  const key = token.file;
  let running = inFlight.get(key);
  if (running === undefined) {
    running = refreshOrKeep(env, session, deps, cacheId, profile).finally(() => inFlight.delete(key));
    inFlight.set(key, running);
  }
  return running;
}

async function refreshOrKeep(env: Environment, session: SsoSessionConfig, deps: TokenDeps, cacheId: string, profile: string | undefined): Promise<ValidToken> {
  const current = await loadSsoToken(env, cacheId);
  if (current === undefined) throw loginRequired(session, 'is not signed in', profile);
  const now = env.now();
  if (remaining(current, now) > REUSE_MARGIN_MS) return usable(current);
  const keepOrFail = (why: string): ValidToken => {
    if (remaining(current, env.now()) > 0) {
      const minutes = Math.max(1, Math.round(remaining(current, env.now()) / 60_000));
      return usable(current, `The IAM Identity Center sign-in ends in ${minutes} min and ${why}; run "${loginHint(session, profile)}" to stay signed in.`);
    }
    throw loginRequired(session, session.sessionName === undefined ? 'has expired (legacy sign-ins cannot be refreshed)' : `has expired and ${why}`, profile);
  };
  if (!canRefresh(session, current, now)) return keepOrFail('cannot be refreshed');
  const oidc = typeof deps.oidc === 'function' ? deps.oidc(session) : deps.oidc;
  try {
    const issued = await oidc.createToken({ clientId: current.clientId!, clientSecret: current.clientSecret! }, { grantType: 'refresh_token', refreshToken: current.refreshToken! });
    const expiresAt = new Date(env.now().getTime() + issued.expiresIn * 1000);
    await saveSsoToken(
      env,
      cacheId,
      {
        startUrl: session.startUrl,
        region: session.region,
        accessToken: issued.accessToken,
        expiresAt,
        clientId: current.clientId!,
        clientSecret: current.clientSecret!,
        registrationExpiresAt: current.registrationExpiresAt!,
        refreshToken: issued.refreshToken,
      },
      current.raw,
    );
    return { accessToken: issued.accessToken, expiresAt, warning: undefined, refreshed: true };
  } catch (e) {
    if (!(e instanceof OidcError)) {
      if (e instanceof HatrackError && e.code === 'NETWORK') return keepOrFail('the sign-in service could not be reached to refresh it');
      throw e;
    }
    // Another process may have used the (single-use) refresh token a moment ago and written its result.
    const again = await loadSsoToken(env, cacheId);
    if (again !== undefined && again.accessToken !== current.accessToken && remaining(again, env.now()) > 0) return usable(again);
    return keepOrFail(e.shape === 'InvalidGrantException' || e.shape === 'InvalidClientException' ? 'its refresh was refused' : `its refresh failed (${e.shape})`);
  }
}

/** The OIDC client factory the app and CLI pass as `TokenDeps.oidc`, given how to resolve the base URL. */
export function oidcClientFactory(baseUrlFor: (session: SsoSessionConfig) => string, env: Environment): (session: SsoSessionConfig) => OidcClient {
  return (session) => createOidcClient({ baseUrl: baseUrlFor(session), policy: networkPolicyFrom(env.vars) });
}
