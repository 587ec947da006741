// Integration: `calls.cancel` through createAppCore really aborts a running STS request (a local server that never answers).
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import net from 'node:net';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';

import { createAppCore } from '../src-main/app/app-core.js';

let home: string;
let server: net.Server;
let connections: { accepted: number; closed: number };

beforeEach(async () => {
  home = mkdtempSync(join(tmpdir(), 'hatrack-cancel-'));
  mkdirSync(join(home, '.aws'));
  connections = { accepted: 0, closed: 0 };
  server = net.createServer((socket) => {
    connections.accepted += 1;
    socket.on('close', () => (connections.closed += 1));
    socket.on('error', () => undefined);
    // Read (and drop) the request: an unread socket never sees the client's FIN, so 'close' would never come.
    socket.resume();
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  writeFileSync(join(home, '.aws', 'config'), '[profile base]\nregion = us-east-1\n\n[profile ops]\nrole_arn = arn:aws:iam::123456789012:role/ops\nsource_profile = base\n');
  writeFileSync(join(home, '.aws', 'credentials'), '[base]\naws_access_key_id = AKIAEXAMPLEEXAMPLE01\naws_secret_access_key = not-a-real-secret-example-value-000000000\n');
});
afterEach(async () => {
  await new Promise<void>((resolve) => server.close(() => resolve()));
  rmSync(home, { recursive: true, force: true });
});

function core() {
  const { port } = server.address() as AddressInfo;
  return createAppCore({
    env: { vars: { HOME: home, AWS_ENDPOINT_URL_STS: `http://127.0.0.1:${port}`, HATRACK_HTTP_TIMEOUT_MS: '600000', HATRACK_NETWORK_DEADLINE_MS: '600000' }, platform: 'linux', osHome: home, now: () => new Date() },
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
    await vi.waitFor(() => expect(connections.accepted).toBe(1), { timeout: 60_000, interval: 20 });
    await expect(app.dispatch('calls.cancel', { callId: 'c-1' })).resolves.toEqual({ ok: true, value: { cancelled: true } });
    const answer = await assume;
    expect(answer.ok ? 'ok' : answer.error.code).toBe('CANCELLED');
    await vi.waitFor(() => expect(connections.closed).toBe(1), { timeout: 60_000, interval: 20 });
    expect(connections.accepted).toBe(1);
  });

  it('an unknown or finished call id is a harmless no-op', async () => {
    await expect(core().dispatch('calls.cancel', { callId: 'nobody' })).resolves.toEqual({ ok: true, value: { cancelled: false } });
  });
});
