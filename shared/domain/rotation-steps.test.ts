import { describe, expect, it } from 'vitest';

import { isPastPointOfNoReturn, POINT_OF_NO_RETURN, ROTATION_STEPS } from './rotation-steps.js';

describe('the rotation point of no return', () => {
  it('is the first step that changes IAM: the read-only steps before it can be cancelled, none after', () => {
    expect(POINT_OF_NO_RETURN).toBe('make-room');
    expect(ROTATION_STEPS.filter((s) => !isPastPointOfNoReturn(s))).toEqual(['identify', 'list']);
  });

  it('treats a step it does not know as past it, so a newer engine never gets a late cancel offered', () => {
    expect(isPastPointOfNoReturn('rename-old')).toBe(true);
  });
});
