// An in-memory SecretStore for unit tests of vault logic only; never used by the app or the CLI.

import type { SecretStore } from './secret-store.js';
import { keychainUnavailable } from './secret-store.js';

export interface MemorySecretStore extends SecretStore {
  /** Every stored value, for assertions. */
  readonly entries: () => ReadonlyMap<string, string>;
  /** Makes every later call fail as an unreachable keychain does. */
  readonly breakKeychain: (reason?: string) => void;
  /** Makes `set` store a different value than asked (to test read-back verification). */
  readonly corruptWrites: () => void;
}

export function createMemorySecretStore(): MemorySecretStore {
  const map = new Map<string, string>();
  let broken: string | undefined;
  let corrupt = false;
  const id = (service: string, account: string): string => `${service}/${account}`;
  const check = (): void => {
    if (broken !== undefined) throw keychainUnavailable(broken);
  };
  return {
    get: async (service, account) => {
      check();
      return map.get(id(service, account));
    },
    set: async (service, account, value) => {
      check();
      map.set(id(service, account), corrupt ? `${value}x` : value);
    },
    delete: async (service, account) => {
      check();
      return map.delete(id(service, account));
    },
    list: async (service) => {
      check();
      return [...map.keys()].filter((k) => k.startsWith(`${service}/`)).map((k) => k.slice(service.length + 1));
    },
    entries: () => map,
    breakKeychain: (reason = 'test: keychain switched off') => {
      broken = reason;
    },
    corruptWrites: () => {
      corrupt = true;
    },
  };
}
