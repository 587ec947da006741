// How many portal calls may be in flight: AIMD on concurrency, plus a shared pause for Retry-After; plain TS.
//
// Spec §7 suggests a fixed 10 req/s token bucket. That alone makes 2,000 accounts take 200 s, so Hatrack starts
// with no rate cap at all (only `max` calls in flight) and adapts when the service pushes back: a 429 halves the
// allowed concurrency (at most once per "generation" of calls, so one burst of 429s from calls sent together counts
// once), each success adds 1/limit back (additive increase, about +1 per round trip), and a Retry-After pauses every
// caller until it has passed. Throttling therefore costs throughput only while the service asks for it.

export interface LimiterSlot {
  /** The generation this call started in; a throttle reported for an older generation does not halve again. */
  readonly generation: number;
  release(): void;
}

export interface AdaptiveLimiter {
  acquire(signal?: AbortSignal): Promise<LimiterSlot>;
  /** The service answered 429 (or TooManyRequestsException) to a call started in `slot`'s generation. */
  throttled(slot: LimiterSlot, retryAfterMs: number | undefined): void;
  succeeded(): void;
  /** Calls currently allowed in flight. */
  readonly limit: number;
}

export interface AdaptiveLimiterOptions {
  /** The ceiling (and starting point) for calls in flight. */
  readonly max: number;
  readonly now?: () => number;
}

export function createAdaptiveLimiter(options: AdaptiveLimiterOptions): AdaptiveLimiter {
  const max = Math.max(1, Math.floor(options.max));
  const now = options.now ?? Date.now;
  let limit = max;
  let active = 0;
  let generation = 0;
  let pausedUntil = 0;
  let timer: ReturnType<typeof setTimeout> | undefined;
  const waiting: { resolve: (slot: LimiterSlot) => void; reject: (e: unknown) => void; signal: AbortSignal | undefined }[] = [];

  const slot = (): LimiterSlot => {
    active++;
    let released = false;
    return {
      generation,
      release() {
        if (released) return;
        released = true;
        active--;
        pump();
      },
    };
  };

  function pump(): void {
    const wait = pausedUntil - now();
    if (wait > 0) {
      if (timer === undefined && waiting.length > 0) {
        timer = setTimeout(() => {
          timer = undefined;
          pump();
        }, wait);
      }
      return;
    }
    while (waiting.length > 0 && active < Math.floor(limit)) {
      const next = waiting.shift()!;
      if (next.signal?.aborted === true) {
        next.reject(next.signal.reason);
        continue;
      }
      next.resolve(slot());
    }
  }

  return {
    get limit() {
      return Math.floor(limit);
    },
    acquire(signal) {
      if (signal?.aborted === true) return Promise.reject(signal.reason);
      if (waiting.length === 0 && active < Math.floor(limit) && pausedUntil <= now()) return Promise.resolve(slot());
      return new Promise<LimiterSlot>((resolve, reject) => {
        const onAbort = (): void => {
          const at = waiting.indexOf(entry);
          if (at >= 0) {
            waiting.splice(at, 1);
            reject(signal?.reason);
          }
        };
        const entry = {
          resolve: (s: LimiterSlot) => {
            signal?.removeEventListener('abort', onAbort);
            resolve(s);
          },
          reject,
          signal,
        };
        waiting.push(entry);
        signal?.addEventListener('abort', onAbort, { once: true });
        pump();
      });
    },
    throttled(s, retryAfterMs) {
      if (s.generation === generation) {
        limit = Math.max(1, Math.floor(limit / 2));
        generation++;
      }
      if (retryAfterMs !== undefined && retryAfterMs > 0) pausedUntil = Math.max(pausedUntil, now() + retryAfterMs);
    },
    succeeded() {
      if (limit < max) limit = Math.min(max, limit + 1 / limit);
      pump();
    },
  };
}
