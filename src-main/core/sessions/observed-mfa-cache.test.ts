import { describe, expect, it } from 'vitest';
import { createMemoryMfaSessionCache } from '../sts/mfa-session.js';
import type { MfaSessionKey } from '../sts/mfa-session.js';
import { observedMfaCache } from './observed-mfa-cache.js';

const key: MfaSessionKey = { serialNumber: 'arn:aws:iam::123456789012:mfa/alice', sourceAccessKeyId: 'AKIAIOSFODNN7EXAMPLE' };
const session = { accessKeyId: 'ASIAEXAMPLE0000WXYZ', secretAccessKey: 'secret', sessionToken: 'token', expiration: new Date('2026-12-03T13:00:00Z') };

describe('observed MFA-session cache', () => {
  it('reports stored, found and deleted sessions by key and expiry, and passes the cache through', async () => {
    const heard: string[] = [];
    const cache = observedMfaCache(createMemoryMfaSessionCache(), {
      seen: (k, at) => heard.push(`seen ${k.serialNumber} ${at.toISOString()}`),
      dropped: (k) => heard.push(`dropped ${k.serialNumber}`),
    });
    expect(await cache.get(key)).toBeUndefined();
    await cache.put(key, session);
    expect(await cache.get(key)).toEqual(session);
    await cache.delete(key);
    expect(await cache.get(key)).toBeUndefined();
    expect(heard).toEqual([`seen ${key.serialNumber} 2026-12-03T13:00:00.000Z`, `seen ${key.serialNumber} 2026-12-03T13:00:00.000Z`, `dropped ${key.serialNumber}`]);
  });
});
