// The one network policy for every AWS call (timeouts, bounded retries with backoff, deadline); plain Node, no SDK.

import { setTimeout as wait } from 'node:timers/promises';

import { HatrackError } from '../../../shared/domain/errors.js';

export interface NetworkPolicy {
  /** Per attempt: milliseconds to open the connection. */
  readonly connectTimeoutMs: number;
  /** Per attempt: milliseconds from sending to the response headers, and the longest silence while the body arrives. */
  readonly requestTimeoutMs: number;
  /** Attempts per request, the first included. */
  readonly maxAttempts: number;
  /** Retry n waits a random time up to min(maxBackoffMs, baseBackoffMs · 2^(n-1)) ("full jitter"); throttling starts 5× higher. */
  readonly baseBackoffMs: number;
  readonly maxBackoffMs: number;
  /** All one operation (a CLI command, an app action) may spend on the network, time spent waiting for the user excluded. */
  readonly deadlineMs: number;
}

export const DEFAULT_NETWORK_POLICY: NetworkPolicy = {
  connectTimeoutMs: 5_000,
  requestTimeoutMs: 10_000,
  maxAttempts: 3,
  baseBackoffMs: 200,
  maxBackoffMs: 2_000,
  deadlineMs: 60_000,
};

/** Per-attempt timeout override (the connect timeout never exceeds it). */
export const TIMEOUT_ENV = 'HATRACK_HTTP_TIMEOUT_MS';
/** Whole-operation deadline override. */
export const DEADLINE_ENV = 'HATRACK_NETWORK_DEADLINE_MS';

function msFromEnv(vars: Readonly<Record<string, string | undefined>>, name: string): number | undefined {
  const raw = vars[name]?.trim();
  if (raw === undefined || raw === '') return undefined;
  if (!/^\d+$/.test(raw) || Number(raw) < 1 || Number(raw) > 86_400_000) {
    throw new HatrackError('INVALID_CONFIG', `${name} must be a whole number of milliseconds between 1 and 86400000.`);
  }
  return Number(raw);
}

/** The defaults with HATRACK_HTTP_TIMEOUT_MS and HATRACK_NETWORK_DEADLINE_MS applied, then `overrides`. */
export function networkPolicyFrom(vars: Readonly<Record<string, string | undefined>>, overrides: Partial<NetworkPolicy> = {}): NetworkPolicy {
  const timeout = msFromEnv(vars, TIMEOUT_ENV);
  const deadline = msFromEnv(vars, DEADLINE_ENV);
  const policy: NetworkPolicy = {
    ...DEFAULT_NETWORK_POLICY,
    ...(timeout === undefined ? {} : { requestTimeoutMs: timeout, connectTimeoutMs: Math.min(DEFAULT_NETWORK_POLICY.connectTimeoutMs, timeout) }),
    ...(deadline === undefined ? {} : { deadlineMs: deadline }),
  };
  return { ...policy, ...overrides };
}

/**
 * Why an attempt failed, as far as retrying cares. `connect`: the request never left (refused, no route, no DNS
 * answer, connect timeout). `timeout`/`reset`: it may have reached the server. `throttled`/`server`: AWS answered
 * "not now". `aborted`: the deadline passed or the user cancelled. `fatal`: an answer that will not change.
 */
export type FailureKind = 'connect' | 'timeout' | 'reset' | 'throttled' | 'server' | 'aborted' | 'fatal';

/** A request that may have reached the server is repeated only when repeating it is harmless (`idempotent`). */
export function mayRetry(kind: FailureKind, idempotent: boolean): boolean {
  switch (kind) {
    case 'connect':
    case 'throttled':
      return true;
    case 'timeout':
    case 'reset':
    case 'server':
      return idempotent;
    default:
      return false;
  }
}

/** The wait before retry number `retry` (1 = the second attempt); `random` returns [0, 1). */
export function backoffMs(policy: NetworkPolicy, retry: number, kind: FailureKind, random: () => number = Math.random): number {
  const base = kind === 'throttled' ? policy.baseBackoffMs * 5 : policy.baseBackoffMs;
  const cap = Math.min(policy.maxBackoffMs, base * 2 ** Math.max(0, retry - 1));
  return Math.floor(random() * cap);
}

/** The last failure of a retried request, with how it failed and how many attempts were made. */
export class AttemptsFailedError extends Error {
  readonly kind: FailureKind;
  readonly attempts: number;
  readonly lastError: unknown;

  constructor(kind: FailureKind, attempts: number, lastError: unknown) {
    super(`request failed (${kind}) after ${attempts} attempt(s)`);
    this.name = 'AttemptsFailedError';
    this.kind = kind;
    this.attempts = attempts;
    this.lastError = lastError;
  }
}

export interface RetryOptions {
  readonly policy: NetworkPolicy;
  readonly classify: (e: unknown) => FailureKind;
  /** False for calls whose repetition could do something twice (CreateAccessKey, a one-time MFA code). Default true. */
  readonly idempotent?: boolean | undefined;
  readonly signal?: AbortSignal | undefined;
  /** Resolves after `ms`, rejects when `signal` aborts. */
  readonly sleep?: ((ms: number, signal: AbortSignal | undefined) => Promise<void>) | undefined;
  readonly random?: (() => number) | undefined;
}

const abortableSleep = (ms: number, signal: AbortSignal | undefined): Promise<void> => wait(ms, undefined, signal === undefined ? {} : { signal });

/** Runs `attempt` up to policy.maxAttempts times; every failure leaves as an AttemptsFailedError. */
export async function withRetries<T>(attempt: (n: number) => Promise<T>, o: RetryOptions): Promise<T> {
  const sleep = o.sleep ?? abortableSleep;
  const max = Math.max(1, o.policy.maxAttempts);
  const aborted = (): boolean => o.signal?.aborted === true;
  for (let n = 1; ; n++) {
    if (aborted()) throw new AttemptsFailedError('aborted', n - 1, o.signal?.reason);
    let kind: FailureKind;
    let error: unknown;
    try {
      return await attempt(n);
    } catch (e) {
      error = e;
      kind = aborted() ? 'aborted' : o.classify(e);
    }
    if (n >= max || !mayRetry(kind, o.idempotent !== false)) throw new AttemptsFailedError(kind, n, error);
    try {
      await sleep(backoffMs(o.policy, n, kind, o.random), o.signal);
    } catch {
      throw new AttemptsFailedError('aborted', n, error);
    }
  }
}
