// botocore's profile model over a config/credentials pair: names, order, merged settings and credential kind.

import type { IniReading, SectionOccurrence, SettingValue } from './ini-reading.js';
import { credentialKind } from './kinds.js';
import type { ProfileKind } from './kinds.js';
import { ShlexError, shlexSplit } from './python-text.js';

export type AwsFileKind = 'config' | 'credentials';
export type { ProfileKind } from './kinds.js';

export type ConfigSectionType =
  | { readonly type: 'profile'; readonly name: string }
  | { readonly type: 'sso-session'; readonly name: string }
  | { readonly type: 'services'; readonly name: string }
  | { readonly type: 'other' }
  /** Starts with a known prefix but does not split into exactly two shlex tokens: botocore drops it. */
  | { readonly type: 'ignored'; readonly reason: 'token-count' | 'unbalanced-quote' };

/** botocore's build_profile_map: any header *starting with* `profile`, `sso-session` or `services` is split by shlex. */
const SIMPLE_PROFILE = /^profile [^\s'"\\]+$/;
const SIMPLE_SECTION = /^(profile|sso-session|services) ([^\s'"\\]+)$/;

// Section names repeat across the model, the problem checks and edits; classifying one is pure, so it is done once.
const classified = new Map<string, ConfigSectionType>();
const CLASSIFIED_KEPT = 50_000;

export function classifyConfigSection(raw: string): ConfigSectionType {
  let type = classified.get(raw);
  if (type === undefined) {
    if (classified.size >= CLASSIFIED_KEPT) classified.clear();
    type = classifyUncached(raw);
    classified.set(raw, type);
  }
  return type;
}

function classifyUncached(raw: string): ConfigSectionType {
  // Fast paths for the common, unambiguous forms: shlex would return exactly these two tokens. `[profile x]` is
  // tested without building a match (a 5,000-profile file has 5,000 of them).
  if (SIMPLE_PROFILE.test(raw)) return { type: 'profile', name: raw.slice('profile '.length) };
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
  /**
   * One profile by name. Until something needs every profile, it is found by looking only at the sections that
   * can name it, so an edit of one profile in a 5,000-profile file builds one profile, not 5,000.
   */
  profile(name: string): Profile | undefined;
}

// Shared, frozen: a profile's sources are one of four lists, and 5,000 profiles need not allocate 5,000 of them.
const NO_SOURCES: readonly AwsFileKind[] = Object.freeze([]);
const CONFIG_ONLY: readonly AwsFileKind[] = Object.freeze(['config']);
const CREDENTIALS_ONLY: readonly AwsFileKind[] = Object.freeze(['credentials']);
const BOTH_FILES: readonly AwsFileKind[] = Object.freeze(['config', 'credentials']);

/** A profile as botocore sees it; settings are merged (and the kind derived) only when first asked for. */
const NO_SECTIONS: readonly SectionOccurrence[] = [];

class LazyProfile implements Profile {
  // Declared fields set in the constructor alone (no class-field initialisers to run per profile; see EntryBuild).
  declare readonly name: string;
  private declare readonly config: IniReading;
  private declare readonly credentials: IniReading;
  /** The config section name whose values botocore uses (the last one mapping to this name), if any. */
  declare configName: string | undefined;
  declare credentialsName: string | undefined;
  declare configSections: readonly SectionOccurrence[];
  declare allConfigSections: readonly SectionOccurrence[];
  declare credentialsSections: readonly SectionOccurrence[];
  private declare merged: ReadonlyMap<string, SettingValue> | undefined;
  private declare derivedKind: ProfileKind | undefined;

  constructor(name: string, config: IniReading, credentials: IniReading) {
    this.name = name;
    this.config = config;
    this.credentials = credentials;
    this.configName = undefined;
    this.credentialsName = undefined;
    this.configSections = NO_SECTIONS;
    this.allConfigSections = NO_SECTIONS;
    this.credentialsSections = NO_SECTIONS;
    this.merged = undefined;
    this.derivedKind = undefined;
  }

  get sources(): readonly AwsFileKind[] {
    if (this.configName === undefined) return this.credentialsName === undefined ? NO_SOURCES : CREDENTIALS_ONLY;
    return this.credentialsName === undefined ? CONFIG_ONLY : BOTH_FILES;
  }

  get configSettings(): ReadonlyMap<string, SettingValue> | undefined {
    return this.configName === undefined ? undefined : this.config.valuesOf(this.configName);
  }

  get credentialsSettings(): ReadonlyMap<string, SettingValue> | undefined {
    return this.credentialsName === undefined ? undefined : this.credentials.valuesOf(this.credentialsName);
  }

  get settings(): ReadonlyMap<string, SettingValue> {
    if (this.merged === undefined) {
      const fromConfig = this.configSettings;
      const fromCredentials = this.credentialsSettings;
      if (fromConfig === undefined || fromCredentials === undefined) {
        this.merged = fromConfig ?? fromCredentials ?? new Map();
      } else {
        // botocore's dict.update: credentials-file keys override config-file keys, key by key.
        const merged = new Map(fromConfig);
        for (const [k, v] of fromCredentials) merged.set(k, v);
        this.merged = merged;
      }
    }
    return this.merged;
  }

  get kind(): ProfileKind {
    this.derivedKind ??= credentialKind(this.settings, this.credentialsSettings);
    return this.derivedKind;
  }

  get region(): SettingValue | undefined {
    return this.settings.get('region');
  }
}

/** An [sso-session] or [services] section; its values are merged when first asked for. */
class LazyNamedSection implements NamedSection {
  sections: readonly SectionOccurrence[] = [];
  rawName = '';

  constructor(
    readonly name: string,
    private readonly reading: IniReading,
  ) {}

  get settings(): ReadonlyMap<string, SettingValue> {
    return this.reading.valuesOf(this.rawName)!;
  }
}

/** `rawName` is the config section botocore reads for the profile (a later one replaces an earlier one's values). */
function attachConfigSection(profile: LazyProfile, rawName: string, occs: readonly SectionOccurrence[]): void {
  profile.allConfigSections = profile.configName === undefined ? occs : [...profile.allConfigSections, ...occs];
  profile.configName = rawName;
  profile.configSections = occs;
}

function attachCredentialsSection(profile: LazyProfile, name: string, occs: readonly SectionOccurrence[]): void {
  profile.credentialsName = name;
  profile.credentialsSections = occs;
}

interface ProfileMaps {
  readonly profiles: readonly Profile[];
  readonly byName: ReadonlyMap<string, Profile>;
  readonly ssoSessions: ReadonlyMap<string, NamedSection>;
  readonly services: ReadonlyMap<string, NamedSection>;
}

/** Without quotes or backslashes, shlex's tokens are literal substrings: a header naming `name` must contain it. */
const SHLEX_QUOTING = /['"\\]/;

class LazyModel implements ProfileModel {
  private maps: ProfileMaps | undefined;
  private readonly found = new Map<string, LazyProfile | null>();

  constructor(
    readonly config: IniReading,
    readonly credentials: IniReading,
  ) {}

  get profiles(): readonly Profile[] {
    return this.all().profiles;
  }
  get byName(): ReadonlyMap<string, Profile> {
    return this.all().byName;
  }
  get ssoSessions(): ReadonlyMap<string, NamedSection> {
    return this.all().ssoSessions;
  }
  get services(): ReadonlyMap<string, NamedSection> {
    return this.all().services;
  }

  profile(name: string): Profile | undefined {
    if (this.maps !== undefined) return this.maps.byName.get(name);
    let profile = this.found.get(name);
    if (profile === undefined) {
      profile = this.findOne(name) ?? null;
      this.found.set(name, profile);
    }
    return profile ?? undefined;
  }

  private findOne(name: string): LazyProfile | undefined {
    const profile = new LazyProfile(name, this.config, this.credentials);
    for (const rawName of this.config.sectionNames) {
      if (!rawName.includes(name) && !SHLEX_QUOTING.test(rawName)) continue;
      const type = classifyConfigSection(rawName);
      if (type.type === 'profile' && type.name === name) attachConfigSection(profile, rawName, this.config.occurrencesOf(rawName));
    }
    const credentials = name === DEFAULT_SECTION_NAME ? [] : this.credentials.occurrencesOf(name);
    if (credentials.length > 0) attachCredentialsSection(profile, name, credentials);
    return profile.configName === undefined && profile.credentialsName === undefined ? undefined : profile;
  }

  /** The profile map from the section headers alone: which sections make which profile, in botocore's order. */
  private all(): ProfileMaps {
    if (this.maps !== undefined) return this.maps;
    const { config, credentials } = this;
    const byName = new Map<string, LazyProfile>();
    const ssoSessions = new Map<string, LazyNamedSection>();
    const services = new Map<string, LazyNamedSection>();
    // Iterate sections in configparser order; a later section mapping to the same name replaces the earlier one's
    // values wholesale but keeps its position, as assigning an existing Python dict key does.
    for (const rawName of config.sectionNames) {
      const type = classifyConfigSection(rawName);
      if (type.type === 'profile') {
        let profile = byName.get(type.name);
        if (profile === undefined) {
          profile = new LazyProfile(type.name, config, credentials);
          byName.set(type.name, profile);
        }
        attachConfigSection(profile, rawName, config.occurrencesOf(rawName));
      } else if (type.type === 'sso-session' || type.type === 'services') {
        const target = type.type === 'sso-session' ? ssoSessions : services;
        let section = target.get(type.name);
        if (section === undefined) {
          section = new LazyNamedSection(type.name, config);
          target.set(type.name, section);
        }
        section.rawName = rawName;
        section.sections = [...section.sections, ...config.occurrencesOf(rawName)];
      }
    }
    for (const name of credentials.sectionNames) {
      let profile = byName.get(name);
      if (profile === undefined) {
        profile = new LazyProfile(name, config, credentials);
        byName.set(name, profile);
      }
      attachCredentialsSection(profile, name, credentials.occurrencesOf(name));
    }
    this.maps = { profiles: [...byName.values()], byName, ssoSessions, services };
    return this.maps;
  }
}

const DEFAULT_SECTION_NAME = 'DEFAULT';

/** botocore's profile model over a reading of each file. Nothing is built until it is asked for. */
export function buildProfileModel(config: IniReading, credentials: IniReading): ProfileModel {
  return new LazyModel(config, credentials);
}

/** The kind botocore sees, from the kinds table (kinds.ts). */
export { credentialKind };

export function stringSetting(settings: ReadonlyMap<string, SettingValue>, key: string): string | undefined {
  const v = settings.get(key);
  return typeof v === 'string' ? v : undefined;
}
