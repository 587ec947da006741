import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';

import { createDeadline, deadlineMsOf } from './deadline.js';

beforeEach(() => {
  vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'performance'] });
});
afterEach(() => {
  vi.useRealTimers();
});

describe('createDeadline', () => {
  it('aborts its signal when the time is up, with a reason that says so', () => {
    const d = createDeadline(1000);
    vi.advanceTimersByTime(999);
    expect(d.signal.aborted).toBe(false);
    vi.advanceTimersByTime(1);
    expect(d.signal.aborted).toBe(true);
    expect(deadlineMsOf(d.signal)).toBe(1000);
  });

  it('stops the clock while the user is asked something', async () => {
    const d = createDeadline(1000);
    vi.advanceTimersByTime(600);
    let answer!: (v: string) => void;
    const asked = d.outside(() => new Promise<string>((r) => (answer = r)));
    vi.advanceTimersByTime(5000);
    expect(d.signal.aborted).toBe(false);
    answer('123456');
    expect(await asked).toBe('123456');
    vi.advanceTimersByTime(399);
    expect(d.signal.aborted).toBe(false);
    vi.advanceTimersByTime(1);
    expect(deadlineMsOf(d.signal)).toBe(1000);
  });

  it('follows the caller\'s cancel, which is not a deadline', () => {
    const ctl = new AbortController();
    const d = createDeadline(1000, ctl.signal);
    ctl.abort(new Error('user cancelled'));
    expect(d.signal.aborted).toBe(true);
    expect(deadlineMsOf(d.signal)).toBeUndefined();
    expect(createDeadline(1000, AbortSignal.abort()).signal.aborted).toBe(true);
  });

  it('never fires once ended, and lets go of the parent', () => {
    const ctl = new AbortController();
    const d = createDeadline(1000, ctl.signal);
    d.end();
    vi.advanceTimersByTime(5000);
    ctl.abort();
    expect(d.signal.aborted).toBe(false);
  });
});
