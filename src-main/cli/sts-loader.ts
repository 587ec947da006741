// How CLI commands reach the credentials engine (plain Node), composed by app/services.ts as in the app; loaded lazily,
// the AWS SDK only when a call needs it.
//
// `hatrack list` must never load the SDK, and `hatrack export` of long-term keys (a credential_process helper run
// before every AWS call) must not either: static keys need no STS call. So `resolveFor` drives the engine's
// resolver with a gateway that imports the SDK adapter on its first call, and `loadEngine` imports the whole engine
// only for commands that always talk to AWS.

import { readFile } from 'node:fs/promises';

import { HatrackError, isHatrackError } from '../../shared/domain/errors.js';
import type { ProfileModel } from '../core/awsfiles/profiles.js';
import { stringSetting } from '../core/awsfiles/profiles.js';
import type { Environment } from '../core/environment.js';
import type { CredentialsEngine } from '../core/sts/index.js';
import type { MfaCodeProvider } from '../core/sts/mfa-session.js';
import type { StsGateway } from '../core/sts/sts-gateway.js';
import type { ResolvedCredentials } from '../core/sts/types.js';
import { staticFrom } from '../core/sts/static-credentials.js';
import { createServices } from '../app/services.js';
import type { Services } from '../app/services.js';
import type { CliContext } from './command.js';
import { createDeadline } from '../core/sts/deadline.js';
import type { Deadline } from '../core/sts/deadline.js';
import { networkPolicyFrom } from '../core/sts/network-policy.js';

let warningFilterInstalled = false;

/**
 * The SDK warns once per process that future releases need a newer Node; on stderr that would pollute the output a
 * credential_process consumer reads as an error message. Everything else still reaches stderr.
 */
export function silenceSdkNodeWarning(): void {
  if (warningFilterInstalled) return;
  warningFilterInstalled = true;
  const original = process.emitWarning.bind(process);
  process.emitWarning = ((warning: string | Error, ...rest: unknown[]) => {
    const text = typeof warning === 'string' ? warning : warning.message;
    if (text.startsWith('NodeVersionSupportWarning')) return;
    (original as (w: string | Error, ...r: unknown[]) => void)(warning, ...rest);
  }) as typeof process.emitWarning;
}

/**
 * A gateway whose every method first imports the SDK adapter (once), under the network policy of `env`. With
 * `signal`, every call whose target carries none is bound to it (the command's deadline).
 */
export function lazyGateway(env: Environment, signal?: AbortSignal): StsGateway {
  let real: Promise<StsGateway> | undefined;
  const load = (): Promise<StsGateway> => {
    silenceSdkNodeWarning();
    real ??= import('../core/sts/sts-gateway.js').then((m) => m.createSdkGateway(networkPolicyFrom(env.vars)));
    return real;
  };
  const forward =
    <K extends keyof StsGateway>(name: K) =>
    async (...args: Parameters<StsGateway[K]>): Promise<Awaited<ReturnType<StsGateway[K]>>> => {
      const g = await load();
      const fn = g[name] as (...a: Parameters<StsGateway[K]>) => Promise<Awaited<ReturnType<StsGateway[K]>>>;
      const [target, ...rest] = args;
      const bound = signal === undefined || target.signal !== undefined ? target : { ...target, signal };
      return fn.apply(g, [bound, ...rest] as Parameters<StsGateway[K]>);
    };
  return {
    assumeRole: forward('assumeRole'),
    assumeRoleWithWebIdentity: forward('assumeRoleWithWebIdentity'),
    getSessionToken: forward('getSessionToken'),
    getFederationToken: forward('getFederationToken'),
    getCallerIdentity: forward('getCallerIdentity'),
    listAccessKeys: forward('listAccessKeys'),
    getAccessKeyLastUsed: forward('getAccessKeyLastUsed'),
    listAccountAliases: forward('listAccountAliases'),
    createAccessKey: forward('createAccessKey'),
    updateAccessKey: forward('updateAccessKey'),
    deleteAccessKey: forward('deleteAccessKey'),
    getUser: forward('getUser'),
    listMfaDevices: forward('listMfaDevices'),
    getRoleCredentials: forward('getRoleCredentials'),
  };
}

/** `--mfa-code` wins; else a hidden prompt on a terminal (its time kept off `deadline`); else none, and resolution fails with a hint. */
export function mfaProvider(ctx: CliContext, mfaCode: string | undefined, deadline?: Deadline): MfaCodeProvider | undefined {
  if (mfaCode !== undefined) return () => Promise.resolve(mfaCode);
  if (!ctx.io.stdinIsTty) return undefined;
  const ask = (serial: string): Promise<string> => ctx.io.prompt(`MFA code for ${serial}: `, true);
  return deadline === undefined ? ask : (serial) => deadline.outside(() => ask(serial));
}

/** Runs one command's AWS work under the network deadline of `env` (HATRACK_NETWORK_DEADLINE_MS). */
export async function withDeadline<T>(env: Environment, f: (deadline: Deadline) => Promise<T>): Promise<T> {
  const deadline = createDeadline(networkPolicyFrom(env.vars).deadlineMs);
  try {
    return await f(deadline);
  } finally {
    deadline.end();
  }
}

/** Adds the way out to errors a command line user can fix with an option. */
export function withCliHint(e: unknown): unknown {
  if (isHatrackError(e) && e.code === 'MFA_REQUIRED') {
    return new HatrackError('MFA_REQUIRED', `${e.message.replace(/\.$/, '')}, and standard input is not a terminal to ask for it; pass --mfa-code CODE.`);
  }
  return e;
}

/**
 * Long-term (or static session) keys read straight from the profile, exactly as the engine's resolver takes them
 * for a profile of kind `static`; undefined for any other kind. The resolver's module graph loads zod (~0.2 s),
 * which a credential_process helper must not pay before every AWS call.
 */
export function staticCredentials(model: ProfileModel, profile: string): ResolvedCredentials | undefined {
  const p = model.byName.get(profile);
  if (p === undefined || p.kind !== 'static') return undefined;
  const fromCredentialsFile = p.credentialsSettings !== undefined && stringSetting(p.credentialsSettings, 'aws_access_key_id') !== undefined;
  return staticFrom(p, fromCredentialsFile ? p.credentialsSettings : (p.configSettings ?? p.settings));
}

/** The shared services (app/services.ts) as one CLI run composes them: MFA codes asked for as this run allows. */
export function cliServices(ctx: CliContext, dataDir?: string, mfaCode?: string): Services {
  return createServices({ env: ctx.env, dataDir, mfaCodeProvider: mfaProvider(ctx, mfaCode) });
}

/** Resolves a profile as the engine does, loading the SDK only if an AWS call is needed. */
export async function resolveFor(ctx: CliContext, env: Environment, model: ProfileModel, profile: string, mfaCode: string | undefined): Promise<ResolvedCredentials> {
  const direct = staticCredentials(model, profile);
  if (direct !== undefined) return direct;
  const [{ resolveCredentials }, { createMfaSessionBroker }, { createCliCredentialCache }] = await Promise.all([
    import('../core/sts/resolve.js'),
    import('../core/sts/mfa-session.js'),
    import('../core/sso/cli-credential-cache.js'),
  ]);
  return withDeadline(env, async (deadline) => {
    const gateway = lazyGateway(env, deadline.signal);
    const codeProvider = mfaProvider(ctx, mfaCode, deadline);
    const mfa = createMfaSessionBroker({ gateway, cache: await createServices({ env }).mfaSessions(), codeProvider, now: env.now });
    try {
      const ssoCredentialCache = createCliCredentialCache(env, (f) => readFile(f, 'utf8'));
      return await resolveCredentials(model, profile, { env, gateway, mfa, codeProvider, ssoCredentialCache, signal: deadline.signal });
    } catch (e) {
      throw withCliHint(e);
    }
  });
}

/** The whole engine (loads the AWS SDK), for commands that always call AWS. */
export async function loadEngine(ctx: CliContext, dataDir: string, mfaCode?: string): Promise<CredentialsEngine> {
  silenceSdkNodeWarning();
  return cliServices(ctx, dataDir, mfaCode).credentialsEngine();
}
