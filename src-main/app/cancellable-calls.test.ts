import { describe, expect, it } from 'vitest';
import { createCancellableCalls } from './cancellable-calls.js';

/** Work that finishes only when its signal aborts, as a hanging STS request does. */
function hangUntilAborted(signal: AbortSignal | undefined): Promise<string> {
  return new Promise((_resolve, reject) => {
    signal?.addEventListener('abort', () => reject(new Error('aborted')), { once: true });
  });
}

describe('cancellable calls', () => {
  it('cancel aborts the running call with that id', async () => {
    const calls = createCancellableCalls();
    const running = calls.run('c1', hangUntilAborted);
    expect(calls.cancel('c1')).toBe(true);
    await expect(running).rejects.toThrow('aborted');
  });

  it('a finished call is forgotten: cancelling it afterwards is a no-op', async () => {
    const calls = createCancellableCalls();
    await expect(calls.run('c2', () => Promise.resolve('done'))).resolves.toBe('done');
    expect(calls.cancel('c2')).toBe(false);
  });

  it('cancelling one id leaves other calls running', async () => {
    const calls = createCancellableCalls();
    const first = calls.begin('a');
    const second = calls.begin('b');
    calls.cancel('a');
    expect(first.signal?.aborted).toBe(true);
    expect(second.signal?.aborted).toBe(false);
  });

  it('a call without an id gets no signal and cannot be cancelled', () => {
    const calls = createCancellableCalls();
    expect(calls.begin(undefined).signal).toBeUndefined();
    expect(calls.cancel('anything')).toBe(false);
  });

  it('a second call reusing a live id aborts the first instead of orphaning it', () => {
    const calls = createCancellableCalls();
    const first = calls.begin('same');
    const second = calls.begin('same');
    expect(first.signal?.aborted).toBe(true);
    first.end();
    expect(calls.cancel('same')).toBe(true);
    expect(second.signal?.aborted).toBe(true);
  });
});
