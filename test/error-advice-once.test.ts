// The renderer's next step and main's AWS sentences together: whatever main says, the advice appears once.
import { describe, expect, it } from 'vitest';
import { errorText, givesAdvice, nextStepFor } from '../src-renderer/src/platform/error-text.js';
import { mapAwsError } from '../src-main/core/sts/errors.js';

/** How often a phrase occurs, case-insensitively. */
function count(text: string, phrase: RegExp): number {
  return text.match(new RegExp(phrase.source, 'gi'))?.length ?? 0;
}

describe('main sentence + renderer next step', () => {
  it('a NETWORK sentence from main that already advises gets no second piece of advice', () => {
    const fromMain = mapAwsError(Object.assign(new Error('connect ECONNREFUSED'), { code: 'ECONNREFUSED' }), 'sts:AssumeRole');
    const text = errorText(fromMain.code, fromMain.message);
    expect(fromMain.code).toBe('NETWORK');
    expect(count(text, /check/)).toBe(1);
    expect(text).not.toContain('Check your network connection');
  });

  it('every AWS failure main maps, shown with the renderer step, advises at most once', () => {
    const failures = ['ThrottlingException', 'ExpiredToken', 'AccessDenied', 'InvalidClientTokenId', 'RegionDisabledException'].map((name) =>
      mapAwsError(Object.assign(new Error('x'), { name }), 'sts:AssumeRole'),
    );
    for (const e of failures) {
      const text = errorText(e.code, e.message);
      expect(count(text, /try again/), text).toBeLessThanOrEqual(1);
      expect(nextStepFor(e.code, e.message) === undefined || !givesAdvice(e.message), text).toBe(true);
    }
  });

});
