// The calls domain's IPC handler (plain Node): cancelling a running network call by the id the renderer gave it.

import type { Handlers } from '../../ipc/dispatch.js';
import type { HandlerContext } from './context.js';

export type CallsHandlers = Pick<Handlers, 'calls.cancel'>;

export function createCallsHandlers({ calls }: HandlerContext): CallsHandlers {
  return {
    'calls.cancel': ({ callId }) => Promise.resolve({ cancelled: calls.cancel(callId) }),
  };
}
