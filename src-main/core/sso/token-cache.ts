// The SSO token cache the AWS CLI v2, botocore and the JS SDK share: ~/.aws/sso/cache/<sha1>.json (spec §5); plain Node.
//
// Reading and writing only. Getting a usable access token (refreshing when needed) is `validAccessToken` in
// token-refresh.ts; signing in is login.ts.

import { createHash, randomBytes } from 'node:crypto';
import { chmod, mkdir, open, readFile, rename, rm } from 'node:fs/promises';
import path from 'node:path';

import { resolveHomeDir } from '../awsfiles/paths.js';
import type { Environment } from '../environment.js';
import { pythonJson } from './python-json.js';

// Which id a session's token is filed under lives with the session model; re-exported for the cache's readers.
export { ssoCacheId } from './session-config.js';

/** A token file as read: the fields Hatrack understands, and the whole object so unknown fields survive a rewrite. */
export interface CachedSsoToken {
  readonly file: string;
  readonly accessToken: string;
  readonly expiresAt: Date;
  readonly refreshToken: string | undefined;
  readonly clientId: string | undefined;
  readonly clientSecret: string | undefined;
  readonly registrationExpiresAt: Date | undefined;
  readonly startUrl: string | undefined;
  readonly region: string | undefined;
  readonly raw: Readonly<Record<string, unknown>>;
}

/** What a sign-in or a refresh writes, in botocore's field order (spec §5.2, §6.1). */
export interface SsoTokenFields {
  readonly startUrl: string;
  readonly region: string;
  readonly accessToken: string;
  readonly expiresAt: Date;
  readonly clientId: string;
  readonly clientSecret: string;
  readonly registrationExpiresAt: Date;
  /** Omitted when the service returned none: its absence ends refreshability, as in botocore. */
  readonly refreshToken: string | undefined;
}

const TOKEN_FIELDS = ['startUrl', 'region', 'accessToken', 'expiresAt', 'clientId', 'clientSecret', 'registrationExpiresAt', 'refreshToken'] as const;

function pathApi(env: Environment): path.PlatformPath {
  return env.platform === 'win32' ? path.win32 : path.posix;
}

export function sha1Hex(text: string): string {
  return createHash('sha1').update(text, 'utf8').digest('hex');
}

/** `<home>/.aws/sso/cache`, shared by tokens and client registrations. */
export function ssoCacheDir(env: Environment): string {
  return pathApi(env).join(resolveHomeDir(env), '.aws', 'sso', 'cache');
}

/** The token file for a session name, or for a legacy profile its configured start URL (no normalising). */
export function ssoTokenFile(env: Environment, cacheId: string): string {
  return pathApi(env).join(ssoCacheDir(env), `${sha1Hex(cacheId)}.json`);
}

/** `YYYY-MM-DDTHH:MM:SSZ`, the form botocore and the CLI write. */
export function formatCacheTime(d: Date): string {
  return `${d.toISOString().slice(0, 19)}Z`;
}

const WITH_ZONE = /^\d{4}-\d{2}-\d{2}[T ]\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|UTC|[+-]\d{2}:?\d{2})$/i;

/**
 * An ISO-8601 time that carries its zone (`Z`, `UTC`, `+00:00`, fractions, a space separator); undefined otherwise.
 * A zone-less value is refused: botocore crashes on it and JS reads it as local time, so no answer would be right.
 */
export function parseCacheTime(raw: unknown): Date | undefined {
  if (typeof raw !== 'string') return undefined;
  const text = raw.trim();
  if (!WITH_ZONE.test(text)) return undefined;
  let iso = text.replace(' ', 'T').replace(/UTC$/i, 'Z');
  iso = iso.replace(/([+-]\d{2})(\d{2})$/, '$1:$2');
  const d = new Date(iso);
  return Number.isNaN(d.getTime()) ? undefined : d;
}

function text(rec: Record<string, unknown>, key: string): string | undefined {
  const v = rec[key];
  return typeof v === 'string' && v !== '' ? v : undefined;
}

/** A parsed JSON object from the cache directory, or undefined when absent, unreadable or not an object. */
export async function readCacheJson(file: string): Promise<Record<string, unknown> | undefined> {
  let body: string;
  try {
    body = await readFile(file, 'utf8');
  } catch {
    return undefined;
  }
  try {
    const json: unknown = JSON.parse(body);
    return typeof json === 'object' && json !== null && !Array.isArray(json) ? (json as Record<string, unknown>) : undefined;
  } catch {
    return undefined;
  }
}

/** The token as a reader sees it: undefined unless it has `accessToken` and a zoned `expiresAt` (expired or not). */
export function tokenFromJson(file: string, rec: Record<string, unknown>): CachedSsoToken | undefined {
  const accessToken = text(rec, 'accessToken');
  const expiresAt = parseCacheTime(rec['expiresAt']);
  if (accessToken === undefined || expiresAt === undefined) return undefined;
  return {
    file,
    accessToken,
    expiresAt,
    refreshToken: text(rec, 'refreshToken'),
    clientId: text(rec, 'clientId'),
    clientSecret: text(rec, 'clientSecret'),
    registrationExpiresAt: parseCacheTime(rec['registrationExpiresAt']),
    startUrl: text(rec, 'startUrl'),
    region: text(rec, 'region'),
    raw: rec,
  };
}

/** The cached token for a session name (or legacy start URL), whatever its expiry; undefined when there is none. */
export async function loadSsoToken(env: Environment, cacheId: string): Promise<CachedSsoToken | undefined> {
  const file = ssoTokenFile(env, cacheId);
  const rec = await readCacheJson(file);
  return rec === undefined ? undefined : tokenFromJson(file, rec);
}

/**
 * Writes one cache file atomically: a 0600 temp file in the same directory, then a rename, in a 0700 directory.
 * botocore truncates in place; a reader racing that can see half a file, which this never shows.
 */
export async function writeCacheJson(file: string, body: string): Promise<void> {
  const dir = path.dirname(file);
  await mkdir(dir, { recursive: true, mode: 0o700 });
  if (process.platform !== 'win32') await chmod(dir, 0o700);
  const tmp = `${file}.${process.pid}.${randomBytes(6).toString('hex')}.tmp`;
  const handle = await open(tmp, 'wx', 0o600);
  try {
    await handle.writeFile(body, 'utf8');
    await handle.sync();
  } catch (e) {
    await handle.close();
    await rm(tmp, { force: true });
    throw e;
  }
  await handle.close();
  try {
    await rename(tmp, file);
  } catch (e) {
    await rm(tmp, { force: true });
    throw e;
  }
}

/**
 * Saves a token for `cacheId`: botocore's field set in its order, then every unknown field of `previous` (another
 * tool's additions survive), in botocore's compact `json.dumps` form. Returns the file written.
 */
export async function saveSsoToken(
  env: Environment,
  cacheId: string,
  fields: SsoTokenFields,
  previous?: Readonly<Record<string, unknown>>,
): Promise<string> {
  const out: Record<string, unknown> = {
    startUrl: fields.startUrl,
    region: fields.region,
    accessToken: fields.accessToken,
    expiresAt: formatCacheTime(fields.expiresAt),
    clientId: fields.clientId,
    clientSecret: fields.clientSecret,
    registrationExpiresAt: formatCacheTime(fields.registrationExpiresAt),
  };
  if (fields.refreshToken !== undefined) out['refreshToken'] = fields.refreshToken;
  const known = new Set<string>(TOKEN_FIELDS);
  for (const [k, v] of Object.entries(previous ?? {})) if (!known.has(k)) out[k] = v;
  const file = ssoTokenFile(env, cacheId);
  await writeCacheJson(file, pythonJson(out));
  return file;
}
