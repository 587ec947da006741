// Hatrack's own settings: one zod-validated JSON file in the data dir, shared by the CLI and the desktop app; plain
// Node. Preferences and metadata only — never a secret (the AWS files and the keychain hold those).

import { closeSync, fsyncSync, mkdirSync, openSync, readFileSync, renameSync, rmSync, writeSync } from 'node:fs';
import path from 'node:path';
import { z } from 'zod';

import { HatrackError } from '../../../shared/domain/errors.js';
import { CONSOLE_RECENTS_MAX, REGION_PATTERN, SERVICE_SLUG_PATTERN } from '../../../shared/domain/console-places.js';
import { KEY_AGE_ALARM_DAYS } from '../../../shared/domain/key-age.js';
import { PROFILE_COLOURS } from '../../../shared/domain/profile-look.js';
import type { ProfileColour } from '../../../shared/domain/profile-look.js';
import { ProfileColourSchema } from '../../../shared/ipc/schemas.js';
import { acquireLock } from '../awsfiles/file-lock.js';

export const SETTINGS_FILE = 'settings.json';
export const SCHEMA_VERSION = 2;
/** Case-insensitive regular expressions; a profile whose name matches one counts as production unless marked. */
export const DEFAULT_PRODUCTION_PATTERNS: readonly string[] = ['prod|production|prd'];

/** The shape of an AWS secret access key (40 base64 characters), refused in free text so none is kept by mistake. */
const SECRET_SHAPE = /(^|[^A-Za-z0-9/+=])[A-Za-z0-9/+=]{40}($|[^A-Za-z0-9/+=])/;

const patternSchema = z
  .string()
  .min(1)
  .max(200)
  .refine((p) => {
    try {
      new RegExp(p, 'i');
      return true;
    } catch {
      return false;
    }
  }, 'not a valid regular expression');

const freeText = z
  .string()
  .max(4000)
  .refine((t) => !SECRET_SHAPE.test(t), 'looks like a secret access key; settings never hold secrets');

const regionName = z.string().regex(REGION_PATTERN, 'not an AWS region name');
const serviceSlug = z.string().regex(SERVICE_SLUG_PATTERN, 'not a console service slug');

/** Where the console last opened for a profile (absent = the console home / the profile's own region). */
export const ConsoleChoiceSchema = z.strictObject({ region: regionName.optional(), service: serviceSlug.optional() });
export type ConsoleChoice = z.infer<typeof ConsoleChoiceSchema>;

const LEGACY_HEX = /^#[0-9a-fA-F]{6}$/;

/** The profile's palette colour, or null (unset, or a legacy #rrggbb the palette has no name for). */
export function paletteColour(colour: string | undefined): ProfileColour | null {
  const named = ProfileColourSchema.safeParse(colour);
  return named.success ? named.data : null;
}

export const ProfileSettingsSchema = z.strictObject({
  /** true/false overrides the name patterns; absent = decided by the patterns. */
  production: z.boolean().optional(),
  /** A palette name; #rrggbb from earlier versions still loads (and shows as no colour). */
  colour: z
    .string()
    .refine((c) => ProfileColourSchema.safeParse(c).success || LEGACY_HEX.test(c), `use one of ${PROFILE_COLOURS.join(', ')}`)
    .optional(),
  favourite: z.boolean().optional(),
  notes: freeText.optional(),
  /** No longer read (key age comes from IAM only); kept so files written by earlier versions still load. */
  keyFirstSeen: z.iso.datetime({ offset: true }).or(z.iso.date()).optional(),
  /** `hatrack credential-process` mints a GetSessionToken+MFA session (the profile needs mfa_serial). */
  mfaSession: z.boolean().optional(),
  /** Written by main when console.open succeeds; the row's Console button opens there again. */
  consoleLast: ConsoleChoiceSchema.optional(),
});
export type ProfileSettings = z.infer<typeof ProfileSettingsSchema>;

export const NotificationSettingsSchema = z.strictObject({
  keyAge: z.boolean().default(true),
  sessionExpiring: z.boolean().default(true),
  fileChanges: z.boolean().default(true),
});

export const AppSettingsSchema = z.strictObject({
  productionPatterns: z.array(patternSchema).max(50).default([...DEFAULT_PRODUCTION_PATTERNS]),
  notifications: NotificationSettingsSchema.prefault({}),
  theme: z.enum(['system', 'light', 'dark']).default('system'),
  /** Minutes before expiry that sessions are refreshed or the user is told. */
  refreshLeadMinutes: z.number().int().min(1).max(60).default(5),
  /** Access keys this old or older are reported by doctor and the app (the seed rule's 90 days by default). */
  keyMaxAgeDays: z.number().int().min(1).max(3650).default(KEY_AGE_ALARM_DAYS),
  /**
   * Ask IAM in the background (with each key's own credentials) for its CreateDate, last use and the account alias.
   * Off: ages stay unknown until the user checks a key (`hatrack keys`, the Keys screen).
   */
  checkKeyAgeOnline: z.boolean().default(true),
  /** Start Hatrack (in the tray) when the user logs in. */
  launchAtLogin: z.boolean().default(false),
  /** The console pickers' recents, newest first; written by main when console.open succeeds, never by the window. */
  consoleRecents: z
    .strictObject({
      regions: z.array(regionName).max(CONSOLE_RECENTS_MAX).default([]),
      services: z.array(serviceSlug).max(CONSOLE_RECENTS_MAX).default([]),
    })
    .prefault({}),
  /** Open the console in a browser profile of its own per AWS profile (the dialog's checkbox starts from this). */
  consoleSeparateProfile: z.boolean().default(false),
});

export const SettingsSchema = z.strictObject({
  schemaVersion: z.literal(SCHEMA_VERSION),
  app: AppSettingsSchema.prefault({}),
  profiles: z.record(z.string().min(1).max(256), ProfileSettingsSchema).default({}),
});
export type Settings = z.infer<typeof SettingsSchema>;
export type AppSettings = z.infer<typeof AppSettingsSchema>;

type Raw = Record<string, unknown>;

function isRaw(value: unknown): value is Raw {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** `raw` with key `from` renamed to `to` (kept in place); a value already under `to` wins. Non-objects pass through. */
function renamed(raw: unknown, from: string, to: string): unknown {
  if (!isRaw(raw) || !(from in raw)) return raw;
  const out: Raw = {};
  for (const [k, v] of Object.entries(raw)) {
    if (k === from) {
      if (!(to in raw)) out[to] = v;
    } else out[k] = v;
  }
  return out;
}

function mapValues(raw: unknown, fn: (value: unknown) => unknown): unknown {
  return isRaw(raw) ? Object.fromEntries(Object.entries(raw).map(([k, v]) => [k, fn(v)])) : raw;
}

/**
 * Each step turns a file of version N into version N + 1. Version 0 is a file without `schemaVersion` (the
 * pre-release layout, which kept the app fields at the top level next to `profiles`).
 */
const MIGRATIONS: Readonly<Record<number, (raw: Raw) => Raw>> = {
  0: (raw) => {
    const { profiles, schemaVersion: _drop, ...app } = raw;
    return { schemaVersion: 1, app, profiles: profiles ?? {} };
  },
  // One spelling on disk and on the wire (the wire's): favourite, colour, notifications.sessionExpiring.
  1: (raw) => {
    const app = isRaw(raw['app']) && 'notifications' in raw['app'] ? { ...raw['app'], notifications: renamed(raw['app']['notifications'], 'sessionExpiry', 'sessionExpiring') } : raw['app'];
    const profiles = mapValues(raw['profiles'], (p) => renamed(renamed(p, 'favorite', 'favourite'), 'color', 'colour'));
    return { ...raw, schemaVersion: 2, app, profiles };
  },
};

export function defaultSettings(): Settings {
  return SettingsSchema.parse({ schemaVersion: SCHEMA_VERSION });
}

export function settingsPath(dataDir: string): string {
  return path.join(dataDir, SETTINGS_FILE);
}

function invalid(file: string, why: string): HatrackError {
  return new HatrackError('INVALID_CONFIG', `The settings file is not valid (${why}); fix or remove it.`, { path: file });
}

function describeIssue(error: z.ZodError): string {
  const issue = error.issues[0];
  if (issue === undefined) return 'invalid';
  const where = issue.path.map(String).join('.');
  return where === '' ? issue.message : `${where}: ${issue.message}`;
}

/** Validates (and migrates) parsed JSON; `file` only names the file in errors. */
export function parseSettings(json: unknown, file = SETTINGS_FILE): Settings {
  if (!isRaw(json)) throw invalid(file, 'not a JSON object');
  let raw = json;
  let version = typeof raw['schemaVersion'] === 'number' ? raw['schemaVersion'] : raw['schemaVersion'] === undefined ? 0 : NaN;
  if (!Number.isInteger(version) || version < 0) throw invalid(file, 'schemaVersion is not a whole number');
  if (version > SCHEMA_VERSION) {
    throw new HatrackError('INVALID_CONFIG', `The settings file was written by a newer Hatrack (schema ${version}); update Hatrack to change settings.`, { path: file });
  }
  while (version < SCHEMA_VERSION) {
    const step = MIGRATIONS[version];
    if (step === undefined) throw invalid(file, `no migration from schema ${version}`);
    raw = step(raw);
    version++;
  }
  const parsed = SettingsSchema.safeParse(raw);
  if (!parsed.success) throw invalid(file, describeIssue(parsed.error));
  return parsed.data;
}

/** The settings in `dataDir`, or the defaults when there is no file yet (nothing is written). */
export function loadSettings(dataDir: string): Settings {
  const file = settingsPath(dataDir);
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ENOENT') return defaultSettings();
    throw new HatrackError('FILE_UNREADABLE', `The settings file cannot be read (${(e as NodeJS.ErrnoException).code ?? 'error'}).`, { path: file });
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    throw invalid(file, 'not JSON');
  }
  return parseSettings(json, file);
}

/** temp file in the same folder, fsync, rename: a reader sees the old file or the new one, never half of one. */
function writeAtomic(file: string, text: string): void {
  mkdirSync(path.dirname(file), { recursive: true, mode: 0o700 });
  const tmp = `${file}.${process.pid}.${Date.now()}.tmp`;
  const fd = openSync(tmp, 'w', 0o600);
  try {
    writeSync(fd, text);
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
  try {
    renameSync(tmp, file);
  } catch (e) {
    rmSync(tmp, { force: true });
    throw new HatrackError('FILE_WRITE_FAILED', `The settings file could not be saved (${(e as NodeJS.ErrnoException).code ?? 'error'}).`, { path: file });
  }
}

/**
 * Reads, applies `fn`, validates and writes (only when something changed); returns the new settings. The data dir's
 * write lock is held from the read to the rename, so the app and a CLI updating at once never lose each other's change.
 */
export function updateSettings(dataDir: string, fn: (current: Settings) => Settings): Settings {
  const release = acquireLock(dataDir);
  try {
    const current = loadSettings(dataDir);
    const parsed = SettingsSchema.safeParse(fn(current));
    if (!parsed.success) throw new HatrackError('INVALID_VALUE', `Not saved: ${describeIssue(parsed.error)}.`);
    const next = parsed.data;
    if (JSON.stringify(next) !== JSON.stringify(current)) writeAtomic(settingsPath(dataDir), `${JSON.stringify(next, null, 2)}\n`);
    return next;
  } finally {
    release();
  }
}

/** The profile's own flag wins; otherwise any production pattern matching its name (case-insensitively). */
export function isProduction(settings: Settings, profileName: string): boolean {
  const own = settings.profiles[profileName]?.production;
  if (own !== undefined) return own;
  return settings.app.productionPatterns.some((p) => new RegExp(p, 'i').test(profileName));
}

// ---- dotted paths for `hatrack settings get/set` ----

type FieldType = 'boolean' | 'int' | 'string' | 'string-list';

const APP_FIELDS: Readonly<Record<string, FieldType>> = {
  productionPatterns: 'string-list',
  theme: 'string',
  refreshLeadMinutes: 'int',
  keyMaxAgeDays: 'int',
  checkKeyAgeOnline: 'boolean',
  launchAtLogin: 'boolean',
  consoleSeparateProfile: 'boolean',
  'notifications.keyAge': 'boolean',
  'notifications.sessionExpiring': 'boolean',
  'notifications.fileChanges': 'boolean',
};

const PROFILE_FIELDS: Readonly<Record<string, FieldType>> = {
  production: 'boolean',
  colour: 'string',
  favourite: 'boolean',
  notes: 'string',
  keyFirstSeen: 'string',
  mfaSession: 'boolean',
};

type SettingPath = { readonly scope: 'app'; readonly field: string } | { readonly scope: 'profile'; readonly profile: string; readonly field: string };

/** `app.theme`, `app.notifications.keyAge`, `profiles.<name>.<field>` (a profile name may itself contain dots). */
export function parseSettingPath(key: string): SettingPath {
  if (key.startsWith('app.')) {
    const field = key.slice(4);
    if (APP_FIELDS[field] !== undefined) return { scope: 'app', field };
  } else if (key.startsWith('profiles.')) {
    const rest = key.slice(9);
    const dot = rest.lastIndexOf('.');
    const field = rest.slice(dot + 1);
    if (dot > 0 && PROFILE_FIELDS[field] !== undefined) return { scope: 'profile', profile: rest.slice(0, dot), field };
  }
  const known = [...Object.keys(APP_FIELDS).map((f) => `app.${f}`), ...Object.keys(PROFILE_FIELDS).map((f) => `profiles.<name>.${f}`)];
  throw new HatrackError('INVALID_KEY', `"${key}" is not a setting. Known: ${known.join(', ')}.`);
}

function coerce(key: string, type: FieldType, raw: string): unknown {
  switch (type) {
    case 'boolean':
      if (/^(true|yes|on|1)$/i.test(raw)) return true;
      if (/^(false|no|off|0)$/i.test(raw)) return false;
      throw new HatrackError('INVALID_VALUE', `${key} takes true or false.`);
    case 'int':
      if (!/^\d+$/.test(raw)) throw new HatrackError('INVALID_VALUE', `${key} takes a whole number.`);
      return Number(raw);
    case 'string':
      return raw;
    case 'string-list':
      if (raw.startsWith('[')) {
        try {
          return JSON.parse(raw) as unknown;
        } catch {
          throw new HatrackError('INVALID_VALUE', `${key} takes a JSON list of strings or comma-separated values.`);
        }
      }
      return raw.split(',').map((s) => s.trim()).filter((s) => s !== '');
  }
}

/** The value at a dotted key, or the whole settings for no key. */
export function getSetting(settings: Settings, key?: string): unknown {
  if (key === undefined || key === '') return settings;
  if (key === 'app') return settings.app;
  if (key === 'app.notifications') return settings.app.notifications;
  if (key === 'profiles') return settings.profiles;
  if (key.startsWith('profiles.') && settings.profiles[key.slice(9)] !== undefined) return settings.profiles[key.slice(9)];
  const p = parseSettingPath(key);
  if (p.scope === 'profile') return (settings.profiles[p.profile] as Record<string, unknown> | undefined)?.[p.field];
  const [a, b] = p.field.split('.') as [string, string | undefined];
  const top = (settings.app as Record<string, unknown>)[a];
  return b === undefined ? top : (top as Record<string, unknown>)[b];
}

/**
 * Sets a dotted key from its text form; an empty value (or `unset`) removes a profile field or restores an app
 * default. The result still has to pass `SettingsSchema` (updateSettings checks).
 */
export function setSetting(settings: Settings, key: string, raw: string): Settings {
  const p = parseSettingPath(key);
  const clear = raw === '' || raw === 'unset';
  if (p.scope === 'profile') {
    const own: Record<string, unknown> = { ...(settings.profiles[p.profile] ?? {}) };
    if (clear) delete own[p.field];
    else own[p.field] = coerce(key, PROFILE_FIELDS[p.field]!, raw);
    const profiles: Record<string, ProfileSettings> = { ...settings.profiles };
    if (Object.keys(own).length === 0) delete profiles[p.profile];
    else profiles[p.profile] = own as ProfileSettings;
    return { ...settings, profiles };
  }
  const defaults = defaultSettings().app as Record<string, unknown>;
  const app: Record<string, unknown> = { ...settings.app };
  const [a, b] = p.field.split('.') as [string, string | undefined];
  if (b === undefined) {
    app[a] = clear ? defaults[a] : coerce(key, APP_FIELDS[p.field]!, raw);
  } else {
    const inner: Record<string, unknown> = { ...(app[a] as Record<string, unknown>) };
    inner[b] = clear ? (defaults[a] as Record<string, unknown>)[b] : coerce(key, APP_FIELDS[p.field]!, raw);
    app[a] = inner;
  }
  return { ...settings, app: app as AppSettings };
}
