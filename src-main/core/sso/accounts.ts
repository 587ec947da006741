// What the app and the CLI call for discovery and populate: a session's accounts and roles, and the profiles for them; plain Node.

import { networkPolicyFrom } from '../sts/network-policy.js';
import type { AwsFilesService, EditReport } from '../awsfiles/aws-files.js';
import type { ProfileModel } from '../awsfiles/profiles.js';
import type { Environment } from '../environment.js';
import { ssoServiceEndpoint } from '../sts/endpoints.js';
import { discoverAccounts } from './discovery.js';
import type { DiscoveryProgress, SsoDiscovery } from './discovery.js';
import { populateProfiles } from './populate.js';
import type { PopulateReport } from './populate.js';
import type { HttpRequester } from './http-request.js';
import { createPortalClient } from './portal-client.js';
import type { PortalClient } from './portal-client.js';
import { ssoSessionByName } from './session-config.js';
import { loginHint, oidcClientFactory, validAccessToken } from './token-refresh.js';

export interface PortalSessionOptions {
  readonly request?: HttpRequester | undefined;
  /** Calls in flight before the service throttles (default 16); adaptive below that (adaptive-limiter.ts). */
  readonly maxConcurrency?: number | undefined;
  readonly signal?: AbortSignal | undefined;
}

export interface PortalSession {
  readonly portal: PortalClient;
  /** A token that could not be refreshed but still works for a while: one line to show. */
  readonly warning: string | undefined;
}

/** A portal client for `[sso-session NAME]` with a valid (refreshed if needed) access token. */
export async function portalForSession(env: Environment, model: ProfileModel, sessionName: string, options: PortalSessionOptions = {}): Promise<PortalSession> {
  const session = ssoSessionByName(model, sessionName);
  const token = await validAccessToken(env, session, { oidc: oidcClientFactory((s) => ssoServiceEndpoint('sso-oidc', s.region, env), env) });
  const portal = createPortalClient({
    baseUrl: ssoServiceEndpoint('sso', session.region, env),
    accessToken: token.accessToken,
    loginHint: loginHint(session),
    request: options.request,
    maxConcurrency: options.maxConcurrency,
    policy: networkPolicyFrom(env.vars),
  });
  return { portal, warning: token.warning };
}

export interface DiscoverOptions extends PortalSessionOptions {
  readonly onProgress?: ((p: DiscoveryProgress) => void) | undefined;
}

/** Every account and role the session's user can reach (2,000+ accounts: paginated, bounded, retried). */
export async function discoverSsoAccounts(env: Environment, model: ProfileModel, sessionName: string, options: DiscoverOptions = {}): Promise<SsoDiscovery & { readonly warning: string | undefined }> {
  const { portal, warning } = await portalForSession(env, model, sessionName, options);
  const found = await discoverAccounts(portal, { onProgress: options.onProgress, signal: options.signal, concurrency: options.maxConcurrency, now: env.now });
  return { ...found, warning };
}

export interface PopulateRequest {
  readonly session: string;
  readonly discovery: SsoDiscovery;
  readonly template?: string | undefined;
  readonly region?: string | undefined;
  readonly prune?: boolean | undefined;
  /** Only these `accountId/roleName` pairs (the app's picker); default: all of them. */
  readonly only?: ReadonlySet<string> | undefined;
  readonly dryRun?: boolean | undefined;
}

/** Writes (or with dryRun previews) the profiles for a discovery, as one lossless edit; nothing is written when nothing changes. */
export function populateSsoProfiles(files: AwsFilesService, request: PopulateRequest): EditReport<PopulateReport> {
  const only = request.only;
  const accounts =
    only === undefined
      ? request.discovery.accounts
      : request.discovery.accounts
          .map((a) => ({ ...a, roles: a.roles.filter((r) => only.has(`${a.accountId}/${r}`)) }))
          .filter((a) => a.roles.length > 0);
  return files.edit(
    (docs) => populateProfiles(docs, { session: request.session, accounts, assigned: request.discovery.accounts, template: request.template, region: request.region, prune: request.prune }),
    { dryRun: request.dryRun === true },
  );
}
