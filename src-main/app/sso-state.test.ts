import { describe, expect, it } from 'vitest';
import type { CachedSsoToken } from '../core/sso/token-cache.js';
import { createSignInNotices, tokenState, usable } from './sso-state.js';

const NOW = new Date('2026-03-01T12:00:00Z');
const SESSION = { sessionName: 'corp', startUrl: 'https://d-1.awsapps.com/start', region: 'us-east-1', scopes: undefined };

function token(expiresAt: string, extra: Partial<CachedSsoToken> = {}): CachedSsoToken {
  return {
    file: '/x.json',
    accessToken: 'at',
    expiresAt: new Date(expiresAt),
    refreshToken: 'rt',
    clientId: 'cid',
    clientSecret: 'cs',
    registrationExpiresAt: new Date('2026-06-01T00:00:00Z'),
    startUrl: SESSION.startUrl,
    region: SESSION.region,
    raw: {},
    ...extra,
  };
}

describe('tokenState', () => {
  it('tells signed in, renewable, expired for good and signed out apart', () => {
    expect(tokenState(SESSION, undefined, NOW)).toEqual({ status: 'signed-out', expiresAt: null });
    expect(tokenState(SESSION, token('2026-03-01T13:00:00Z'), NOW)).toEqual({ status: 'signed-in', expiresAt: '2026-03-01T13:00:00.000Z' });
    expect(tokenState(SESSION, token('2026-03-01T11:00:00Z'), NOW).status).toBe('refreshable');
    expect(tokenState(SESSION, token('2026-03-01T11:00:00Z', { refreshToken: undefined }), NOW).status).toBe('expired');
    expect(tokenState(SESSION, token('2026-03-01T11:00:00Z', { registrationExpiresAt: new Date('2026-02-01T00:00:00Z') }), NOW).status).toBe('expired');
    // A legacy sign-in (no session name) is never refreshed.
    expect(tokenState({ ...SESSION, sessionName: undefined }, token('2026-03-01T11:00:00Z'), NOW).status).toBe('expired');
    expect([usable({ status: 'refreshable', expiresAt: null }), usable({ status: 'expired', expiresAt: null })]).toEqual([true, false]);
  });
});

describe('createSignInNotices', () => {
  it('says once per expired token, again for a later token that also runs out, never for a usable one', () => {
    const said: string[] = [];
    const notices = createSignInNotices((p) => said.push(`${p.session}: ${p.message}`));
    notices.observe([{ name: 'corp', needsSignIn: false, expiresAt: 'a' }]);
    expect(said).toEqual([]);
    notices.observe([{ name: 'corp', needsSignIn: true, expiresAt: 'a' }]);
    notices.observe([{ name: 'corp', needsSignIn: true, expiresAt: 'a' }]);
    expect(said).toEqual(['corp: The sign-in for corp has expired and cannot be refreshed; sign in again.']);
    notices.observe([{ name: 'corp', needsSignIn: true, expiresAt: 'b' }]);
    expect(said).toHaveLength(2);
    // Signed in again, then out of time again with the same expiry string: told again.
    notices.observe([{ name: 'corp', needsSignIn: false, expiresAt: 'c' }]);
    notices.observe([{ name: 'corp', needsSignIn: true, expiresAt: 'b' }]);
    expect(said).toHaveLength(3);
  });
});
