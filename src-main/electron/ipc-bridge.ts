// The IPC bridge (Electron main): one ipcMain.handle per contract channel, sender-checked, calling the pure dispatch.

import type { IpcMain, IpcMainInvokeEvent, WebContents } from 'electron';
import type { Channel, EventName, EventPayload } from '../../shared/ipc/contract.js';
import { CHANNELS, EVENT_NAMES, IPC_EVENT, ipcChannelName } from '../../shared/ipc/contract.js';
import type { UntrustedDispatch } from '../ipc/dispatch.js';
import { isTrustedSender } from './security.js';
import type { SenderFacts } from './security.js';

/** What the bridge reads from an invoke event (kept narrow so tests pass plain objects). */
export type InvokeEventLike = Pick<IpcMainInvokeEvent, 'sender' | 'senderFrame'>;

export function senderFacts(event: InvokeEventLike): SenderFacts {
  let isMainFrame = false;
  let frameUrl: string | null = null;
  try {
    // A frame that navigated away or was destroyed throws or is null: treat it as untrusted.
    const frame = event.senderFrame;
    if (frame !== null && frame !== undefined) {
      isMainFrame = frame.parent === null && frame === event.sender.mainFrame;
      frameUrl = frame.url;
    }
  } catch {
    isMainFrame = false;
    frameUrl = null;
  }
  return { webContentsId: event.sender.id, isMainFrame, frameUrl };
}

export interface EventSource {
  on<E extends EventName>(event: E, listener: (payload: EventPayload<E>) => void): () => void;
}

export interface IpcBridgeDeps {
  readonly ipcMain: Pick<IpcMain, 'handle' | 'removeHandler'>;
  /** The window's calls are untrusted input: dispatch checks the channel and the payload. */
  readonly dispatch: UntrustedDispatch;
  /** The one window allowed to call (null while there is none). */
  readonly trustedContents: () => Pick<WebContents, 'id' | 'send' | 'isDestroyed'> | null;
  readonly events: EventSource;
  readonly log: { readonly warn: (message: string) => void };
}

export interface IpcBridge {
  dispose(): void;
}

export function createIpcBridge(deps: IpcBridgeDeps): IpcBridge {
  const registered: string[] = [];
  for (const channel of CHANNELS) {
    const name = ipcChannelName(channel);
    deps.ipcMain.handle(name, (event, payload: unknown) => handle(channel, event, payload));
    registered.push(name);
  }

  function handle(channel: Channel, event: InvokeEventLike, payload: unknown) {
    const trusted = deps.trustedContents();
    if (!isTrustedSender(senderFacts(event), trusted === null ? null : trusted.id)) {
      deps.log.warn(`refused ${channel} from an untrusted sender (webContents ${event.sender.id})`);
      return { ok: false, error: { code: 'ACCESS_DENIED', message: 'This window may not call Hatrack.' } };
    }
    return deps.dispatch(channel, payload);
  }

  // Events go to the trusted window only, as { event, payload }; the preload fans them out by name.
  const unsubscribers = EVENT_NAMES.map((name) =>
    deps.events.on(name, (payload) => {
      const target = deps.trustedContents();
      if (target !== null && !target.isDestroyed()) target.send(IPC_EVENT, { event: name, payload });
    }),
  );

  return {
    dispose() {
      for (const name of registered) deps.ipcMain.removeHandler(name);
      for (const off of unsubscribers) off();
    },
  };
}
