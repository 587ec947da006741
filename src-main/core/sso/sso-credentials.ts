// An SSO profile's role credentials as botocore's SSOCredentialFetcher gets them, CLI cache included (spec §9.1, §9.3); plain Node.
//
// Order: the AWS CLI's cache entry while more than 15 min remain; else the cached access token (refreshed first when
// less than 15 min remain, see token-refresh.ts) and GetRoleCredentials; the result goes back into the CLI cache, so
// `aws` and Hatrack share it both ways.

import { HatrackError, isHatrackError } from '../../../shared/domain/errors.js';
import type { Profile, ProfileModel } from '../awsfiles/profiles.js';
import type { Environment } from '../environment.js';
import { resolveEndpoint, ssoServiceEndpoint } from '../sts/endpoints.js';
import { AwsCallError } from '../sts/errors.js';
import type { StsGateway } from '../sts/sts-gateway.js';
import type { SsoRoleCredentialCache, SsoRoleCredentials } from './cli-credential-cache.js';
import { CLI_CACHE_WINDOW_MS, cliCacheKey } from './cli-credential-cache.js';
import { ssoCacheId, ssoProfileConfig } from './session-config.js';
import type { SsoSessionConfig } from './session-config.js';
import { ssoTokenFile, tokenFromJson } from './token-cache.js';
import { oidcClientFactory, validAccessToken } from './token-refresh.js';
import type { TokenDeps } from './token-refresh.js';

export interface SsoCredentialDeps {
  readonly env: Environment;
  readonly model: ProfileModel;
  /** The resolver's file seam (tests hand in files; production reads the disk). */
  readonly readTextFile: (file: string) => Promise<string>;
  readonly gateway: Pick<StsGateway, 'getRoleCredentials'>;
  /** The AWS CLI's file cache (the CLI and the app inject it); without it nothing is cached, as in boto3. */
  readonly cache?: SsoRoleCredentialCache | undefined;
  /** How to refresh an access token; default: the OIDC endpoint of the session's region, overrides honoured. */
  readonly token?: TokenDeps | undefined;
  /** Ends the portal call when the operation's deadline passes or the user cancels. */
  readonly signal?: AbortSignal | undefined;
}

export interface SsoResolved extends SsoRoleCredentials {
  /** Set when the sign-in could not be refreshed but still works for a while (one line for the user). */
  readonly warning: string | undefined;
}

function hint(session: SsoSessionConfig, profile: string): string {
  const target = session.sessionName !== undefined ? `--sso-session ${session.sessionName}` : `--profile ${profile}`;
  return `run "hatrack sso login ${target}" (or "aws sso login ${target}")`;
}

function tokenMissing(session: SsoSessionConfig, profile: string, why: string): HatrackError {
  return new HatrackError('SSO_TOKEN_MISSING', `The IAM Identity Center sign-in for profile "${profile}" ${why}; ${hint(session, profile)}.`);
}

/** The access token to send: the cached one, or for a session profile near its end, a refreshed one. */
async function accessToken(deps: SsoCredentialDeps, p: Profile, session: SsoSessionConfig): Promise<{ token: string; warning: string | undefined }> {
  const file = ssoTokenFile(deps.env, ssoCacheId(session));
  let cached;
  try {
    cached = tokenFromJson(file, JSON.parse(await deps.readTextFile(file)) as Record<string, unknown>);
  } catch {
    cached = undefined;
  }
  const left = cached === undefined ? -1 : cached.expiresAt.getTime() - deps.env.now().getTime();
  if (cached !== undefined && left > CLI_CACHE_WINDOW_MS) return { token: cached.accessToken, warning: undefined };
  if (session.sessionName === undefined) {
    // Legacy sign-ins are never refreshed; botocore uses the token until it has expired, then fails without a call.
    if (cached !== undefined && left > 0) return { token: cached.accessToken, warning: undefined };
    throw tokenMissing(session, p.name, 'is missing or expired');
  }
  const tokenDeps = deps.token ?? { oidc: oidcClientFactory((s) => ssoServiceEndpoint('sso-oidc', s.region, deps.env, p, deps.model), deps.env) };
  try {
    const valid = await validAccessToken(deps.env, session, tokenDeps, p.name);
    return { token: valid.accessToken, warning: valid.warning };
  } catch (e) {
    if (isHatrackError(e) && e.code === 'SSO_LOGIN_REQUIRED') throw tokenMissing(session, p.name, 'is missing or expired');
    throw e;
  }
}

/** Role credentials for the SSO profile `p` (botocore's validation of its keys and its sso-session applies). */
export async function resolveSsoCredentials(deps: SsoCredentialDeps, p: Profile): Promise<SsoResolved> {
  const config = ssoProfileConfig(deps.model, p.name);
  const { session, accountId, roleName } = config;
  if (accountId === undefined || roleName === undefined) {
    throw new HatrackError('INVALID_CONFIG', `Profile "${p.name}" is configured for IAM Identity Center but is missing ${accountId === undefined ? 'sso_account_id' : 'sso_role_name'}.`);
  }
  const cacheKey = cliCacheKey(session, accountId, roleName);
  const hit = await deps.cache?.get(cacheKey);
  if (hit !== undefined && hit.expiration.getTime() - deps.env.now().getTime() > CLI_CACHE_WINDOW_MS) {
    return { ...hit, accountId, warning: undefined };
  }
  const { token, warning } = await accessToken(deps, p, session);
  let issued;
  try {
    issued = await deps.gateway.getRoleCredentials(
      { region: session.region, endpoint: resolveEndpoint('sso', deps.env, p, deps.model), signal: deps.signal },
      { accessToken: token, accountId, roleName },
    );
  } catch (e) {
    if ((e instanceof AwsCallError && e.awsErrorName === 'UnauthorizedException') || (isHatrackError(e) && e.code === 'SSO_LOGIN_REQUIRED')) {
      throw tokenMissing(session, p.name, 'was refused by the portal (expired or signed out; check the system clock too)');
    }
    throw e;
  }
  const creds: SsoRoleCredentials = { ...issued, accountId };
  await deps.cache?.put(cacheKey, creds);
  return { ...creds, warning };
}
