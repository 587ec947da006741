import { describe, expect, it } from 'vitest';

import { AwsCallError, classifyFailure, mapAwsError, requestFailure } from './errors.js';
import { AttemptsFailedError, DEFAULT_NETWORK_POLICY } from './network-policy.js';

const awsErr = (name: string, message: string, status = 400): Error =>
  Object.assign(new Error(message), { name, $metadata: { httpStatusCode: status } });

describe('mapAwsError', () => {
  it.each([
    ['AccessDenied', 'User: arn:aws:iam::1:user/x is not authorized', 'ACCESS_DENIED'],
    ['InvalidClientTokenId', 'The security token included in the request is invalid.', 'INVALID_CLIENT_TOKEN'],
    ['SignatureDoesNotMatch', 'signature', 'INVALID_CLIENT_TOKEN'],
    ['ExpiredToken', 'The security token included in the request is expired', 'EXPIRED_TOKEN'],
    ['AccessDenied', 'MultiFactorAuthentication failed with invalid MFA one time pass code.', 'MFA_INVALID'],
    ['Throttling', 'Rate exceeded', 'THROTTLED'],
    ['LimitExceeded', 'Cannot exceed quota for AccessKeysPerUser: 2', 'LIMIT_EXCEEDED'],
    ['ValidationError', "Value at 'tokenCode' failed to satisfy constraint", 'MFA_INVALID'],
    ['ValidationError', 'The requested DurationSeconds exceeds the 1 hour session limit for roles assumed by role chaining.', 'INVALID_STS_PARAMETER'],
    ['Weird', 'x', 'AWS_SERVICE_ERROR'],
  ])('%s (%s) → %s', (name, message, code) => {
    expect(mapAwsError(awsErr(name, message), 'sts:AssumeRole').code).toBe(code);
  });

  it('maps socket errors to NETWORK', () => {
    const e = Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:1'), { code: 'ECONNREFUSED' });
    const m = mapAwsError(e, 'sts:GetCallerIdentity');
    expect(m.code).toBe('NETWORK');
    expect(m.message).not.toContain('127.0.0.1');
  });

  it('keeps the caller ARN from AccessDenied but not the raw message', () => {
    const m = mapAwsError(awsErr('AccessDenied', 'User: arn:aws:iam::123456789012:user/team/alice is not authorized to perform: iam:GetUser'), 'iam:GetUser');
    expect(m).toBeInstanceOf(AwsCallError);
    expect((m as AwsCallError).callerArn).toBe('arn:aws:iam::123456789012:user/team/alice');
    expect(m.message).not.toContain('alice');
  });

  it('does not read an MFA failure into a user name that contains "mfa"', () => {
    expect(mapAwsError(awsErr('AccessDenied', 'User: arn:aws:iam::1:user/mfa-admin is not authorized'), 'x').code).toBe('ACCESS_DENIED');
  });

  it('5xx becomes a server error sentence', () => {
    expect(mapAwsError(awsErr('InternalFailure', 'boom', 503), 'sts:AssumeRole').message).toMatch(/HTTP 503/);
  });
});

describe('classifyFailure', () => {
  const err = (fields: Record<string, unknown>): Error => Object.assign(new Error(String(fields['message'] ?? 'x')), fields);
  it.each([
    [err({ code: 'ECONNREFUSED' }), 'connect'],
    [err({ name: 'TypeError', cause: { code: 'ENOTFOUND' } }), 'connect'],
    [err({ name: 'TimeoutError', message: 'the request socket did not establish a connection with the server within 5000 ms' }), 'connect'],
    [err({ name: 'TimeoutError', code: 'ETIMEDOUT', message: 'a request has exceeded the configured 10000 ms requestTimeout' }), 'timeout'],
    [err({ name: 'TimeoutError', code: 'ECONNRESET' }), 'reset'],
    [err({ name: 'AbortError' }), 'aborted'],
    [awsErr('Throttling', 'Rate exceeded'), 'throttled'],
    [awsErr('InternalFailure', 'boom', 503), 'server'],
    [awsErr('AccessDenied', 'no'), 'fatal'],
  ] as const)('%# → %s', (e, kind) => {
    expect(classifyFailure(e)).toBe(kind);
  });

  it('leaves answers from AWS to the usual mapping after the retries', () => {
    const f = new AttemptsFailedError('throttled', 3, awsErr('Throttling', 'Rate exceeded'));
    expect(requestFailure(f, { service: 'sts', host: 'sts.amazonaws.com' }, 'sts:AssumeRole', DEFAULT_NETWORK_POLICY).code).toBe('THROTTLED');
    const dns = new AttemptsFailedError('connect', 1, Object.assign(new Error('getaddrinfo ENOTFOUND sts.example'), { code: 'ENOTFOUND' }));
    expect(requestFailure(dns, { service: 'sts', host: 'sts.example' }, 'sts:AssumeRole', DEFAULT_NETWORK_POLICY).message).toBe(
      'Could not reach sts at sts.example: host name not found (ENOTFOUND).',
    );
  });
});
