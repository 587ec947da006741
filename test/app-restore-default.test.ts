// Integration: credentials.restoreDefault through the app core's dispatch on real files in a temp HOME.
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createAppCore } from '../src-main/app/app-core.js';
import { docsOf, textOf } from './support/docs.js';
import { DEV_KEYS, SEED_CREDS_WITH_DEV } from './support/seed-default.js';
import { planSwitch } from '../src-main/core/switch/managed-default.js';

const CONFIG = `[default]
region = eu-west-1

[profile ops]
role_arn = arn:aws:iam::123456789012:role/Ops
source_profile = default
`;
const CREDENTIALS = SEED_CREDS_WITH_DEV;

let home: string;
const awsFile = (name: string) => join(home, '.aws', name);

beforeEach(() => {
  home = mkdtempSync(join(tmpdir(), 'hatrack-restore-'));
  mkdirSync(join(home, '.aws'));
  // The files as `use dev` leaves them (core's own plan, so this test follows any change to what `use` writes).
  const switched = textOf(planSwitch(docsOf(CONFIG, CREDENTIALS), { profile: 'dev', credentials: DEV_KEYS, region: undefined }).docs);
  writeFileSync(awsFile('config'), switched.config);
  writeFileSync(awsFile('credentials'), switched.credentials);
});
afterEach(() => rmSync(home, { recursive: true, force: true }));

function core() {
  const env = { vars: { HOME: home }, platform: process.platform === 'win32' ? 'linux' : process.platform, osHome: home, now: () => new Date('2026-03-01T12:00:00Z') };
  return createAppCore({ env, dataDir: join(home, 'data'), openExternal: vi.fn(async () => undefined), watchFiles: false, backgroundKeyChecks: false });
}

describe('credentials.restoreDefault', () => {
  it('lists the kept keys while [default] is managed, then restores both files byte for byte and says so once', async () => {
    const c = core();
    const events: unknown[] = [];
    c.on('default.changed', (e) => events.push(e));
    const before = await c.dispatch('profiles.list', {});
    expect(before.ok && before.value.defaultIdentity).toMatchObject({ profile: 'dev', managed: true, keptAs: 'default-original' });

    const result = await c.dispatch('credentials.restoreDefault', {});
    expect(result).toEqual({ ok: true, value: { restoredFrom: 'default-original', replacedProfile: 'dev' } });
    expect(readFileSync(awsFile('config'), 'utf8')).toBe(CONFIG);
    expect(readFileSync(awsFile('credentials'), 'utf8')).toBe(CREDENTIALS);
    expect(events).toEqual([{ profile: null, expiresAt: null }]);

    const after = await c.dispatch('profiles.list', {});
    expect(after.ok && after.value.defaultIdentity).toMatchObject({ profile: 'default', managed: false, keptAs: null });
  });

  it('refuses a second switch back (nothing managed any more) and writes nothing', async () => {
    const c = core();
    expect((await c.dispatch('credentials.restoreDefault', {})).ok).toBe(true);
    const again = await c.dispatch('credentials.restoreDefault', {});
    expect(again.ok ? null : again.error.code).toBe('INVALID_VALUE');
    expect(readFileSync(awsFile('credentials'), 'utf8')).toBe(CREDENTIALS);
  });
});
