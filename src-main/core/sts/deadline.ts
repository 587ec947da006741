// A deadline for one operation's network work, as an AbortSignal that the caller's own signal can also abort; plain Node.

const REASON_NAME = 'HatrackDeadline';

export interface Deadline {
  /** Aborts when the deadline passes (reason: a "HatrackDeadline" error) or when the parent signal aborts. */
  readonly signal: AbortSignal;
  readonly ms: number;
  /** Runs `f` with the clock stopped: an MFA prompt must not use up the time the network has. */
  outside<T>(f: () => Promise<T>): Promise<T>;
  /** Stops the clock for good and lets go of the parent signal. */
  end(): void;
}

/** The deadline in ms when `signal` was aborted by a Deadline (from any copy of this module), else undefined. */
export function deadlineMsOf(signal: AbortSignal | undefined): number | undefined {
  if (signal?.aborted !== true) return undefined;
  const reason = signal.reason as { name?: unknown; deadlineMs?: unknown } | undefined;
  return reason?.name === REASON_NAME && typeof reason.deadlineMs === 'number' ? reason.deadlineMs : undefined;
}

export function createDeadline(ms: number, parent?: AbortSignal): Deadline {
  const ctl = new AbortController();
  let remaining = ms;
  let startedAt = performance.now();
  let paused = 0;
  let ended = false;
  let timer: NodeJS.Timeout | undefined;
  const arm = (after: number): void => {
    timer = setTimeout(() => ctl.abort(Object.assign(new Error(`The ${ms} ms network deadline passed.`), { name: REASON_NAME, deadlineMs: ms })), after);
    // The deadline watches work that holds the process open itself; it must not keep a finished CLI alive.
    timer.unref();
  };
  const onParentAbort = (): void => ctl.abort(parent?.reason);
  if (parent?.aborted === true) ctl.abort(parent.reason);
  else {
    parent?.addEventListener('abort', onParentAbort, { once: true });
    arm(ms);
  }
  const stop = (): void => {
    clearTimeout(timer);
    timer = undefined;
  };
  return {
    signal: ctl.signal,
    ms,
    async outside(f) {
      if (paused++ === 0 && timer !== undefined) {
        stop();
        remaining -= performance.now() - startedAt;
      }
      try {
        return await f();
      } finally {
        if (--paused === 0 && !ended && !ctl.signal.aborted) {
          startedAt = performance.now();
          arm(Math.max(0, remaining));
        }
      }
    },
    end() {
      ended = true;
      stop();
      parent?.removeEventListener('abort', onParentAbort);
    },
  };
}
