// Issue 13 point 2 for IAM Identity Center: every sign-in, portal and refresh call ends by itself against a server
// that accepts and never answers, with one [NETWORK] line naming the endpoint and nothing written (real processes).
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { fileState, hatrackBuilt } from './support/cli-runner.js';
import type { RunResult } from './support/cli-runner.js';
import { hatrack, sessionConfig, sha1, ssoWorkspace } from './support/sso-accounts-harness.js';
import { startStubServer } from './support/stub-aws-server.js';
import type { StubServer } from './support/stub-aws-server.js';

const PROFILE = '[profile dev]\nsso_session = corp\nsso_account_id = 111111111111\nsso_role_name = ReadOnly\nregion = us-east-1\n\n';
/** Per attempt; the defaults (10 s × 3) would only make the test slow, not different. */
const FAST = { HATRACK_HTTP_TIMEOUT_MS: '400' };

let silent: StubServer;

beforeAll(async () => {
  if (!hatrackBuilt()) throw new Error('run `npm run build` first');
  silent = await startStubServer('silent');
});

afterAll(async () => {
  await silent.close();
});

function expectOneNetworkLine(r: RunResult, service: string): void {
  expect(r.code, r.stderr).toBe(1);
  const lines = r.stderr.split('\n').filter((l) => l !== '');
  expect(lines, r.stderr).toHaveLength(1);
  expect(lines[0]).toMatch(new RegExp(`^hatrack: .*Could not reach ${service} at ${silent.host.replace(/\./g, '\\.')}: no answer within 400 ms \\(timeout, 3 attempts\\)\\. \\[NETWORK\\]$`));
}

describe('IAM Identity Center against a server that accepts and never answers', () => {
  it('sso accounts ends with one [NETWORK] line naming the portal', async () => {
    const ws = ssoWorkspace(sessionConfig('corp'), 'corp');
    const r = await hatrack(ws, silent.endpoint, ['sso', 'accounts', '--sso-session', 'corp'], FAST);
    expectOneNetworkLine(r, 'sso');
  });

  it('sso populate ends the same way and writes nothing', async () => {
    const ws = ssoWorkspace(PROFILE + sessionConfig('corp'), 'corp');
    const before = readFileSync(ws.config);
    const r = await hatrack(ws, silent.endpoint, ['sso', 'populate', '--sso-session', 'corp'], FAST);
    expectOneNetworkLine(r, 'sso');
    expect(readFileSync(ws.config)).toEqual(before);
  });

  it('export of an SSO profile inside the refresh window ends the same way (refresh and portal both give up), token file untouched', async () => {
    // Five minutes left: inside the refresh window, so the OIDC CreateToken call comes first.
    const ws = ssoWorkspace(PROFILE + sessionConfig('corp'), 'corp', 5 * 60_000);
    const tokenFile = `${ws.home}/.aws/sso/cache/${sha1('corp')}.json`;
    const tokenBefore = fileState(tokenFile);
    const r = await hatrack(ws, silent.endpoint, ['export', 'dev', '--format', 'env'], FAST);
    // The token is still valid, so a failed refresh falls through to the portal, which does not answer either.
    expect(r.stdout).toBe('');
    expectOneNetworkLine(r, 'sso');
    expect(fileState(tokenFile)).toEqual(tokenBefore);
  });
});
