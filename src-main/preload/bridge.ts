// The window.hatrack API as a pure function of an ipc port (preload; unit-tested with a fake ipc, no Electron).

import type { Channel, EventName, HatrackApi } from '../../shared/ipc/contract.js';
import { PRELOAD_CHANNELS, PRELOAD_EVENTS, PRELOAD_IPC_EVENT, preloadChannelName } from './channels.js';

/** The three ipcRenderer calls the bridge needs; the event argument is opaque and never handed on. */
export interface IpcPort {
  invoke(channel: string, request: unknown): Promise<unknown>;
  on(channel: string, listener: (event: unknown, message: unknown) => void): void;
  off(channel: string, listener: (event: unknown, message: unknown) => void): void;
}

function isEventName(value: unknown): value is EventName {
  return typeof value === 'string' && (PRELOAD_EVENTS as readonly string[]).includes(value);
}

export function createBridge(ipc: IpcPort): HatrackApi {
  const api: Record<string, unknown> = {};
  for (const channel of PRELOAD_CHANNELS) {
    const name = preloadChannelName(channel as Channel);
    // Main validates the request with zod; the preload only carries it.
    api[channel] = (request: unknown) => ipc.invoke(name, request);
  }
  api['on'] = (event: unknown, listener: unknown): (() => void) => {
    if (!isEventName(event)) throw new TypeError(`hatrack.on: unknown event "${String(event)}"`);
    if (typeof listener !== 'function') throw new TypeError('hatrack.on: the listener must be a function');
    const relay = (_ipcEvent: unknown, message: unknown): void => {
      if (typeof message !== 'object' || message === null) return;
      const { event: name, payload } = message as { event?: unknown; payload?: unknown };
      // Only the payload crosses: the IpcRendererEvent (with its sender) never reaches the page.
      if (name === event) (listener as (payload: unknown) => void)(payload);
    };
    ipc.on(PRELOAD_IPC_EVENT, relay);
    let subscribed = true;
    return () => {
      if (!subscribed) return;
      subscribed = false;
      ipc.off(PRELOAD_IPC_EVENT, relay);
    };
  };
  return Object.freeze(api) as unknown as HatrackApi;
}
