// The credentials engine facade: resolve, export, console sign-in, key age and rotation for one profile; plain Node.
//
//   const engine = createCredentialsEngine({ env, dataDir, mfaCodeProvider });   // gateway/fetch/sleep optional
//   const creds  = await engine.resolve(model, 'prod-admin', { mfaCode: '123456' }); // ResolvedCredentials
//   const text   = await engine.export(model, 'prod-admin', 'process');            // 'process' | 'env' | 'json'
//   const login  = await engine.consoleUrl(model, 'prod-admin', { region, service, path }); // { url, expiresAt, … }
//   const age    = await engine.accessKeyInfo(model, 'alice');                    // AccessKeyInfo from IAM; cached in dataDir
//   const result = await engine.rotate(model, 'alice', { keepOld, deleteKeyId, saveNewKey, onStep }); // RotationOutcome
//
// Network: every call above runs under one NetworkPolicy (network-policy.ts): per-attempt connect and request
// timeouts that throw, bounded retries with backoff, and a deadline for the whole call (prompts excluded). Pass
// `signal` (any method's options) to cancel from the UI; it ends the call with CANCELLED (rotate: only until its first
// change, see rotation.ts). A request that gives up
// fails with NETWORK and one sentence naming the service and host.
//
// Every failure is a HatrackError with a stable code and one sentence free of secrets, tokens and URLs.
// `model` is awsfiles' buildProfileModel(...) result; profiles are resolved as botocore does for `--profile`
// (ambient AWS_* credentials ignored). MFA: a role hop with mfa_serial over long-term keys gets ONE
// GetSessionToken+MFA session per device, kept in `mfaSessions` (memory by default; swap in a keychain store) and
// reused for every role on that device, so the code is asked once per session lifetime. The console URL and
// secrets are never logged; the CLI decides whether to print or open the URL.

import { setTimeout as delay } from 'node:timers/promises';

import { HatrackError } from '../../../shared/domain/errors.js';
import type { ProfileModel } from '../awsfiles/profiles.js';
import { stringSetting } from '../awsfiles/profiles.js';
import type { Environment } from '../environment.js';
import type { SsoRoleCredentialCache } from '../sso/cli-credential-cache.js';
import { accessKeyInfo, keyFactsUpdate } from './access-keys.js';
import type { AccessKeyInfo } from './access-keys.js';
import { stsRegion } from './assume.js';
import {
  consoleDestination,
  consoleKindFromArn,
  consoleKindOf,
  loginUrl,
  requestSigninToken,
  signinBase,
  signinSessionDuration,
} from './console-url.js';
import type { ConsoleCredentialKind, ConsoleDestination, FetchLike } from './console-url.js';
import type { ProcessRunner } from './credential-process.js';
import { resolveEndpoint } from './endpoints.js';
import { formatCredentials } from './export-format.js';
import type { ExportFormat } from './export-format.js';
import { federate } from './federation.js';
import { createMemoryMfaSessionCache, createMfaSessionBroker } from './mfa-session.js';
import type { MfaCodeProvider, MfaSessionCache } from './mfa-session.js';
import { partitionOf } from './partitions.js';
import type { PartitionId } from './partitions.js';
import { resolveCredentials } from './resolve.js';
import { rotateAccessKey } from './rotation.js';
import type { RotateOptions, RotationOutcome } from './rotation.js';
import { recordKeyFacts } from '../keys/key-facts-cache.js';
import { createDeadline } from './deadline.js';
import type { Deadline } from './deadline.js';
import { networkPolicyFrom } from './network-policy.js';
import type { NetworkPolicy } from './network-policy.js';
import { createSdkGateway } from './sts-gateway.js';
import type { CallTarget, CallerIdentity, StsGateway } from './sts-gateway.js';
import { isLongTerm } from './types.js';
import type { AwsCredentials, ResolvedCredentials } from './types.js';

export interface CredentialsEngineOptions {
  readonly env: Environment;
  /** Hatrack's app data directory (holds the key-facts cache: CreateDate, last use, account alias; no secrets). */
  readonly dataDir: string;
  readonly gateway?: StsGateway | undefined;
  readonly mfaCodeProvider?: MfaCodeProvider | undefined;
  readonly mfaSessions?: MfaSessionCache | undefined;
  /** GetSessionToken duration for MFA sessions; default 3600 (aws-vault's default). */
  readonly mfaSessionDurationSeconds?: number | undefined;
  readonly fetch?: FetchLike | undefined;
  readonly sleep?: ((ms: number) => Promise<void>) | undefined;
  readonly runProcess?: ProcessRunner | undefined;
  readonly readTextFile?: ((file: string) => Promise<string>) | undefined;
  /** The AWS CLI's SSO role-credential cache (~/.aws/cli/cache), shared with `aws`; none = nothing cached. */
  readonly ssoCredentialCache?: SsoRoleCredentialCache | undefined;
  /** Rotation verification pacing (default 2 s steps, 20 s in all). */
  readonly verifyIntervalMs?: number | undefined;
  readonly verifyTimeoutMs?: number | undefined;
  /** Overrides of the network policy; the defaults already honour HATRACK_HTTP_TIMEOUT_MS and HATRACK_NETWORK_DEADLINE_MS. */
  readonly network?: Partial<NetworkPolicy> | undefined;
}

export interface OperationOptions {
  /** Cancels the call (and every AWS request it makes) when it aborts: a "cancel" button. */
  readonly signal?: AbortSignal | undefined;
}

export interface ResolveOptions extends OperationOptions {
  /** A code given up front (CLI `--mfa-code`); used instead of asking mfaCodeProvider. */
  readonly mfaCode?: string | undefined;
}

export interface ConsoleUrlOptions extends ConsoleDestination, ResolveOptions {
  /** Console session length for role credentials (clamped; ignored for federation credentials). */
  readonly sessionDurationSeconds?: number | undefined;
  /** GetFederationToken DurationSeconds for plain IAM users; default 3600. */
  readonly federationDurationSeconds?: number | undefined;
}

export interface ConsoleLogin {
  /** A secret for 15 minutes: open or print it, never log it. */
  readonly url: string;
  readonly expiresAt: Date;
  readonly partition: PartitionId;
  readonly kind: ConsoleCredentialKind;
  readonly federatedUserName?: string | undefined;
}

export interface CredentialsEngine {
  resolve(model: ProfileModel, profile: string, opts?: ResolveOptions): Promise<ResolvedCredentials>;
  export(model: ProfileModel, profile: string, format: ExportFormat, opts?: ResolveOptions): Promise<string>;
  callerIdentity(model: ProfileModel, profile: string, opts?: ResolveOptions): Promise<CallerIdentity>;
  /** GetCallerIdentity with credentials already in hand, at the profile's STS endpoint (no second resolve). */
  identityOf(model: ProfileModel, profile: string, credentials: AwsCredentials, opts?: OperationOptions): Promise<CallerIdentity>;
  consoleUrl(model: ProfileModel, profile: string, opts?: ConsoleUrlOptions): Promise<ConsoleLogin>;
  accessKeyInfo(model: ProfileModel, profile: string, opts?: OperationOptions): Promise<AccessKeyInfo>;
  rotate(model: ProfileModel, profile: string, opts: RotateOptions & OperationOptions): Promise<RotationOutcome>;
}

export function createCredentialsEngine(options: CredentialsEngineOptions): CredentialsEngine {
  const env = options.env;
  const policy = networkPolicyFrom(env.vars, options.network);
  const gateway = options.gateway ?? createSdkGateway(policy);
  const mfa = createMfaSessionBroker({
    gateway,
    cache: options.mfaSessions ?? createMemoryMfaSessionCache(),
    codeProvider: options.mfaCodeProvider,
    now: env.now,
    durationSeconds: options.mfaSessionDurationSeconds,
  });
  const fetchFn: FetchLike = options.fetch ?? ((url, init) => fetch(url, init));
  const sleep = options.sleep ?? ((ms: number) => delay(ms).then(() => undefined));

  /** One engine call: a deadline for its network work that the caller's signal can also end. */
  async function operation<T>(opts: OperationOptions | undefined, f: (d: Deadline) => Promise<T>): Promise<T> {
    const d = createDeadline(policy.deadlineMs, opts?.signal);
    try {
      return await f(d);
    } finally {
      d.end();
    }
  }

  const resolveWithin = (d: Deadline, model: ProfileModel, profile: string, opts?: ResolveOptions): Promise<ResolvedCredentials> => {
    const code = opts?.mfaCode;
    const ask: MfaCodeProvider | undefined = code === undefined ? options.mfaCodeProvider : () => Promise.resolve(code);
    return resolveCredentials(model, profile, {
      env,
      gateway,
      mfa,
      runProcess: options.runProcess,
      readTextFile: options.readTextFile,
      ssoCredentialCache: options.ssoCredentialCache,
      // The person typing a code is not the network being slow.
      codeProvider: ask === undefined ? undefined : (serial) => d.outside(() => ask(serial)),
      signal: d.signal,
    });
  };

  /** STS and IAM call targets for a profile, signed with `creds`. */
  const targets = (model: ProfileModel, profile: string, creds: AwsCredentials, signal: AbortSignal, region?: string) => {
    const p = model.byName.get(profile);
    if (p === undefined) throw new HatrackError('PROFILE_NOT_FOUND', `Profile "${profile}" does not exist.`);
    const stsReg = region ?? stsRegion(p, p);
    const partition = partitionOf(stsReg);
    const sts: CallTarget = { credentials: creds, region: stsReg, endpoint: resolveEndpoint('sts', env, p, model), signal };
    const iam: CallTarget = { credentials: creds, region: partition.iamRegion, endpoint: resolveEndpoint('iam', env, p, model), signal };
    return { sts, iam, partition };
  };

  const identityWithin = (d: Deadline, model: ProfileModel, profile: string, creds: AwsCredentials): Promise<CallerIdentity> =>
    gateway.getCallerIdentity(targets(model, profile, creds, d.signal).sts);

  const longTermKeys = async (d: Deadline, model: ProfileModel, profile: string): Promise<ResolvedCredentials> => {
    const creds = await resolveWithin(d, model, profile);
    if (creds.source !== 'static' || !isLongTerm(creds)) {
      throw new HatrackError('NOT_SUPPORTED', `Profile "${profile}" does not hold long-term access keys of its own.`);
    }
    return creds;
  };

  /** The new key's age is known from the moment IAM created it; the rest (last use, alias) comes with the next check. */
  const recordRotatedKey = (outcome: Extract<RotationOutcome, { ok: true }>): void => {
    const now = env.now();
    const created = outcome.newKeyCreateDate ?? now;
    recordKeyFacts(options.dataDir, {
      keys: {
        [outcome.newAccessKeyId]: {
          createDate: created.toISOString(),
          status: 'Active',
          userName: outcome.userName,
          lastUsedDate: null,
          lastUsedService: null,
          lastUsedRegion: null,
          accountId: null,
          checkedAt: new Date(0).toISOString(), // stale on purpose: the background pass fills in account and use
        },
      },
    });
  };

  return {
    resolve: (model, profile, opts) => operation(opts, (d) => resolveWithin(d, model, profile, opts)),
    export: (model, profile, format, opts) => operation(opts, async (d) => formatCredentials(await resolveWithin(d, model, profile, opts), format)),
    callerIdentity: (model, profile, opts) => operation(opts, async (d) => identityWithin(d, model, profile, await resolveWithin(d, model, profile, opts))),
    identityOf: (model, profile, creds, opts) => operation(opts, (d) => identityWithin(d, model, profile, creds)),
    consoleUrl: (model, profile, opts = {}) => operation(opts, async (d) => {
      const p = model.byName.get(profile);
      const region = opts.region ?? (p === undefined ? undefined : stringSetting(p.settings, 'region'));
      const partition = partitionOf(region ?? 'us-east-1');
      const creds = await resolveWithin(d, model, profile, opts);
      const t = targets(model, profile, creds, d.signal, region);
      let signinCreds: AwsCredentials = creds;
      let kind: ConsoleCredentialKind;
      let chained = creds.chained;
      let federatedUserName: string | undefined;
      const found = consoleKindOf(creds);
      if (found === 'long-term') {
        const fed = await federate({ gateway, iam: t.iam, sts: t.sts }, opts.federationDurationSeconds ?? 3600);
        signinCreds = fed;
        kind = 'federation';
        federatedUserName = fed.name;
      } else if (found === 'unknown') {
        const who = await gateway.getCallerIdentity(t.sts);
        const k = consoleKindFromArn(who.arn);
        if (k === undefined) {
          throw new HatrackError(
            'NOT_SUPPORTED',
            `Profile "${profile}" holds session credentials that AWS does not accept for console sign-in (only role or federation sessions).`,
          );
        }
        kind = k;
        chained = true; // origin unknown: keep SessionDuration within the chained limit
      } else {
        kind = found;
      }
      const base = signinBase(partition, env);
      const duration = signinSessionDuration(kind, chained, opts.sessionDurationSeconds);
      const token = await requestSigninToken(fetchFn, base, signinCreds, duration, { policy, signal: d.signal });
      const destination = consoleDestination(partition, { region, service: opts.service, path: opts.path });
      return {
        url: loginUrl(base, token, destination),
        expiresAt: new Date(env.now().getTime() + 15 * 60_000),
        partition: partition.id,
        kind,
        federatedUserName,
      };
    }),
    accessKeyInfo: (model, profile, opts) =>
      operation(opts, async (d) => {
        const creds = await longTermKeys(d, model, profile);
        const info = await accessKeyInfo({ gateway, now: env.now }, targets(model, profile, creds, d.signal));
        // Every check feeds the cache `hatrack list` and the window read, so they agree with what IAM last said.
        recordKeyFacts(options.dataDir, keyFactsUpdate(info, env.now()));
        return info;
      }),
    // The deadline alone governs the rotation's calls; the caller's signal goes in as `cancel`, which rotation.ts
    // honours only until the first change (its point of no return), so a cancel never leaves a half-made rotation.
    rotate: (model, profile, { signal, ...opts }) =>
      operation(undefined, async (d) => {
        const creds = await longTermKeys(d, model, profile);
        const t = targets(model, profile, creds, d.signal);
        const strip = ({ region, endpoint, signal }: CallTarget) => ({ region, endpoint, signal });
        const outcome = await rotateAccessKey(
          { gateway, sleep, verifyIntervalMs: options.verifyIntervalMs, verifyTimeoutMs: options.verifyTimeoutMs },
          { credentials: creds, iam: strip(t.iam), sts: strip(t.sts) },
          { ...opts, cancel: signal },
        );
        if (outcome.ok) recordRotatedKey(outcome);
        return outcome;
      }),
  };
}

export { HatrackError } from '../../../shared/domain/errors.js';
export { AwsCallError, mapAwsError } from './errors.js';
export { formatCredentials, isoSeconds } from './export-format.js';
export type { ExportFormat } from './export-format.js';
export { createMemoryMfaSessionCache } from './mfa-session.js';
export type { MfaCodeProvider, MfaSessionCache, MfaSessionKey } from './mfa-session.js';
export { createSdkGateway } from './sts-gateway.js';
export type { StsGateway, CallTarget, CallerIdentity } from './sts-gateway.js';
export { findPartition, partitionOf } from './partitions.js';
export type { Partition, PartitionId } from './partitions.js';
export type { AccessKeyInfo } from './access-keys.js';
export type { RotateOptions, RotationOutcome, RotationStep, RotationStepEvent, NewKeyToSave } from './rotation.js';
export type { ResolvedCredentials, AwsCredentials, CredentialSource, ResolveHop } from './types.js';
export type { FetchLike, ConsoleDestination } from './console-url.js';
export { DEFAULT_NETWORK_POLICY, networkPolicyFrom } from './network-policy.js';
export type { NetworkPolicy } from './network-policy.js';
export type { ProcessRunner } from './credential-process.js';
