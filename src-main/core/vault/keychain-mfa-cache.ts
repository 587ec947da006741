// An MfaSessionCache kept in the OS keychain, so `hatrack credential-process` reuses one MFA session across runs
// until it expires; plain Node.

import type { MfaSessionCache, MfaSessionKey } from '../sts/mfa-session.js';
import type { IssuedCredentials } from '../sts/sts-gateway.js';
import type { SecretStore } from './secret-store.js';
import { MFA_ACCOUNT_PREFIX } from './vault-entry.js';

/** Key ids and MFA serials are identifiers, not secrets, so they may name the keychain entry. */
export function mfaAccount(key: MfaSessionKey): string {
  return `${MFA_ACCOUNT_PREFIX}${key.serialNumber}|${key.sourceAccessKeyId}`;
}

function parse(text: string): IssuedCredentials | undefined {
  try {
    const r = JSON.parse(text) as Record<string, unknown>;
    const expiration = typeof r['expiration'] === 'string' ? new Date(r['expiration']) : undefined;
    if (typeof r['accessKeyId'] !== 'string' || typeof r['secretAccessKey'] !== 'string' || typeof r['sessionToken'] !== 'string') return undefined;
    if (expiration === undefined || Number.isNaN(expiration.getTime())) return undefined;
    return { accessKeyId: r['accessKeyId'], secretAccessKey: r['secretAccessKey'], sessionToken: r['sessionToken'], expiration };
  } catch {
    return undefined;
  }
}

export function createKeychainMfaSessionCache(store: SecretStore, service: string, now: () => Date): MfaSessionCache {
  return {
    async get(key) {
      const account = mfaAccount(key);
      const text = await store.get(service, account);
      if (text === undefined) return undefined;
      const session = parse(text);
      // Expired or unreadable sessions are deleted on sight: the keychain holds sessions only until they expire.
      if (session === undefined || session.expiration.getTime() <= now().getTime()) {
        await store.delete(service, account);
        return undefined;
      }
      return session;
    },
    async put(key, session) {
      const value = { accessKeyId: session.accessKeyId, secretAccessKey: session.secretAccessKey, sessionToken: session.sessionToken, expiration: session.expiration.toISOString() };
      await store.set(service, mfaAccount(key), JSON.stringify(value));
    },
    async delete(key) {
      await store.delete(service, mfaAccount(key));
    },
  };
}
