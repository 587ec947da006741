// Reads the SSO access token the AWS CLI cached under ~/.aws/sso/cache (read-only; Hatrack never logs in itself); plain Node.

import { createHash } from 'node:crypto';
import path from 'node:path';

import { resolveHomeDir } from '../awsfiles/paths.js';
import type { Environment } from '../environment.js';

export interface SsoToken {
  readonly accessToken: string;
  readonly expiresAt: Date;
}

/** `<home>/.aws/sso/cache/<sha1(sso_session name, or sso_start_url for legacy profiles)>.json`. */
export function ssoTokenPath(env: Environment, sessionNameOrStartUrl: string): string {
  const p = env.platform === 'win32' ? path.win32 : path.posix;
  const hash = createHash('sha1').update(sessionNameOrStartUrl, 'utf8').digest('hex');
  return p.join(resolveHomeDir(env), '.aws', 'sso', 'cache', `${hash}.json`);
}

/** botocore writes `…Z`; older tools wrote `…UTC`, which `new Date` cannot parse. */
export function parseCacheDate(raw: string): Date | undefined {
  const fixed = raw.endsWith('UTC') ? `${raw.slice(0, -3)}Z` : raw;
  const d = new Date(fixed);
  return Number.isNaN(d.getTime()) ? undefined : d;
}

/** The cached token when it exists and has more than a minute left; undefined otherwise. */
export async function readSsoToken(
  env: Environment,
  sessionNameOrStartUrl: string,
  readTextFile: (file: string) => Promise<string>,
): Promise<SsoToken | undefined> {
  let text: string;
  try {
    text = await readTextFile(ssoTokenPath(env, sessionNameOrStartUrl));
  } catch {
    return undefined;
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    return undefined;
  }
  if (typeof json !== 'object' || json === null) return undefined;
  const rec = json as Record<string, unknown>;
  const token = rec['accessToken'];
  const expires = typeof rec['expiresAt'] === 'string' ? parseCacheDate(rec['expiresAt']) : undefined;
  if (typeof token !== 'string' || token === '' || expires === undefined) return undefined;
  if (expires.getTime() - env.now().getTime() < 60_000) return undefined;
  return { accessToken: token, expiresAt: expires };
}
