// Integration: `calls.cancel` through createAppCore really aborts a running STS request (a local server that never answers).
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';

import { createAppCore } from '../src-main/app/app-core.js';
import { hangingServer } from './support/network-stand-ins.js';
import type { HangingServer } from './support/network-stand-ins.js';

let home: string;
let server: HangingServer;

beforeEach(async () => {
  home = mkdtempSync(join(tmpdir(), 'hatrack-cancel-'));
  mkdirSync(join(home, '.aws'));
  server = await hangingServer();
  writeFileSync(join(home, '.aws', 'config'), '[profile base]\nregion = us-east-1\n\n[profile ops]\nrole_arn = arn:aws:iam::123456789012:role/ops\nsource_profile = base\n');
  writeFileSync(join(home, '.aws', 'credentials'), '[base]\naws_access_key_id = AKIAEXAMPLEEXAMPLE01\naws_secret_access_key = not-a-real-secret-example-value-000000000\n');
});
afterEach(async () => {
  await server.close();
  rmSync(home, { recursive: true, force: true });
});

function core() {
  return createAppCore({
    env: { vars: { HOME: home, AWS_ENDPOINT_URL_STS: server.url, HATRACK_HTTP_TIMEOUT_MS: '600000', HATRACK_NETWORK_DEADLINE_MS: '600000' }, platform: 'linux', osHome: home, now: () => new Date() },
    dataDir: join(home, 'data'),
    openExternal: vi.fn(async () => undefined),
    watchFiles: false,
    backgroundKeyChecks: false,
  });
}

describe('calls.cancel', () => {
  it('aborts the hanging AssumeRole: the call ends CANCELLED and its connection is closed', async () => {
    const app = core();
    const assume = app.dispatch('credentials.assume', { profile: 'ops', callId: 'c-1' });
    await vi.waitFor(() => expect(server.accepted()).toBe(1), { timeout: 60_000, interval: 20 });
    await expect(app.dispatch('calls.cancel', { callId: 'c-1' })).resolves.toEqual({ ok: true, value: { cancelled: true } });
    const answer = await assume;
    expect(answer.ok ? 'ok' : answer.error.code).toBe('CANCELLED');
    await vi.waitFor(() => expect(server.closedByClient()).toBe(1), { timeout: 60_000, interval: 20 });
    expect(server.accepted()).toBe(1);
  });

  it('an unknown or finished call id is a harmless no-op', async () => {
    await expect(core().dispatch('calls.cancel', { callId: 'nobody' })).resolves.toEqual({ ok: true, value: { cancelled: false } });
  });
});
