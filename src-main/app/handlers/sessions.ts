// The sessions domain's IPC handlers (plain Node): list what Hatrack obtained, obtain it again, or forget it.

import { HatrackError } from '../../../shared/domain/errors.js';
import type { ManagedDefault, SessionInfo } from '../../core/sessions/session-registry.js';
import { DEFAULT_SESSION_ID } from '../../core/sessions/session-registry.js';
import { defaultState } from '../../core/switch/managed-default.js';
import type { Handlers } from '../../ipc/dispatch.js';
import type { HandlerContext } from './context.js';

export type SessionsHandlers = Pick<Handlers, 'sessions.list' | 'sessions.refresh' | 'sessions.forget'>;

/** The handlers that obtain sessions in the first place; Refresh goes through them so it records and emits the same way. */
export type SessionObtainers = Pick<Handlers, 'credentials.assume' | 'credentials.use' | 'console.open'>;

const NO_MANAGED_DEFAULT: ManagedDefault = { managedProfile: undefined, expiresAt: undefined };

export function createSessionsHandlers({ files, services, sessions }: HandlerContext, obtain: SessionObtainers): SessionsHandlers {
  const managed = (): ManagedDefault => {
    try {
      return defaultState(files.view().docs);
    } catch {
      return NO_MANAGED_DEFAULT; // two [default] sections: the doctor reports it; Hatrack manages neither
    }
  };

  const find = (id: string) => {
    const entry = sessions.get(id, managed());
    if (entry === undefined) throw new HatrackError('INVALID_VALUE', 'That session is no longer listed; reopen the Sessions screen to see the current ones.');
    return entry;
  };

  async function reobtain(info: SessionInfo, mfaCode: string | undefined, callId: string | undefined): Promise<void> {
    const profile = info.profile;
    if (profile === null) {
      throw new HatrackError('NOT_SUPPORTED', `Hatrack does not know which profile uses the MFA device ${info.serialNumber ?? ''}; assume a role that uses it to start a new session.`);
    }
    switch (info.kind) {
      case 'role':
        await obtain['credentials.assume']({ profile, mfaCode, callId });
        return;
      case 'default':
        // The same profile again: the user confirmed it as the default (production included) when they first chose it.
        await obtain['credentials.use']({ profile, mfaCode, callId, confirmProduction: true });
        return;
      case 'console':
        // The console reopens where this profile last opened it (its remembered region and service).
        await obtain['console.open']({ profile, lastChoice: true, mfaCode, callId });
        return;
      case 'mfa': {
        // A new device session needs a code: ask before the old one goes, so a cancelled dialog loses nothing.
        if (mfaCode === undefined) throw new HatrackError('MFA_REQUIRED', `A new session for the MFA device ${info.serialNumber ?? ''} needs a code.`);
        const key = find(info.id).mfaKey;
        if (key !== undefined) await (await services.mfaSessions()).delete(key);
        await obtain['credentials.assume']({ profile, mfaCode, callId });
        return;
      }
    }
  }

  return {
    'sessions.list': () => Promise.resolve({ sessions: sessions.list(managed()) }),
    'sessions.refresh': async ({ id, mfaCode, callId }) => {
      await reobtain(find(id).info, mfaCode, callId);
      return { session: find(id).info };
    },
    'sessions.forget': async ({ id }) => {
      if (id === DEFAULT_SESSION_ID) {
        throw new HatrackError('NOT_SUPPORTED', 'The managed [default] cannot be forgotten; use Switch back to make your own default the default again.');
      }
      const entry = sessions.get(id, managed());
      if (entry === undefined) return { forgotten: false };
      // Only Hatrack's own memory and the MFA-session cache: the AWS files are never touched here.
      if (entry.mfaKey !== undefined) await (await services.mfaSessions()).delete(entry.mfaKey);
      sessions.forget(id);
      return { forgotten: true };
    },
  };
}
