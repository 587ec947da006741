// Integration: cancelling key checks and rotations through createAppCore, against moto and a local server that accepts
// connections and never answers. A cancelled check keeps what it learnt; a cancelled rotation is either fully undone
// (cancel before the first change: IAM and the files as they were) or fully done (cancel after it: no half state).
import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';

import { ListAccessKeysCommand } from '@aws-sdk/client-iam';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';

import { createAppCore } from '../src-main/app/app-core.js';
import type { ProfilesList } from '../shared/ipc/schemas.js';
import { HANG_MS } from './support/deadlines.js';
import { adminIam, createUser, startMoto } from './support/moto.js';
import type { Moto, TestUser } from './support/moto.js';
import { hangingServer, holdingProxy } from './support/network-stand-ins.js';
import type { HangingServer } from './support/network-stand-ins.js';

let moto: Moto;
let root: string;
let hang: HangingServer;

beforeAll(async () => {
  moto = await startMoto();
  root = await mkdtemp(path.join(tmpdir(), 'hatrack-key-progress-'));
});
afterAll(async () => {
  await moto?.stop();
  if (root !== undefined) await rm(root, { recursive: true, force: true });
});

beforeEach(async () => {
  hang = await hangingServer();
});
afterEach(() => hang.close());

const waitFor = (check: () => void): Promise<void> => vi.waitFor(check, { timeout: HANG_MS, interval: 20 });

/** A core over its own files; the per-request timeout is lifted so a hang stays a hang until cancelled. */
async function coreOver(name: string, config: string, credentials: string, vars: Record<string, string> = {}) {
  const dir = path.join(root, name);
  await mkdir(dir, { recursive: true });
  const paths = { config: path.join(dir, 'config'), credentials: path.join(dir, 'credentials'), dataDir: path.join(dir, 'data') };
  await writeFile(paths.config, config);
  await writeFile(paths.credentials, credentials);
  const core = createAppCore({
    env: {
      vars: { HOME: dir, AWS_CONFIG_FILE: paths.config, AWS_SHARED_CREDENTIALS_FILE: paths.credentials, HATRACK_HTTP_TIMEOUT_MS: '600000', HATRACK_NETWORK_DEADLINE_MS: '600000', ...vars },
      platform: process.platform,
      osHome: dir,
      now: () => new Date(),
    },
    dataDir: paths.dataDir,
    openExternal: vi.fn(async () => undefined),
    watchFiles: false,
    backgroundKeyChecks: false,
  });
  return { core, paths };
}

const keysSection = (name: string, u: TestUser): string => `[${name}]\naws_access_key_id = ${u.accessKeyId}\naws_secret_access_key = ${u.secretAccessKey}\n`;

async function iamKeysOf(userName: string): Promise<string[]> {
  const iam = adminIam(moto);
  try {
    const r = await iam.send(new ListAccessKeysCommand({ UserName: userName }));
    return (r.AccessKeyMetadata ?? []).map((k) => k.AccessKeyId ?? '');
  } finally {
    iam.destroy();
  }
}

async function errorCode(answer: Promise<{ ok: boolean; error?: { code: string; message: string } }>): Promise<{ code: string; message: string }> {
  const r = await answer;
  if (r.ok || r.error === undefined) throw new Error('expected the call to fail');
  return r.error;
}

describe('keys.checkAll cancelled', () => {
  it('stops the pending checks, closes the hanging connections, keeps the keys already checked and fails CANCELLED', async () => {
    // Two keys answered by moto, five by the hanging server: with four checks at once, the fifth hanging key waits.
    const users = await Promise.all(Array.from({ length: 7 }, (_, i) => createUser(moto, `check-${i}-${Date.now().toString(36)}`, [])));
    const names = users.map((_, i) => (i < 2 ? `ok${i}` : `hang${i}`));
    const config = names.map((n, i) => `[profile ${n}]\nregion = us-east-1\nendpoint_url = ${i < 2 ? moto.endpoint : hang.url}\n`).join('\n');
    const { core, paths } = await coreOver('check-all', config, users.map((u, i) => keysSection(names[i]!, u)).join('\n'));
    try {
      const progress: { done: number; total: number }[] = [];
      core.on('keys.checkProgress', (p) => progress.push(p));
      const answer = core.dispatch('keys.checkAll', { callId: 'check-1' });
      await waitFor(() => expect(progress.at(-1)).toEqual({ done: 2, total: 7 }));
      await waitFor(() => expect(hang.accepted()).toBe(4));
      expect(await core.dispatch('calls.cancel', { callId: 'check-1' })).toEqual({ ok: true, value: { cancelled: true } });
      const error = await errorCode(answer);
      expect(error).toEqual({ code: 'CANCELLED', message: 'Key check cancelled; 2 of 7 keys were checked and keep their new age.' });
      // The abort closed every hanging connection, and the queued fifth key never connected.
      await waitFor(() => expect(hang.closedByClient()).toBe(4));
      expect(hang.accepted()).toBe(4);
      // What was learnt stays: the two moto keys are cached and listed with their age; the others stay unknown.
      const facts = await readFile(path.join(paths.dataDir, 'key-facts.json'), 'utf8');
      expect(facts).toContain(users[0]!.accessKeyId);
      expect(facts).toContain(users[1]!.accessKeyId);
      for (const u of users.slice(2)) expect(facts).not.toContain(u.accessKeyId);
      const listed = await core.dispatch('profiles.list', {});
      const ages = listed.ok ? (listed.value as ProfilesList).profiles.map((p) => [p.name, p.keyAgeDays]) : [];
      expect(ages).toEqual(names.map((n, i) => [n, i < 2 ? 0 : null]));
    } finally {
      core.dispose();
    }
  });
});

describe('keys.rotate cancelled', () => {
  it('before the first change: IAM keeps only the old key and both files are unchanged byte for byte', async () => {
    const user = await createUser(moto, `rot-early-${Date.now().toString(36)}`, []);
    const credentials = `# team keys\r\n${keysSection('dev', user).replaceAll('\n', '\r\n')}`;
    // STS (who am I) answers from moto; IAM (list keys, the step before the first change) hangs.
    const { core, paths } = await coreOver('rot-early', '[profile dev]\nregion = us-east-1\n', credentials, { AWS_ENDPOINT_URL_STS: moto.endpoint, AWS_ENDPOINT_URL_IAM: hang.url });
    const before = { config: await readFile(paths.config), credentials: await readFile(paths.credentials) };
    try {
      const steps: string[] = [];
      core.on('rotation.step', (s) => steps.push(`${s.step}:${s.status}`));
      const answer = core.dispatch('keys.rotate', { profile: 'dev', callId: 'rot-1' });
      await waitFor(() => expect(hang.accepted()).toBe(1));
      await core.dispatch('calls.cancel', { callId: 'rot-1' });
      expect(await errorCode(answer)).toEqual({ code: 'CANCELLED', message: 'Rotation cancelled before anything changed; your key and files are as they were.' });
      await waitFor(() => expect(hang.closedByClient()).toBe(1));
      expect(steps).toEqual(['identify:started', 'identify:done', 'list:started', 'list:failed']);
      expect(await iamKeysOf(user.userName)).toEqual([user.accessKeyId]);
      expect(await readFile(paths.config)).toEqual(before.config);
      expect(await readFile(paths.credentials)).toEqual(before.credentials);
    } finally {
      core.dispose();
    }
  });

  it('after the point of no return: the cancel reaches the running call but is not honoured; the rotation ends whole', async () => {
    const user = await createUser(moto, `rot-late-${Date.now().toString(36)}`, []);
    // IAM through a proxy that holds CreateAccessKey, so the cancel lands while IAM is creating the key.
    const iam = await holdingProxy(moto.endpoint, ['CreateAccessKey']);
    const { core, paths } = await coreOver('rot-late', '[profile dev]\nregion = us-east-1\n', keysSection('dev', user), { AWS_ENDPOINT_URL: moto.endpoint, AWS_ENDPOINT_URL_IAM: iam.url });
    try {
      const answer = core.dispatch('keys.rotate', { profile: 'dev', callId: 'rot-2' });
      await waitFor(() => expect(iam.seen('CreateAccessKey')).toBe(1));
      // The call is still running (so the cancel is delivered), yet the rotation does not stop half way.
      expect(await core.dispatch('calls.cancel', { callId: 'rot-2' })).toEqual({ ok: true, value: { cancelled: true } });
      iam.release('CreateAccessKey');
      const done = await answer;
      expect(done).toMatchObject({ ok: true, value: { ok: true } });
      const newId = done.ok ? (done.value as { newAccessKeyId: string }).newAccessKeyId : '';
      expect(await iamKeysOf(user.userName)).toEqual([newId]);
      const creds = await readFile(paths.credentials, 'utf8');
      expect(creds).toContain(`aws_access_key_id = ${newId}`);
      expect(creds).not.toContain(user.accessKeyId);
    } finally {
      core.dispose();
      await iam.close();
    }
  });
});
