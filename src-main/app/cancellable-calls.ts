// Cancellable calls (plain Node): a renderer-chosen call id names one running network call so `calls.cancel` can abort it.
//
// A call that brought no id cannot be cancelled; an id that is unknown (already finished, never started) is a no-op,
// so a Cancel racing the answer is harmless.

export interface RunningCall {
  /** Handed down to the credentials engine; aborts when the call is cancelled. */
  readonly signal: AbortSignal | undefined;
  /** Forgets the call: it answered (or failed) and can no longer be cancelled. */
  readonly end: () => void;
}

export interface CancellableCalls {
  begin(callId: string | undefined): RunningCall;
  /** Aborts the call with this id; false when no such call is running. */
  cancel(callId: string): boolean;
  /** Runs `work` as the call `callId`, forgetting it however it ends. */
  run<T>(callId: string | undefined, work: (signal: AbortSignal | undefined) => Promise<T>): Promise<T>;
}

export function createCancellableCalls(): CancellableCalls {
  const running = new Map<string, AbortController>();
  const begin = (callId: string | undefined): RunningCall => {
    if (callId === undefined) return { signal: undefined, end: () => undefined };
    // Reusing a live id would orphan the first call's controller: abort it rather than leave it uncancellable.
    running.get(callId)?.abort();
    const controller = new AbortController();
    running.set(callId, controller);
    return {
      signal: controller.signal,
      end: () => {
        if (running.get(callId) === controller) running.delete(callId);
      },
    };
  };
  return {
    begin,
    cancel(callId) {
      const controller = running.get(callId);
      if (controller === undefined) return false;
      running.delete(callId);
      controller.abort();
      return true;
    },
    async run(callId, work) {
      const call = begin(callId);
      try {
        return await work(call.signal);
      } finally {
        call.end();
      }
    },
  };
}
