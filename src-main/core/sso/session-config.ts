// Which IAM Identity Center session a profile or sso-session name means, with botocore's validation (spec §1.2); pure.

import { HatrackError } from '../../../shared/domain/errors.js';
import type { SettingValue } from '../awsfiles/ini-reading.js';
import type { ProfileModel } from '../awsfiles/profiles.js';
import { stringSetting } from '../awsfiles/profiles.js';

/** One sign-in target: a `[sso-session]` block, or a legacy profile that carries `sso_start_url` itself. */
export interface SsoSessionConfig {
  /** The `[sso-session NAME]`; undefined for a legacy profile (token keyed by start URL, never refreshed). */
  readonly sessionName: string | undefined;
  /** Exactly as configured: it is compared byte-for-byte and is the legacy cache key. */
  readonly startUrl: string;
  readonly region: string;
  /** `sso_registration_scopes` parsed; undefined when the key is absent (the registration key then holds null). */
  readonly scopes: readonly string[] | undefined;
}

/** An SSO profile: its session plus the account and role it signs in to (either may be missing in a login-only profile). */
export interface SsoProfileConfig {
  readonly profile: string;
  readonly session: SsoSessionConfig;
  readonly accountId: string | undefined;
  readonly roleName: string | undefined;
}

/** The scopes a PKCE login asks for when none are configured. */
export const DEFAULT_SSO_SCOPES: readonly string[] = ['sso:account:access'];

/** CLI v2's parse_sso_registration_scopes: split on `,`, strip each, drop empties. */
export function parseSsoScopes(raw: string): string[] {
  return raw
    .split(',')
    .map((s) => s.trim())
    .filter((s) => s !== '');
}

/** The token file's id: the session name, or for a legacy profile the configured start URL (spec §5.1). */
export function ssoCacheId(session: SsoSessionConfig): string {
  return session.sessionName ?? session.startUrl;
}

function invalid(message: string): HatrackError {
  return new HatrackError('INVALID_CONFIG', message);
}

function sessionFrom(name: string | undefined, settings: ReadonlyMap<string, SettingValue>, where: string): SsoSessionConfig {
  const startUrl = stringSetting(settings, 'sso_start_url');
  const region = stringSetting(settings, 'sso_region');
  const missing = [startUrl === undefined ? 'sso_start_url' : undefined, region === undefined ? 'sso_region' : undefined].filter((k) => k !== undefined);
  if (startUrl === undefined || region === undefined) throw invalid(`${where} is missing ${missing.join(' and ')}.`);
  const rawScopes = stringSetting(settings, 'sso_registration_scopes');
  return { sessionName: name, startUrl, region, scopes: rawScopes === undefined ? undefined : parseSsoScopes(rawScopes) };
}

/** `[sso-session NAME]`, or INVALID_CONFIG naming what is missing. */
export function ssoSessionByName(model: ProfileModel, name: string): SsoSessionConfig {
  const section = model.ssoSessions.get(name);
  if (section === undefined) throw invalid(`There is no [sso-session ${name}] section in the config file.`);
  return sessionFrom(name, section.settings, `[sso-session ${name}]`);
}

/**
 * A profile's SSO target as botocore's SSOProvider sees it: with `sso_session`, every key of the session section
 * must equal the profile's own value where the profile has one (the comparison is exact, a trailing `/` differs);
 * without it, the legacy keys on the profile itself.
 */
export function ssoProfileConfig(model: ProfileModel, profileName: string): SsoProfileConfig {
  const profile = model.profile(profileName);
  if (profile === undefined) throw new HatrackError('PROFILE_NOT_FOUND', `There is no profile named "${profileName}".`);
  const s = profile.settings;
  const sessionName = stringSetting(s, 'sso_session');
  let session: SsoSessionConfig;
  if (sessionName !== undefined) {
    const section = model.ssoSessions.get(sessionName);
    if (section === undefined) throw invalid(`Profile "${profileName}" names sso_session "${sessionName}", but there is no [sso-session ${sessionName}] section.`);
    for (const [key, value] of section.settings) {
      const own = s.get(key);
      if (own !== undefined && typeof own === 'string' && typeof value === 'string' && own !== value) {
        throw invalid(`The value for ${key} is inconsistent between profile "${profileName}" and sso-session "${sessionName}"; remove it from the profile.`);
      }
    }
    session = sessionFrom(sessionName, section.settings, `[sso-session ${sessionName}] (used by profile "${profileName}")`);
  } else {
    if (stringSetting(s, 'sso_start_url') === undefined && stringSetting(s, 'sso_region') === undefined) {
      throw invalid(`Profile "${profileName}" is not an IAM Identity Center profile (it has neither sso_session nor sso_start_url).`);
    }
    session = sessionFrom(undefined, s, `Profile "${profileName}"`);
  }
  return { profile: profileName, session, accountId: stringSetting(s, 'sso_account_id'), roleName: stringSetting(s, 'sso_role_name') };
}
