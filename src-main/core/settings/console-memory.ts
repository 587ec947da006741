// What Hatrack remembers about console opens (plain Node, pure): the pickers' recent regions and services and each
// profile's last choice. Only main writes these, after the console opened; the window reads them in settings.get.

import { withRecent } from '../../../shared/domain/console-places.js';
import type { ConsoleChoice, ProfileSettings, Settings } from './settings.js';

/** `settings` with the choice first in the recents and kept as the profile's last choice (the console home clears it). */
export function rememberConsoleChoice(settings: Settings, profile: string, choice: ConsoleChoice): Settings {
  // The console home for a profile that never chose anything: nothing to remember, no empty entry written.
  if (choice.region === undefined && choice.service === undefined && settings.profiles[profile]?.consoleLast === undefined) return settings;
  const recents = settings.app.consoleRecents;
  const consoleRecents = {
    regions: choice.region === undefined ? recents.regions : withRecent(recents.regions, choice.region),
    services: choice.service === undefined ? recents.services : withRecent(recents.services, choice.service),
  };
  const last: ConsoleChoice = { ...(choice.region !== undefined ? { region: choice.region } : {}), ...(choice.service !== undefined ? { service: choice.service } : {}) };
  const own: ProfileSettings = { ...settings.profiles[profile], consoleLast: last };
  return { ...settings, app: { ...settings.app, consoleRecents }, profiles: { ...settings.profiles, [profile]: own } };
}

/** The recents emptied and every profile's last choice forgotten (a profile left with nothing leaves no entry). */
export function forgetConsoleChoices(settings: Settings): Settings {
  const profiles: Record<string, ProfileSettings> = {};
  for (const [name, p] of Object.entries(settings.profiles)) {
    const { consoleLast: _forgotten, ...rest } = p;
    if (Object.keys(rest).length > 0) profiles[name] = rest;
  }
  return { ...settings, app: { ...settings.app, consoleRecents: { regions: [], services: [] } }, profiles };
}

/** The profile's last choice, or the console home (nothing) when it has none. */
export function lastConsoleChoice(settings: Settings, profile: string): ConsoleChoice {
  return settings.profiles[profile]?.consoleLast ?? {};
}
