// Prints resolved credentials as credential_process JSON, shell `export` lines or plain JSON; pure.

import { shlexQuote } from '../awsfiles/python-text.js';
import type { AwsCredentials } from './types.js';

export type ExportFormat = 'process' | 'env' | 'json';

export interface ExportableCredentials extends AwsCredentials {
  readonly accountId?: string | undefined;
}

/** UTC ISO 8601 with `Z` and no milliseconds: the one form botocore, the JS SDK and aws-vault all parse. */
export function isoSeconds(d: Date): string {
  return d.toISOString().replace(/\.\d{3}Z$/, 'Z');
}

function fields(c: ExportableCredentials): Record<string, string | number> {
  const out: Record<string, string | number> = { AccessKeyId: c.accessKeyId, SecretAccessKey: c.secretAccessKey };
  if (c.sessionToken !== undefined && c.sessionToken !== '') out['SessionToken'] = c.sessionToken;
  if (c.expiration !== undefined) out['Expiration'] = isoSeconds(c.expiration);
  if (c.accountId !== undefined && c.accountId !== '') out['AccountId'] = c.accountId;
  return out;
}

/** The text to print for `format`; ends with a newline. */
export function formatCredentials(c: ExportableCredentials, format: ExportFormat): string {
  switch (format) {
    case 'process':
      return `${JSON.stringify({ Version: 1, ...fields(c) })}\n`;
    case 'json':
      return `${JSON.stringify(fields(c), null, 2)}\n`;
    case 'env': {
      const lines = [`export AWS_ACCESS_KEY_ID=${shlexQuote(c.accessKeyId)}`, `export AWS_SECRET_ACCESS_KEY=${shlexQuote(c.secretAccessKey)}`];
      if (c.sessionToken !== undefined && c.sessionToken !== '') lines.push(`export AWS_SESSION_TOKEN=${shlexQuote(c.sessionToken)}`);
      if (c.expiration !== undefined) lines.push(`export AWS_CREDENTIAL_EXPIRATION=${isoSeconds(c.expiration)}`);
      return `${lines.join('\n')}\n`;
    }
  }
}
