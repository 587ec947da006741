// The SecretStore adapter over the OS keychain via @napi-rs/keyring (macOS Keychain, Windows Credential Manager,
// Secret Service on Linux); plain Node, loaded lazily so commands that never touch secrets never load the addon.

import type * as Keyring from '@napi-rs/keyring';

import type { SecretStore } from './secret-store.js';
import { cachingSecretStore, keychainUnavailable } from './secret-store.js';
import { HatrackError, isHatrackError } from '../../../shared/domain/errors.js';

type KeyringModule = typeof Keyring;

export interface KeyringStoreOptions {
  readonly platform: NodeJS.Platform;
  readonly vars: Readonly<Record<string, string | undefined>>;
}

/**
 * On Linux the addon silently falls back to the kernel keyring (keyutils) when the Secret Service is missing; that
 * store is emptied at logout, so keys moved there would be lost with the file lines already gone. Pinning the
 * Secret Service makes a missing keychain an error instead.
 */
const ENTRY_OPTIONS = { linux: { store: 'secret-service' as const } };

function deepestMessage(e: unknown): string {
  let cur: unknown = e;
  let message = e instanceof Error ? e.message : String(e);
  for (let i = 0; i < 8 && cur instanceof Error; i++) {
    message = cur.message;
    cur = (cur as Error & { cause?: unknown }).cause;
  }
  return message;
}

/** Turns an addon failure into one sentence; the addon's messages name the store, never a secret. */
export function keyringFailure(e: unknown, opts: KeyringStoreOptions): HatrackError {
  if (isHatrackError(e)) return e;
  const text = deepestMessage(e);
  if (/ambiguous/i.test(text)) {
    return new HatrackError('INTERNAL', 'The keychain holds more than one matching Hatrack entry; remove the duplicates with your keychain tool.');
  }
  if (opts.platform === 'linux') {
    const bus = opts.vars['DBUS_SESSION_BUS_ADDRESS'];
    if (bus === undefined || bus === '') return keychainUnavailable('no D-Bus session: DBUS_SESSION_BUS_ADDRESS is not set');
    if (/dbus|socket|connect/i.test(text)) return keychainUnavailable(`the D-Bus session at ${bus} cannot be reached: ${text}`);
    if (/prompt|locked/i.test(text)) return keychainUnavailable(`the Secret Service keyring is locked and could not be unlocked: ${text}`);
    return keychainUnavailable(`Secret Service: ${text}`);
  }
  return keychainUnavailable(text);
}

function adapter(mod: KeyringModule, opts: KeyringStoreOptions): SecretStore {
  const entry = (service: string, account: string) => new mod.AsyncEntry(service, account, ENTRY_OPTIONS);
  const guard = async <T>(fn: () => Promise<T>): Promise<T> => {
    try {
      return await fn();
    } catch (e) {
      throw keyringFailure(e, opts);
    }
  };
  const read = (service: string, account: string) => guard(async () => (await entry(service, account).getPassword()) ?? undefined);
  // The list of accounts lives in an index entry written through the same pinned Secret Service path as every
  // secret: the addon's findCredentials searches its default store, which after a D-Bus switch (or on a desktop
  // with several stores) need not be the one the entries went to.
  const readIndex = async (service: string): Promise<string[]> => {
    const text = await read(service, INDEX_ACCOUNT);
    try {
      const parsed = text === undefined ? [] : (JSON.parse(text) as unknown);
      return Array.isArray(parsed) ? parsed.filter((a): a is string => typeof a === 'string') : [];
    } catch {
      return [];
    }
  };
  const writeIndex = (service: string, accounts: readonly string[]) =>
    guard(() => (accounts.length === 0 ? entry(service, INDEX_ACCOUNT).deletePassword().then(() => undefined) : entry(service, INDEX_ACCOUNT).setPassword(JSON.stringify([...accounts].sort()))));
  return {
    get: read,
    set: async (service, account, value) => {
      await guard(() => entry(service, account).setPassword(value));
      const index = await readIndex(service);
      if (!index.includes(account)) await writeIndex(service, [...index, account]);
    },
    delete: async (service, account) => {
      const deleted = await guard(() => entry(service, account).deletePassword());
      const index = await readIndex(service);
      if (index.includes(account)) await writeIndex(service, index.filter((a) => a !== account));
      return deleted;
    },
    list: (service) => readIndex(service),
  };
}

/** The keychain entry that lists the accounts Hatrack stored under a service (not a secret: names only). */
export const INDEX_ACCOUNT = 'hatrack:index';

/** The OS keychain, each secret read at most once per process. Throws KEYCHAIN_UNAVAILABLE when it cannot be used. */
export async function createKeyringSecretStore(opts: KeyringStoreOptions): Promise<SecretStore> {
  if (opts.platform === 'linux' && (opts.vars['DBUS_SESSION_BUS_ADDRESS'] ?? '') === '') {
    // Fail before loading the addon: without a session bus there is no Secret Service to talk to.
    throw keychainUnavailable('no D-Bus session: DBUS_SESSION_BUS_ADDRESS is not set');
  }
  let mod: KeyringModule;
  try {
    mod = await import('@napi-rs/keyring');
  } catch (e) {
    throw keychainUnavailable(`the keychain module could not be loaded: ${deepestMessage(e)}`);
  }
  return cachingSecretStore(adapter(mod, opts));
}
