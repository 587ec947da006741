// The IAM Identity Center OIDC API (RegisterClient, StartDeviceAuthorization, CreateToken) over plain fetch; plain Node.
//
// rest-json, unsigned (spec §3.2). Errors are told apart by the `x-amzn-ErrorType` header, as botocore does: the
// OAuth bodies (`error`, `error_description`) are not the shape names.

import { DEFAULT_NETWORK_POLICY } from '../sts/network-policy.js';
import type { NetworkPolicy } from '../sts/network-policy.js';
import { attemptSignal, unreachable } from './attempt-signal.js';
import { setTimeout as sleep } from 'node:timers/promises';

import { HatrackError } from '../../../shared/domain/errors.js';

export interface RegisterClientRequest {
  readonly clientName: string;
  readonly clientType: 'public';
  readonly scopes?: readonly string[] | undefined;
  readonly grantTypes?: readonly string[] | undefined;
  readonly redirectUris?: readonly string[] | undefined;
  readonly issuerUrl?: string | undefined;
}

export interface RegisteredClient {
  readonly clientId: string;
  readonly clientSecret: string;
  /** Epoch seconds. */
  readonly clientSecretExpiresAt: number;
}

export interface DeviceAuthorization {
  readonly deviceCode: string;
  readonly userCode: string;
  readonly verificationUri: string;
  readonly verificationUriComplete: string | undefined;
  /** Seconds. */
  readonly expiresIn: number;
  /** Seconds between polls; botocore's default is 5. */
  readonly interval: number;
}

export type CreateTokenRequest =
  | { readonly grantType: 'urn:ietf:params:oauth:grant-type:device_code'; readonly deviceCode: string }
  | { readonly grantType: 'authorization_code'; readonly code: string; readonly redirectUri: string; readonly codeVerifier: string }
  | { readonly grantType: 'refresh_token'; readonly refreshToken: string };

export interface IssuedToken {
  readonly accessToken: string;
  /** Seconds. */
  readonly expiresIn: number;
  readonly refreshToken: string | undefined;
}

export interface ClientSecretPair {
  readonly clientId: string;
  readonly clientSecret: string;
}

/** A service error: its shape name (AuthorizationPendingException, …) and HTTP status; never the request's secrets. */
export class OidcError extends Error {
  constructor(
    readonly shape: string,
    readonly status: number,
    readonly operation: string,
  ) {
    super(`sso-oidc:${operation} failed: ${shape} (HTTP ${status})`);
    this.name = 'OidcError';
  }
}

export interface OidcClient {
  registerClient(request: RegisterClientRequest, signal?: AbortSignal): Promise<RegisteredClient>;
  startDeviceAuthorization(client: ClientSecretPair, startUrl: string, signal?: AbortSignal): Promise<DeviceAuthorization>;
  createToken(client: ClientSecretPair, request: CreateTokenRequest, signal?: AbortSignal): Promise<IssuedToken>;
}

export interface OidcClientOptions {
  /** The resolved OIDC base URL (ssoServiceEndpoint('sso-oidc', …)). */
  readonly baseUrl: string;
  readonly fetch?: typeof fetch;
  /** Per-attempt timeout and network retries (HATRACK_HTTP_TIMEOUT_MS and the shared defaults). */
  readonly policy?: Pick<NetworkPolicy, 'requestTimeoutMs' | 'maxAttempts'> | undefined;
}

/** botocore's error code: the header's part before `:`, after the last `#`; then body `code`/`__type`; then the status. */
export function errorShape(header: string | null, body: unknown, status: number): string {
  if (header !== null && header.trim() !== '') {
    const head = header.split(':')[0]!;
    return head.slice(head.lastIndexOf('#') + 1).trim();
  }
  if (typeof body === 'object' && body !== null) {
    const rec = body as Record<string, unknown>;
    for (const k of ['code', '__type']) {
      const v = rec[k];
      if (typeof v === 'string' && v !== '') return v.slice(v.lastIndexOf('#') + 1);
    }
  }
  return String(status);
}


function isAbort(e: unknown): boolean {
  return e instanceof Error && (e.name === 'AbortError' || e.name === 'TimeoutError');
}

export function cancelled(): HatrackError {
  return new HatrackError('CANCELLED', 'Sign-in cancelled; nothing was written.');
}

function num(v: unknown, fallback: number): number {
  return typeof v === 'number' && Number.isFinite(v) ? v : fallback;
}

function str(v: unknown, what: string, operation: string): string {
  if (typeof v !== 'string' || v === '') throw new HatrackError('AWS_SERVICE_ERROR', `sso-oidc:${operation} returned no ${what}.`);
  return v;
}

export function createOidcClient(options: OidcClientOptions): OidcClient {
  const doFetch = options.fetch ?? fetch;
  const base = options.baseUrl.replace(/\/+$/, '');
  const policy = options.policy ?? DEFAULT_NETWORK_POLICY;

  /** One POST; 5xx and network failures are retried (botocore's standard mode: 3 attempts), anything else thrown. */
  async function post(operation: string, pathName: string, body: Record<string, unknown>, signal?: AbortSignal): Promise<Record<string, unknown>> {
    for (let attempt = 1; ; attempt++) {
      let res: Response;
      let text: string;
      const each = attemptSignal(policy, signal);
      try {
        res = await doFetch(`${base}${pathName}`, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify(body),
          signal: each.signal,
        });
        text = await res.text();
      } catch (e) {
        if (signal?.aborted === true || (isAbort(e) && !each.timedOut())) throw cancelled();
        if (attempt < policy.maxAttempts) {
          await backoff(attempt, signal);
          continue;
        }
        throw new HatrackError('NETWORK', unreachable('sso-oidc', new URL(base).host, each.timedOut(), policy, attempt));
      }
      let json: unknown;
      try {
        json = text === '' ? {} : JSON.parse(text);
      } catch {
        json = undefined;
      }
      if (res.ok) {
        if (typeof json !== 'object' || json === null) throw new HatrackError('AWS_SERVICE_ERROR', `sso-oidc:${operation} returned a body that is not JSON.`);
        return json as Record<string, unknown>;
      }
      if (res.status >= 500 && attempt < policy.maxAttempts) {
        await backoff(attempt, signal);
        continue;
      }
      throw new OidcError(errorShape(res.headers.get('x-amzn-errortype'), json, res.status), res.status, operation);
    }
  }

  return {
    async registerClient(request, signal) {
      const out = await post('RegisterClient', '/client/register', { ...request }, signal);
      return {
        clientId: str(out['clientId'], 'clientId', 'RegisterClient'),
        clientSecret: str(out['clientSecret'], 'clientSecret', 'RegisterClient'),
        clientSecretExpiresAt: num(out['clientSecretExpiresAt'], 0),
      };
    },
    async startDeviceAuthorization(client, startUrl, signal) {
      const out = await post('StartDeviceAuthorization', '/device_authorization', { clientId: client.clientId, clientSecret: client.clientSecret, startUrl }, signal);
      return {
        deviceCode: str(out['deviceCode'], 'deviceCode', 'StartDeviceAuthorization'),
        userCode: str(out['userCode'], 'userCode', 'StartDeviceAuthorization'),
        verificationUri: str(out['verificationUri'], 'verificationUri', 'StartDeviceAuthorization'),
        verificationUriComplete: typeof out['verificationUriComplete'] === 'string' ? out['verificationUriComplete'] : undefined,
        expiresIn: num(out['expiresIn'], 600),
        interval: num(out['interval'], 5),
      };
    },
    async createToken(client, request, signal) {
      const out = await post('CreateToken', '/token', { clientId: client.clientId, clientSecret: client.clientSecret, ...request }, signal);
      return {
        accessToken: str(out['accessToken'], 'accessToken', 'CreateToken'),
        expiresIn: num(out['expiresIn'], 0),
        refreshToken: typeof out['refreshToken'] === 'string' && out['refreshToken'] !== '' ? out['refreshToken'] : undefined,
      };
    },
  };
}

async function backoff(attempt: number, signal?: AbortSignal): Promise<void> {
  try {
    await sleep(Math.random() * 250 * 2 ** attempt, undefined, signal === undefined ? undefined : { signal });
  } catch {
    throw cancelled();
  }
}
