// Integration: access key age (IAM CreateDate, cached without secrets; unknown when IAM denies) and key rotation against a real moto server.
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';

import { CreateAccessKeyCommand, ListAccessKeysCommand, UpdateAccessKeyCommand } from '@aws-sdk/client-iam';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';

import { KEY_FACTS_FILE } from '../src-main/core/keys/key-facts-cache.js';
import { createCredentialsEngine, createSdkGateway } from '../src-main/core/sts/index.js';
import type { CredentialsEngine, NewKeyToSave, RotationStepEvent } from '../src-main/core/sts/index.js';
import { adminIam, createUser, motoEnv, profileModel, startMoto } from './support/moto.js';
import type { Moto } from './support/moto.js';

let moto: Moto;
let home: string;
let engine: CredentialsEngine;

beforeAll(async () => {
  moto = await startMoto();
  home = await mkdtemp(path.join(tmpdir(), 'hatrack-keys-'));
  engine = createCredentialsEngine({
    env: motoEnv(moto, home),
    dataDir: path.join(home, 'data'),
    gateway: createSdkGateway({ maxAttempts: 1 }),
    sleep: () => Promise.resolve(),
  });
});

afterAll(async () => {
  await moto?.stop();
  if (home !== undefined) await rm(home, { recursive: true, force: true });
});

beforeEach(async () => {
  await moto.setAuth(false);
  await moto.reset();
});

const modelFor = (name: string, u: { accessKeyId: string; secretAccessKey: string }) =>
  profileModel('', `[${name}]\naws_access_key_id = ${u.accessKeyId}\naws_secret_access_key = ${u.secretAccessKey}\n`);

async function keysOf(userName: string): Promise<{ id: string; status: string }[]> {
  await moto.setAuth(false);
  const iam = adminIam(moto);
  try {
    const out = await iam.send(new ListAccessKeysCommand({ UserName: userName }));
    return (out.AccessKeyMetadata ?? []).map((k) => ({ id: k.AccessKeyId!, status: k.Status! }));
  } finally {
    iam.destroy();
  }
}

describe('access key age', () => {
  const facts = async () => JSON.parse(await readFile(path.join(home, 'data', KEY_FACTS_FILE), 'utf8')) as { keys: Record<string, { createDate: string | null; checkedAt: string }> };

  it("reports IAM's CreateDate, last use and account, and records them without the secret", async () => {
    const alice = await createUser(moto, 'alice', ['iam:ListAccessKeys', 'iam:GetAccessKeyLastUsed', 'iam:ListAccountAliases']);
    await moto.setAuth(true);
    const info = await engine.accessKeyInfo(modelFor('alice', alice), 'alice');
    expect(info).toMatchObject({ accessKeyId: alice.accessKeyId, status: 'Active', source: 'iam', ageDays: 0, userName: 'alice', accountId: expect.stringMatching(/^\d{12}$/) });
    expect(Math.abs(new Date(info.createDate ?? 0).getTime() - alice.keyCreateDate.getTime())).toBeLessThan(1000);
    const stored = await facts();
    expect(stored.keys[alice.accessKeyId]?.createDate).toBe(info.createDate);
    expect(JSON.stringify(stored)).not.toContain(alice.secretAccessKey);
  });

  it('says the age is unknown when IAM denies the lookup, never 0', async () => {
    const bob = await createUser(moto, 'bob', []);
    await moto.setAuth(true);
    const info = await engine.accessKeyInfo(modelFor('bob', bob), 'bob');
    expect(info).toMatchObject({ source: 'unknown', status: 'unknown', lastUsed: null, ageDays: null, createDate: null });
    const stored = await facts();
    expect(stored.keys[bob.accessKeyId]).toMatchObject({ createDate: null });
    expect(JSON.stringify(stored)).not.toContain(bob.secretAccessKey);
  });
});

describe('rotation', () => {
  const perms = ['iam:ListAccessKeys', 'iam:CreateAccessKey', 'iam:UpdateAccessKey', 'iam:DeleteAccessKey'];

  it('leaves exactly the new key in IAM and saves it first', async () => {
    const alice = await createUser(moto, 'alice', perms);
    await moto.setAuth(true);
    const saved: NewKeyToSave[] = [];
    const steps: RotationStepEvent[] = [];
    const out = await engine.rotate(modelFor('alice', alice), 'alice', {
      saveNewKey: (k) => {
        saved.push(k);
        return Promise.resolve();
      },
      onStep: (e) => steps.push(e),
    });
    expect(out).toMatchObject({ ok: true, oldAccessKeyId: alice.accessKeyId, oldKey: 'deleted', userName: 'alice' });
    if (!out.ok) throw new Error('unreachable');
    expect(saved).toHaveLength(1);
    expect(saved[0]!.accessKeyId).toBe(out.newAccessKeyId);
    expect(await keysOf('alice')).toEqual([{ id: out.newAccessKeyId, status: 'Active' }]);
    expect(steps.filter((s) => s.status === 'done').map((s) => s.step)).toEqual([
      'identify', 'list', 'create', 'save', 'verify', 'deactivate-old', 'delete-old',
    ]);
    expect(JSON.stringify(steps)).not.toContain(saved[0]!.secretAccessKey);
  });

  it('keeps the old key inactive with keepOld, and deletes a spare Inactive key to make room', async () => {
    const alice = await createUser(moto, 'alice', perms);
    const iam = adminIam(moto);
    const spare = await iam.send(new CreateAccessKeyCommand({ UserName: 'alice' }));
    await iam.send(new UpdateAccessKeyCommand({ UserName: 'alice', AccessKeyId: spare.AccessKey!.AccessKeyId!, Status: 'Inactive' }));
    iam.destroy();
    await moto.setAuth(true);
    const out = await engine.rotate(modelFor('alice', alice), 'alice', { keepOld: true, saveNewKey: () => Promise.resolve() });
    expect(out).toMatchObject({ ok: true, oldKey: 'inactive', removedKeyId: spare.AccessKey!.AccessKeyId });
    if (!out.ok) throw new Error('unreachable');
    const keys = await keysOf('alice');
    expect(keys).toHaveLength(2);
    expect(keys).toContainEqual({ id: alice.accessKeyId, status: 'Inactive' });
    expect(keys).toContainEqual({ id: out.newAccessKeyId, status: 'Active' });
  });

  it('refuses when two active keys exist and none was chosen', async () => {
    const alice = await createUser(moto, 'alice', perms);
    const iam = adminIam(moto);
    await iam.send(new CreateAccessKeyCommand({ UserName: 'alice' }));
    iam.destroy();
    await moto.setAuth(true);
    await expect(engine.rotate(modelFor('alice', alice), 'alice', { saveNewKey: () => Promise.resolve() })).rejects.toMatchObject({
      code: 'NEEDS_CONFIRMATION',
    });
    expect(await keysOf('alice')).toHaveLength(2);
  });

  it('returns the unsaved secret once when saving fails, and leaves the old key active', async () => {
    const alice = await createUser(moto, 'alice', perms);
    await moto.setAuth(true);
    const out = await engine.rotate(modelFor('alice', alice), 'alice', {
      saveNewKey: () => Promise.reject(new Error('disk full')),
    });
    expect(out).toMatchObject({ ok: false, failedStep: 'save' });
    if (out.ok) throw new Error('unreachable');
    expect(out.unsavedKey?.accessKeyId).toBe(out.newAccessKeyId);
    expect(out.unsavedKey?.secretAccessKey).toMatch(/.{20,}/);
    expect(out.error.message).not.toContain(out.unsavedKey!.secretAccessKey);
    expect(await keysOf('alice')).toContainEqual({ id: alice.accessKeyId, status: 'Active' });
  });
});
