// The IAM Identity Center portal API (ListAccounts, ListAccountRoles, GetRoleCredentials, Logout) over fetch; plain Node.
//
// rest-json, unsigned, over node:http (http-request.ts); the bearer goes in `x-amz-sso_bearer_token`, never in Authorization (spec §3.3). Throttling
// (HTTP 429 whatever its error type, or TooManyRequestsException), 5xx and network failures are retried with
// full-jitter exponential backoff (base 0.5 s, cap 20 s, 8 attempts) and Retry-After is honoured; every call goes
// through one adaptive limiter (adaptive-limiter.ts). A 401 is never retried: the sign-in is gone.

import { DEFAULT_NETWORK_POLICY } from '../sts/network-policy.js';
import type { NetworkPolicy } from '../sts/network-policy.js';
import { attemptSignal, unreachable } from './attempt-signal.js';
import { setTimeout as delay } from 'node:timers/promises';

import { HatrackError } from '../../../shared/domain/errors.js';
import type { AdaptiveLimiter } from './adaptive-limiter.js';
import { createAdaptiveLimiter } from './adaptive-limiter.js';
import { createHttpRequester } from './http-request.js';
import type { HttpRequester, HttpResponse } from './http-request.js';
import { cancelled, errorShape } from './oidc-client.js';

export interface PortalAccount {
  readonly accountId: string;
  /** Optional in the API: some accounts come back without a name or e-mail. */
  readonly accountName: string | undefined;
  readonly emailAddress: string | undefined;
}

export interface PortalRoleCredentials {
  readonly accessKeyId: string;
  readonly secretAccessKey: string;
  readonly sessionToken: string;
  readonly expiration: Date;
}

export interface PortalPage<T> {
  readonly items: readonly T[];
  readonly nextToken: string | undefined;
}

export interface PortalClient {
  listAccountsPage(nextToken?: string, signal?: AbortSignal): Promise<PortalPage<PortalAccount>>;
  /** Every role name assigned in one account, following pagination. */
  listAccountRoles(accountId: string, signal?: AbortSignal): Promise<string[]>;
  getRoleCredentials(accountId: string, roleName: string, signal?: AbortSignal): Promise<PortalRoleCredentials>;
  /** Ends the portal session; service errors are the caller's to ignore (the CLI's logout ignores them). */
  logout(signal?: AbortSignal): Promise<void>;
}

export interface PortalClientOptions {
  /** The resolved portal base URL (ssoServiceEndpoint('sso', …)). */
  readonly baseUrl: string;
  readonly accessToken: string;
  /** The command that signs in again, for the one-line error a 401 becomes. */
  readonly loginHint: string;
  readonly limiter?: AdaptiveLimiter | undefined;
  /** Calls in flight before any throttling (the limiter's ceiling); default 16. */
  readonly maxConcurrency?: number | undefined;
  /** Default: node:http(s) with kept-alive connections (http-request.ts). */
  readonly request?: HttpRequester | undefined;
  /** Test seams for the backoff. */
  readonly sleep?: ((ms: number, signal?: AbortSignal) => Promise<void>) | undefined;
  readonly random?: (() => number) | undefined;
  readonly now?: (() => number) | undefined;
  /** Per-attempt timeout and network retries (HATRACK_HTTP_TIMEOUT_MS and the shared defaults). */
  readonly policy?: Pick<NetworkPolicy, 'requestTimeoutMs' | 'maxAttempts'> | undefined;
}

export const PORTAL_PAGE_SIZE = 100;
const ATTEMPTS = 8;
const BASE_MS = 500;
const CAP_MS = 20_000;
/** A Retry-After longer than this is cut to it: one odd header must not park a discovery for an hour. */
const MAX_RETRY_AFTER_MS = 60_000;

/** Full jitter (AWS architecture blog): a uniform wait in [0, min(cap, base·2^(attempt-1))). */
export function fullJitterMs(attempt: number, random: () => number): number {
  return random() * Math.min(CAP_MS, BASE_MS * 2 ** (attempt - 1));
}

/** Retry-After as delta-seconds or an HTTP date; undefined when absent or unreadable. */
export function parseRetryAfter(raw: string | null, now: number): number | undefined {
  if (raw === null || raw.trim() === '') return undefined;
  const text = raw.trim();
  const ms = /^\d+(\.\d+)?$/.test(text) ? Number(text) * 1000 : Date.parse(text) - now;
  if (!Number.isFinite(ms)) return undefined;
  return Math.min(MAX_RETRY_AFTER_MS, Math.max(0, ms));
}

function isAbort(e: unknown): boolean {
  return e instanceof Error && (e.name === 'AbortError' || e.name === 'TimeoutError');
}

function text(v: unknown): string | undefined {
  return typeof v === 'string' && v !== '' ? v : undefined;
}

function required(v: unknown, what: string, operation: string): string {
  const s = text(v);
  if (s === undefined) throw new HatrackError('AWS_SERVICE_ERROR', `sso:${operation} returned no ${what}.`);
  return s;
}

export function createPortalClient(options: PortalClientOptions): PortalClient {
  const base = options.baseUrl.replace(/\/+$/, '');
  const random = options.random ?? Math.random;
  const now = options.now ?? Date.now;
  const max = options.maxConcurrency ?? 16;
  const limiter = options.limiter ?? createAdaptiveLimiter({ max, now });
  const request = options.request ?? createHttpRequester(max);
  const policy = options.policy ?? DEFAULT_NETWORK_POLICY;
  const sleep =
    options.sleep ??
    (async (ms: number, signal?: AbortSignal) => {
      await delay(ms, undefined, signal === undefined ? undefined : { signal });
    });
  const host = (() => {
    try {
      return new URL(base).host;
    } catch {
      return base;
    }
  })();

  async function wait(ms: number, signal: AbortSignal | undefined): Promise<void> {
    try {
      await sleep(ms, signal);
    } catch (e) {
      if (signal?.aborted === true || isAbort(e)) throw cancelled();
      throw e;
    }
  }

  async function call(operation: string, method: 'GET' | 'POST', pathName: string, query: Record<string, string | undefined>, signal?: AbortSignal): Promise<Record<string, unknown>> {
    const params = new URLSearchParams();
    for (const [k, v] of Object.entries(query)) if (v !== undefined) params.set(k, v);
    const qs = params.toString();
    const url = `${base}${pathName}${qs === '' ? '' : `?${qs}`}`;
    let networkFailures = 0;
    for (let attempt = 1; ; attempt++) {
      let slot;
      try {
        slot = await limiter.acquire(signal);
      } catch {
        throw cancelled();
      }
      let res: HttpResponse;
      const each = attemptSignal(policy, signal);
      try {
        res = await request(url, { method, headers: { 'x-amz-sso_bearer_token': options.accessToken }, signal: each.signal });
      } catch (e) {
        slot.release();
        if (signal?.aborted === true || (isAbort(e) && !each.timedOut())) throw cancelled();
        // Throttling may take 8 attempts; a server that does not answer gets the network policy's few.
        networkFailures++;
        if (networkFailures < policy.maxAttempts) {
          await wait(fullJitterMs(attempt, random), signal);
          continue;
        }
        throw new HatrackError('NETWORK', unreachable('sso', host, each.timedOut(), policy, networkFailures));
      }
      slot.release();
      let json: unknown;
      try {
        json = res.body === '' ? {} : JSON.parse(res.body);
      } catch {
        json = undefined;
      }
      if (res.status >= 200 && res.status < 300) {
        limiter.succeeded();
        if (typeof json !== 'object' || json === null) throw new HatrackError('AWS_SERVICE_ERROR', `sso:${operation} returned a body that is not JSON.`);
        return json as Record<string, unknown>;
      }
      const shape = errorShape(res.header('x-amzn-errortype'), json, res.status);
      if (res.status === 401 || shape === 'UnauthorizedException') {
        throw new HatrackError('SSO_LOGIN_REQUIRED', `The IAM Identity Center sign-in is no longer valid (the portal refused it); sign in again: ${options.loginHint}`);
      }
      const throttled = res.status === 429 || shape === 'TooManyRequestsException';
      if ((throttled || res.status >= 500) && attempt < ATTEMPTS) {
        const retryAfter = parseRetryAfter(res.header('retry-after'), now());
        if (throttled) limiter.throttled(slot, retryAfter);
        await wait(retryAfter ?? fullJitterMs(attempt, random), signal);
        continue;
      }
      throw new HatrackError(
        'AWS_SERVICE_ERROR',
        throttled
          ? `sso:${operation} was still throttled after ${ATTEMPTS} attempts; try again in a minute.`
          : `sso:${operation} failed: ${shape} (HTTP ${res.status}).`,
      );
    }
  }

  return {
    async listAccountsPage(nextToken, signal) {
      const out = await call('ListAccounts', 'GET', '/assignment/accounts', { next_token: nextToken, max_result: String(PORTAL_PAGE_SIZE) }, signal);
      const list = Array.isArray(out['accountList']) ? (out['accountList'] as unknown[]) : [];
      const items: PortalAccount[] = [];
      for (const a of list) {
        if (typeof a !== 'object' || a === null) continue;
        const rec = a as Record<string, unknown>;
        const accountId = text(rec['accountId']);
        if (accountId === undefined) continue;
        items.push({ accountId, accountName: text(rec['accountName']), emailAddress: text(rec['emailAddress']) });
      }
      return { items, nextToken: text(out['nextToken']) };
    },
    async listAccountRoles(accountId, signal) {
      const roles: string[] = [];
      let token: string | undefined;
      do {
        const out = await call('ListAccountRoles', 'GET', '/assignment/roles', { account_id: accountId, next_token: token, max_result: String(PORTAL_PAGE_SIZE) }, signal);
        const list = Array.isArray(out['roleList']) ? (out['roleList'] as unknown[]) : [];
        for (const r of list) {
          const name = typeof r === 'object' && r !== null ? text((r as Record<string, unknown>)['roleName']) : undefined;
          if (name !== undefined) roles.push(name);
        }
        token = text(out['nextToken']);
      } while (token !== undefined);
      return roles;
    },
    async getRoleCredentials(accountId, roleName, signal) {
      const out = await call('GetRoleCredentials', 'GET', '/federation/credentials', { role_name: roleName, account_id: accountId }, signal);
      const rc = out['roleCredentials'];
      if (typeof rc !== 'object' || rc === null) throw new HatrackError('AWS_SERVICE_ERROR', 'sso:GetRoleCredentials returned no credentials.');
      const c = rc as Record<string, unknown>;
      const expiration = c['expiration'];
      if (typeof expiration !== 'number' || !Number.isFinite(expiration)) throw new HatrackError('AWS_SERVICE_ERROR', 'sso:GetRoleCredentials returned no expiration.');
      return {
        accessKeyId: required(c['accessKeyId'], 'accessKeyId', 'GetRoleCredentials'),
        secretAccessKey: required(c['secretAccessKey'], 'secretAccessKey', 'GetRoleCredentials'),
        sessionToken: required(c['sessionToken'], 'sessionToken', 'GetRoleCredentials'),
        // Epoch milliseconds, unlike the OIDC API's seconds.
        expiration: new Date(expiration),
      };
    },
    async logout(signal) {
      await call('Logout', 'POST', '/logout', {}, signal);
    },
  };
}
