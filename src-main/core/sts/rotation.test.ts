import { describe, expect, it, vi } from 'vitest';

import { HatrackError } from '../../../shared/domain/errors.js';
import { createFakeGateway } from './fake-gateway.js';
import { rotateAccessKey } from './rotation.js';
import type { AccessKeyMetadata } from './sts-gateway.js';

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
