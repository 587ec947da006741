// Settings: defaults, validation, migration, atomic 0600 writes, the production rule and dotted-key edits.

import { chmodSync, mkdtempSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { defaultSettings, getSetting, isProduction, loadSettings, paletteColour, parseSettings, SCHEMA_VERSION, setSetting, settingsPath, updateSettings } from './settings.js';

const temp = () => mkdtempSync(path.join(tmpdir(), 'hatrack-settings-'));

describe('settings file', () => {
  it('reads defaults without writing, writes 0600 atomically, and skips a write that changes nothing', () => {
    const dir = path.join(temp(), 'data');
    expect(loadSettings(dir)).toEqual(defaultSettings());
    expect(() => statSync(dir)).toThrow();
    const next = updateSettings(dir, (s) => setSetting(s, 'app.theme', 'dark'));
    expect(next.app.theme).toBe('dark');
    expect(statSync(settingsPath(dir)).mode & 0o777).toBe(0o600);
    expect(statSync(dir).mode & 0o777).toBe(0o700);
    expect(JSON.parse(readFileSync(settingsPath(dir), 'utf8'))).toMatchObject({ schemaVersion: SCHEMA_VERSION, app: { theme: 'dark' } });
    const mtime = statSync(settingsPath(dir)).mtimeMs;
    updateSettings(dir, (s) => setSetting(s, 'app.theme', 'dark'));
    expect(statSync(settingsPath(dir)).mtimeMs).toBe(mtime);
    expect(readdirSync(dir)).toEqual(['locks', 'settings.json']);
    expect(readdirSync(path.join(dir, 'locks'))).toEqual([]);
  });

  it('refuses invalid values before writing, and a file from a newer Hatrack', () => {
    const dir = temp();
    expect(() => updateSettings(dir, (s) => setSetting(s, 'app.theme', 'purple'))).toThrow(/theme/);
    expect(() => updateSettings(dir, (s) => setSetting(s, 'profiles.dev.colour', 'chartreuse'))).toThrow(/use one of red, orange/);
    expect(() => updateSettings(dir, (s) => setSetting(s, 'app.productionPatterns', '(unclosed'))).toThrow(/regular expression/);
    expect(() => updateSettings(dir, (s) => setSetting(s, 'profiles.dev.notes', 'key wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY'))).toThrow(/secret/);
    expect(() => setSetting(defaultSettings(), 'app.refreshLeadMinutes', 'soon')).toThrow(/whole number/);
    expect(() => setSetting(defaultSettings(), 'app.nope', '1')).toThrow(/not a setting/);
    expect(() => statSync(settingsPath(dir))).toThrow();
    writeFileSync(settingsPath(dir), JSON.stringify({ schemaVersion: 99 }));
    expect(() => loadSettings(dir)).toThrow(/newer Hatrack/);
    writeFileSync(settingsPath(dir), '{not json');
    expect(() => loadSettings(dir)).toThrow(/not JSON/);
  });

  it('migrates an unversioned file', () => {
    const s = parseSettings({ theme: 'light', profiles: { prod: { production: false } } });
    expect(s.schemaVersion).toBe(SCHEMA_VERSION);
    expect(s.app.theme).toBe('light');
    expect(s.profiles['prod']?.production).toBe(false);
  });

  it('upgrades a schema 1 file to the wire spelling (favourite, colour, sessionExpiring); the write is 0600', () => {
    const dir = temp();
    const v1 = {
      schemaVersion: 1,
      app: { theme: 'dark', notifications: { sessionExpiry: false, keyAge: true } },
      profiles: { dev: { favorite: true, color: '#112233', notes: 'team', mfaSession: true }, prod: { production: true } },
    };
    writeFileSync(settingsPath(dir), JSON.stringify(v1));
    chmodSync(settingsPath(dir), 0o644);
    const read = loadSettings(dir);
    expect(read.schemaVersion).toBe(2);
    expect(read.app.notifications).toEqual({ sessionExpiring: false, keyAge: true, fileChanges: true });
    expect(read.profiles).toEqual({ dev: { favourite: true, colour: '#112233', notes: 'team', mfaSession: true }, prod: { production: true } });
    expect(JSON.parse(readFileSync(settingsPath(dir), 'utf8'))).toEqual(v1);
    updateSettings(dir, (s) => setSetting(s, 'profiles.dev.favourite', 'false'));
    const text = readFileSync(settingsPath(dir), 'utf8');
    expect(text).not.toMatch(/favorite|"color"|sessionExpiry"/);
    expect(JSON.parse(text)).toMatchObject({ schemaVersion: 2, app: { notifications: { sessionExpiring: false } }, profiles: { dev: { favourite: false, colour: '#112233' } } });
    expect(statSync(settingsPath(dir)).mode & 0o777).toBe(0o600);
  });

  it('migrates an unversioned file through every step; a bad old value is still refused by name', () => {
    expect(parseSettings({ notifications: { sessionExpiry: false }, profiles: { a: { favorite: true } } })).toMatchObject({
      schemaVersion: SCHEMA_VERSION,
      app: { notifications: { sessionExpiring: false } },
      profiles: { a: { favourite: true } },
    });
    expect(parseSettings({ schemaVersion: 1 })).toEqual(defaultSettings());
    expect(() => parseSettings({ schemaVersion: 1, profiles: { a: { color: 'crimson' } } })).toThrow(/profiles\.a\.colour: use one of red/);
    expect(() => parseSettings({ schemaVersion: 1, profiles: 'x' })).toThrow(/profiles/);
  });
});

describe('a profile\'s colour and note', () => {
  it('keeps a palette colour, still loads a legacy #rrggbb (shown as no colour) and refuses anything else', () => {
    const dir = temp();
    const saved = updateSettings(dir, (s) => setSetting(setSetting(s, 'profiles.dev.colour', 'purple'), 'profiles.dev.notes', 'deploys only'));
    expect(loadSettings(dir).profiles['dev']).toEqual({ colour: 'purple', notes: 'deploys only' });
    expect(paletteColour(saved.profiles['dev']?.colour)).toBe('purple');
    const legacy = parseSettings({ schemaVersion: 2, profiles: { old: { colour: '#a1b2c3' } } });
    expect(legacy.profiles['old']?.colour).toBe('#a1b2c3');
    expect(paletteColour(legacy.profiles['old']?.colour)).toBeNull();
    expect(paletteColour(undefined)).toBeNull();
    for (const bad of ['Purple', 'pink', '#abc', '']) {
      expect(() => parseSettings({ schemaVersion: 2, profiles: { dev: { colour: bad } } }), bad).toThrow(/profiles\.dev\.colour: use one of red, orange, yellow, green, blue, purple, grey/);
    }
  });

  it('refuses a note that looks like a secret access key, and leaves the file as it was', () => {
    const dir = temp();
    updateSettings(dir, (s) => setSetting(s, 'profiles.dev.notes', 'team'));
    const before = readFileSync(settingsPath(dir), 'utf8');
    expect(() => updateSettings(dir, (s) => setSetting(s, 'profiles.dev.notes', 'wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY'))).toThrow(/profiles\.dev\.notes: looks like a secret/);
    expect(readFileSync(settingsPath(dir), 'utf8')).toBe(before);
  });
});

describe('production rule and dotted keys', () => {
  it('own flag wins over the patterns; patterns are case-insensitive', () => {
    let s = defaultSettings();
    expect(isProduction(s, 'Prod-Admin')).toBe(true);
    expect(isProduction(s, 'acme-PRD')).toBe(true);
    expect(isProduction(s, 'dev')).toBe(false);
    s = setSetting(setSetting(s, 'profiles.prod-sandbox.production', 'false'), 'profiles.billing.production', 'true');
    expect(isProduction(s, 'prod-sandbox')).toBe(false);
    expect(isProduction(s, 'billing')).toBe(true);
    s = setSetting(s, 'app.productionPatterns', 'live,^p-');
    expect(isProduction(s, 'LIVE-eu')).toBe(true);
    expect(isProduction(s, 'prod')).toBe(false);
    s = setSetting(s, 'app.productionPatterns', '');
    expect(isProduction(s, 'prod')).toBe(true);
  });

  it('profile names may contain dots; empty values unset', () => {
    let s = setSetting(defaultSettings(), 'profiles.team.eu.prod.favourite', 'yes');
    expect(getSetting(s, 'profiles.team.eu.prod.favourite')).toBe(true);
    expect(getSetting(s, 'profiles.team.eu.prod')).toEqual({ favourite: true });
    s = setSetting(s, 'profiles.team.eu.prod.favourite', '');
    expect(s.profiles).toEqual({});
    s = setSetting(s, 'app.notifications.keyAge', 'off');
    expect(getSetting(s, 'app.notifications.keyAge')).toBe(false);
    expect(getSetting(s, 'app.notifications')).toMatchObject({ keyAge: false, sessionExpiring: true });
  });
});
