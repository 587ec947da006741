// Which profile keys hold secrets, and how they are shown when they must appear at all (masked, last 4 kept).

export const SECRET_KEYS: readonly string[] = ['aws_secret_access_key', 'aws_session_token', 'aws_security_token'];

export function isSecretKey(key: string): boolean {
  return SECRET_KEYS.includes(key.toLowerCase());
}

/** The AWS CLI's `configure list` style: stars, then the last four characters. */
export function maskSecret(value: string): string {
  return value.length <= 4 ? '****' : '*'.repeat(16) + value.slice(-4);
}
