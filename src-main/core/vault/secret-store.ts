// The SecretStore port (the OS keychain behind one small interface) and a per-process read cache; plain Node.

import { HatrackError } from '../../../shared/domain/errors.js';

/**
 * Secrets by service + account. Implementations must never fall back to a plain file: when the keychain cannot be
 * reached they throw KEYCHAIN_UNAVAILABLE (see `keychainUnavailable`).
 */
export interface SecretStore {
  get(service: string, account: string): Promise<string | undefined>;
  set(service: string, account: string, value: string): Promise<void>;
  /** True when something was deleted. */
  delete(service: string, account: string): Promise<boolean>;
  /** The accounts stored under `service` (never their values). */
  list(service: string): Promise<readonly string[]>;
}

export function keychainUnavailable(reason: string): HatrackError {
  return new HatrackError('KEYCHAIN_UNAVAILABLE', `No system keychain is reachable (${reason}); Hatrack will not store keys in plaintext.`);
}

/**
 * Wraps a store so each secret is read from the keychain at most once per process (a Secret Service round trip
 * costs milliseconds and may prompt); writes and deletes go through and drop the cached value.
 */
export function cachingSecretStore(inner: SecretStore): SecretStore {
  // Promises are cached, so a read started early (while the files are parsed) is shared by every later get.
  const values = new Map<string, Promise<string | undefined>>();
  const id = (service: string, account: string): string => `${service}\u0000${account}`;
  return {
    get(service, account) {
      const key = id(service, account);
      let value = values.get(key);
      if (value === undefined) {
        value = inner.get(service, account);
        values.set(key, value);
        value.catch(() => values.delete(key));
      }
      return value;
    },
    async set(service, account, value) {
      // Not cached on write: the next get reads the keychain, which is how a caller verifies what was stored.
      values.delete(id(service, account));
      await inner.set(service, account, value);
    },
    async delete(service, account) {
      values.delete(id(service, account));
      const deleted = await inner.delete(service, account);
      values.set(id(service, account), Promise.resolve(undefined));
      return deleted;
    },
    list: (service) => inner.list(service),
  };
}
