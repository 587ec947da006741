// aws-vault style MFA sessions: one GetSessionToken+MFA per device, reused for every role until it expires; plain Node.

import { HatrackError } from '../../../shared/domain/errors.js';
import type { CallTarget, IssuedCredentials, StsGateway } from './sts-gateway.js';
import { assertValid, checkSerialNumber, checkTokenCode } from './validation.js';

/** Asks the user for the current code of an MFA device. */
export type MfaCodeProvider = (serialNumber: string) => Promise<string>;

export interface MfaSessionKey {
  /** The long-term key the session was minted from; a rotated key must not reuse an old session. */
  readonly sourceAccessKeyId: string;
  readonly serialNumber: string;
}

/**
 * Where MFA sessions live between calls. Async so a keychain-backed store can replace the in-memory one; an
 * implementation must never write these credentials to a plain file.
 */
export interface MfaSessionCache {
  get(key: MfaSessionKey): Promise<IssuedCredentials | undefined>;
  put(key: MfaSessionKey, session: IssuedCredentials): Promise<void>;
  delete(key: MfaSessionKey): Promise<void>;
}

export function mfaSessionCacheKey(key: MfaSessionKey): string {
  return `${key.serialNumber}\u0000${key.sourceAccessKeyId}`;
}

/** The default store: process memory only, gone when the app or CLI exits. */
export function createMemoryMfaSessionCache(): MfaSessionCache & { readonly size: () => number } {
  const entries = new Map<string, IssuedCredentials>();
  return {
    get: (key) => Promise.resolve(entries.get(mfaSessionCacheKey(key))),
    put: (key, session) => {
      entries.set(mfaSessionCacheKey(key), session);
      return Promise.resolve();
    },
    delete: (key) => {
      entries.delete(mfaSessionCacheKey(key));
      return Promise.resolve();
    },
    size: () => entries.size,
  };
}

export interface MfaSessionBrokerDeps {
  readonly gateway: StsGateway;
  readonly cache: MfaSessionCache;
  readonly codeProvider: MfaCodeProvider | undefined;
  readonly now: () => Date;
  /** GetSessionToken DurationSeconds; aws-vault's default is 1 h. */
  readonly durationSeconds?: number;
  /** A session with less than this left is renewed (JS SDK: 5 min). */
  readonly refreshMarginMs?: number;
}

export interface MfaSessionBroker {
  /** A live MFA session for `serial` minted from `source` (long-term keys): cached, or fresh after one prompt. */
  session(source: CallTarget, serialNumber: string, profile: string, codeProvider?: MfaCodeProvider): Promise<IssuedCredentials>;
  /** Asks for a code (for hops that must send SerialNumber/TokenCode themselves), validating it. */
  code(serialNumber: string, profile: string, codeProvider?: MfaCodeProvider): Promise<string>;
}

export function createMfaSessionBroker(deps: MfaSessionBrokerDeps): MfaSessionBroker {
  const margin = deps.refreshMarginMs ?? 5 * 60_000;
  // Concurrent resolves for roles sharing a device wait for the same prompt instead of asking twice.
  const inFlight = new Map<string, Promise<IssuedCredentials>>();

  async function code(serialNumber: string, profile: string, override?: MfaCodeProvider): Promise<string> {
    assertValid([checkSerialNumber(serialNumber)], profile);
    const provider = override ?? deps.codeProvider;
    if (provider === undefined) {
      throw new HatrackError('MFA_REQUIRED', `Profile "${profile}" needs an MFA code for ${serialNumber}.`);
    }
    const value = (await provider(serialNumber)).trim();
    if (checkTokenCode(value) !== undefined) {
      throw new HatrackError('MFA_INVALID', `The MFA code for profile "${profile}" must be exactly 6 digits.`);
    }
    return value;
  }

  async function mint(source: CallTarget, key: MfaSessionKey, profile: string, override?: MfaCodeProvider): Promise<IssuedCredentials> {
    const cached = await deps.cache.get(key);
    if (cached !== undefined && cached.expiration.getTime() - deps.now().getTime() > margin) return cached;
    if (cached !== undefined) await deps.cache.delete(key);
    const tokenCode = await code(key.serialNumber, profile, override);
    const session = await deps.gateway.getSessionToken(source, {
      serialNumber: key.serialNumber,
      tokenCode,
      durationSeconds: deps.durationSeconds ?? 3600,
    });
    await deps.cache.put(key, session);
    return session;
  }

  return {
    code,
    session(source, serialNumber, profile, override) {
      const key: MfaSessionKey = { sourceAccessKeyId: source.credentials.accessKeyId, serialNumber };
      const id = mfaSessionCacheKey(key);
      const pending = inFlight.get(id);
      if (pending !== undefined) return pending;
      const p = mint(source, key, profile, override).finally(() => inFlight.delete(id));
      inFlight.set(id, p);
      return p;
    },
  };
}
