import { describe, expect, it } from 'vitest';

import {
  assertValid,
  assumeRoleProblems,
  checkAssumeRoleDuration,
  checkExternalId,
  checkFederationName,
  checkRoleArn,
  checkRoleSessionName,
  checkSerialNumber,
  checkTokenCode,
  sanitizeSessionName,
} from './validation.js';

describe('STS field validation', () => {
  it('RoleSessionName: 2–64 of [\\w+=,.@-]', () => {
    expect(checkRoleSessionName('ok')).toBeUndefined();
    expect(checkRoleSessionName('a')?.reason).toMatch(/2–64/);
    expect(checkRoleSessionName('x'.repeat(65))).toBeDefined();
    expect(checkRoleSessionName('has space')?.reason).toMatch(/only letters/);
    expect(checkRoleSessionName('me@corp.com+x=y,z_-')).toBeUndefined();
  });
  it('ExternalId allows : and / and is 2–1224 long', () => {
    expect(checkExternalId('arn:x/y')).toBeUndefined();
    expect(checkExternalId('x')).toBeDefined();
    expect(checkExternalId('x'.repeat(1225))).toBeDefined();
    expect(checkExternalId('bad id')).toBeDefined();
  });
  it('SerialNumber is 9–256 and TokenCode exactly 6 digits', () => {
    expect(checkSerialNumber('arn:aws:iam::123456789012:mfa/me')).toBeUndefined();
    expect(checkSerialNumber('GAHT1234')).toBeDefined();
    expect(checkTokenCode('123456')).toBeUndefined();
    for (const bad of ['12345', '1234567', '12a456', ' 123456']) expect(checkTokenCode(bad)).toBeDefined();
  });
  it('DurationSeconds: 900–43200, at most 3600 when chained', () => {
    expect(checkAssumeRoleDuration(900, false)).toBeUndefined();
    expect(checkAssumeRoleDuration(43200, false)).toBeUndefined();
    expect(checkAssumeRoleDuration(899, false)).toBeDefined();
    expect(checkAssumeRoleDuration(43201, false)).toBeDefined();
    expect(checkAssumeRoleDuration(3600, true)).toBeUndefined();
    expect(checkAssumeRoleDuration(3601, true)?.reason).toMatch(/role chaining/);
    expect(checkAssumeRoleDuration(1000.5, false)).toBeDefined();
  });
  it('RoleArn: 20–2048 and role ARN shape in any partition', () => {
    expect(checkRoleArn('arn:aws:iam::123456789012:role/path/Admin')).toBeUndefined();
    expect(checkRoleArn('arn:aws-cn:iam::123456789012:role/R1')).toBeUndefined();
    expect(checkRoleArn('arn:aws:iam::123:role/x')).toBeDefined();
    expect(checkRoleArn('arn:aws:iam::123456789012:user/alice')).toBeDefined();
    expect(checkRoleArn('short')?.reason).toMatch(/20–2048/);
  });
  it('federation Name is at most 32', () => {
    expect(checkFederationName('x'.repeat(32))).toBeUndefined();
    expect(checkFederationName('x'.repeat(33))).toBeDefined();
  });
  it('assertValid names the field and profile', () => {
    const problems = assumeRoleProblems({ roleArn: 'arn:aws:iam::123456789012:role/R', roleSessionName: 'bad name' }, false);
    expect(() => assertValid(problems, 'prod')).toThrow(/RoleSessionName in profile "prod" may contain only/);
    try {
      assertValid(problems);
    } catch (e) {
      expect(e).toMatchObject({ code: 'INVALID_STS_PARAMETER' });
    }
  });
  it('sanitizes OS user names into session names', () => {
    expect(sanitizeSessionName('hatrack-Jane Doe')).toBe('hatrack-Jane-Doe');
    expect(sanitizeSessionName('hatrack-DOMAIN\\bob')).toBe('hatrack-DOMAIN-bob');
    expect(sanitizeSessionName('x')).toHaveLength(2);
    expect(sanitizeSessionName('y'.repeat(100))).toHaveLength(64);
  });
});
