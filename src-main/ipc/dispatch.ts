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

/** A call from trusted code in main (tray, notifications): the compiler checks the request and types the answer. */
export type Dispatch = <C extends Channel>(channel: C, request: RequestOf<C>) => Promise<Envelope<ResponseOf<C>>>;

/** A call from outside main (the window, a test host): any name, any payload; both are checked before a handler runs. */
export type UntrustedDispatch = (channel: string, payload: unknown) => Promise<Envelope<unknown>>;

/** What createDispatch returns: one function, typed for callers in main and open to untrusted input. */
export type AppDispatch = Dispatch & UntrustedDispatch;

function isChannel(name: string): name is Channel {
  return Object.prototype.hasOwnProperty.call(CONTRACT, name);
}

function describeIssues(error: z.ZodError): string {
  const first = error.issues[0];
  if (first === undefined) return 'The request is not valid.';
  const where = first.path.length > 0 ? first.path.join('.') : 'request';
  return `Invalid request: ${where}: ${first.message}.`;
}

/**
 * The typed face of a checked dispatch. Sound because every answer comes from the channel's own handler (typed by
 * Handlers) and every request is parsed with the channel's schema first.
 */
function typed(dispatch: UntrustedDispatch): AppDispatch {
  return dispatch as AppDispatch;
}

export function createDispatch(handlers: Handlers, log: DispatchLog, options: { readonly checkResponses?: boolean } = {}): AppDispatch {
  return typed(async (channel, payload) => {
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
  });
}

/** `dispatch`, calling `onSuccess(channel)` after each call that succeeded (the shell refreshes the tray there). */
export function afterSuccess(dispatch: AppDispatch, onSuccess: (channel: Channel) => void): AppDispatch {
  return typed(async (channel, payload) => {
    const result = await dispatch(channel, payload);
    if (result.ok && isChannel(channel)) onSuccess(channel);
    return result;
  });
}
