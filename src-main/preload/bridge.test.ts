// Unit tests of the preload bridge with a fake ipc: exactly the contract channels plus `on`; events never leak.
import { describe, expect, it, vi } from 'vitest';
import { CHANNELS, EVENT_NAMES, IPC_EVENT, ipcChannelName } from '../../shared/ipc/contract.js';
import { createBridge } from './bridge.js';
import type { IpcPort } from './bridge.js';
import { PRELOAD_CHANNELS, PRELOAD_EVENTS, PRELOAD_IPC_EVENT, preloadChannelName } from './channels.js';

type Listener = (event: unknown, message: unknown) => void;

function fakeIpc() {
  const listeners = new Map<string, Set<Listener>>();
  const invoke = vi.fn(async (channel: string, request: unknown) => ({ ok: true, value: { channel, request } }));
  const port: IpcPort = {
    invoke,
    on: (channel, listener) => {
      const set = listeners.get(channel) ?? new Set();
      set.add(listener);
      listeners.set(channel, set);
    },
    off: (channel, listener) => {
      listeners.get(channel)?.delete(listener);
    },
  };
  // What main's webContents.send delivers: an IpcRendererEvent-like object with a sender, then the message.
  const emit = (message: unknown) => {
    const rawEvent = { sender: { send: () => undefined, secret: 'ipcRenderer' }, senderId: 0, ports: [] };
    for (const l of listeners.get(IPC_EVENT) ?? []) l(rawEvent, message);
  };
  const count = () => listeners.get(IPC_EVENT)?.size ?? 0;
  return { port, invoke, emit, count };
}

describe('channel lists without zod', () => {
  it('match the contract exactly', () => {
    expect(PRELOAD_CHANNELS).toEqual(CHANNELS);
    expect(PRELOAD_EVENTS).toEqual(EVENT_NAMES);
    expect(PRELOAD_IPC_EVENT).toBe(IPC_EVENT);
    for (const c of CHANNELS) expect(preloadChannelName(c)).toBe(ipcChannelName(c));
  });
});

describe('createBridge', () => {
  it('exposes exactly one function per contract channel, plus on, and nothing else', () => {
    const api = createBridge(fakeIpc().port);
    expect(Object.keys(api).sort()).toEqual([...CHANNELS, 'on'].sort());
    for (const key of Object.keys(api)) expect(typeof (api as unknown as Record<string, unknown>)[key]).toBe('function');
    expect(Object.isFrozen(api)).toBe(true);
    expect(api).not.toHaveProperty('invoke');
    expect(api).not.toHaveProperty('ipcRenderer');
  });

  it('invokes hatrack:<channel> with the request as given (main validates it)', async () => {
    const ipc = fakeIpc();
    const api = createBridge(ipc.port);
    for (const channel of CHANNELS) {
      const call = api[channel] as (request: unknown) => Promise<unknown>;
      await expect(call({ probe: channel })).resolves.toEqual({ ok: true, value: { channel: `hatrack:${channel}`, request: { probe: channel } } });
    }
    expect(ipc.invoke).toHaveBeenCalledTimes(CHANNELS.length);
  });

  it('on() hands listeners only the payload of their event, never the ipc event object', () => {
    const ipc = fakeIpc();
    const api = createBridge(ipc.port);
    const seen: unknown[][] = [];
    api.on('files.changed', (...args: unknown[]) => seen.push(args));
    ipc.emit({ event: 'files.changed', payload: { kind: 'config', path: '/h/.aws/config' } });
    ipc.emit({ event: 'rotation.step', payload: { step: 'x' } });
    ipc.emit('garbage');
    ipc.emit(null);
    expect(seen).toEqual([[{ kind: 'config', path: '/h/.aws/config' }]]);
  });

  it('on() returns an unsubscribe that removes exactly its relay (idempotent)', () => {
    const ipc = fakeIpc();
    const api = createBridge(ipc.port);
    const a = vi.fn();
    const b = vi.fn();
    const offA = api.on('default.changed', a);
    api.on('default.changed', b);
    expect(ipc.count()).toBe(2);
    offA();
    offA();
    expect(ipc.count()).toBe(1);
    ipc.emit({ event: 'default.changed', payload: { profile: 'p', expiresAt: null } });
    expect(a).not.toHaveBeenCalled();
    expect(b).toHaveBeenCalledWith({ profile: 'p', expiresAt: null });
  });

  it('on() refuses unknown event names and non-function listeners', () => {
    const ipc = fakeIpc();
    const api = createBridge(ipc.port) as unknown as { on: (e: unknown, l: unknown) => unknown };
    expect(() => api.on('__proto__', () => undefined)).toThrow(TypeError);
    expect(() => api.on('hatrack:event', () => undefined)).toThrow(TypeError);
    expect(() => api.on('files.changed', 'not a function')).toThrow(TypeError);
    expect(ipc.count()).toBe(0);
  });
});
