// botocore's profile model over a config/credentials pair: names, order, merged settings and credential kind.

import type { IniReading, SectionOccurrence, SettingValue } from './ini-reading.js';
import { ShlexError, shlexSplit } from './python-text.js';

export type AwsFileKind = 'config' | 'credentials';
export type ProfileKind = 'static' | 'role' | 'sso' | 'process' | 'web-identity' | 'login' | 'settings';

export type ConfigSectionType =
  | { readonly type: 'profile'; readonly name: string }
  | { readonly type: 'sso-session'; readonly name: string }
  | { readonly type: 'services'; readonly name: string }
  | { readonly type: 'other' }
  /** Starts with a known prefix but does not split into exactly two shlex tokens: botocore drops it. */
  | { readonly type: 'ignored'; readonly reason: 'token-count' | 'unbalanced-quote' };

/** botocore's build_profile_map: any header *starting with* `profile`, `sso-session` or `services` is split by shlex. */
const SIMPLE_SECTION = /^(profile|sso-session|services) ([^\s'"\\]+)$/;

export function classifyConfigSection(raw: string): ConfigSectionType {
  // Fast path for the common, unambiguous form: shlex would return exactly these two tokens.
  const simple = SIMPLE_SECTION.exec(raw);
  if (simple !== null) return { type: simple[1] as 'profile' | 'sso-session' | 'services', name: simple[2]! };
  for (const type of ['profile', 'sso-session', 'services'] as const) {
    if (!raw.startsWith(type)) continue;
    let parts: string[];
    try {
      parts = shlexSplit(raw);
    } catch (e) {
      if (e instanceof ShlexError) return { type: 'ignored', reason: 'unbalanced-quote' };
      throw e;
    }
    return parts.length === 2 ? { type, name: parts[1]! } : { type: 'ignored', reason: 'token-count' };
  }
  return raw === 'default' ? { type: 'profile', name: 'default' } : { type: 'other' };
}

export interface Profile {
  readonly name: string;
  readonly kind: ProfileKind;
  readonly region: SettingValue | undefined;
  readonly sources: readonly AwsFileKind[];
  /** botocore's merged view: credentials-file keys override config-file keys. */
  readonly settings: ReadonlyMap<string, SettingValue>;
  readonly configSettings: ReadonlyMap<string, SettingValue> | undefined;
  readonly credentialsSettings: ReadonlyMap<string, SettingValue> | undefined;
  /** The config sections botocore reads for this profile: every occurrence of the winning section name. */
  readonly configSections: readonly SectionOccurrence[];
  /** Every config section that maps to this name, shadowed ones included ([default] beside [profile default]). */
  readonly allConfigSections: readonly SectionOccurrence[];
  readonly credentialsSections: readonly SectionOccurrence[];
}

export interface NamedSection {
  readonly name: string;
  readonly settings: ReadonlyMap<string, SettingValue>;
  readonly sections: readonly SectionOccurrence[];
}

export interface ProfileModel {
  readonly config: IniReading;
  readonly credentials: IniReading;
  readonly profiles: readonly Profile[];
  readonly byName: ReadonlyMap<string, Profile>;
  readonly ssoSessions: ReadonlyMap<string, NamedSection>;
  readonly services: ReadonlyMap<string, NamedSection>;
}

interface Building {
  settings: ReadonlyMap<string, SettingValue>;
  configSettings: ReadonlyMap<string, SettingValue> | undefined;
  credentialsSettings: ReadonlyMap<string, SettingValue> | undefined;
  configSections: SectionOccurrence[];
  allConfigSections: SectionOccurrence[];
  credentialsSections: SectionOccurrence[];
}

export function buildProfileModel(config: IniReading, credentials: IniReading): ProfileModel {
  const building = new Map<string, Building>();
  const ssoSessions = new Map<string, NamedSection>();
  const services = new Map<string, NamedSection>();
  const occurrencesByName = groupOccurrences(config.occurrences);

  // Iterate sections in configparser order; a later section mapping to the same name replaces the earlier one's
  // values wholesale but keeps its position, as assigning an existing Python dict key does.
  for (const [rawName, values] of config.sections) {
    const type = classifyConfigSection(rawName);
    const occs = occurrencesByName.get(rawName) ?? [];
    if (type.type === 'profile') {
      const prior = building.get(type.name);
      building.set(type.name, {
        settings: values,
        configSettings: values,
        credentialsSettings: undefined,
        configSections: occs,
        allConfigSections: prior === undefined ? occs : [...prior.allConfigSections, ...occs],
        credentialsSections: [],
      });
    } else if (type.type === 'sso-session' || type.type === 'services') {
      const target = type.type === 'sso-session' ? ssoSessions : services;
      const prior = target.get(type.name);
      target.set(type.name, { name: type.name, settings: values, sections: [...(prior?.sections ?? []), ...occs] });
    }
  }
  const credOccurrences = groupOccurrences(credentials.occurrences);
  for (const [name, values] of credentials.sections) {
    const occs = credOccurrences.get(name) ?? [];
    const prior = building.get(name);
    if (prior === undefined) {
      building.set(name, {
        settings: values,
        configSettings: undefined,
        credentialsSettings: values,
        configSections: [],
        allConfigSections: [],
        credentialsSections: occs,
      });
    } else {
      // botocore's dict.update: credentials-file keys override config-file keys, key by key.
      const merged = new Map(prior.settings);
      for (const [k, v] of values) merged.set(k, v);
      prior.settings = merged;
      prior.credentialsSettings = values;
      prior.credentialsSections = occs;
    }
  }
  const profiles: Profile[] = [];
  const byName = new Map<string, Profile>();
  for (const [name, b] of building) {
    const sources: AwsFileKind[] = [];
    if (b.configSettings !== undefined) sources.push('config');
    if (b.credentialsSettings !== undefined) sources.push('credentials');
    const profile: Profile = {
      name,
      kind: credentialKind(b.settings, b.credentialsSettings),
      region: b.settings.get('region'),
      sources,
      settings: b.settings,
      configSettings: b.configSettings,
      credentialsSettings: b.credentialsSettings,
      configSections: b.configSections,
      allConfigSections: b.allConfigSections,
      credentialsSections: b.credentialsSections,
    };
    profiles.push(profile);
    byName.set(name, profile);
  }
  return { config, credentials, profiles, byName, ssoSessions, services };
}

function groupOccurrences(occs: readonly SectionOccurrence[]): Map<string, SectionOccurrence[]> {
  const out = new Map<string, SectionOccurrence[]>();
  for (const occ of occs) {
    const list = out.get(occ.name);
    if (list === undefined) out.set(occ.name, [occ]);
    else list.push(occ);
  }
  return out;
}

/** The provider botocore's ProfileProviderBuilder reaches first for an explicitly named profile. */
export function credentialKind(
  merged: ReadonlyMap<string, SettingValue>,
  inCredentialsFile: ReadonlyMap<string, SettingValue> | undefined,
): ProfileKind {
  if (merged.has('role_arn')) return merged.has('web_identity_token_file') ? 'web-identity' : 'role';
  if (merged.has('sso_role_name') || merged.has('sso_account_id')) return 'sso';
  if (inCredentialsFile?.has('aws_access_key_id') || inCredentialsFile?.has('aws_secret_access_key')) return 'static';
  if (merged.has('login_session')) return 'login';
  if (merged.has('credential_process')) return 'process';
  if (merged.has('aws_access_key_id') || merged.has('aws_secret_access_key')) return 'static';
  return 'settings';
}

export function stringSetting(settings: ReadonlyMap<string, SettingValue>, key: string): string | undefined {
  const v = settings.get(key);
  return typeof v === 'string' ? v : undefined;
}
