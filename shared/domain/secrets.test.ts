// Masking keeps key names and layout but never the secret value.
import { describe, expect, it } from 'vitest';
import { maskAccessKeyId, maskSecret, maskSecretLine } from './secrets.js';

describe('secret masking', () => {
  it('masks secret keys in raw lines, whatever their case or spacing', () => {
    expect(maskSecretLine('aws_secret_access_key = wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY')).toBe('aws_secret_access_key = ****************EKEY');
    expect(maskSecretLine('  AWS_SESSION_TOKEN:abcdefgh')).toBe('  AWS_SESSION_TOKEN:****************efgh');
    expect(maskSecretLine('aws_access_key_id = AKIAEXAMPLE')).toBe('aws_access_key_id = AKIAEXAMPLE');
    expect(maskSecretLine('# aws_secret_access_key = oldsecret')).toBe('# aws_secret_access_key = ****************cret');
    expect(maskSecret('abc')).toBe('****');
  });
  it('masks an access key id to its first and last four characters', () => {
    expect(maskAccessKeyId('ASIAQWERTYUIOPASWXYZ')).toBe('ASIA…WXYZ');
    expect(maskAccessKeyId('AKIA1234')).toBe('****');
  });
});
