// The access-keys domain's IPC handlers (plain Node): key age and last use, and rotation step by step.

import type { ResponseOf } from '../../../shared/ipc/contract.js';
import { rotateProfileKey } from '../../core/sts/rotate-profile.js';
import type { Handlers } from '../../ipc/dispatch.js';
import type { HandlerContext } from './context.js';
import { requireProfile } from './context.js';

export type KeysHandlers = Pick<Handlers, 'keys.info' | 'keys.rotate'>;

export function createKeysHandlers({ files, credentialsEngine, emit }: HandlerContext): KeysHandlers {
  return {
    'keys.info': async ({ profile }) => {
      const view = files.view();
      requireProfile(view, profile);
      const info = await (await credentialsEngine()).accessKeyInfo(view.model, profile);
      return { ...info, userName: info.userName ?? null };
    },
    'keys.rotate': async ({ profile, keepOld, deleteKeyId }) => {
      requireProfile(files.view(), profile);
      const steps: ResponseOf<'keys.rotate'>['steps'] = [];
      const outcome = await rotateProfileKey({ files, rotate: (await credentialsEngine()).rotate }, profile, {
        keepOld,
        deleteKeyId,
        onStep: (e) => {
          const step = { profile, step: e.step, status: e.status, detail: e.detail ?? null };
          steps.push(step);
          emit('rotation.step', step);
        },
      });
      if (outcome.ok) return { ok: true, newAccessKeyId: outcome.newAccessKeyId, steps, message: null };
      return { ok: false, newAccessKeyId: outcome.newAccessKeyId ?? null, steps, message: outcome.error.message };
    },
  };
}
