import { mkdtempSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

import type { Environment } from '../environment.js';
import { pythonJson } from './python-json.js';
import { registrationFile } from './registration.js';
import { formatCacheTime, loadSsoToken, parseCacheTime, saveSsoToken, ssoTokenFile } from './token-cache.js';

const envAt = (home: string, now = new Date('2026-01-02T03:04:05.678Z')): Environment => ({ vars: { HOME: home }, platform: 'linux', osHome: home, now: () => now });

describe('token cache files (spec §5)', () => {
  it('names files by sha1 of the session name, or of the start URL as typed', () => {
    expect(ssoTokenFile(envAt('/h'), 'my-sso')).toBe('/h/.aws/sso/cache/0ad374308c5a4e22f723adf10145eafad7c4031c.json');
    expect(ssoTokenFile(envAt('/h'), 'https://x.awsapps.com/start')).not.toBe(ssoTokenFile(envAt('/h'), 'https://x.awsapps.com/start/'));
  });

  it("keys registrations as botocore does (Python json.dumps, sorted, null scopes)", () => {
    const file = registrationFile(envAt('/h'), { sessionName: 'my-sso', startUrl: 'https://example.awsapps.com/start', region: 'us-east-1', scopes: undefined });
    expect(file).toBe('/h/.aws/sso/cache/9065e9472ec6b87bbc18bb77fc3c3016d8d42df9.json');
    expect(pythonJson({ b: ['x', 'é'], a: null }, { sortKeys: true })).toBe('{"a": null, "b": ["x", "\\u00e9"]}');
    expect(pythonJson({ roleName: 'R', accountId: '1' }, { sortKeys: true, compact: true })).toBe('{"accountId":"1","roleName":"R"}');
  });

  it('writes YYYY-MM-DDTHH:MM:SSZ and reads zoned forms only', () => {
    expect(formatCacheTime(new Date('2026-01-02T03:04:05.678Z'))).toBe('2026-01-02T03:04:05Z');
    for (const ok of ['2026-01-02T03:04:05Z', '2026-01-02T03:04:05.5Z', '2026-01-02T03:04:05+00:00', '2026-01-02 03:04:05.123456+00:00', '2026-01-02T03:04:05UTC']) {
      expect(parseCacheTime(ok)?.toISOString().slice(0, 19), ok).toBe('2026-01-02T03:04:05');
    }
    expect(parseCacheTime('2026-01-02T05:04:05+0200')?.toISOString()).toBe('2026-01-02T03:04:05.000Z');
    expect(parseCacheTime('2026-01-02T03:04:05')).toBeUndefined();
    expect(parseCacheTime(42)).toBeUndefined();
  });

  it('saves botocore fields in order, keeps unknown ones, drops a refresh token the service no longer sent; 0600 in 0700', async () => {
    const home = mkdtempSync(join(tmpdir(), 'hatrack-tc-'));
    const env = envAt(home);
    const fields = {
      startUrl: 'https://s',
      region: 'us-east-1',
      accessToken: 'at',
      expiresAt: new Date('2026-01-02T04:04:05Z'),
      clientId: 'c',
      clientSecret: 's',
      registrationExpiresAt: new Date('2026-04-02T00:00:00Z'),
      refreshToken: undefined,
    };
    const file = await saveSsoToken(env, 'my-sso', fields, { refreshToken: 'old', extra: 1 });
    expect(readFileSync(file, 'utf8')).toBe(
      '{"startUrl": "https://s", "region": "us-east-1", "accessToken": "at", "expiresAt": "2026-01-02T04:04:05Z", "clientId": "c", "clientSecret": "s", "registrationExpiresAt": "2026-04-02T00:00:00Z", "extra": 1}',
    );
    expect(statSync(file).mode & 0o777).toBe(0o600);
    expect(statSync(join(home, '.aws', 'sso', 'cache')).mode & 0o777).toBe(0o700);
    const back = await loadSsoToken(env, 'my-sso');
    expect(back).toMatchObject({ accessToken: 'at', refreshToken: undefined, clientId: 'c' });
    writeFileSync(file, '{"accessToken": "x", "expiresAt": "2026-01-02T03:04:05"}');
    expect(await loadSsoToken(env, 'my-sso')).toBeUndefined();
  });
});
