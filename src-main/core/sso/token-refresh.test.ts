import { mkdtempSync, readFileSync, writeFileSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { describe, expect, it } from 'vitest';

import type { Environment } from '../environment.js';
import type { CreateTokenRequest, OidcClient } from './oidc-client.js';
import { errorShape, OidcError } from './oidc-client.js';
import { authorizeUrl, codeChallenge, codeVerifier } from './pkce-flow.js';
import type { SsoSessionConfig } from './session-config.js';
import { ssoTokenFile } from './token-cache.js';
import { validAccessToken } from './token-refresh.js';

const NOW = new Date('2026-01-02T03:00:00Z');
const SESSION: SsoSessionConfig = { sessionName: 's', startUrl: 'https://x/start', region: 'us-east-1', scopes: undefined };
const LEGACY: SsoSessionConfig = { ...SESSION, sessionName: undefined };

function setup(token: Record<string, unknown>, id = 's'): { env: Environment; file: string } {
  const home = mkdtempSync(join(tmpdir(), 'hatrack-rf-'));
  const env: Environment = { vars: { HOME: home }, platform: 'linux', osHome: home, now: () => NOW };
  const file = ssoTokenFile(env, id);
  mkdirSync(dirname(file), { recursive: true });
  writeFileSync(file, JSON.stringify(token));
  return { env, file };
}

const minutes = (m: number): string => new Date(NOW.getTime() + m * 60_000).toISOString();
const FULL = { accessToken: 'old', refreshToken: 'rt', clientId: 'c', clientSecret: 's', registrationExpiresAt: minutes(60 * 24), extra: 'kept' };

/** A scripted OIDC client: pure logic under test, the wire is covered by test/sso-signin.test.ts. */
function oidc(answer: (r: CreateTokenRequest) => Promise<{ accessToken: string; expiresIn: number; refreshToken: string | undefined }>): OidcClient & { calls: CreateTokenRequest[] } {
  const calls: CreateTokenRequest[] = [];
  return {
    calls,
    registerClient: () => Promise.reject(new Error('unused')),
    startDeviceAuthorization: () => Promise.reject(new Error('unused')),
    createToken: (_c, r) => {
      calls.push(r);
      return answer(r);
    },
  };
}

describe('validAccessToken (spec §6.3)', () => {
  it('uses a token with more than 15 min left as it is', async () => {
    const { env } = setup({ ...FULL, expiresAt: minutes(16) });
    const client = oidc(() => Promise.reject(new Error('no call expected')));
    expect(await validAccessToken(env, SESSION, { oidc: client })).toMatchObject({ accessToken: 'old', refreshed: false, warning: undefined });
    expect(client.calls).toEqual([]);
  });

  it('refreshes inside 15 min, writes botocore fields plus unknown ones, and serialises concurrent callers', async () => {
    const { env, file } = setup({ ...FULL, expiresAt: minutes(14) });
    const client = oidc(() => Promise.resolve({ accessToken: 'new', expiresIn: 3600, refreshToken: 'rt2' }));
    const [a, b] = await Promise.all([validAccessToken(env, SESSION, { oidc: client }), validAccessToken(env, SESSION, { oidc: client })]);
    expect(a).toMatchObject({ accessToken: 'new', refreshed: true });
    expect(b.accessToken).toBe('new');
    expect(client.calls).toEqual([{ grantType: 'refresh_token', refreshToken: 'rt' }]);
    const written = JSON.parse(readFileSync(file, 'utf8')) as Record<string, unknown>;
    expect(written).toEqual({
      startUrl: 'https://x/start',
      region: 'us-east-1',
      accessToken: 'new',
      expiresAt: '2026-01-02T04:00:00Z',
      clientId: 'c',
      clientSecret: 's',
      registrationExpiresAt: '2026-01-03T03:00:00Z',
      refreshToken: 'rt2',
      extra: 'kept',
    });
  });

  it('keeps a still-valid token with a one-line warning when the refresh is refused or impossible', async () => {
    const refused = setup({ ...FULL, expiresAt: minutes(5) });
    const client = oidc(() => Promise.reject(new OidcError('InvalidGrantException', 400, 'CreateToken')));
    const r = await validAccessToken(refused.env, SESSION, { oidc: client });
    expect(r.accessToken).toBe('old');
    expect(r.warning).toMatch(/^The IAM Identity Center sign-in ends in 5 min and its refresh was refused; run "hatrack sso login --sso-session s" to stay signed in\.$/);
    const noRefresh = setup({ ...FULL, refreshToken: undefined, expiresAt: minutes(5) });
    expect((await validAccessToken(noRefresh.env, SESSION, { oidc: client })).warning).toMatch(/cannot be refreshed/);
    const regExpired = setup({ ...FULL, registrationExpiresAt: minutes(-1), expiresAt: minutes(-1) });
    await expect(validAccessToken(regExpired.env, SESSION, { oidc: client })).rejects.toMatchObject({ code: 'SSO_LOGIN_REQUIRED' });
    expect(client.calls).toHaveLength(1);
  });

  it('adopts a token another process wrote after an InvalidGrantException', async () => {
    const { env, file } = setup({ ...FULL, expiresAt: minutes(-5) });
    const client = oidc(() => {
      writeFileSync(file, JSON.stringify({ ...FULL, accessToken: 'theirs', expiresAt: minutes(60) }));
      return Promise.reject(new OidcError('InvalidGrantException', 400, 'CreateToken'));
    });
    expect(await validAccessToken(env, SESSION, { oidc: client })).toMatchObject({ accessToken: 'theirs' });
  });

  it('never refreshes legacy tokens, and asks for a login when nothing is cached', async () => {
    const legacy = setup({ ...FULL, expiresAt: minutes(-1) }, 'https://x/start');
    const client = oidc(() => Promise.reject(new Error('no call expected')));
    await expect(validAccessToken(legacy.env, LEGACY, { oidc: client }, 'p')).rejects.toThrow(/legacy sign-ins cannot be refreshed\); run "hatrack sso login --profile p"/);
    const none = setup({}, 'other');
    await expect(validAccessToken(none.env, SESSION, { oidc: client })).rejects.toThrow(/is not signed in; run "hatrack sso login --sso-session s"/);
  });
});

describe('OIDC wire details', () => {
  it('takes the error code from x-amzn-ErrorType as botocore does', () => {
    expect(errorShape('AuthorizationPendingException:http://internal.amazon.com/coral/com.amazonaws.sso.oidc/', {}, 400)).toBe('AuthorizationPendingException');
    expect(errorShape('aws#SlowDownException', {}, 400)).toBe('SlowDownException');
    expect(errorShape(null, { __type: 'x#InvalidGrantException' }, 400)).toBe('InvalidGrantException');
    expect(errorShape(null, { error: 'authorization_pending' }, 400)).toBe('400');
  });

  it('builds the PKCE verifier, challenge and authorize URL as botocore does', () => {
    const v = codeVerifier();
    expect(v).toMatch(/^[A-Za-z0-9._~-]{64}$/);
    expect(codeChallenge('dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWFOEjXk')).toBe('E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM');
    expect(
      authorizeUrl('http://127.0.0.1:18443/some/path', { clientId: 'cid-1', redirectUri: 'http://127.0.0.1:45621/oauth/callback', state: 'st', scopes: ['sso:account:access', 'a b'], challenge: 'ch' }),
    ).toBe(
      'http://127.0.0.1:18443/authorize?response_type=code&client_id=cid-1&redirect_uri=http%3A%2F%2F127.0.0.1%3A45621%2Foauth%2Fcallback&state=st&code_challenge_method=S256&scopes=sso%3Aaccount%3Aaccess%20a%20b&code_challenge=ch',
    );
  });
});
