import { describe, expect, it, vi } from 'vitest';

import { HatrackError } from '../../../shared/domain/errors.js';
import { createFakeGateway } from './fake-gateway.js';
import { isPastPointOfNoReturn } from '../../../shared/domain/rotation-steps.js';
import { rotateAccessKey } from './rotation.js';
import type { AccessKeyMetadata, CallTarget } from './sts-gateway.js';

const ARN = 'arn:aws:iam::111122223333:user/alice';
const targets = { credentials: { accessKeyId: 'AKIAOLD', secretAccessKey: 'old' }, iam: { region: 'us-east-1' }, sts: { region: 'us-east-1' } };
const key = (id: string, status: 'Active' | 'Inactive' = 'Active'): AccessKeyMetadata => ({ accessKeyId: id, userName: 'alice', status, createDate: new Date() });

function gateway(keys: AccessKeyMetadata[], failNewKeyTimes: number) {
  let gciForNew = 0;
  return createFakeGateway({
    getCallerIdentity: (t) => {
      if (t.credentials.accessKeyId === 'AKIANEW' && gciForNew++ < failNewKeyTimes) {
        return Promise.reject(new HatrackError('INVALID_CLIENT_TOKEN', 'not yet'));
      }
      return Promise.resolve({ account: '111122223333', arn: ARN, userId: 'AIDA' });
    },
    listAccessKeys: () => Promise.resolve(keys),
    createAccessKey: () => Promise.resolve({ accessKeyId: 'AKIANEW', secretAccessKey: 'newsecret', userName: 'alice', createDate: new Date() }),
    updateAccessKey: () => Promise.resolve(),
    deleteAccessKey: () => Promise.resolve(),
  });
}

describe('rotateAccessKey', () => {
  it('retries verification in 2 s steps while IAM catches up', async () => {
    const g = gateway([key('AKIAOLD')], 3);
    const sleep = vi.fn(() => Promise.resolve());
    const out = await rotateAccessKey({ gateway: g, sleep }, targets, { saveNewKey: () => Promise.resolve() });
    expect(out).toMatchObject({ ok: true, verifyAttempts: 4, oldKey: 'deleted' });
    expect(sleep).toHaveBeenCalledTimes(3);
    expect(sleep).toHaveBeenCalledWith(2000);
    // deactivate and delete are signed with the new key
    const upd = g.calls.find((c) => c.method === 'updateAccessKey')!;
    expect(upd.args.slice(1)).toEqual(['AKIAOLD', 'Inactive', 'alice']);
    expect((upd.args[0] as { credentials: { accessKeyId: string } }).credentials.accessKeyId).toBe('AKIANEW');
  });

  it('gives up after ~20 s and leaves the old key alone', async () => {
    const g = gateway([key('AKIAOLD')], 100);
    const sleep = vi.fn(() => Promise.resolve());
    const out = await rotateAccessKey({ gateway: g, sleep }, targets, { saveNewKey: () => Promise.resolve() });
    expect(out).toMatchObject({ ok: false, failedStep: 'verify', newAccessKeyId: 'AKIANEW' });
    expect(sleep).toHaveBeenCalledTimes(10);
    expect(g.calls.some((c) => c.method === 'updateAccessKey' || c.method === 'deleteAccessKey')).toBe(false);
    expect(out.ok === false && out.unsavedKey).toBeFalsy();
  });

  it('deletes the chosen spare key when both are active and one is named', async () => {
    const g = gateway([key('AKIAOLD'), key('AKIASPARE')], 0);
    const out = await rotateAccessKey({ gateway: g, sleep: () => Promise.resolve() }, targets, {
      deleteKeyId: 'AKIASPARE',
      saveNewKey: () => Promise.resolve(),
    });
    expect(out).toMatchObject({ ok: true, removedKeyId: 'AKIASPARE' });
    await expect(
      rotateAccessKey({ gateway: gateway([key('AKIAOLD'), key('AKIASPARE')], 0), sleep: () => Promise.resolve() }, targets, {
        deleteKeyId: 'AKIAOLD',
        saveNewKey: () => Promise.resolve(),
      }),
    ).rejects.toMatchObject({ code: 'INVALID_VALUE' });
  });

  it('refuses session credentials and non-user identities', async () => {
    const g = gateway([key('AKIAOLD')], 0);
    await expect(
      rotateAccessKey({ gateway: g, sleep: () => Promise.resolve() }, { ...targets, credentials: { ...targets.credentials, sessionToken: 't' } }, {
        saveNewKey: () => Promise.resolve(),
      }),
    ).rejects.toMatchObject({ code: 'NOT_SUPPORTED' });
    const root = createFakeGateway({ getCallerIdentity: () => Promise.resolve({ account: '1', arn: 'arn:aws:iam::111122223333:root', userId: '1' }) });
    await expect(rotateAccessKey({ gateway: root, sleep: () => Promise.resolve() }, targets, { saveNewKey: () => Promise.resolve() })).rejects.toMatchObject({
      code: 'NOT_SUPPORTED',
    });
  });
});

/** A call that never answers on its own: it fails CANCELLED when its target's signal aborts, as the real gateway does. */
function hangUntilAborted(t: CallTarget): Promise<never> {
  return new Promise((_, reject) => t.signal?.addEventListener('abort', () => reject(new HatrackError('CANCELLED', 'aborted')), { once: true }));
}

describe('cancelling a rotation', () => {
  const deadline = new AbortController().signal; // the engine's deadline: never fires in these tests
  const withDeadline = { ...targets, iam: { ...targets.iam, signal: deadline }, sts: { ...targets.sts, signal: deadline } };

  it('before the first change: the read-only call is aborted, nothing is created or saved, and no changing step starts', async () => {
    const user = new AbortController();
    const steps: string[] = [];
    const g = createFakeGateway({
      getCallerIdentity: () => Promise.resolve({ account: '111122223333', arn: ARN, userId: 'AIDA' }),
      listAccessKeys: (t) => {
        queueMicrotask(() => user.abort());
        return hangUntilAborted(t);
      },
    });
    const saveNewKey = vi.fn(() => Promise.resolve());
    await expect(
      rotateAccessKey({ gateway: g, sleep: () => Promise.resolve() }, withDeadline, { saveNewKey, cancel: user.signal, onStep: (e) => steps.push(`${e.step}:${e.status}`) }),
    ).rejects.toMatchObject({ code: 'CANCELLED' });
    expect(g.calls.map((c) => c.method)).toEqual(['getCallerIdentity', 'listAccessKeys']);
    expect(saveNewKey).not.toHaveBeenCalled();
    expect(steps.filter((s) => isPastPointOfNoReturn(s.split(':')[0]!))).toEqual([]);
  });

  it('a cancel that lands between the last read and the first change still stops it before CreateAccessKey', async () => {
    const user = new AbortController();
    const g = gateway([key('AKIAOLD')], 0);
    const saveNewKey = vi.fn(() => Promise.resolve());
    const pending = rotateAccessKey({ gateway: g, sleep: () => Promise.resolve() }, withDeadline, {
      saveNewKey,
      cancel: user.signal,
      onStep: (e) => {
        if (e.step === 'list' && e.status === 'done') user.abort();
      },
    });
    await expect(pending).rejects.toMatchObject({ code: 'CANCELLED', message: expect.stringContaining('as they were') });
    expect(g.calls.some((c) => c.method === 'createAccessKey' || c.method === 'deleteAccessKey')).toBe(false);
    expect(saveNewKey).not.toHaveBeenCalled();
  });

  it('after the point of no return: a cancel is ignored and the rotation finishes (new key saved, old key deleted)', async () => {
    const user = new AbortController();
    const g = gateway([key('AKIAOLD')], 0);
    const saveNewKey = vi.fn(() => Promise.resolve());
    const out = await rotateAccessKey({ gateway: g, sleep: () => Promise.resolve() }, withDeadline, {
      saveNewKey,
      cancel: user.signal,
      // The user presses Cancel while IAM is creating the key.
      onStep: (e) => {
        if (e.step === 'create' && e.status === 'started') user.abort();
      },
    });
    expect(out).toMatchObject({ ok: true, newAccessKeyId: 'AKIANEW', oldKey: 'deleted' });
    expect(saveNewKey).toHaveBeenCalledWith({ accessKeyId: 'AKIANEW', secretAccessKey: 'newsecret' });
    // Every call from CreateAccessKey on carried the deadline only, never the user's cancel.
    const changing = g.calls.filter((c) => ['createAccessKey', 'updateAccessKey', 'deleteAccessKey'].includes(c.method));
    expect(changing.map((c) => c.method)).toEqual(['createAccessKey', 'updateAccessKey', 'deleteAccessKey']);
    expect(changing.every((c) => (c.args[0] as CallTarget).signal === deadline)).toBe(true);
  });
});
