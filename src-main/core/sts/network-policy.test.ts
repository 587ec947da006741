import { describe, expect, it } from 'vitest';

import { AttemptsFailedError, DEFAULT_NETWORK_POLICY, backoffMs, mayRetry, networkPolicyFrom, withRetries } from './network-policy.js';
import type { FailureKind, NetworkPolicy } from './network-policy.js';

const policy: NetworkPolicy = { ...DEFAULT_NETWORK_POLICY, maxAttempts: 4, baseBackoffMs: 100, maxBackoffMs: 1000 };
const failWith = (kind: FailureKind): Error => Object.assign(new Error(kind), { kind });
const classify = (e: unknown): FailureKind => (e as { kind: FailureKind }).kind;

/** Records the waits instead of waiting; `onSleep` may abort in between. */
function recorder(onSleep?: () => void) {
  const waits: number[] = [];
  const sleep = (ms: number, signal: AbortSignal | undefined): Promise<void> => {
    waits.push(ms);
    onSleep?.();
    return signal?.aborted === true ? Promise.reject(new Error('aborted')) : Promise.resolve();
  };
  return { waits, sleep };
}

async function failure(p: Promise<unknown>): Promise<AttemptsFailedError> {
  const e = await p.then(
    () => undefined,
    (x: unknown) => x,
  );
  expect(e).toBeInstanceOf(AttemptsFailedError);
  return e as AttemptsFailedError;
}

describe('backoffMs', () => {
  it('grows exponentially up to the cap, with full jitter', () => {
    expect([1, 2, 3, 4, 5].map((n) => backoffMs(policy, n, 'timeout', () => 0.999999))).toEqual([99, 199, 399, 799, 999]);
    expect(backoffMs(policy, 3, 'timeout', () => 0)).toBe(0);
    expect(backoffMs(policy, 2, 'timeout', () => 0.5)).toBe(100);
  });

  it('starts five times higher when AWS throttles', () => {
    expect(backoffMs(policy, 1, 'throttled', () => 0.999999)).toBe(499);
    expect(backoffMs(policy, 2, 'throttled', () => 0.999999)).toBe(999);
  });
});

describe('mayRetry', () => {
  it.each([
    ['connect', true, true],
    ['connect', false, true],
    ['throttled', false, true],
    ['timeout', true, true],
    ['timeout', false, false],
    ['reset', false, false],
    ['server', true, true],
    ['server', false, false],
    ['fatal', true, false],
    ['aborted', true, false],
  ] as const)('%s (idempotent %s) → %s', (kind, idempotent, expected) => {
    expect(mayRetry(kind, idempotent)).toBe(expected);
  });
});

describe('withRetries', () => {
  it('returns the first success and waits between attempts', async () => {
    const r = recorder();
    let n = 0;
    const out = await withRetries(
      () => (++n < 3 ? Promise.reject(failWith('timeout')) : Promise.resolve('ok')),
      { policy, classify, sleep: r.sleep, random: () => 0.5 },
    );
    expect(out).toBe('ok');
    expect(n).toBe(3);
    expect(r.waits).toEqual([50, 100]);
  });

  it('stops after maxAttempts with the last failure and its count', async () => {
    const r = recorder();
    let n = 0;
    const e = await failure(withRetries(() => (n++, Promise.reject(failWith('connect'))), { policy, classify, sleep: r.sleep, random: () => 0 }));
    expect(n).toBe(4);
    expect(e).toMatchObject({ kind: 'connect', attempts: 4 });
    expect(r.waits).toHaveLength(3);
  });

  it('does not repeat an answer that will not change', async () => {
    let n = 0;
    const e = await failure(withRetries(() => (n++, Promise.reject(failWith('fatal'))), { policy, classify, sleep: recorder().sleep }));
    expect(n).toBe(1);
    expect(e).toMatchObject({ kind: 'fatal', attempts: 1 });
  });

  it('repeats a non-idempotent call only when it cannot have reached the server', async () => {
    let n = 0;
    const kinds: FailureKind[] = ['connect', 'timeout'];
    const e = await failure(
      withRetries(() => Promise.reject(failWith(kinds[n++] ?? 'timeout')), { policy, classify, idempotent: false, sleep: recorder().sleep }),
    );
    expect(n).toBe(2);
    expect(e).toMatchObject({ kind: 'timeout', attempts: 2 });
  });

  it('ends as aborted when the signal aborts during the backoff', async () => {
    const ctl = new AbortController();
    const r = recorder(() => ctl.abort());
    let n = 0;
    const e = await failure(withRetries(() => (n++, Promise.reject(failWith('timeout'))), { policy, classify, signal: ctl.signal, sleep: r.sleep }));
    expect(n).toBe(1);
    expect(e.kind).toBe('aborted');
  });

  it('calls nothing when the signal has already aborted, and a failure under an aborted signal counts as aborted', async () => {
    let n = 0;
    const gone = AbortSignal.abort();
    expect((await failure(withRetries(() => (n++, Promise.resolve(1)), { policy, classify, signal: gone }))).kind).toBe('aborted');
    expect(n).toBe(0);
    const ctl = new AbortController();
    const e = await failure(
      withRetries(
        () => {
          ctl.abort();
          return Promise.reject(failWith('timeout'));
        },
        { policy, classify, signal: ctl.signal, sleep: recorder().sleep },
      ),
    );
    expect(e).toMatchObject({ kind: 'aborted', attempts: 1 });
  });
});

describe('networkPolicyFrom', () => {
  it('applies the environment overrides', () => {
    expect(networkPolicyFrom({})).toEqual(DEFAULT_NETWORK_POLICY);
    const p = networkPolicyFrom({ HATRACK_HTTP_TIMEOUT_MS: '300', HATRACK_NETWORK_DEADLINE_MS: '2000' });
    expect(p).toMatchObject({ requestTimeoutMs: 300, connectTimeoutMs: 300, deadlineMs: 2000, maxAttempts: DEFAULT_NETWORK_POLICY.maxAttempts });
    expect(networkPolicyFrom({ HATRACK_HTTP_TIMEOUT_MS: '60000' }).connectTimeoutMs).toBe(DEFAULT_NETWORK_POLICY.connectTimeoutMs);
    expect(networkPolicyFrom({ HATRACK_HTTP_TIMEOUT_MS: ' ' }, { maxAttempts: 1 })).toEqual({ ...DEFAULT_NETWORK_POLICY, maxAttempts: 1 });
  });

  it.each(['0', '-5', '1.5', '10s', '99999999999'])('refuses %s with INVALID_CONFIG naming the variable', (v) => {
    expect(() => networkPolicyFrom({ HATRACK_NETWORK_DEADLINE_MS: v })).toThrow(/HATRACK_NETWORK_DEADLINE_MS/);
    expect(() => networkPolicyFrom({ HATRACK_HTTP_TIMEOUT_MS: v })).toThrowError(expect.objectContaining({ code: 'INVALID_CONFIG' }) as Error);
  });
});
