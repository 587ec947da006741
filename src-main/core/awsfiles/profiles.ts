// botocore's profile model over a config/credentials pair: names, order, merged settings and credential kind.

import type { IniReading, SectionOccurrence, SettingValue } from './ini-reading.js';
import { credentialKind } from './kinds.js';
import type { ProfileKind } from './kinds.js';
import { mergedValues } from './ini-reading.js';
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
  // `[profile x]` is told apart without the cache: in a file of 500,000 sections, looking a name up in it cost more
  // than this test (and the cache, bounded, would have forgotten the name before the next pass asked again).
  if (SIMPLE_PROFILE.test(raw)) return { type: 'profile', name: raw.slice('profile '.length) };
  let type = classified.get(raw);
  if (type === undefined) {
    if (classified.size >= CLASSIFIED_KEPT) classified.clear();
    type = classifyUncached(raw);
    classified.set(raw, type);
  }
  return type;
}

function classifyUncached(raw: string): ConfigSectionType {
  // Fast path for the other common, unambiguous forms: shlex would return exactly these two tokens.
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
const NO_SETTINGS: ReadonlyMap<string, SettingValue> = new Map();

/** The two readings a profile's sections are in. */
interface Readings {
  readonly config: IniReading;
  readonly credentials: IniReading;
}

class LazyProfile implements Profile {
  // Six declared fields set in the constructor alone (no class-field initialisers to run per profile; see EntryBuild),
  // and sections held as header indices: a 50 MB file has half a million profiles.
  declare readonly name: string;
  private declare readonly files: Readings;
  /** First header index of the config section botocore reads (the last one mapping to this name); -1 if none. */
  declare configAt: number;
  /** First header index of the credentials section; -1 if none. */
  declare credentialsAt: number;
  /** Every config section mapping to this name, when there is more than the one read ([default] and [profile default]). */
  declare shadowed: readonly SectionOccurrence[] | undefined;
  private declare derivedKind: ProfileKind | undefined;

  constructor(name: string, files: Readings) {
    this.name = name;
    this.files = files;
    this.configAt = -1;
    this.credentialsAt = -1;
    this.shadowed = undefined;
    this.derivedKind = undefined;
  }

  get sources(): readonly AwsFileKind[] {
    if (this.configAt < 0) return this.credentialsAt < 0 ? NO_SOURCES : CREDENTIALS_ONLY;
    return this.credentialsAt < 0 ? CONFIG_ONLY : BOTH_FILES;
  }

  get configSections(): readonly SectionOccurrence[] {
    return this.configAt < 0 ? NO_SECTIONS : this.files.config.occurrencesAtHeader(this.configAt);
  }

  get allConfigSections(): readonly SectionOccurrence[] {
    return this.shadowed ?? this.configSections;
  }

  get credentialsSections(): readonly SectionOccurrence[] {
    return this.credentialsAt < 0 ? NO_SECTIONS : this.files.credentials.occurrencesAtHeader(this.credentialsAt);
  }

  // By header index, not by name: a lookup in a map of 500,000 names costs more than the rest of the work.
  get configSettings(): ReadonlyMap<string, SettingValue> | undefined {
    return this.configAt < 0 ? undefined : this.files.config.valuesAtHeader(this.configAt);
  }

  get credentialsSettings(): ReadonlyMap<string, SettingValue> | undefined {
    return this.credentialsAt < 0 ? undefined : this.files.credentials.valuesAtHeader(this.credentialsAt);
  }

  // Not kept here: the readings keep a bounded number of sections' values, and a profile holding its own would keep
  // every profile's values alive once all were read.
  get settings(): ReadonlyMap<string, SettingValue> {
    const fromConfig = this.configSettings;
    const fromCredentials = this.credentialsSettings;
    if (fromConfig === undefined || fromCredentials === undefined) return fromConfig ?? fromCredentials ?? NO_SETTINGS;
    // botocore's dict.update: credentials-file keys override config-file keys, key by key.
    return mergedValues(fromConfig, fromCredentials);
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

/** `first` heads the config section botocore reads for the profile (a later one replaces an earlier one's values). */
function attachConfigSection(profile: LazyProfile, config: IniReading, first: number): void {
  if (profile.configAt >= 0) profile.shadowed = [...profile.allConfigSections, ...config.occurrencesAtHeader(first)];
  profile.configAt = first;
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
    const profile = new LazyProfile(name, this);
    const config = this.config;
    // Headers in file order, each name once (at its first header): the order of config.sectionNames, without the
    // index of every name that building sectionNames takes.
    const seen = new Set<string>();
    config.forEachHeader((rawName, _line, _indented, first) => {
      if ((!rawName.includes(name) && !SHLEX_QUOTING.test(rawName)) || seen.has(rawName)) return;
      seen.add(rawName);
      const type = classifyConfigSection(rawName);
      if (type.type === 'profile' && type.name === name) attachConfigSection(profile, config, first);
    });
    if (name !== DEFAULT_SECTION_NAME) profile.credentialsAt = this.credentials.firstHeaderOf(name);
    return profile.configAt < 0 && profile.credentialsAt < 0 ? undefined : profile;
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
    const configNames = config.sectionNames;
    for (let k = 0; k < configNames.length; k++) {
      const rawName = configNames[k]!;
      const type = classifyConfigSection(rawName);
      if (type.type === 'profile') {
        let profile = byName.get(type.name);
        if (profile === undefined) {
          profile = new LazyProfile(type.name, this);
          byName.set(type.name, profile);
        }
        attachConfigSection(profile, config, config.firstHeaderOfSection(k));
      } else if (type.type === 'sso-session' || type.type === 'services') {
        const target = type.type === 'sso-session' ? ssoSessions : services;
        let section = target.get(type.name);
        if (section === undefined) {
          section = new LazyNamedSection(type.name, config);
          target.set(type.name, section);
        }
        section.rawName = rawName;
        section.sections = [...section.sections, ...config.occurrencesAtHeader(config.firstHeaderOfSection(k))];
      }
    }
    const credentialsNames = credentials.sectionNames;
    for (let k = 0; k < credentialsNames.length; k++) {
      const name = credentialsNames[k]!;
      let profile = byName.get(name);
      if (profile === undefined) {
        profile = new LazyProfile(name, this);
        byName.set(name, profile);
      }
      profile.credentialsAt = credentials.firstHeaderOfSection(k);
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
