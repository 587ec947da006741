// The access-keys domain's IPC handlers (plain Node): key age and last use, and rotation step by step.

import type { ResponseOf } from '../../../shared/ipc/contract.js';
import { rotateProfileKey } from '../../core/sts/rotate-profile.js';
import type { Handlers } from '../../ipc/dispatch.js';
import type { HandlerContext } from './context.js';
import { requireProfile } from './context.js';

export type KeysHandlers = Pick<Handlers, 'keys.info' | 'keys.checkAll' | 'keys.rotate'>;

export function createKeysHandlers({ files, credentialsEngine, emit, keyChecks, calls }: HandlerContext): KeysHandlers {
  return {
    'keys.info': async ({ profile, callId }) => {
      const view = files.view();
      requireProfile(view, profile);
      const engine = await credentialsEngine();
      const info = await calls.run(callId, (signal) => engine.accessKeyInfo(view.model, profile, { signal }));
      // The check updated the cache: every row holding this key (and its account) shows the new facts.
      emit('keys.checked', { checked: 1, failed: 0 });
      const { accountAlias, ...rest } = info;
      return { ...rest, userName: info.userName ?? null, accountName: accountAlias };
    },
    'keys.checkAll': ({ callId }) => calls.run(callId, (signal) => keyChecks.checkAll(signal)),
    'keys.rotate': async ({ profile, keepOld, deleteKeyId, callId }) => {
      requireProfile(files.view(), profile);
      const steps: ResponseOf<'keys.rotate'>['steps'] = [];
      const engine = await credentialsEngine();
      // The cancel reaches the rotation, which honours it only before its first change (see core/sts/rotation.ts).
      const outcome = await calls.run(callId, (signal) =>
        rotateProfileKey({ files, rotate: engine.rotate }, profile, {
          keepOld,
          deleteKeyId,
          signal,
          onStep: (e) => {
            const step = { profile, step: e.step, status: e.status, detail: e.detail ?? null };
            steps.push(step);
            emit('rotation.step', step);
          },
        }),
      );
      if (outcome.ok) {
        // The engine recorded the new key's CreateDate: the row's age starts again.
        emit('keys.checked', { checked: 1, failed: 0 });
        return { ok: true, newAccessKeyId: outcome.newAccessKeyId, steps, message: null };
      }
      return { ok: false, newAccessKeyId: outcome.newAccessKeyId ?? null, steps, message: outcome.error.message };
    },
  };
}
