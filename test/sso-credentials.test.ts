// Issue 11 point 5: an SSO profile resolves through GetRoleCredentials with the cached token, and the role
// credentials are shared with the AWS CLI through ~/.aws/cli/cache in both directions (botocore with the CLI's
// JSONFileCache injected is the other side).
import { existsSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';

import { hatrackBuilt, HATRACK_BIN } from './support/cli-runner.js';
import type { Workspace } from './support/cli-runner.js';
import { ACCESS_TOKEN, botocore, hatrack, sessionConfig, sha1, ssoWorkspace, startPortalStandin, writeToken } from './support/sso-accounts-harness.js';
import type { PortalStandin } from './support/sso-accounts-harness.js';

const CONFIG = `[profile dev]
sso_session = corp
sso_account_id = 011111111111
sso_role_name = ReadOnly
region = us-west-2

${sessionConfig('corp')}`;

// SSOCredentialFetcher._create_cache_key: sha1 of the minified, sorted JSON.
const CACHE_KEY = sha1('{"accountId":"011111111111","roleName":"ReadOnly","sessionName":"corp"}');

interface Boto {
  ok: boolean;
  method?: string;
  access_key?: string;
  secret_key?: string;
  token?: string;
  error?: string;
}
interface ProcessJson {
  AccessKeyId: string;
  SecretAccessKey: string;
  SessionToken: string;
  Expiration: string;
}

let s: PortalStandin;
let ws: Workspace;

beforeAll(async () => {
  if (!hatrackBuilt()) throw new Error(`Build the CLI first (npm run build): ${HATRACK_BIN} is missing.`);
  s = await startPortalStandin([{ accountId: '011111111111', accountName: 'Dev', roles: ['ReadOnly'] }]);
});
afterAll(async () => {
  await s.standin.close();
});
beforeEach(() => {
  ws = ssoWorkspace(CONFIG, 'corp');
});

const cacheFile = () => join(ws.home, '.aws', 'cli', 'cache', `${CACHE_KEY}.json`);
const roleCalls = () => s.standin.log.filter((c) => c.path === '/federation/credentials').length;

async function exportDev(): Promise<ProcessJson> {
  const r = await hatrack(ws, s.standin.url, ['export', 'dev', '--format', 'process']);
  expect(r.stderr).toBe('');
  expect(r.code).toBe(0);
  return JSON.parse(r.stdout) as ProcessJson;
}

describe('SSO profile credentials and the AWS CLI cache', () => {
  it('hatrack export writes the cache entry exactly as the CLI does, and botocore (CLI cache injected) reuses it', async () => {
    const calls = roleCalls();
    const mine = await exportDev();
    expect(roleCalls()).toBe(calls + 1);
    const call = s.standin.log.filter((c) => c.path === '/federation/credentials').at(-1)!;
    expect(call.query).toEqual({ role_name: 'ReadOnly', account_id: '011111111111' });
    expect(call.bearer).toBe(ACCESS_TOKEN);
    expect(call.authorization).toBeUndefined();

    const body = readFileSync(cacheFile(), 'utf8');
    expect(body).toBe(
      `{"ProviderType": "sso", "Credentials": {"AccessKeyId": "${mine.AccessKeyId}", "SecretAccessKey": "${mine.SecretAccessKey}", ` +
        `"SessionToken": "${mine.SessionToken}", "Expiration": "${mine.Expiration.replace(/\.\d+Z$/, 'Z')}", "AccountId": "011111111111"}}`,
    );
    expect(statSync(cacheFile()).mode & 0o777).toBe(0o600);
    expect(statSync(join(ws.home, '.aws', 'cli', 'cache')).mode & 0o777).toBe(0o700);

    const boto = await botocore<Boto>(ws, s.standin.url, 'botocore_sso_credentials.py', ['dev']);
    expect(boto).toMatchObject({ ok: true, method: 'sso', access_key: mine.AccessKeyId, secret_key: mine.SecretAccessKey, token: mine.SessionToken });
    expect(roleCalls()).toBe(calls + 1);
  });

  it('uses an entry botocore (as the AWS CLI) wrote, without calling the portal', async () => {
    const calls = roleCalls();
    const boto = await botocore<Boto>(ws, s.standin.url, 'botocore_sso_credentials.py', ['dev']);
    expect(boto.ok).toBe(true);
    expect(roleCalls()).toBe(calls + 1);
    expect(existsSync(cacheFile())).toBe(true);
    const mine = await exportDev();
    expect(mine).toMatchObject({ AccessKeyId: boto.access_key, SecretAccessKey: boto.secret_key, SessionToken: boto.token });
    expect(roleCalls()).toBe(calls + 1);
  });

  it('ignores an entry with 15 minutes or less left, and replaces it', async () => {
    const soon = new Date(Date.now() + 10 * 60_000).toISOString().slice(0, 19) + 'Z';
    const { mkdirSync } = await import('node:fs');
    mkdirSync(join(ws.home, '.aws', 'cli', 'cache'), { recursive: true });
    writeFileSync(cacheFile(), JSON.stringify({ ProviderType: 'sso', Credentials: { AccessKeyId: 'ASIAOLD', SecretAccessKey: 'old', SessionToken: 'old', Expiration: soon, AccountId: '011111111111' } }));
    const calls = roleCalls();
    const mine = await exportDev();
    expect(mine.AccessKeyId).not.toBe('ASIAOLD');
    expect(roleCalls()).toBe(calls + 1);
    expect(readFileSync(cacheFile(), 'utf8')).toContain(mine.AccessKeyId);
  });

  it('a token with minutes left that cannot be refreshed still works, and export says so in one stderr line', async () => {
    const { rmSync } = await import('node:fs');
    rmSync(cacheFile(), { force: true });
    writeToken(ws, 'corp', new Date(Date.now() + 5 * 60_000));
    const r = await hatrack(ws, s.standin.url, ['export', 'dev', '--format', 'process']);
    expect(r.code, r.stderr).toBe(0);
    expect(JSON.parse(r.stdout)).toMatchObject({ Version: 1 });
    const lines = r.stderr.split('\n').filter((l) => l !== '');
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(/^hatrack: .*hatrack sso login --sso-session corp/);
  });

  it('an expired token without a refresh token asks to sign in again, without a portal call', async () => {
    writeToken(ws, 'corp', new Date(Date.now() - 60_000));
    const calls = roleCalls();
    const r = await hatrack(ws, s.standin.url, ['export', 'dev']);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/hatrack sso login --sso-session corp.*\[SSO_TOKEN_MISSING\]\n$/);
    expect(roleCalls()).toBe(calls);
    expect(existsSync(cacheFile())).toBe(false);
  });

  it('a token the portal refuses (401) ends in one line, and nothing is cached', async () => {
    s.portal.revokeToken(ACCESS_TOKEN);
    try {
      const r = await hatrack(ws, s.standin.url, ['export', 'dev']);
      expect(r.code).toBe(1);
      expect(r.stderr.trim().split('\n')).toHaveLength(1);
      expect(r.stderr).toContain('was refused by the portal');
      expect(r.stderr).not.toContain(ACCESS_TOKEN);
      expect(existsSync(cacheFile())).toBe(false);
    } finally {
      s.portal.addToken(ACCESS_TOKEN);
    }
  });
});
