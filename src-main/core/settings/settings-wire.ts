// Settings on the wire: the settings.get view of the file and how a settings.update patch applies to it; plain Node.

import type { RequestOf, ResponseOf } from '../../../shared/ipc/contract.js';
import type { Settings } from './settings.js';

export function settingsView(settings: Settings): ResponseOf<'settings.get'> {
  const profiles: ResponseOf<'settings.get'>['profiles'] = {};
  for (const [name, p] of Object.entries(settings.profiles)) {
    profiles[name] = { production: p.production ?? null, colour: p.color ?? null, favourite: p.favorite === true, notes: p.notes ?? '' };
  }
  const app = settings.app;
  return {
    app: {
      productionPatterns: [...app.productionPatterns],
      theme: app.theme,
      refreshLeadMinutes: app.refreshLeadMinutes,
      notifications: { sessionExpiring: app.notifications.sessionExpiry, keyAge: app.notifications.keyAge },
      launchAtLogin: app.launchAtLogin === true,
    },
    profiles,
  };
}

export function applySettingsPatch(settings: Settings, patch: RequestOf<'settings.update'>): Settings {
  const app = { ...settings.app };
  if (patch.app !== undefined) {
    const a = patch.app;
    if (a.productionPatterns !== undefined) app.productionPatterns = [...a.productionPatterns];
    if (a.theme !== undefined) app.theme = a.theme;
    if (a.refreshLeadMinutes !== undefined) app.refreshLeadMinutes = a.refreshLeadMinutes;
    if (a.launchAtLogin !== undefined) app.launchAtLogin = a.launchAtLogin;
    if (a.notifications !== undefined) app.notifications = { ...app.notifications, sessionExpiry: a.notifications.sessionExpiring, keyAge: a.notifications.keyAge };
  }
  const profiles = { ...settings.profiles };
  for (const [name, p] of Object.entries(patch.profiles ?? {})) {
    const next = { ...(profiles[name] ?? {}) };
    if (p.production !== undefined) {
      if (p.production === null) delete next.production;
      else next.production = p.production;
    }
    if (p.colour !== undefined) {
      if (p.colour === null) delete next.color;
      else next.color = p.colour;
    }
    if (p.favourite !== undefined) next.favorite = p.favourite;
    if (p.notes !== undefined) next.notes = p.notes;
    profiles[name] = next;
  }
  return { ...settings, app, profiles };
}
