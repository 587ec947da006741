// Settings: defaults, validation, migration, atomic 0600 writes, the production rule and dotted-key edits.

import { mkdtempSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { defaultSettings, getSetting, isProduction, loadSettings, parseSettings, SCHEMA_VERSION, setSetting, settingsPath, updateSettings } from './settings.js';

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
    expect(readdirSync(dir)).toEqual(['settings.json']);
  });

  it('refuses invalid values before writing, and a file from a newer Hatrack', () => {
    const dir = temp();
    expect(() => updateSettings(dir, (s) => setSetting(s, 'app.theme', 'purple'))).toThrow(/theme/);
    expect(() => updateSettings(dir, (s) => setSetting(s, 'profiles.dev.color', 'red'))).toThrow(/rrggbb/);
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
    expect(s.schemaVersion).toBe(1);
    expect(s.app.theme).toBe('light');
    expect(s.profiles['prod']?.production).toBe(false);
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
    let s = setSetting(defaultSettings(), 'profiles.team.eu.prod.favorite', 'yes');
    expect(getSetting(s, 'profiles.team.eu.prod.favorite')).toBe(true);
    expect(getSetting(s, 'profiles.team.eu.prod')).toEqual({ favorite: true });
    s = setSetting(s, 'profiles.team.eu.prod.favorite', '');
    expect(s.profiles).toEqual({});
    s = setSetting(s, 'app.notifications.keyAge', 'off');
    expect(getSetting(s, 'app.notifications.keyAge')).toBe(false);
    expect(getSetting(s, 'app.notifications')).toMatchObject({ keyAge: false, sessionExpiry: true });
  });
});
