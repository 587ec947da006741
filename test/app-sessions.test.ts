// Integration: the sessions panel's channels through createAppCore over moto (real STS calls, real files in a temp HOME):
// assume → list → refresh (a later expiry) → forget (the MFA session leaves the cache: the next assume asks again).
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { createAppCore } from '../src-main/app/app-core.js';
import type { AppCore } from '../src-main/app/app-core.js';
import { HANG_MS } from './support/deadlines.js';
import type { Moto, TestUser } from './support/moto.js';
import { ACCOUNT, createRole, createUser, motoEnv, startMoto } from './support/moto.js';

let moto: Moto;
let home: string;
let alice: TestUser;
let app: AppCore;
const SERIAL = `arn:aws:iam::${ACCOUNT}:mfa/alice`;
const CODE = '123456';

beforeAll(async () => {
  moto = await startMoto();
  home = mkdtempSync(join(tmpdir(), 'hatrack-sessions-'));
  alice = await createUser(moto, 'alice', ['sts:AssumeRole', 'sts:GetSessionToken']);
  await createRole(moto, 'ops');
  mkdirSync(join(home, '.aws'));
  writeFileSync(join(home, '.aws', 'config'), `[profile base]\nregion = us-east-1\n\n[profile secure]\nrole_arn = arn:aws:iam::${ACCOUNT}:role/ops\nsource_profile = base\nmfa_serial = ${SERIAL}\n`);
  // The user's own [default] too, so Use keeps it (default-original) and Switch back has something to restore.
  writeFileSync(join(home, '.aws', 'credentials'), `[default]\naws_access_key_id = ${alice.accessKeyId}\naws_secret_access_key = ${alice.secretAccessKey}\n\n[base]\naws_access_key_id = ${alice.accessKeyId}\naws_secret_access_key = ${alice.secretAccessKey}\n`);
  // No DBUS_SESSION_BUS_ADDRESS in this environment: MFA sessions stay in process memory, never in a real keychain.
  app = createAppCore({ env: motoEnv(moto, home), dataDir: join(home, 'data'), openExternal: vi.fn(async () => undefined), watchFiles: false, backgroundKeyChecks: false });
}, HANG_MS);

afterAll(async () => {
  app?.dispose();
  await moto?.stop();
  if (home !== undefined) rmSync(home, { recursive: true, force: true });
});


async function list() {
  const answer = await app.dispatch('sessions.list', {});
  if (!answer.ok) throw new Error(answer.error.message);
  return answer.value.sessions;
}

const codeOf = (answer: { ok: boolean; error?: { code: string } }) => (answer.ok ? 'ok' : answer.error!.code);

describe('sessions over moto', () => {
  it('lists an assumed role and its MFA device session, refreshes them to a later expiry, and forgets them', async () => {
    const changes: unknown[] = [];
    app.on('sessions.changed', (e) => changes.push(e));
    expect(await list()).toEqual([]);

    expect(codeOf(await app.dispatch('credentials.assume', { profile: 'secure' }))).toBe('MFA_REQUIRED');
    const assumed = await app.dispatch('credentials.assume', { profile: 'secure', mfaCode: CODE });
    expect(codeOf(assumed)).toBe('ok');
    expect(changes.length).toBeGreaterThan(0);

    const first = await list();
    expect(first.map((s) => s.id).sort()).toEqual([`mfa:${SERIAL}`, 'role:secure']);
    const role = first.find((s) => s.kind === 'role')!;
    expect(role).toMatchObject({ profile: 'secure', roleArn: `arn:aws:iam::${ACCOUNT}:role/ops`, accountId: ACCOUNT, source: 'role', chained: true });
    expect(role.accessKeyId).toMatch(/^ASIA…\w{4}$/);
    expect(first.find((s) => s.kind === 'mfa')).toMatchObject({ serialNumber: SERIAL, profile: 'secure' });
    // Metadata only: neither the user's secret, nor any session's secret or token, nor a full key id.
    const text = JSON.stringify(first);
    expect(text).not.toContain(alice.secretAccessKey);
    expect(text).not.toContain(alice.accessKeyId);
    expect(text).not.toContain(assumed.ok ? assumed.value.accessKeyId : 'unreachable');
    expect(text).not.toMatch(/secret|token/i);

    // Refresh assumes again (the cached MFA session signs it: no code). STS expiries count in whole seconds, so
    // refresh until the clock has moved on and the new session visibly outlives the first.
    await vi.waitFor(
      async () => {
        const refreshed = await app.dispatch('sessions.refresh', { id: 'role:secure' });
        if (!refreshed.ok) throw new Error(refreshed.error.message);
        expect(Date.parse(refreshed.value.session.expiresAt!)).toBeGreaterThan(Date.parse(role.expiresAt!));
      },
      { timeout: HANG_MS, interval: 250 },
    );

    // A new MFA device session needs a code; without one nothing is dropped.
    const mfa = first.find((s) => s.kind === 'mfa')!;
    expect(codeOf(await app.dispatch('sessions.refresh', { id: mfa.id }))).toBe('MFA_REQUIRED');
    expect((await list()).some((s) => s.id === mfa.id)).toBe(true);

    const filesBefore = ['config', 'credentials'].map((f) => readFileSync(join(home, '.aws', f), 'utf8'));
    expect(await app.dispatch('sessions.forget', { id: mfa.id })).toEqual({ ok: true, value: { forgotten: true } });
    expect((await list()).map((s) => s.id)).toEqual(['role:secure']);
    // The device session left the cache: the next assume asks for a code again.
    expect(codeOf(await app.dispatch('credentials.assume', { profile: 'secure' }))).toBe('MFA_REQUIRED');

    expect(await app.dispatch('sessions.forget', { id: 'role:secure' })).toEqual({ ok: true, value: { forgotten: true } });
    expect(await list()).toEqual([]);
    expect(await app.dispatch('sessions.forget', { id: 'role:secure' })).toEqual({ ok: true, value: { forgotten: false } });
    // Forget never touches the AWS files.
    expect(['config', 'credentials'].map((f) => readFileSync(join(home, '.aws', f), 'utf8'))).toEqual(filesBefore);
  });

  it('lists the managed default Use wrote, refreshes it through Use, and offers no Forget for it', async () => {
    expect(codeOf(await app.dispatch('credentials.use', { profile: 'secure', mfaCode: CODE }))).toBe('ok');
    const def = (await list()).find((s) => s.kind === 'default');
    expect(def).toMatchObject({ id: 'default', profile: 'secure' });
    expect(def?.expiresAt).not.toBeNull();

    await vi.waitFor(
      async () => {
        const refreshed = await app.dispatch('sessions.refresh', { id: 'default' });
        if (!refreshed.ok) throw new Error(refreshed.error.message);
        expect(Date.parse(refreshed.value.session.expiresAt!)).toBeGreaterThan(Date.parse(def!.expiresAt!));
      },
      { timeout: HANG_MS, interval: 250 },
    );
    // [default] itself got the fresh session: its marker names the new expiry.
    const refreshedDefault = (await list()).find((s) => s.kind === 'default')!;
    expect(readFileSync(join(home, '.aws', 'credentials'), 'utf8')).toContain(`expires ${refreshedDefault.expiresAt!}`);

    expect(codeOf(await app.dispatch('sessions.forget', { id: 'default' }))).toBe('NOT_SUPPORTED');
    expect(codeOf(await app.dispatch('credentials.restoreDefault', {}))).toBe('ok');
    expect((await list()).some((s) => s.kind === 'default')).toBe(false);
  });
});
