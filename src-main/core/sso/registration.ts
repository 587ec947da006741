// OIDC client registration and its cache file, shared with the AWS CLI v2 (spec §4.2); plain Node.

import path from 'node:path';

import type { Environment } from '../environment.js';
import type { OidcClient } from './oidc-client.js';
import { pythonJson } from './python-json.js';
import type { SsoSessionConfig } from './session-config.js';
import { DEFAULT_SSO_SCOPES } from './session-config.js';
import { formatCacheTime, parseCacheTime, readCacheJson, sha1Hex, ssoCacheDir, writeCacheJson } from './token-cache.js';

export type LoginFlow = 'pkce' | 'device';

export interface ClientRegistration {
  readonly clientId: string;
  readonly clientSecret: string;
  readonly expiresAt: Date;
  /** Set for PKCE registrations only (the device flow's have none). */
  readonly scopes: readonly string[] | undefined;
  readonly grantTypes: readonly string[] | undefined;
}

/** The loopback redirect as registered: no port (the authorize URL and CreateToken carry the real one). */
export const REGISTERED_REDIRECT_URI = 'http://127.0.0.1/oauth/callback';
const PKCE_GRANTS = ['authorization_code', 'refresh_token'];
/** Registrations and tokens are reused only with more than this left, as botocore does. */
export const REUSE_MARGIN_MS = 15 * 60_000;

/** sha1 of botocore's JSON of {region, scopes, session_name, startUrl, tool}: sorted keys, Python separators, nulls. */
export function registrationFile(env: Environment, session: SsoSessionConfig): string {
  const key = pythonJson(
    {
      region: session.region,
      scopes: session.scopes ?? null,
      session_name: session.sessionName ?? null,
      startUrl: session.startUrl,
      tool: 'botocore',
    },
    { sortKeys: true },
  );
  const p = env.platform === 'win32' ? path.win32 : path.posix;
  return p.join(ssoCacheDir(env), `${sha1Hex(key)}.json`);
}

/** The cached registration when it fits `flow` and has more than 15 minutes left. */
export async function cachedRegistration(env: Environment, session: SsoSessionConfig, flow: LoginFlow): Promise<ClientRegistration | undefined> {
  const rec = await readCacheJson(registrationFile(env, session));
  if (rec === undefined) return undefined;
  const clientId = rec['clientId'];
  const clientSecret = rec['clientSecret'];
  const expiresAt = parseCacheTime(rec['expiresAt']);
  if (typeof clientId !== 'string' || typeof clientSecret !== 'string' || expiresAt === undefined) return undefined;
  if (expiresAt.getTime() - env.now().getTime() <= REUSE_MARGIN_MS) return undefined;
  const grantTypes = Array.isArray(rec['grantTypes']) ? rec['grantTypes'].filter((g): g is string => typeof g === 'string') : undefined;
  const forAuthCode = grantTypes?.includes('authorization_code') === true;
  if (forAuthCode !== (flow === 'pkce')) return undefined;
  const scopes = Array.isArray(rec['scopes']) ? rec['scopes'].filter((s): s is string => typeof s === 'string') : undefined;
  return { clientId, clientSecret, expiresAt, scopes, grantTypes };
}

/** RegisterClient with botocore's request for the flow; the result is saved only after a sign-in succeeds. */
export async function registerClient(env: Environment, oidc: OidcClient, session: SsoSessionConfig, flow: LoginFlow, signal?: AbortSignal): Promise<ClientRegistration> {
  const clientName = `botocore-client-${session.sessionName ?? Math.floor(env.now().getTime() / 1000)}`;
  if (flow === 'pkce') {
    const scopes = session.scopes ?? DEFAULT_SSO_SCOPES;
    const reg = await oidc.registerClient(
      { clientName, clientType: 'public', grantTypes: PKCE_GRANTS, redirectUris: [REGISTERED_REDIRECT_URI], issuerUrl: session.startUrl, scopes },
      signal,
    );
    return { clientId: reg.clientId, clientSecret: reg.clientSecret, expiresAt: new Date(reg.clientSecretExpiresAt * 1000), scopes, grantTypes: PKCE_GRANTS };
  }
  const reg = await oidc.registerClient({ clientName, clientType: 'public', scopes: session.scopes }, signal);
  return { clientId: reg.clientId, clientSecret: reg.clientSecret, expiresAt: new Date(reg.clientSecretExpiresAt * 1000), scopes: undefined, grantTypes: undefined };
}

export async function saveRegistration(env: Environment, session: SsoSessionConfig, reg: ClientRegistration): Promise<void> {
  const out: Record<string, unknown> = { clientId: reg.clientId, clientSecret: reg.clientSecret, expiresAt: formatCacheTime(reg.expiresAt) };
  if (reg.scopes !== undefined) out['scopes'] = reg.scopes;
  if (reg.grantTypes !== undefined) out['grantTypes'] = reg.grantTypes;
  await writeCacheJson(registrationFile(env, session), pythonJson(out));
}
