import { describe, expect, it } from 'vitest';
import { HatrackError } from '../../../shared/domain/errors.js';
import { mapAwsError } from '../../../src-main/core/sts/errors.js';
import { errorText, givesAdvice, nextStepFor, recoveryFor } from './error-text.js';

/** How often a phrase occurs, case-insensitively. */
function count(text: string, phrase: RegExp): number {
  return text.match(new RegExp(phrase.source, 'gi'))?.length ?? 0;
}

describe('error text: the next step appears once', () => {
  it('a NETWORK sentence from main that already advises gets no second piece of advice', () => {
    const fromMain = mapAwsError(Object.assign(new Error('connect ECONNREFUSED'), { code: 'ECONNREFUSED' }), 'sts:AssumeRole');
    const text = errorText(fromMain.code, fromMain.message);
    expect(fromMain.code).toBe('NETWORK');
    expect(count(text, /check/)).toBe(1);
    expect(text).not.toContain('Check your network connection');
  });

  it('a NETWORK sentence that only says what failed gets the next step appended', () => {
    const text = errorText('NETWORK', 'Could not reach sts at 127.0.0.1:9: connection refused (ECONNREFUSED).');
    expect(text).toBe('Could not reach sts at 127.0.0.1:9: connection refused (ECONNREFUSED). Check your network connection and try again.');
  });

  it('an expired session that says "sign in again" is not told to "assume the role again" as well', () => {
    const text = errorText('EXPIRED_TOKEN', 'The session credentials used for sts:AssumeRole have expired; sign in again.');
    expect(text).toBe('The session credentials used for sts:AssumeRole have expired; sign in again.');
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

  it('a code without a known step keeps the message as it is, trimmed', () => {
    expect(errorText('ACCESS_DENIED', '  AWS denied sts:AssumeRole.  ')).toBe('AWS denied sts:AssumeRole.');
  });

  it('a host name with a verb in it is not mistaken for advice', () => {
    expect(givesAdvice('Could not reach sts at api.check.example.com: no answer within 5 s (timeout).')).toBe(false);
  });

  it('HatrackError codes choose the button that is the next step', () => {
    expect(recoveryFor(new HatrackError('SSO_TOKEN_MISSING', 'x').code)).toBe('signIn');
    expect(recoveryFor('MFA_INVALID')).toBe('mfa');
    expect(recoveryFor('NETWORK')).toBe('retry');
  });
});
