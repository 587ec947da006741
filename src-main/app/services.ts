// The one composition of the credentials engine, the OS keychain and the keychain-backed MFA-session cache, used by
// the app core and the CLI alike; plain Node. Everything heavy (keyring binding, AWS SDK, zod) loads on first use.

import { readFile } from 'node:fs/promises';

import type { AwsFilesService } from '../core/awsfiles/aws-files.js';
import { resolveDataDir } from '../core/awsfiles/paths.js';
import type { Environment } from '../core/environment.js';
import type { FetchLike } from '../core/sts/console-url.js';
import type { CredentialsEngine } from '../core/sts/index.js';
import type { MfaSessionObserver } from '../core/sessions/observed-mfa-cache.js';
import { observedMfaCache } from '../core/sessions/observed-mfa-cache.js';
import type { MfaCodeProvider, MfaSessionCache } from '../core/sts/mfa-session.js';
import type { StsGateway } from '../core/sts/sts-gateway.js';
import type { SecretStore } from '../core/vault/secret-store.js';
import type { VaultDeps } from '../core/vault/vault.js';
import { vaultService } from '../core/vault/vault-entry.js';

export interface ServicesOptions {
  readonly env: Environment;
  /** Hatrack's data directory (the engine keeps the access-key first-seen cache there); default resolveDataDir(env). */
  readonly dataDir?: string | undefined;
  /** Test seams: a fake or moto-backed STS/IAM gateway, and the HTTP fetch used for the sign-in endpoint. */
  readonly gateway?: StsGateway | undefined;
  readonly fetch?: FetchLike | undefined;
  /** Asks for an MFA code when a call needs one (the CLI's prompt); the app passes codes per call instead. */
  readonly mfaCodeProvider?: MfaCodeProvider | undefined;
  /** Hears which MFA device sessions exist (the app's sessions panel); the CLI lists none. */
  readonly mfaSessionObserver?: MfaSessionObserver | undefined;
}

export interface Services {
  /** The keychain service name Hatrack's entries live under. */
  readonly vaultService: string;
  /**
   * The OS keychain, opened once: the OS may ask the user to unlock it, and asking twice is the top complaint
   * against aws-vault and Leapp. A failed open is forgotten, so the next call tries again.
   */
  readonly secretStore: () => Promise<SecretStore>;
  /**
   * MFA sessions live in the keychain when one is reachable (one code per device per working day, across restarts
   * and across CLI runs), never in a plain file; without a keychain they last for this process.
   */
  readonly mfaSessions: () => Promise<MfaSessionCache>;
  /** The whole engine (loads the AWS SDK), created on first use. */
  readonly credentialsEngine: () => Promise<CredentialsEngine>;
  /** What the vault operations need, over these AWS files. */
  readonly vaultDeps: (files: AwsFilesService) => Promise<VaultDeps>;
}

/** Keychain first; a keychain that stops answering (locked mid-run) must not stop the user: keep the session here. */
function withFallback(keychain: MfaSessionCache, fallback: MfaSessionCache): MfaSessionCache {
  return {
    get: (key) => keychain.get(key).catch(() => fallback.get(key)),
    put: (key, session) => keychain.put(key, session).catch(() => fallback.put(key, session)),
    delete: (key) => Promise.all([keychain.delete(key).catch(() => undefined), fallback.delete(key)]).then(() => undefined),
  };
}

export function createServices(options: ServicesOptions): Services {
  const { env } = options;
  const service = vaultService(env.vars);

  let store: Promise<SecretStore> | undefined;
  const secretStore = (): Promise<SecretStore> => {
    store ??= import('../core/vault/keyring-secret-store.js').then(({ createKeyringSecretStore }) => createKeyringSecretStore({ platform: env.platform, vars: env.vars }));
    store.catch(() => (store = undefined));
    return store;
  };

  let sessions: Promise<MfaSessionCache> | undefined;
  const observer = options.mfaSessionObserver;
  const openMfaSessions = async (): Promise<MfaSessionCache> => {
    const { createMemoryMfaSessionCache } = await import('../core/sts/mfa-session.js');
    try {
      const [{ createKeychainMfaSessionCache }, keychain] = await Promise.all([import('../core/vault/keychain-mfa-cache.js'), secretStore()]);
      return withFallback(createKeychainMfaSessionCache(keychain, service, env.now), createMemoryMfaSessionCache());
    } catch {
      return createMemoryMfaSessionCache(); // no keychain: sessions last for this run
    }
  };
  // The engine and the sessions panel's Forget share this one cache, so the observer hears both.
  const mfaSessions = (): Promise<MfaSessionCache> => (sessions ??= openMfaSessions().then((cache) => (observer === undefined ? cache : observedMfaCache(cache, observer))));

  let engine: Promise<CredentialsEngine> | undefined;
  const credentialsEngine = (): Promise<CredentialsEngine> =>
    (engine ??= (async () => {
      const [{ createCredentialsEngine }, { createCliCredentialCache }, cache] = await Promise.all([import('../core/sts/index.js'), import('../core/sso/cli-credential-cache.js'), mfaSessions()]);
      // The AWS CLI's SSO role-credential cache: `aws` and Hatrack reuse each other's role credentials.
      const ssoCredentialCache = createCliCredentialCache(env, (f) => readFile(f, 'utf8'));
      return createCredentialsEngine({ env, dataDir: options.dataDir ?? resolveDataDir(env), gateway: options.gateway, fetch: options.fetch, mfaCodeProvider: options.mfaCodeProvider, mfaSessions: cache, ssoCredentialCache });
    })());

  const vaultDeps = async (files: AwsFilesService): Promise<VaultDeps> => {
    const { currentRuntime } = await import('../core/vault/process-command.js');
    return { files, store: await secretStore(), service, runtime: currentRuntime(env.cliEntry), now: env.now };
  };

  return { vaultService: service, secretStore, mfaSessions, credentialsEngine, vaultDeps };
}
