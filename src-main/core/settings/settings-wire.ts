// Settings on the wire: the settings.get view of the file and how a settings.update patch applies to it; plain Node.
// Disk and wire use the same names; the view leaves out what the window does not show and fills absent fields.

import type { RequestOf, ResponseOf } from '../../../shared/ipc/contract.js';
import { paletteColour } from './settings.js';
import type { ProfileSettings, Settings } from './settings.js';

type SettingsView = ResponseOf<'settings.get'>;

export function settingsView(settings: Settings): SettingsView {
  const profiles: SettingsView['profiles'] = {};
  const last: SettingsView['console']['last'] = {};
  for (const [name, p] of Object.entries(settings.profiles)) {
    profiles[name] = { production: p.production ?? null, colour: paletteColour(p.colour), favourite: p.favourite === true, notes: p.notes ?? '' };
    if (p.consoleLast !== undefined) last[name] = { region: p.consoleLast.region ?? null, service: p.consoleLast.service ?? null };
  }
  const { productionPatterns, theme, refreshLeadMinutes, notifications, launchAtLogin, checkKeyAgeOnline, consoleSeparateProfile, consoleRecents } = settings.app;
  return {
    app: {
      productionPatterns: [...productionPatterns],
      theme,
      refreshLeadMinutes,
      notifications: { sessionExpiring: notifications.sessionExpiring, keyAge: notifications.keyAge },
      launchAtLogin,
      checkKeyAgeOnline,
      consoleSeparateProfile,
    },
    profiles,
    console: { recentRegions: [...consoleRecents.regions], recentServices: [...consoleRecents.services], last },
  };
}

/** `base` with the patch's fields over it; `undefined` leaves a field alone, `null` removes it so its default applies. */
function merged<T extends object>(base: T | undefined, patch: object): T {
  const out: Record<string, unknown> = { ...base };
  for (const [key, value] of Object.entries(patch)) {
    if (value === null) delete out[key];
    else if (value !== undefined) out[key] = value;
  }
  return out as T;
}

export function applySettingsPatch(settings: Settings, patch: RequestOf<'settings.update'>): Settings {
  const { notifications, ...appPatch } = patch.app ?? {};
  const app = merged(settings.app, { ...appPatch, notifications: merged(settings.app.notifications, notifications ?? {}) });
  const profiles = { ...settings.profiles };
  for (const [name, p] of Object.entries(patch.profiles ?? {})) {
    const next = merged<ProfileSettings>(profiles[name], p);
    // A profile with nothing left (its colour and note cleared) leaves no empty entry behind, as `settings set` does.
    if (Object.keys(next).length === 0) delete profiles[name];
    else profiles[name] = next;
  }
  return { ...settings, app, profiles };
}
