// Settings on the wire: the view fills absent fields and hides what the window does not show; a patch merges by field.

import { describe, expect, it } from 'vitest';
import { PROFILE_NOTE_MAX } from '../../../shared/domain/profile-look.js';
import { CONTRACT } from '../../../shared/ipc/contract.js';
import { ProfileSettingsPatchSchema, SettingsViewSchema } from '../../../shared/ipc/schemas.js';
import { rememberConsoleChoice } from './console-memory.js';
import { defaultSettings, parseSettings } from './settings.js';
import { applySettingsPatch, settingsView } from './settings-wire.js';

const stored = () =>
  parseSettings({
    schemaVersion: 2,
    app: { theme: 'dark', keyMaxAgeDays: 30, notifications: { sessionExpiring: false, fileChanges: false } },
    profiles: { dev: { favourite: true, colour: '#112233', production: false, mfaSession: true }, ops: { notes: 'on call' } },
  });

describe('settings on the wire', () => {
  it('shows the file under the same names, with absent fields filled and disk-only fields left out', () => {
    const view = settingsView(stored());
    expect(SettingsViewSchema.strict().safeParse(view).success).toBe(true);
    expect(view.app).toEqual({ productionPatterns: ['prod|production|prd'], theme: 'dark', refreshLeadMinutes: 5, notifications: { sessionExpiring: false, keyAge: true }, launchAtLogin: false, checkKeyAgeOnline: true, consoleSeparateProfile: false });
    expect(view.console).toEqual({ recentRegions: [], recentServices: [], last: {} });
    expect(view.profiles).toEqual({
      // A legacy #rrggbb has no palette name: the window shows no colour (the file keeps it until changed).
      dev: { production: false, colour: null, favourite: true, notes: '' },
      ops: { production: null, colour: null, favourite: false, notes: 'on call' },
    });
  });

  it('applies only the fields a patch names; null removes a profile field; disk-only fields survive', () => {
    const next = applySettingsPatch(stored(), {
      app: { refreshLeadMinutes: 10, notifications: { sessionExpiring: true, keyAge: false } },
      profiles: { dev: { colour: null, production: null, notes: 'x' }, fresh: { favourite: true } },
    });
    expect(next.app).toMatchObject({ theme: 'dark', refreshLeadMinutes: 10, keyMaxAgeDays: 30, notifications: { sessionExpiring: true, keyAge: false, fileChanges: false } });
    expect(next.profiles).toEqual({ dev: { favourite: true, mfaSession: true, notes: 'x' }, ops: { notes: 'on call' }, fresh: { favourite: true } });
    expect(applySettingsPatch(defaultSettings(), {})).toEqual(defaultSettings());
  });

  it('takes a palette colour or null and a short one-line note (or null) in a patch, and refuses the rest', () => {
    const ok = (patch: unknown) => ProfileSettingsPatchSchema.safeParse(patch).success;
    expect(ok({ colour: 'green', notes: 'on call this week' })).toBe(true);
    expect(ok({ colour: null, notes: null })).toBe(true);
    expect(ok({ notes: 'x'.repeat(PROFILE_NOTE_MAX) })).toBe(true);
    expect(ok({ notes: 'x'.repeat(PROFILE_NOTE_MAX + 1) })).toBe(false);
    expect(ok({ notes: 'two\nlines' })).toBe(false);
    expect(ok({ colour: '#112233' })).toBe(false);
    expect(ok({ colour: 'magenta' })).toBe(false);
    const next = applySettingsPatch(stored(), { profiles: { ops: { colour: 'blue', notes: null } } });
    expect(next.profiles['ops']).toEqual({ colour: 'blue' });
    expect(settingsView(next).profiles['ops']).toMatchObject({ colour: 'blue', notes: '' });
    expect(applySettingsPatch(next, { profiles: { ops: { colour: null } } }).profiles).not.toHaveProperty('ops');
  });

  it('lets the window turn the separate browser profile default on, but never write the console recents', () => {
    const remembered = rememberConsoleChoice(stored(), 'dev', { region: 'eu-west-1', service: 'ec2' });
    const patch = CONTRACT['settings.update'].request.parse({ app: { consoleSeparateProfile: true, consoleRecents: { regions: ['us-east-1'], services: [] } } });
    const next = applySettingsPatch(remembered, patch);
    expect(next.app.consoleSeparateProfile).toBe(true);
    expect(next.app.consoleRecents).toEqual({ regions: ['eu-west-1'], services: ['ec2'] });
    expect(CONTRACT['settings.update'].request.safeParse({ console: { recentRegions: [] } }).success).toBe(false);
  });
});
