// Unit tests of dispatch: envelopes for success, bad requests, domain errors, unexpected errors and contract-checked responses.
import { describe, expect, it, vi } from 'vitest';
import { HatrackError } from '../../shared/domain/errors.js';
import { CHANNELS } from '../../shared/ipc/contract.js';
import { afterSuccess, createDispatch } from './dispatch.js';
import type { Handlers } from './dispatch.js';

function handlersWith(overrides: Partial<Record<string, (request: unknown) => Promise<unknown>>>): Handlers {
  return Object.fromEntries(CHANNELS.map((c) => [c, overrides[c] ?? (async () => ({}))])) as unknown as Handlers;
}

const info = { version: '1', platform: 'linux', dataDir: '/d', electron: null };

describe('createDispatch', () => {
  it('answers { ok: true, value } with what the handler returned', async () => {
    const dispatch = createDispatch(handlersWith({ 'app.info': async () => info }), { error: vi.fn() });
    expect(await dispatch('app.info', {})).toEqual({ ok: true, value: info });
  });

  it('refuses an extra field with BAD_REQUEST naming the problem, without calling the handler', async () => {
    const handler = vi.fn(async () => info);
    const dispatch = createDispatch(handlersWith({ 'app.info': handler }), { error: vi.fn() });
    const result = await dispatch('app.info', { extra: 1 });
    expect(result).toMatchObject({ ok: false, error: { code: 'BAD_REQUEST' } });
    expect(handler).not.toHaveBeenCalled();
    const missing = await dispatch('profiles.get', {});
    expect(missing.ok === false && missing.error.message).toMatch(/^Invalid request: name: /);
  });

  it('passes a HatrackError through as its code and sentence', async () => {
    const log = { error: vi.fn() };
    const dispatch = createDispatch(handlersWith({ 'profiles.get': async () => Promise.reject(new HatrackError('PROFILE_NOT_FOUND', 'There is no profile named "x".')) }), log);
    expect(await dispatch('profiles.get', { name: 'x' })).toEqual({ ok: false, error: { code: 'PROFILE_NOT_FOUND', message: 'There is no profile named "x".' } });
    expect(log.error).toHaveBeenCalledWith('profiles.get', 'PROFILE_NOT_FOUND: There is no profile named "x".');
  });

  it('hides the details of an unexpected error from the renderer but logs them', async () => {
    const log = { error: vi.fn() };
    const dispatch = createDispatch(handlersWith({ 'profiles.list': async () => Promise.reject(new Error('secret path /home/me')) }), log);
    const result = await dispatch('profiles.list', {});
    expect(result).toMatchObject({ ok: false, error: { code: 'INTERNAL' } });
    expect(JSON.stringify(result)).not.toContain('/home/me');
    expect(log.error.mock.calls[0]![1]).toContain('secret path /home/me');
  });

  it('with checkResponses, a response off the contract becomes INTERNAL', async () => {
    const dispatch = createDispatch(handlersWith({ 'app.info': async () => ({ version: 1 }) }), { error: vi.fn() }, { checkResponses: true });
    expect(await dispatch('app.info', {})).toMatchObject({ ok: false, error: { code: 'INTERNAL' } });
  });
});

describe('afterSuccess', () => {
  it('tells which channel succeeded, and nothing for a refused or failed call', async () => {
    const seen: string[] = [];
    const inner = createDispatch(handlersWith({ 'app.info': async () => info, 'profiles.list': async () => Promise.reject(new Error('boom')) }), { error: vi.fn() });
    const dispatch = afterSuccess(inner, (channel) => seen.push(channel));
    expect(await dispatch('app.info', {})).toEqual({ ok: true, value: info });
    await dispatch('profiles.list', {});
    await dispatch('no.such.channel', {});
    await dispatch('profiles.get', {});
    expect(seen).toEqual(['app.info']);
  });
});
