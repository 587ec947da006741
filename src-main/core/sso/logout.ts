// `sso logout` as the AWS CLI v2 does it: portal Logout, then the tokens and cached SSO role credentials go (spec §10).

import { readdir, rm } from 'node:fs/promises';
import path from 'node:path';

import type { ProfileModel } from '../awsfiles/profiles.js';
import type { Environment } from '../environment.js';
import { cliCacheDir, cliCacheKey } from './cli-credential-cache.js';
import type { SsoSessionConfig } from './session-config.js';
import { ssoCacheId, ssoProfileConfig } from './session-config.js';
import { readCacheJson, ssoCacheDir, ssoTokenFile } from './token-cache.js';

export interface SsoLogoutOptions {
  /** Limits the logout to one session: its token file and the CLI-cache entries of the profiles that use it. */
  readonly only?: { readonly session: SsoSessionConfig; readonly model: ProfileModel } | undefined;
  /** Portal Logout for a token; its service errors are ignored, as the CLI ignores them. */
  readonly portalLogout: (region: string, accessToken: string) => Promise<void>;
}

export interface SsoLogoutResult {
  readonly tokensRemoved: number;
  readonly credentialsRemoved: number;
}

async function jsonFiles(dir: string): Promise<string[]> {
  try {
    return (await readdir(dir)).filter((f) => f.endsWith('.json')).map((f) => path.join(dir, f));
  } catch {
    return [];
  }
}

/** The CLI-cache files of the profiles that sign in through `session`. */
function sessionCredentialFiles(env: Environment, session: SsoSessionConfig, model: ProfileModel): Set<string> {
  const out = new Set<string>();
  for (const p of model.profiles) {
    if (p.kind !== 'sso') continue;
    let cfg;
    try {
      cfg = ssoProfileConfig(model, p.name);
    } catch {
      continue;
    }
    if (ssoCacheId(cfg.session) !== ssoCacheId(session) || cfg.accountId === undefined || cfg.roleName === undefined) continue;
    out.add(path.join(cliCacheDir(env), `${cliCacheKey(cfg.session, cfg.accountId, cfg.roleName)}.json`));
  }
  return out;
}

/**
 * Every parsable token file with `accessToken` (or only the session's) is logged out at the portal when it names a
 * region, then deleted; every `~/.aws/cli/cache` entry with ProviderType "sso" (or only the session's profiles') is
 * deleted. Registrations and unparsable files are left alone.
 */
export async function ssoLogout(env: Environment, options: SsoLogoutOptions): Promise<SsoLogoutResult> {
  const only = options.only;
  const tokenFiles = only !== undefined ? [ssoTokenFile(env, ssoCacheId(only.session))] : await jsonFiles(ssoCacheDir(env));
  let tokensRemoved = 0;
  for (const file of tokenFiles) {
    const rec = await readCacheJson(file);
    if (rec === undefined || typeof rec['accessToken'] !== 'string') continue;
    const region = typeof rec['region'] === 'string' ? rec['region'] : undefined;
    if (region !== undefined) {
      await options.portalLogout(region, rec['accessToken']).catch(() => undefined);
    }
    await rm(file, { force: true });
    tokensRemoved++;
  }
  const wanted = only !== undefined ? sessionCredentialFiles(env, only.session, only.model) : undefined;
  let credentialsRemoved = 0;
  for (const file of await jsonFiles(cliCacheDir(env))) {
    if (wanted !== undefined && !wanted.has(file)) continue;
    const rec = await readCacheJson(file);
    if (rec?.['ProviderType'] !== 'sso') continue;
    await rm(file, { force: true });
    credentialsRemoved++;
  }
  return { tokensRemoved, credentialsRemoved };
}
