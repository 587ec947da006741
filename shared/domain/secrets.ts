// Which profile keys hold secrets, and how they are shown when they must appear at all (masked, last 4 kept).

export const SECRET_KEYS: readonly string[] = ['aws_secret_access_key', 'aws_session_token', 'aws_security_token'];

export function isSecretKey(key: string): boolean {
  return SECRET_KEYS.includes(key.toLowerCase());
}

/** The AWS CLI's `configure list` style: stars, then the last four characters. */
export function maskSecret(value: string): string {
  return value.length <= 4 ? '****' : '*'.repeat(16) + value.slice(-4);
}

/** A raw `key = value` line with the value masked when the key holds a secret; other lines unchanged. */
export function maskSecretLine(text: string): string {
  const m = /^(\s*)([^=:\s][^=:]*?)(\s*[=:]\s*)(.*)$/.exec(text);
  // A commented-out secret is still a secret (often an old key that still works).
  if (m === null || !isSecretKey(m[2]!.replace(/^[#;]+/, '').trim()) || m[4] === '') return text;
  return `${m[1]}${m[2]}${m[3]}${maskSecret(m[4]!.trimEnd())}`;
}

/** An access key id as the sessions panel shows it: enough to tell keys apart ("AKIA…WXYZ"), not to copy one. */
export function maskAccessKeyId(id: string): string {
  return id.length <= 8 ? '****' : `${id.slice(0, 4)}…${id.slice(-4)}`;
}
