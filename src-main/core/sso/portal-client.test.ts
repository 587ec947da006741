import { describe, expect, it } from 'vitest';

import { createAdaptiveLimiter } from './adaptive-limiter.js';
import type { HttpRequester, HttpResponse } from './http-request.js';
import { cliCacheBody, cliCacheKey } from './cli-credential-cache.js';
import { discoverAccounts } from './discovery.js';
import { createPortalClient, parseRetryAfter } from './portal-client.js';

type Reply = { status: number; headers?: Record<string, string>; body?: unknown } | Error;

function scripted(replies: Reply[]): { request: HttpRequester; calls: { url: string; headers: Record<string, string> }[] } {
  const calls: { url: string; headers: Record<string, string> }[] = [];
  const request: HttpRequester = (url, init) => {
    calls.push({ url, headers: { ...init.headers } });
    const r = replies.shift() ?? { status: 200, body: {} };
    if (r instanceof Error) return Promise.reject(r);
    const headers = r.headers ?? {};
    const res: HttpResponse = { status: r.status, header: (n) => headers[n.toLowerCase()] ?? null, body: r.body === undefined ? '' : JSON.stringify(r.body) };
    return Promise.resolve(res);
  };
  return { request, calls };
}

function client(replies: Reply[], waits: number[] = []) {
  const s = scripted(replies);
  // A clock the fake sleep moves on, so a Retry-After pause is over as soon as the wait is.
  let clock = 0;
  const portal = createPortalClient({
    now: () => clock,
    baseUrl: 'http://portal.test/',
    accessToken: 'tok',
    loginHint: 'hatrack sso login --sso-session corp',
    request: s.request,
    sleep: (ms) => {
      waits.push(ms);
      clock += ms;
      return Promise.resolve();
    },
    random: () => 0.5,
  });
  return { portal, calls: s.calls, waits };
}

describe('portal client', () => {
  it('sends the bearer in x-amz-sso_bearer_token and reads expiration as milliseconds', async () => {
    const { portal, calls } = client([{ status: 200, body: { roleCredentials: { accessKeyId: 'A', secretAccessKey: 'S', sessionToken: 'T', expiration: 1_700_000_000_000 } } }]);
    const c = await portal.getRoleCredentials('011111111111', 'Read Only');
    expect(c.expiration.toISOString()).toBe('2023-11-14T22:13:20.000Z');
    expect(calls[0]).toEqual({ url: 'http://portal.test/federation/credentials?role_name=Read+Only&account_id=011111111111', headers: { 'x-amz-sso_bearer_token': 'tok' } });
  });

  it('retries a bare 429, a typed TooManyRequestsException, a 5xx and a network error; Retry-After wins over the backoff', async () => {
    const { portal, waits } = client(
      [
        { status: 429 },
        { status: 400, headers: { 'x-amzn-errortype': 'TooManyRequestsException:http://x/' }, body: { message: 'slow' } },
        { status: 503 },
        new Error('ECONNRESET'),
        { status: 429, headers: { 'retry-after': '2' } },
        { status: 200, body: { roleList: [{ roleName: 'B' }], nextToken: 'n' } },
        { status: 200, body: { roleList: [{ roleName: 'A' }] } },
      ],
    );
    expect(await portal.listAccountRoles('1')).toEqual(['B', 'A']);
    expect(waits).toEqual([250, 500, 1000, 2000, 2000]);
  });

  it('stops at once on a 401 with a one-line "sign in again"', async () => {
    const { portal, calls } = client([{ status: 401, headers: { 'x-amzn-errortype': 'UnauthorizedException' }, body: { message: 'Session token not found or invalid' } }]);
    await expect(portal.listAccountsPage()).rejects.toMatchObject({ code: 'SSO_LOGIN_REQUIRED', message: expect.stringMatching(/sign in again: hatrack sso login --sso-session corp$/) });
    expect(calls).toHaveLength(1);
  });

  it('gives up after 8 throttled attempts, and other errors are not retried', async () => {
    const { portal, calls } = client(Array.from({ length: 8 }, () => ({ status: 429 })));
    await expect(portal.listAccountsPage()).rejects.toMatchObject({ code: 'AWS_SERVICE_ERROR', message: expect.stringContaining('throttled') });
    expect(calls).toHaveLength(8);
    const forbidden = client([{ status: 403, headers: { 'x-amzn-errortype': 'ForbiddenException' } }]);
    await expect(forbidden.portal.getRoleCredentials('1', 'R')).rejects.toMatchObject({ message: 'sso:GetRoleCredentials failed: ForbiddenException (HTTP 403).' });
    expect(forbidden.calls).toHaveLength(1);
  });

  it('parses Retry-After as seconds or a date, capped at a minute', () => {
    expect(parseRetryAfter('3', 0)).toBe(3000);
    expect(parseRetryAfter(new Date(10_000).toUTCString(), 0)).toBe(10_000);
    expect(parseRetryAfter('7200', 0)).toBe(60_000);
    expect(parseRetryAfter('soon', 0)).toBeUndefined();
  });
});

describe('adaptive limiter', () => {
  it('halves once per generation on throttling and climbs back by about one per round of successes', async () => {
    const l = createAdaptiveLimiter({ max: 16 });
    const slots = await Promise.all(Array.from({ length: 16 }, () => l.acquire()));
    for (const s of slots) l.throttled(s, undefined);
    expect(l.limit).toBe(8);
    for (const s of slots) s.release();
    const next = await l.acquire();
    l.throttled(next, undefined);
    expect(l.limit).toBe(4);
    next.release();
    for (let i = 0; i < 5; i++) l.succeeded();
    expect(l.limit).toBe(5);
  });

  it('queues callers beyond the limit and lets them in as slots free', async () => {
    const l = createAdaptiveLimiter({ max: 1 });
    const a = await l.acquire();
    let got = false;
    const b = l.acquire().then((s) => {
      got = true;
      return s;
    });
    await Promise.resolve();
    expect(got).toBe(false);
    a.release();
    (await b).release();
    expect(got).toBe(true);
  });
});

describe('discovery', () => {
  it('lists every page, every account\'s roles, sorts, and reports accounts without roles', async () => {
    const pages: Record<string, unknown> = {
      '': { accountList: [{ accountId: '2', accountName: 'beta' }, { accountId: '1', accountName: 'Alpha' }], nextToken: 'p2' },
      p2: { accountList: [{ accountId: '3' }] },
    };
    const request: HttpRequester = (url) => {
      const u = new URL(url);
      const body = u.pathname === '/assignment/accounts' ? pages[u.searchParams.get('next_token') ?? ''] : { roleList: u.searchParams.get('account_id') === '3' ? [] : [{ roleName: 'Z' }, { roleName: 'A' }] };
      return Promise.resolve({ status: 200, header: () => null, body: JSON.stringify(body) });
    };
    const progress: number[] = [];
    const portal = createPortalClient({ baseUrl: 'http://p', accessToken: 't', loginHint: 'x', request });
    const d = await discoverAccounts(portal, { concurrency: 2, onProgress: (p) => progress.push(p.accountsDone) });
    expect(d.accounts.map((a) => [a.accountId, a.roles])).toEqual([['1', ['A', 'Z']], ['2', ['A', 'Z']]]);
    expect(d.withoutRoles.map((a) => a.accountId)).toEqual(['3']);
    expect(Math.max(...progress)).toBe(3);
  });
});

describe('AWS CLI credential cache', () => {
  it('keys and writes entries exactly as botocore does (spec §9.1 example)', () => {
    const session = { sessionName: 'my-sso', startUrl: 'https://example.awsapps.com/start', region: 'us-east-1', scopes: undefined };
    expect(cliCacheKey(session, '111111111111', 'ReadOnly')).toBe('7656329665c70f26bb8dc6f65f498aa9de8da4e0');
    expect(cliCacheBody({ accessKeyId: 'A', secretAccessKey: 'S', sessionToken: 'T', expiration: new Date('2026-01-02T03:04:05.678Z'), accountId: '011111111111' })).toBe(
      '{"ProviderType": "sso", "Credentials": {"AccessKeyId": "A", "SecretAccessKey": "S", "SessionToken": "T", "Expiration": "2026-01-02T03:04:05Z", "AccountId": "011111111111"}}',
    );
  });
});
