// The AWS CLI's role-credential cache for SSO profiles, ~/.aws/cli/cache/<sha1>.json, read and written as the CLI does (spec §9.1); plain Node.

import path from 'node:path';

import { resolveHomeDir } from '../awsfiles/paths.js';
import type { Environment } from '../environment.js';
import { pythonJson } from './python-json.js';
import type { SsoSessionConfig } from './session-config.js';
import { formatCacheTime, parseCacheTime, sha1Hex, writeCacheJson } from './token-cache.js';

export interface SsoRoleCredentials {
  readonly accessKeyId: string;
  readonly secretAccessKey: string;
  readonly sessionToken: string;
  readonly expiration: Date;
  readonly accountId: string;
}

/** What resolution needs from a cache: botocore's JSONFileCache (CLI) or nothing (boto3 keeps credentials in memory). */
export interface SsoRoleCredentialCache {
  get(key: string): Promise<SsoRoleCredentials | undefined>;
  put(key: string, credentials: SsoRoleCredentials): Promise<void>;
}

/** botocore's CachedCredentialFetcher reuses an entry only while more than 15 minutes remain. */
export const CLI_CACHE_WINDOW_MS = 15 * 60_000;

/**
 * sha1 of the minified, key-sorted JSON of {accountId, roleName, sessionName} (session profiles) or
 * {accountId, roleName, startUrl} (legacy profiles), as SSOCredentialFetcher._create_cache_key builds it.
 */
export function cliCacheKey(session: SsoSessionConfig, accountId: string, roleName: string): string {
  const args =
    session.sessionName !== undefined
      ? { accountId, roleName, sessionName: session.sessionName }
      : { accountId, roleName, startUrl: session.startUrl };
  return sha1Hex(pythonJson(args, { sortKeys: true, compact: true }));
}

export function cliCacheDir(env: Environment): string {
  const p = env.platform === 'win32' ? path.win32 : path.posix;
  return p.join(resolveHomeDir(env), '.aws', 'cli', 'cache');
}

/** The entry's body exactly as botocore's JSONFileCache writes it (json.dumps defaults, the CLI's field order). */
export function cliCacheBody(c: SsoRoleCredentials): string {
  return pythonJson({
    ProviderType: 'sso',
    Credentials: {
      AccessKeyId: c.accessKeyId,
      SecretAccessKey: c.secretAccessKey,
      SessionToken: c.sessionToken,
      Expiration: formatCacheTime(c.expiration),
      AccountId: c.accountId,
    },
  });
}

/** An entry as read, or undefined when it is not an SSO entry with every field (another tool's file, a bad write). */
export function cliCacheEntry(json: unknown): SsoRoleCredentials | undefined {
  if (typeof json !== 'object' || json === null) return undefined;
  const rec = json as Record<string, unknown>;
  const c = rec['Credentials'];
  if (typeof c !== 'object' || c === null) return undefined;
  const cr = c as Record<string, unknown>;
  const str = (k: string) => (typeof cr[k] === 'string' && cr[k] !== '' ? (cr[k] as string) : undefined);
  const accessKeyId = str('AccessKeyId');
  const secretAccessKey = str('SecretAccessKey');
  const sessionToken = str('SessionToken');
  const expiration = parseCacheTime(cr['Expiration']);
  if (accessKeyId === undefined || secretAccessKey === undefined || sessionToken === undefined || expiration === undefined) return undefined;
  return { accessKeyId, secretAccessKey, sessionToken, expiration, accountId: str('AccountId') ?? '' };
}

/**
 * The file cache the AWS CLI injects. `readTextFile` is the resolver's file seam. Writes are atomic and 0600 in a
 * 0700 directory; a failed write is ignored, since the cache only saves a call.
 */
export function createCliCredentialCache(env: Environment, readTextFile: (file: string) => Promise<string>): SsoRoleCredentialCache {
  const p = env.platform === 'win32' ? path.win32 : path.posix;
  const fileOf = (key: string) => p.join(cliCacheDir(env), `${key}.json`);
  return {
    async get(key) {
      try {
        return cliCacheEntry(JSON.parse(await readTextFile(fileOf(key))));
      } catch {
        return undefined;
      }
    },
    async put(key, credentials) {
      try {
        await writeCacheJson(fileOf(key), cliCacheBody(credentials));
      } catch {
        // A read-only or full home must not fail a resolve that already has its credentials.
      }
    },
  };
}
