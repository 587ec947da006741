// Unit tests of the IPC bridge with a fake ipcMain: one handler per channel, sender checks, events to the trusted window only.
import { describe, expect, it, vi } from 'vitest';
import { CHANNELS, IPC_EVENT, ipcChannelName } from '../../shared/ipc/contract.js';
import type { EventName } from '../../shared/ipc/contract.js';
import { createIpcBridge, senderFacts } from './ipc-bridge.js';
import type { EventSource, InvokeEventLike } from './ipc-bridge.js';

type Handler = (event: InvokeEventLike, payload: unknown) => unknown;

function setup() {
  const handlers = new Map<string, Handler>();
  const ipcMain = {
    handle: vi.fn((name: string, fn: Handler) => void handlers.set(name, fn)),
    removeHandler: vi.fn((name: string) => void handlers.delete(name)),
  };
  const dispatch = vi.fn(async (channel: string, payload: unknown) => ({ ok: true as const, value: { channel, payload } }));
  const sent: unknown[][] = [];
  const trusted = { id: 1, send: (...args: unknown[]) => void sent.push(args), isDestroyed: () => false };
  let current: typeof trusted | null = trusted;
  const listeners = new Map<string, Set<(p: unknown) => void>>();
  const events: EventSource = {
    on: (event, listener) => {
      const set = listeners.get(event) ?? new Set();
      set.add(listener as (p: unknown) => void);
      listeners.set(event, set);
      return () => set.delete(listener as (p: unknown) => void);
    },
  };
  const warn = vi.fn();
  const bridge = createIpcBridge({ ipcMain: ipcMain as never, dispatch, trustedContents: () => current as never, events, log: { warn } });
  const fire = (event: EventName, payload: unknown) => listeners.get(event)?.forEach((l) => l(payload));
  const setTrusted = (t: typeof trusted | null) => (current = t);
  return { handlers, ipcMain, dispatch, sent, bridge, fire, warn, listeners, setTrusted };
}

function invokeEvent(opts: { id?: number; url?: string | null; main?: boolean } = {}): InvokeEventLike {
  const mainFrame = { url: opts.url ?? 'app://hatrack/index.html', parent: null };
  const frame = opts.main === false ? { url: opts.url ?? 'app://hatrack/index.html', parent: mainFrame } : mainFrame;
  return { sender: { id: opts.id ?? 1, mainFrame } as never, senderFrame: (opts.url === null ? null : frame) as never };
}

describe('createIpcBridge', () => {
  it('registers one handle per contract channel on hatrack:<channel>', () => {
    const { handlers } = setup();
    expect([...handlers.keys()].sort()).toEqual(CHANNELS.map(ipcChannelName).sort());
  });

  it('dispatches calls from the trusted main frame', async () => {
    const { handlers, dispatch } = setup();
    const result = await handlers.get('hatrack:profiles.list')!(invokeEvent(), {});
    expect(result).toEqual({ ok: true, value: { channel: 'profiles.list', payload: {} } });
    expect(dispatch).toHaveBeenCalledWith('profiles.list', {});
  });

  it.each([
    ['another webContents', { id: 2 }],
    ['a sub-frame', { main: false }],
    ['a foreign page', { url: 'https://example.com/' }],
    ['a destroyed frame', { url: null }],
  ])('refuses %s without reaching dispatch', async (_name, opts) => {
    const { handlers, dispatch, warn } = setup();
    const result = await handlers.get('hatrack:profiles.list')!(invokeEvent(opts), {});
    expect(result).toEqual({ ok: false, error: { code: 'ACCESS_DENIED', message: 'This window may not call Hatrack.' } });
    expect(dispatch).not.toHaveBeenCalled();
    expect(warn).toHaveBeenCalledOnce();
  });

  it('refuses everything while there is no window', async () => {
    const { handlers, dispatch, setTrusted } = setup();
    setTrusted(null);
    expect(await handlers.get('hatrack:app.info')!(invokeEvent(), {})).toMatchObject({ ok: false });
    expect(dispatch).not.toHaveBeenCalled();
  });

  it('forwards core events to the trusted window as { event, payload } on hatrack:event', () => {
    const { fire, sent, setTrusted } = setup();
    fire('files.changed', { kind: 'config', path: '/x' });
    expect(sent).toEqual([[IPC_EVENT, { event: 'files.changed', payload: { kind: 'config', path: '/x' } }]]);
    setTrusted(null);
    fire('files.changed', { kind: 'config', path: '/y' });
    expect(sent).toHaveLength(1);
  });

  it('dispose removes every handler and event subscription', () => {
    const { bridge, handlers, listeners } = setup();
    bridge.dispose();
    expect(handlers.size).toBe(0);
    expect([...listeners.values()].every((s) => s.size === 0)).toBe(true);
  });
});

describe('senderFacts', () => {
  it('treats a frame that throws on access as untrusted', () => {
    const event = { sender: { id: 3, mainFrame: {} }, get senderFrame() { throw new Error('Render frame was disposed'); } } as unknown as InvokeEventLike;
    expect(senderFacts(event)).toEqual({ webContentsId: 3, isMainFrame: false, frameUrl: null });
  });
});
