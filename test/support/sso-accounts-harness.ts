// Shared by the SSO accounts/credentials integration tests: a stand-in with the portal, a workspace with a hand-written
// token (the exact file `aws sso login` leaves), and async runs of `hatrack` and botocore (the stand-in lives in this
// process, so nothing here may block the event loop).
import { createHash } from 'node:crypto';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

import { HATRACK_BIN, makeWorkspace, runProcess } from './cli-runner.js';
import type { RunResult, Workspace } from './cli-runner.js';
import { childEnv, REPO_ROOT } from './oracle.js';
import { createPortalRoutes } from './sso-standin/portal-routes.js';
import type { PortalAccountSpec, PortalControl, PortalRouteOptions } from './sso-standin/portal-routes.js';
import { startSsoStandin } from './sso-standin/server.js';
import type { SsoStandin } from './sso-standin/server.js';

export const START_URL = 'https://d-1234567890.awsapps.com/start';
export const ACCESS_TOKEN = 'at-handmade-for-tests';

export const sha1 = (s: string): string => createHash('sha1').update(s, 'utf8').digest('hex');

export interface PortalStandin {
  readonly standin: SsoStandin;
  readonly portal: PortalControl;
}

export async function startPortalStandin(accounts: readonly PortalAccountSpec[], options: PortalRouteOptions = {}): Promise<PortalStandin> {
  const { route, control } = createPortalRoutes({ accounts, tokens: [ACCESS_TOKEN], ...options });
  const standin = await startSsoStandin({ routes: [route] });
  return { standin, portal: control };
}

export function sessionConfig(session: string): string {
  return `[sso-session ${session}]\nsso_start_url = ${START_URL}\nsso_region = us-east-1\nsso_registration_scopes = sso:account:access\n`;
}

/** A workspace whose config is `config` and whose token cache holds a valid token for `session` (§5.2 fields). */
export function ssoWorkspace(config: string, session: string, expiresInMs = 3_600_000): Workspace {
  const ws = makeWorkspace(undefined, 'hatrack-sso-b-');
  writeFileSync(ws.config, config);
  writeToken(ws, session, new Date(Date.now() + expiresInMs));
  return ws;
}

export function writeToken(ws: Workspace, session: string, expiresAt: Date, accessToken = ACCESS_TOKEN): void {
  const dir = join(ws.home, '.aws', 'sso', 'cache');
  mkdirSync(dir, { recursive: true, mode: 0o700 });
  const body = { startUrl: START_URL, region: 'us-east-1', accessToken, expiresAt: `${expiresAt.toISOString().slice(0, 19)}Z` };
  writeFileSync(join(dir, `${sha1(session)}.json`), JSON.stringify(body), { mode: 0o600 });
}

export function ssoEnv(ws: Workspace, url: string, extra: Record<string, string> = {}): NodeJS.ProcessEnv {
  return childEnv(ws.home, ws, { HATRACK_DATA_DIR: ws.dataDir, NO_COLOR: '1', AWS_ENDPOINT_URL_SSO: url, AWS_ENDPOINT_URL_SSO_OIDC: url, ...extra });
}

/** Async (the stand-in answers from this process); only a real hang is cut short (HANG_MS), naming the command. */
export function runAsync(cmd: string, args: readonly string[], env: NodeJS.ProcessEnv): Promise<RunResult> {
  return runProcess(cmd, args, env);
}

export function hatrack(ws: Workspace, url: string, args: readonly string[], extra: Record<string, string> = {}): Promise<RunResult> {
  return runAsync(process.execPath, [HATRACK_BIN, ...args], ssoEnv(ws, url, extra));
}

/** Runs one of test/oracle/*.py and parses its single JSON line. */
export async function botocore<T>(ws: Workspace, url: string, script: string, args: readonly string[] = []): Promise<T> {
  const r = await runAsync('python3', [join(REPO_ROOT, 'test', 'oracle', script), ...args], ssoEnv(ws, url));
  if (r.code !== 0) throw new Error(`${script} failed: ${r.stderr}`);
  return JSON.parse(r.stdout) as T;
}
