// The console domain's IPC handler (plain Node): federated sign-in opened in the browser from main.

import { mfaSerialsOf } from '../../core/sessions/mfa-serials.js';
import type { Handlers } from '../../ipc/dispatch.js';
import type { HandlerContext } from './context.js';
import { requireProfile } from './context.js';

export type ConsoleHandlers = Pick<Handlers, 'console.open'>;

export function createConsoleHandlers(deps: HandlerContext): ConsoleHandlers {
  const { files, credentialsEngine, calls, sessions } = deps;
  return {
    // The sign-in URL goes from the engine straight to the browser; it never crosses to the renderer.
    'console.open': async ({ profile, region, service, mfaCode, callId }) => {
      const view = files.view();
      requireProfile(view, profile);
      const engine = await credentialsEngine();
      const login = await calls.run(callId, (signal) => engine.consoleUrl(view.model, profile, { region, service, mfaCode, signal }));
      await deps.openExternal(login.url);
      sessions.noteConsole(profile, login.expiresAt);
      sessions.noteMfaUsedBy(mfaSerialsOf(view.model, profile), profile);
      return { opened: true, partition: login.partition, expiresAt: login.expiresAt.toISOString() };
    },
  };
}
