// Which endpoint URL a service client should use for a profile (spec §1.4); pure, plain Node.

import { HatrackError } from '../../../shared/domain/errors.js';
import type { Environment } from '../environment.js';
import type { Profile, ProfileModel } from '../awsfiles/profiles.js';
import type { PartitionId } from './partitions.js';
import { partitionOf } from './partitions.js';

/**
 * botocore service ids: upper-cased with `_` for `-` in env names (AWS_ENDPOINT_URL_SSO_OIDC), lower-cased with `_` in
 * `[services]` sub-sections (`sso_oidc =`).
 */
export type EndpointService = 'sts' | 'iam' | 'sso' | 'sso-oidc';

function truthy(v: string | undefined): boolean {
  return v !== undefined && v.trim().toLowerCase() === 'true';
}

function nonEmpty(v: string | undefined): string | undefined {
  return v === undefined || v.trim() === '' ? undefined : v.trim();
}

/**
 * The first non-empty of AWS_ENDPOINT_URL_<ID>, AWS_ENDPOINT_URL, the profile's `[services]` entry, and the profile's
 * `endpoint_url`, unless configured endpoints are switched off. `undefined` means the SDK default.
 */
export function resolveEndpoint(
  service: EndpointService,
  env: Environment,
  profile: Profile | undefined,
  model: ProfileModel | undefined,
): string | undefined {
  const setting = (key: string): string | undefined => {
    const v = profile?.settings.get(key);
    return typeof v === 'string' ? v : undefined;
  };
  if (truthy(env.vars['AWS_IGNORE_CONFIGURED_ENDPOINT_URLS']) || truthy(setting('ignore_configured_endpoint_urls'))) {
    return undefined;
  }
  const id = service.replace('-', '_');
  const fromEnv = nonEmpty(env.vars[`AWS_ENDPOINT_URL_${id.toUpperCase()}`]) ?? nonEmpty(env.vars['AWS_ENDPOINT_URL']);
  if (fromEnv !== undefined) return fromEnv;
  const servicesName = setting('services');
  if (servicesName !== undefined && profile !== undefined) {
    const section = model?.services.get(servicesName);
    if (section === undefined) {
      throw new HatrackError(
        'INVALID_CONFIG',
        `Profile "${profile.name}" names services "${servicesName}", but there is no [services ${servicesName}] section.`,
      );
    }
    const block = section.settings.get(id);
    if (typeof block === 'object') {
      const url = nonEmpty(block['endpoint_url']);
      if (url !== undefined) return url;
    }
  }
  return nonEmpty(setting('endpoint_url'));
}

const DNS_SUFFIX: Readonly<Record<PartitionId, string>> = { aws: 'amazonaws.com', 'aws-us-gov': 'amazonaws.com', 'aws-cn': 'amazonaws.com.cn' };

/**
 * The Identity Center OIDC (`sso-oidc`) or portal (`sso`) base URL in `region` (spec §2): the configured override,
 * else `https://oidc.<region>.<dnsSuffix>` / `https://portal.sso.<region>.<dnsSuffix>`. Both are called unsigned.
 */
export function ssoServiceEndpoint(
  service: 'sso' | 'sso-oidc',
  region: string,
  env: Environment,
  profile?: Profile,
  model?: ProfileModel,
): string {
  const configured = resolveEndpoint(service, env, profile, model);
  if (configured !== undefined) return configured.replace(/\/+$/, '');
  const suffix = /^eusc(-[a-z]+)+-\d+$/.test(region) ? 'amazonaws.eu' : DNS_SUFFIX[partitionOf(region).id];
  return service === 'sso' ? `https://portal.sso.${region}.${suffix}` : `https://oidc.${region}.${suffix}`;
}

/** AWS_ENDPOINT_URL_SIGNIN keeps only scheme and host (a stand-in sign-in server in tests, a proxy in locked-down sites). */
export function resolveSigninOverride(env: Environment): string | undefined {
  const raw = nonEmpty(env.vars['AWS_ENDPOINT_URL_SIGNIN']);
  if (raw === undefined) return undefined;
  try {
    const u = new URL(raw);
    if (u.protocol !== 'https:' && u.protocol !== 'http:') throw new Error('scheme');
    return u.origin;
  } catch {
    throw new HatrackError('INVALID_CONFIG', 'AWS_ENDPOINT_URL_SIGNIN is not an http(s) URL.');
  }
}
