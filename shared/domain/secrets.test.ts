// Masking keeps key names and layout but never the secret value.
import { describe, expect, it } from 'vitest';
import { maskSecret, maskSecretLine } from './secrets.js';

describe('secret masking', () => {
  it('masks secret keys in raw lines, whatever their case or spacing', () => {
    expect(maskSecretLine('aws_secret_access_key = wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY')).toBe('aws_secret_access_key = ****************EKEY');
    expect(maskSecretLine('  AWS_SESSION_TOKEN:abcdefgh')).toBe('  AWS_SESSION_TOKEN:****************efgh');
    expect(maskSecretLine('aws_access_key_id = AKIAEXAMPLE')).toBe('aws_access_key_id = AKIAEXAMPLE');
    expect(maskSecretLine('# aws_secret_access_key = oldsecret')).toBe('# aws_secret_access_key = ****************cret');
    expect(maskSecret('abc')).toBe('****');
  });
});
