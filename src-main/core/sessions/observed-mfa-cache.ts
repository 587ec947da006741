// An MfaSessionCache that tells an observer which device sessions exist (expiry only, never the credentials); plain TS.

import type { MfaSessionCache, MfaSessionKey } from '../sts/mfa-session.js';

export interface MfaSessionObserver {
  /** A session was stored or found (a keychain session from an earlier run shows up the first time it is read). */
  readonly seen: (key: MfaSessionKey, expiresAt: Date) => void;
  readonly dropped: (key: MfaSessionKey) => void;
}

export function observedMfaCache(cache: MfaSessionCache, observer: MfaSessionObserver): MfaSessionCache {
  return {
    async get(key) {
      const session = await cache.get(key);
      if (session !== undefined) observer.seen(key, session.expiration);
      return session;
    },
    async put(key, session) {
      await cache.put(key, session);
      observer.seen(key, session.expiration);
    },
    async delete(key) {
      await cache.delete(key);
      observer.dropped(key);
    },
  };
}
