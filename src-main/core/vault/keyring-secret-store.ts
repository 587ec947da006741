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
  return {
    get: (service, account) => guard(async () => (await entry(service, account).getPassword()) ?? undefined),
    set: (service, account, value) => guard(() => entry(service, account).setPassword(value)),
    delete: (service, account) => guard(() => entry(service, account).deletePassword()),
    list: (service) =>
      guard(async () => {
        // findCredentials takes no store option: constructing a pinned entry first proves the Secret Service is
        // the store being listed (it throws when D-Bus is unreachable), so an empty list means "none stored".
        entry(service, '(probe)');
        const found = await mod.findCredentialsAsync(service);
        return found.map((c) => c.account);
      }),
  };
}

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
