import { describe, expect, it } from 'vitest';
import { fieldsFor, hasRawRoleArn, validate } from './fields.js';

describe('role form fields', () => {
  it('edits a role_arn that cannot be split as raw text, and only then', () => {
    expect(hasRawRoleArn('role', { role_arn: 'not-an-arn' })).toBe(true);
    expect(fieldsFor('role', { role_arn: 'not-an-arn' }).map((f) => f.key)).toContain('role_arn');
    expect(fieldsFor('role', { role_arn: 'not-an-arn' }).map((f) => f.key)).not.toContain('_account');
    expect(hasRawRoleArn('role', { role_arn: 'arn:aws:iam::111122223333:role/Admin' })).toBe(false);
    expect(fieldsFor('role', { role_arn: 'arn:aws:iam::111122223333:role/Admin' }).map((f) => f.key)).toContain('_account');
  });

  it('validates the raw ARN', () => {
    expect(validate('role', { role_arn: 'not-an-arn' }, { hasSecret: false })['role_arn']).toMatch(/role ARN looks like/);
    expect(validate('role', { role_arn: 'arn:aws:iam::111122223333:role/Fixed' }, { hasSecret: false })['role_arn']).toBeUndefined();
  });

  it('accepts a role name with an IAM path, refuses a name over 64 characters', () => {
    const ok = validate('role', { _account: '111122223333', _role: 'service-role/team/Deploy' }, { hasSecret: false });
    expect(ok['_role']).toBeUndefined();
    const long = validate('role', { _account: '111122223333', _role: `path/${'x'.repeat(65)}` }, { hasSecret: false });
    expect(long['_role']).toBeDefined();
  });
});

describe('value length', () => {
  it('refuses a 10 KB region and any 10 KB setting, but not a long session token', () => {
    const big = 'x'.repeat(10 * 1024);
    expect(validate('settings', { region: big }, { hasSecret: false })['region']).toBe('A region looks like eu-west-1.');
    expect(validate('process', { credential_process: big }, { hasSecret: false })['credential_process']).toMatch(/not one AWS reads/);
    expect(validate('static', { aws_access_key_id: 'AKIAI44QH8DHBEXAMPLE', aws_secret_access_key: 's', aws_session_token: big }, { hasSecret: false })['aws_session_token']).toBeUndefined();
  });
});
