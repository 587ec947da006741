// Connects a Chromium page (driven by Playwright) to the real core in the same shape as the Electron preload gives
// the window: window.hatrack with one function per contract channel plus on(event, listener). Used by the development
// preview and by the browser e2e host, so both drive the renderer exactly as the desktop shell does.
import type { Page } from 'playwright-core';

import { CHANNELS, EVENT_NAMES } from '../../shared/ipc/contract.js';
import type { AppCore } from '../app/app-core.js';

interface BridgeShape {
  readonly channels: readonly string[];
  readonly events: readonly string[];
}

/** Runs in the page before its scripts: builds window.hatrack, fed by __hatrackInvoke (to core) and __hatrackEmit (from core). */
export function installBridge(arg: BridgeShape): void {
  // This function is serialised into the page; the Node tsconfig has no DOM lib, so the page's global is globalThis.
  const w = globalThis as unknown as Record<string, unknown>;
  const listeners = new Map<string, Set<(p: unknown) => void>>();
  const api: Record<string, unknown> = {
    on(event: string, listener: (p: unknown) => void) {
      if (!arg.events.includes(event)) throw new Error(`unknown event ${event}`);
      let set = listeners.get(event);
      if (set === undefined) listeners.set(event, (set = new Set()));
      set.add(listener);
      return () => set.delete(listener);
    },
  };
  for (const c of arg.channels) {
    api[c] = (request: unknown) => (w['__hatrackInvoke'] as (c: string, r: unknown) => Promise<unknown>)(c, request);
  }
  Object.defineProperty(w, '__hatrackEmit', {
    value: (event: string, payload: unknown) => {
      for (const l of listeners.get(event) ?? []) l(payload);
    },
  });
  Object.defineProperty(w, 'hatrack', { value: Object.freeze(api) });
}

/**
 * Gives `page` (and every document it loads later) window.hatrack over `core`. Calls go through core.dispatch, which
 * checks channel names and payloads against the contract exactly as the Electron IPC bridge does. Returns a function
 * that stops forwarding core's events.
 */
export async function connectPageToCore(page: Page, core: Pick<AppCore, 'dispatch' | 'on'>): Promise<() => void> {
  await page.exposeBinding('__hatrackInvoke', async (_source, channel: string, payload: unknown) => core.dispatch(channel, payload));
  await page.addInitScript(installBridge, { channels: [...CHANNELS], events: [...EVENT_NAMES] });
  const stops = EVENT_NAMES.map((event) =>
    core.on(event, (payload) => {
      page
        .evaluate(([e, p]) => (globalThis as unknown as { __hatrackEmit?: (e: string, p: unknown) => void }).__hatrackEmit?.(e, p), [event, payload] as const)
        // A page that is closing or navigating has no listeners to tell.
        .catch(() => undefined);
    }),
  );
  return () => {
    for (const stop of stops) stop();
  };
}
