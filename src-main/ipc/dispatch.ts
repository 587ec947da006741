// Pure IPC dispatch (plain Node): validate the request, run the channel's handler, answer with an envelope.

import type { z } from 'zod';
import { HatrackError, isHatrackError } from '../../shared/domain/errors.js';
import type { Channel, Envelope, RequestOf, ResponseOf } from '../../shared/ipc/contract.js';
import { CONTRACT } from '../../shared/ipc/contract.js';

/** One handler per channel; a missing or mistyped one is a compile error. */
export type Handlers = { readonly [C in Channel]: (request: RequestOf<C>) => Promise<ResponseOf<C>> };

export interface DispatchLog {
  /** Details stay in main: the renderer only ever sees the code and one sentence. */
  readonly error: (channel: string, detail: string) => void;
}

export type Dispatch = (channel: string, payload: unknown) => Promise<Envelope<unknown>>;

function isChannel(name: string): name is Channel {
  return Object.prototype.hasOwnProperty.call(CONTRACT, name);
}

function describeIssues(error: z.ZodError): string {
  const first = error.issues[0];
  if (first === undefined) return 'The request is not valid.';
  const where = first.path.length > 0 ? first.path.join('.') : 'request';
  return `Invalid request: ${where}: ${first.message}.`;
}

export function createDispatch(handlers: Handlers, log: DispatchLog, options: { readonly checkResponses?: boolean } = {}): Dispatch {
  return async (channel, payload) => {
    if (typeof channel !== 'string' || !isChannel(channel)) {
      return { ok: false, error: { code: 'BAD_REQUEST', message: 'Unknown channel.' } };
    }
    const spec = CONTRACT[channel];
    const parsed = spec.request.safeParse(payload);
    if (!parsed.success) return { ok: false, error: { code: 'BAD_REQUEST', message: describeIssues(parsed.error) } };
    try {
      const handler = handlers[channel] as (request: unknown) => Promise<unknown>;
      const value = await handler(parsed.data);
      if (options.checkResponses === true) {
        const checked = spec.response.safeParse(value);
        if (!checked.success) throw new HatrackError('INTERNAL', `Response of ${channel} does not match the contract: ${describeIssues(checked.error)}`);
      }
      return { ok: true, value };
    } catch (e) {
      if (isHatrackError(e)) {
        log.error(channel, `${e.code}: ${e.message}`);
        return { ok: false, error: { code: e.code, message: e.message } };
      }
      log.error(channel, e instanceof Error ? (e.stack ?? e.message) : String(e));
      return { ok: false, error: { code: 'INTERNAL', message: 'Something went wrong inside Hatrack; the details are in its log.' } };
    }
  };
}
