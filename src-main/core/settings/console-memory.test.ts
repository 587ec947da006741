// Console memory: recents newest first and capped, the profile's last choice, validation of what is kept, and Clear.

import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

import { CONSOLE_RECENTS_MAX } from '../../../shared/domain/console-places.js';
import { forgetConsoleChoices, lastConsoleChoice, rememberConsoleChoice } from './console-memory.js';
import { defaultSettings, loadSettings, updateSettings } from './settings.js';
import { settingsView } from './settings-wire.js';

describe('console memory', () => {
  it('puts the newest region and service first, without repeats, and keeps at most five of each', () => {
    let s = defaultSettings();
    for (const region of ['us-east-1', 'eu-west-1', 'ap-south-1', 'eu-west-2', 'us-west-2', 'ca-central-1', 'eu-west-1']) s = rememberConsoleChoice(s, 'dev', { region, service: 'ec2' });
    expect(s.app.consoleRecents.regions).toEqual(['eu-west-1', 'ca-central-1', 'us-west-2', 'eu-west-2', 'ap-south-1']);
    expect(s.app.consoleRecents.regions).toHaveLength(CONSOLE_RECENTS_MAX);
    expect(s.app.consoleRecents.services).toEqual(['ec2']);
    expect(lastConsoleChoice(s, 'dev')).toEqual({ region: 'eu-west-1', service: 'ec2' });
    expect(lastConsoleChoice(s, 'other')).toEqual({});
  });

  it('keeps the console home as the last choice, but writes nothing for a profile that never chose', () => {
    const chose = rememberConsoleChoice(defaultSettings(), 'dev', { region: 'eu-west-1', service: 's3' });
    const home = rememberConsoleChoice(chose, 'dev', {});
    expect(lastConsoleChoice(home, 'dev')).toEqual({});
    expect(home.profiles['dev']).toEqual({ consoleLast: {} });
    expect(home.app.consoleRecents).toEqual({ regions: ['eu-west-1'], services: ['s3'] });
    expect(rememberConsoleChoice(defaultSettings(), 'new', {})).toEqual(defaultSettings());
  });

  it('refuses to keep a value that is not a region or a service slug', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'hatrack-console-memory-'));
    expect(() => updateSettings(dir, (s) => rememberConsoleChoice(s, 'dev', { region: 'Europe/Paris' }))).toThrow(/region/);
    expect(() => updateSettings(dir, (s) => rememberConsoleChoice(s, 'dev', { service: '../etc' }))).toThrow(/service slug/);
    updateSettings(dir, (s) => rememberConsoleChoice(s, 'dev', { region: 'us-gov-west-1', service: 'systems-manager' }));
    expect(loadSettings(dir).profiles['dev']?.consoleLast).toEqual({ region: 'us-gov-west-1', service: 'systems-manager' });
  });

  it('Clear forgets the recents and every last choice, and leaves other profile settings alone', () => {
    let s = rememberConsoleChoice(defaultSettings(), 'dev', { region: 'eu-west-1', service: 'ec2' });
    s = rememberConsoleChoice({ ...s, profiles: { ...s.profiles, prod: { favourite: true } } }, 'prod', { service: 'iam' });
    const cleared = forgetConsoleChoices(s);
    expect(cleared.app.consoleRecents).toEqual({ regions: [], services: [] });
    expect(cleared.profiles).toEqual({ prod: { favourite: true } });
  });

  it('shows the recents and last choices in the settings view, read-only', () => {
    const s = rememberConsoleChoice(defaultSettings(), 'dev', { service: 'lambda' });
    expect(settingsView(s).console).toEqual({ recentRegions: [], recentServices: ['lambda'], last: { dev: { region: null, service: 'lambda' } } });
    expect(settingsView(s).app.consoleSeparateProfile).toBe(false);
  });
});
