// Settings on the wire: the view fills absent fields and hides what the window does not show; a patch merges by field.

import { describe, expect, it } from 'vitest';
import { SettingsViewSchema } from '../../../shared/ipc/schemas.js';
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
    expect(view.app).toEqual({ productionPatterns: ['prod|production|prd'], theme: 'dark', refreshLeadMinutes: 5, notifications: { sessionExpiring: false, keyAge: true }, launchAtLogin: false, checkKeyAgeOnline: true });
    expect(view.profiles).toEqual({
      dev: { production: false, colour: '#112233', favourite: true, notes: '' },
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
});
