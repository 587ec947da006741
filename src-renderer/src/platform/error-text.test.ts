import { describe, expect, it } from 'vitest';
import { HatrackError } from '../../../shared/domain/errors.js';
import { errorText, givesAdvice, recoveryFor } from './error-text.js';

describe('error text: the next step appears once', () => {
  it('a NETWORK sentence that only says what failed gets the next step appended', () => {
    const text = errorText('NETWORK', 'Could not reach sts at 127.0.0.1:9: connection refused (ECONNREFUSED).');
    expect(text).toBe('Could not reach sts at 127.0.0.1:9: connection refused (ECONNREFUSED). Check your network connection and try again.');
  });

  it('an expired session that says "sign in again" is not told to "assume the role again" as well', () => {
    const text = errorText('EXPIRED_TOKEN', 'The session credentials used for sts:AssumeRole have expired; sign in again.');
    expect(text).toBe('The session credentials used for sts:AssumeRole have expired; sign in again.');
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
