// Integration: the app core's background key check against moto — ages from IAM's CreateDate on core's clock, the
// account alias, no secret in the cache, and rotation recording the new key's CreateDate.
import { mkdtemp, mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';

import { CreateAccountAliasCommand } from '@aws-sdk/client-iam';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';

import type { AppCore } from '../src-main/app/app-core.js';
import { createAppCore } from '../src-main/app/app-core.js';
import type { ProfilesList } from '../shared/ipc/schemas.js';
import { ACCOUNT, adminIam, createUser, startMoto } from './support/moto.js';
import type { Moto, TestUser } from './support/moto.js';

const DAY = 86_400_000;
let moto: Moto;
let home: string;

beforeAll(async () => {
  moto = await startMoto();
  home = await mkdtemp(path.join(tmpdir(), 'hatrack-key-checks-'));
  const iam = adminIam(moto);
  await iam.send(new CreateAccountAliasCommand({ AccountAlias: 'acme-test' })).finally(() => iam.destroy());
});

afterAll(async () => {
  await moto?.stop();
  if (home !== undefined) await rm(home, { recursive: true, force: true });
});

async function coreWith(name: string, user: TestUser, offsetDays: number): Promise<{ core: AppCore; dataDir: string }> {
  const dir = path.join(home, name);
  await mkdir(dir, { recursive: true });
  const credentials = path.join(dir, 'credentials');
  await writeFile(path.join(dir, 'config'), '');
  await writeFile(credentials, `[dev]\naws_access_key_id = ${user.accessKeyId}\naws_secret_access_key = ${user.secretAccessKey}\n`);
  const dataDir = path.join(dir, 'data');
  const vars = { HOME: dir, AWS_CONFIG_FILE: path.join(dir, 'config'), AWS_SHARED_CREDENTIALS_FILE: credentials, AWS_ENDPOINT_URL: moto.endpoint };
  const core = createAppCore({ env: { vars, platform: process.platform, osHome: dir, now: () => new Date(Date.now() + offsetDays * DAY) }, dataDir, openExternal: vi.fn(async () => undefined), watchFiles: false });
  return { core, dataDir };
}

async function list(core: AppCore): Promise<ProfilesList> {
  const r = await core.dispatch('profiles.list', {});
  if (!r.ok) throw new Error(r.error.message);
  return r.value as ProfilesList;
}

describe('background key check', () => {
  it('turns "unknown" into IAM\'s age on the first listing, with the account alias, and caches no secret', async () => {
    const user = await createUser(moto, 'bg-user', []);
    const { core, dataDir } = await coreWith('bg', user, 200);
    try {
      const checked = new Promise((resolve) => core.on('keys.checked', resolve));
      const first = await list(core);
      expect(first.profiles[0]).toMatchObject({ name: 'dev', keyAgeDays: null, keyAgeSource: null });
      expect(await checked).toEqual({ checked: 1, failed: 0 });
      const after = await list(core);
      expect(after.profiles[0]).toMatchObject({ keyAgeDays: 200, keyAgeSource: 'iam', accountId: ACCOUNT, accountName: 'acme-test' });
      expect(after.activeIdentity).toMatchObject({ source: 'none' });
      const cache = await readFile(path.join(dataDir, 'key-facts.json'), 'utf8');
      expect(cache).toContain(user.accessKeyId);
      expect(cache).not.toContain(user.secretAccessKey);
    } finally {
      core.dispose();
    }
  });

  it('records the new key after rotation, so its age is known at once', async () => {
    const user = await createUser(moto, 'rot-user', []);
    const { core } = await coreWith('rot', user, 0);
    try {
      const rotated = await core.dispatch('keys.rotate', { profile: 'dev' });
      expect(rotated).toMatchObject({ ok: true, value: { ok: true } });
      const newId = rotated.ok ? (rotated.value as { newAccessKeyId: string }).newAccessKeyId : '';
      const after = await list(core);
      expect(after.profiles[0]).toMatchObject({ accessKeyId: newId, keyAgeDays: 0, keyAgeSource: 'iam' });
      expect(await core.dispatch('keys.checkAll', {})).toEqual({ ok: true, value: { checked: 1, failed: 0, reason: null } });
    } finally {
      core.dispose();
    }
  });
});
