// The access-keys domain's IPC handlers (plain Node): key age and last use, and rotation step by step.

import type { ResponseOf } from '../../../shared/ipc/contract.js';
import { rotateProfileKey } from '../../core/sts/rotate-profile.js';
import type { Handlers } from '../../ipc/dispatch.js';
import type { HandlerContext } from './context.js';
import { requireProfile } from './context.js';

export type KeysHandlers = Pick<Handlers, 'keys.info' | 'keys.checkAll' | 'keys.rotate'>;

export function createKeysHandlers({ files, credentialsEngine, emit, keyChecks }: HandlerContext): KeysHandlers {
  return {
    'keys.info': async ({ profile }) => {
      const view = files.view();
      requireProfile(view, profile);
      const info = await (await credentialsEngine()).accessKeyInfo(view.model, profile);
      // The check updated the cache: every row holding this key (and its account) shows the new facts.
      emit('keys.checked', { checked: 1, failed: 0 });
      const { accountAlias, ...rest } = info;
      return { ...rest, userName: info.userName ?? null, accountName: accountAlias };
    },
    'keys.checkAll': () => keyChecks.checkAll(),
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
      if (outcome.ok) {
        // The engine recorded the new key's CreateDate: the row's age starts again.
        emit('keys.checked', { checked: 1, failed: 0 });
        return { ok: true, newAccessKeyId: outcome.newAccessKeyId, steps, message: null };
      }
      return { ok: false, newAccessKeyId: outcome.newAccessKeyId ?? null, steps, message: outcome.error.message };
    },
  };
}
