// The credentials domain's IPC handlers (plain Node): the AWS_PROFILE snippet, assume, `use` as the default and back.

import { mfaSerialsOf } from '../../core/sessions/mfa-serials.js';
import { isProduction, loadSettings } from '../../core/settings/settings.js';
import { envSnippet } from '../../core/switch/env-snippet.js';
import { restoreUserDefault } from '../../core/switch/restore-default.js';
import { useProfile } from '../../core/switch/use-profile.js';
import type { Handlers } from '../../ipc/dispatch.js';
import type { HandlerContext } from './context.js';
import { requireProfile } from './context.js';

export type CredentialsHandlers = Pick<Handlers, 'credentials.envSnippet' | 'credentials.assume' | 'credentials.use' | 'credentials.restoreDefault'>;

export function createCredentialsHandlers({ files, credentialsEngine, emit, calls, sessions }: HandlerContext): CredentialsHandlers {
  return {
    'credentials.envSnippet': async ({ profile, shell }) => {
      requireProfile(files.view(), profile);
      return { text: envSnippet(profile, shell) };
    },
    'credentials.assume': async ({ profile, mfaCode, callId }) => {
      const view = files.view();
      requireProfile(view, profile);
      const engine = await credentialsEngine();
      const creds = await calls.run(callId, (signal) => engine.resolve(view.model, profile, { mfaCode, signal }));
      sessions.noteMfaUsedBy(mfaSerialsOf(view.model, profile), profile);
      // Long-term keys are no session: nothing to count down, refresh or forget.
      if (creds.expiration !== undefined) {
        sessions.noteAssumed({ profile, roleArn: creds.roleArn, accountId: creds.accountId, source: creds.source, chained: creds.chained, accessKeyId: creds.accessKeyId, expiresAt: creds.expiration });
      }
      return { profile, accessKeyId: creds.accessKeyId, expiresAt: creds.expiration?.toISOString() ?? null, roleArn: creds.roleArn ?? null, chained: creds.chained };
    },
    'credentials.use': async ({ profile, confirmProduction, keepDefaultAs, mfaCode, callId }) => {
      const engine = await credentialsEngine();
      const result = await calls.run(callId, (signal) =>
        useProfile(
          {
            files,
            isProduction: (name) => isProduction(loadSettings(files.dataDir), name),
            resolve: (model, name) => engine.resolve(model, name, { mfaCode, signal }),
            verify: (model, name, creds) => engine.identityOf(model, name, creds, { signal }),
          },
          { profile, keepDefaultAs, confirmProduction: confirmProduction === true },
        ),
      );
      sessions.noteMfaUsedBy(mfaSerialsOf(files.view().model, profile), profile);
      sessions.noteDefault(result.profile);
      emit('default.changed', { profile: result.profile, expiresAt: result.expiresAt });
      return { profile: result.profile, expiresAt: result.expiresAt, keptDefaultAs: result.plan.movedDefaultTo ?? null, accountId: result.identity?.account ?? null, arn: result.identity?.arn ?? null };
    },
    'credentials.restoreDefault': async ({ keptAs }) => {
      const { result } = restoreUserDefault(files, keptAs);
      // [default] is the user's own again: no profile stands behind it and nothing expires.
      emit('default.changed', { profile: null, expiresAt: null });
      // The managed default is read from the files, so it has left the sessions list already; say so.
      emit('sessions.changed', {});
      return { restoredFrom: result.restoredFrom, replacedProfile: result.replacedManagedProfile };
    },
  };
}
