// Static keys read from one file's section of a profile, as botocore takes them; tiny on purpose (no zod, no SDK),
// so a credential_process helper can answer for static profiles without loading the resolver.

import { HatrackError } from '../../../shared/domain/errors.js';
import type { SettingValue } from '../awsfiles/ini-reading.js';
import type { Profile } from '../awsfiles/profiles.js';
import { stringSetting } from '../awsfiles/profiles.js';
import type { ResolvedCredentials } from './types.js';

export function staticFrom(p: Profile, s: ReadonlyMap<string, SettingValue> | undefined): ResolvedCredentials | undefined {
  const str = (k: string) => (s === undefined ? undefined : stringSetting(s, k));
  const id = str('aws_access_key_id');
  if (id === undefined) return undefined;
  const secret = str('aws_secret_access_key');
  if (secret === undefined || secret === '') {
    throw new HatrackError('INVALID_CONFIG', `Profile "${p.name}" has aws_access_key_id but no aws_secret_access_key.`);
  }
  // botocore checks aws_security_token first (a leftover from old tools silently wins).
  const token = str('aws_security_token') ?? str('aws_session_token');
  return {
    accessKeyId: id,
    secretAccessKey: secret,
    sessionToken: token === '' ? undefined : token,
    accountId: str('aws_account_id'),
    profile: p.name,
    source: 'static',
    chained: false,
    hops: [{ profile: p.name, source: 'static' }],
  };
}
