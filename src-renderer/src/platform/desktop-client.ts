// The renderer's only door to main: wraps window.hatrack (preload or test host) into typed calls that return values or throw ClientError.
import { errorText } from './error-text.js';
import type { Channel, EventName, EventPayload, HatrackApi, RequestOf, ResponseOf } from '../../../shared/ipc/contract.js';

declare global {
  interface Window {
    readonly hatrack?: HatrackApi;
  }
}

/** A failure main reported: a stable code and one sentence. */
export class ClientError extends Error {
  readonly code: string;
  constructor(code: string, message: string) {
    super(message);
    this.name = 'ClientError';
    this.code = code;
  }
}

export function isClientError(e: unknown): e is ClientError {
  return e instanceof ClientError;
}

export interface DesktopClient {
  call<C extends Channel>(channel: C, request: RequestOf<C>): Promise<ResponseOf<C>>;
  on<E extends EventName>(event: E, listener: (payload: EventPayload<E>) => void): () => void;
  /** Writes text to the system clipboard (the renderer's own API; kept here so features stay platform-free). */
  copyText(text: string): Promise<void>;
}

export function createDesktopClient(api: HatrackApi | undefined = window.hatrack): DesktopClient {
  return {
    async call(channel, request) {
      if (api === undefined) throw new ClientError('NOT_CONNECTED', 'Hatrack is not connected to its background process; restart the app.');
      const fn = api[channel] as unknown as ((r: unknown) => Promise<unknown>) | undefined;
      if (typeof fn !== 'function') throw new ClientError('NOT_SUPPORTED', `This version of Hatrack cannot do “${channel}” yet.`);
      let envelope: { ok: boolean; value?: unknown; error?: { code: string; message: string } };
      try {
        envelope = (await fn(request)) as typeof envelope;
      } catch (e) {
        throw new ClientError('INTERNAL', e instanceof Error ? e.message : 'The call to Hatrack failed; try again.');
      }
      if (envelope.ok) return envelope.value as never;
      const err = envelope.error ?? { code: 'INTERNAL', message: 'Something went wrong.' };
      throw new ClientError(err.code, err.message);
    },
    on(event, listener) {
      if (api === undefined) return () => undefined;
      return api.on(event, listener);
    },
    async copyText(text) {
      try {
        await navigator.clipboard.writeText(text);
      } catch {
        throw new ClientError('CLIPBOARD', 'Copying to the clipboard was blocked; select the text and copy it by hand.');
      }
    },
  };
}

/** One clear sentence (plus the next step, once, when the message does not say it). */
export function describeError(e: unknown): string {
  if (isClientError(e)) return errorText(e.code, e.message);
  return e instanceof Error ? e.message : 'Something went wrong; try again.';
}
