// The settings domain's IPC handlers (plain Node), with app.info: what the window may read and change about Hatrack.

import { loadSettings, updateSettings } from '../../core/settings/settings.js';
import { applySettingsPatch, settingsView } from '../../core/settings/settings-wire.js';
import type { Handlers } from '../../ipc/dispatch.js';
import type { HandlerContext } from './context.js';

export type SettingsHandlers = Pick<Handlers, 'app.info' | 'settings.get' | 'settings.update'>;

export function createSettingsHandlers(deps: HandlerContext): SettingsHandlers {
  const { env, files } = deps;
  return {
    'app.info': async () => ({ version: deps.version ?? '0.1.0', platform: env.platform, dataDir: files.dataDir, electron: deps.electronVersion ?? null }),
    'settings.get': async () => settingsView(loadSettings(files.dataDir)),
    'settings.update': async (patch) => settingsView(updateSettings(files.dataDir, (current) => applySettingsPatch(current, patch))),
  };
}
