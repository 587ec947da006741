// The console domain's IPC handlers (plain Node): federated sign-in opened in the browser from main, the browsers that
// can keep a profile per AWS profile, and what Hatrack remembers about where the console opened.

import { launchInBrowserProfile } from '../../core/console/browser-launch.js';
import { chooseBrowser, detectBrowsers, executableOnDisk, noBrowserReason } from '../../core/console/browsers.js';
import type { InstalledBrowser } from '../../core/console/browsers.js';
import { mfaSerialsOf } from '../../core/sessions/mfa-serials.js';
import { forgetConsoleChoices, lastConsoleChoice, rememberConsoleChoice } from '../../core/settings/console-memory.js';
import { loadSettings, updateSettings } from '../../core/settings/settings.js';
import type { ConsoleChoice } from '../../core/settings/settings.js';
import { settingsView } from '../../core/settings/settings-wire.js';
import type { Handlers } from '../../ipc/dispatch.js';
import type { HandlerContext } from './context.js';
import { requireProfile } from './context.js';

export type ConsoleHandlers = Pick<Handlers, 'console.open' | 'console.browsers' | 'console.clearRecents'>;

export function createConsoleHandlers(deps: HandlerContext): ConsoleHandlers {
  const { env, files, credentialsEngine, calls, log, sessions } = deps;
  // Looked up on every call: a browser installed while Hatrack runs is offered at once, and PATH is read from `env`.
  const installedBrowsers = () => detectBrowsers(env, executableOnDisk);

  /** The browser asked for (or the first one found); refused before any network call when there is none. */
  const browserFor = (id: string | undefined): InstalledBrowser => chooseBrowser(installedBrowsers(), id);

  /** Where the profile last opened; a settings file that cannot be read opens the console home rather than nothing. */
  function rememberedChoice(profile: string): ConsoleChoice {
    try {
      return lastConsoleChoice(loadSettings(files.dataDir), profile);
    } catch (e) {
      log.info(`The last console choice for ${profile} could not be read: ${e instanceof Error ? e.message : 'error'}`);
      return {};
    }
  }

  /** Recents and last choice; a settings file that cannot be written must not turn an opened console into an error. */
  function remember(profile: string, choice: ConsoleChoice): void {
    try {
      updateSettings(files.dataDir, (current) => rememberConsoleChoice(current, profile, choice));
    } catch (e) {
      log.info(`The console choice for ${profile} was not remembered: ${e instanceof Error ? e.message : 'error'}`);
    }
  }

  return {
    // The sign-in URL goes from the engine straight to the browser; it never crosses to the renderer or a log.
    'console.open': async ({ profile, region, service, lastChoice, separateProfile, browser: browserId, mfaCode, callId }) => {
      const view = files.view();
      requireProfile(view, profile);
      const remembered = lastChoice === true ? rememberedChoice(profile) : {};
      const choice: ConsoleChoice = { ...remembered, ...(region !== undefined ? { region } : {}), ...(service !== undefined ? { service } : {}) };
      const browser = separateProfile === true ? browserFor(browserId) : undefined;
      const engine = await credentialsEngine();
      const login = await calls.run(callId, (signal) => engine.consoleUrl(view.model, profile, { region: choice.region, service: choice.service, mfaCode, signal }));
      if (browser === undefined) await deps.openExternal(login.url);
      else await launchInBrowserProfile({ browser, dataDir: files.dataDir, profile, url: login.url, vars: env.vars });
      sessions.noteConsole(profile, login.expiresAt);
      sessions.noteMfaUsedBy(mfaSerialsOf(view.model, profile), profile);
      remember(profile, choice);
      return { opened: true, partition: login.partition, expiresAt: login.expiresAt.toISOString(), browser: browser?.name ?? null };
    },
    'console.browsers': async () => {
      const found = installedBrowsers();
      // Every browser Hatrack detects can keep a profile per AWS profile; the flag leaves room for one that cannot.
      return { browsers: found.map((b) => ({ id: b.id, name: b.name, separateProfiles: true })), reason: noBrowserReason(found) };
    },
    'console.clearRecents': async () => settingsView(updateSettings(files.dataDir, forgetConsoleChoices)),
  };
}
