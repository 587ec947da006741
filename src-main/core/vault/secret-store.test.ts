// The keychain read cache and the adapter's error sentences (no keychain is touched here).

import { describe, expect, it } from 'vitest';
import { HatrackError } from '../../../shared/domain/errors.js';
import { keyringFailure } from './keyring-secret-store.js';
import { createMemorySecretStore } from './memory-secret-store.js';
import { cachingSecretStore } from './secret-store.js';
import type { SecretStore } from './secret-store.js';

describe('cachingSecretStore', () => {
  it('reads each secret once per process, shares a read in flight, and re-reads after a write', async () => {
    const inner = createMemorySecretStore();
    let reads = 0;
    const counted: SecretStore = { ...inner, get: (s, a) => (reads++, inner.get(s, a)) };
    const store = cachingSecretStore(counted);
    await inner.set('S', 'a', 'one');
    const [x, y] = await Promise.all([store.get('S', 'a'), store.get('S', 'a')]);
    expect([x, y, await store.get('S', 'a'), reads]).toEqual(['one', 'one', 'one', 1]);
    await store.set('S', 'a', 'two');
    expect([await store.get('S', 'a'), reads]).toEqual(['two', 2]);
    await store.delete('S', 'a');
    expect([await store.get('S', 'a'), reads]).toEqual([undefined, 2]);
  });

  it('does not cache a failed read', async () => {
    const inner = createMemorySecretStore();
    const store = cachingSecretStore(inner);
    inner.breakKeychain();
    await expect(store.get('S', 'a')).rejects.toMatchObject({ code: 'KEYCHAIN_UNAVAILABLE' });
    const fresh = createMemorySecretStore();
    await fresh.set('S', 'a', 'v');
    expect(await cachingSecretStore(fresh).get('S', 'a')).toBe('v');
  });
});

describe('keyringFailure', () => {
  const linux = (bus?: string) => ({ platform: 'linux' as const, vars: { DBUS_SESSION_BUS_ADDRESS: bus } });
  const wrapped = (msg: string) => Object.assign(new Error('Platform failure: DBus error'), { cause: new Error(msg) });

  it('says plainly why no keychain is reachable, and that nothing goes to plaintext', () => {
    const none = keyringFailure(new Error('x'), linux(undefined));
    expect(none).toBeInstanceOf(HatrackError);
    expect(none.message).toBe('No system keychain is reachable (no D-Bus session: DBUS_SESSION_BUS_ADDRESS is not set); Hatrack will not store keys in plaintext.');
    expect(keyringFailure(wrapped('Failed to connect to socket /nonexistent: No such file or directory'), linux('unix:path=/nonexistent')).message).toMatch(
      /^No system keychain is reachable \(the D-Bus session at unix:path=\/nonexistent cannot be reached: Failed to connect/,
    );
    expect(keyringFailure(new Error("Couldn't access platform storage: Secret Service: unlock prompt was dismissed"), linux('unix:path=/x')).message).toMatch(/locked/);
    expect(keyringFailure(new Error('Entry is matched by 2 credentials: Ambiguous'), linux('unix:path=/x')).code).toBe('INTERNAL');
    expect(keyringFailure(new Error('denied'), { platform: 'darwin', vars: {} }).code).toBe('KEYCHAIN_UNAVAILABLE');
  });
});
