// isHatrackError must know errors thrown by another copy of the module (dist/cli/on-demand.cjs holds one), subclasses
// included, and must not take Node's own coded errors for ours.

import { describe, expect, it } from 'vitest';
import { HatrackError, isHatrackError } from './errors.js';

/** What a HatrackError subclass from a second copy of this module looks like: same shape, different class. */
class OtherCopyError extends Error {
  readonly code = 'ACCESS_DENIED';
  constructor(message: string) {
    super(message);
    this.name = 'AwsCallError';
  }
  describe(): string {
    return this.message;
  }
}

describe('isHatrackError', () => {
  it('accepts this copy, a subclass from another copy, and nothing else', () => {
    expect(isHatrackError(new HatrackError('INVALID_KEY', 'bad key'))).toBe(true);
    expect(isHatrackError(new OtherCopyError('denied'))).toBe(true);
    const nodeError = Object.assign(new Error('no such file'), { code: 'ENOENT' });
    expect(isHatrackError(nodeError)).toBe(false);
    expect(isHatrackError({ code: 'ACCESS_DENIED', describe: () => '' })).toBe(false);
    expect(isHatrackError('ACCESS_DENIED')).toBe(false);
  });
});
