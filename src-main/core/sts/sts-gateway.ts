// The STS/IAM/SSO port and its AWS SDK v3 adapter; plain Node (main process and CLI).

import {
  AssumeRoleCommand,
  AssumeRoleWithWebIdentityCommand,
  GetCallerIdentityCommand,
  GetFederationTokenCommand,
  GetSessionTokenCommand,
  STSClient,
} from '@aws-sdk/client-sts';
import type { Credentials as StsCredentials } from '@aws-sdk/client-sts';
import {
  CreateAccessKeyCommand,
  DeleteAccessKeyCommand,
  GetAccessKeyLastUsedCommand,
  GetUserCommand,
  IAMClient,
  ListAccessKeysCommand,
  ListAccountAliasesCommand,
  ListMFADevicesCommand,
  UpdateAccessKeyCommand,
} from '@aws-sdk/client-iam';
import { GetRoleCredentialsCommand, SSOClient } from '@aws-sdk/client-sso';

import { HatrackError } from '../../../shared/domain/errors.js';
import { classifyFailure, mapAwsError, requestFailure } from './errors.js';
import { AttemptsFailedError, DEFAULT_NETWORK_POLICY, withRetries } from './network-policy.js';
import type { NetworkPolicy, RetryOptions } from './network-policy.js';
import type { AwsCredentials } from './types.js';

/** Where and as whom to send a call. `endpoint` undefined = the SDK's default for the region. */
export interface CallTarget extends UnsignedTarget {
  readonly credentials: AwsCredentials;
}

/** A call that is not signed (AssumeRoleWithWebIdentity, SSO GetRoleCredentials). */
export interface UnsignedTarget {
  readonly region: string;
  readonly endpoint?: string | undefined;
  /** Ends the call (and its retries) when it aborts: the operation's deadline, or the user cancelling. */
  readonly signal?: AbortSignal | undefined;
}

/** host[:port] of a configured endpoint, or a stand-in naming the region until the SDK has resolved its default. */
function endpointHost(t: UnsignedTarget): string {
  if (t.endpoint !== undefined) {
    try {
      return new URL(t.endpoint).host;
    } catch {
      // An endpoint the SDK will reject itself; name the region instead.
    }
  }
  return `the ${t.region} endpoint`;
}

export interface IssuedCredentials extends AwsCredentials {
  readonly sessionToken: string;
  readonly expiration: Date;
}

export interface AssumeRoleInput {
  readonly roleArn: string;
  readonly roleSessionName: string;
  readonly externalId?: string | undefined;
  readonly durationSeconds?: number | undefined;
  readonly serialNumber?: string | undefined;
  readonly tokenCode?: string | undefined;
}

export interface AssumedRole extends IssuedCredentials {
  readonly assumedRoleArn: string | undefined;
}

export interface WebIdentityInput {
  readonly roleArn: string;
  readonly roleSessionName: string;
  readonly webIdentityToken: string;
  readonly durationSeconds?: number | undefined;
}

export interface SessionTokenInput {
  readonly durationSeconds?: number | undefined;
  readonly serialNumber?: string | undefined;
  readonly tokenCode?: string | undefined;
}

export interface FederationTokenInput {
  readonly name: string;
  readonly policy: string;
  readonly durationSeconds?: number | undefined;
}

export interface FederationToken extends IssuedCredentials {
  readonly federatedUserArn: string | undefined;
}

export interface CallerIdentity {
  readonly account: string;
  readonly arn: string;
  readonly userId: string;
}

export type AccessKeyStatus = 'Active' | 'Inactive';

export interface AccessKeyMetadata {
  readonly accessKeyId: string;
  readonly userName: string | undefined;
  readonly status: AccessKeyStatus;
  readonly createDate: Date | undefined;
}

export interface AccessKeyLastUsed {
  readonly userName: string | undefined;
  readonly lastUsedDate: Date | undefined;
  readonly serviceName: string | undefined;
  readonly region: string | undefined;
}

export interface NewAccessKey {
  readonly accessKeyId: string;
  readonly secretAccessKey: string;
  readonly userName: string | undefined;
  readonly createDate: Date | undefined;
}

export interface IamUser {
  readonly userName: string;
  readonly arn: string;
  readonly createDate: Date | undefined;
}

export interface MfaDevice {
  readonly serialNumber: string;
  readonly enableDate: Date | undefined;
}

export interface SsoRoleInput {
  readonly accessToken: string;
  readonly accountId: string;
  readonly roleName: string;
}

/** Everything the engine asks of AWS. Errors are always HatrackError (usually AwsCallError). */
export interface StsGateway {
  assumeRole(t: CallTarget, input: AssumeRoleInput): Promise<AssumedRole>;
  assumeRoleWithWebIdentity(t: UnsignedTarget, input: WebIdentityInput): Promise<AssumedRole>;
  getSessionToken(t: CallTarget, input: SessionTokenInput): Promise<IssuedCredentials>;
  getFederationToken(t: CallTarget, input: FederationTokenInput): Promise<FederationToken>;
  getCallerIdentity(t: CallTarget): Promise<CallerIdentity>;
  listAccessKeys(t: CallTarget, userName?: string): Promise<AccessKeyMetadata[]>;
  getAccessKeyLastUsed(t: CallTarget, accessKeyId: string): Promise<AccessKeyLastUsed>;
  /** The account's IAM alias (an account has at most one); undefined when it has none. */
  listAccountAliases(t: CallTarget): Promise<string | undefined>;
  createAccessKey(t: CallTarget, userName?: string): Promise<NewAccessKey>;
  updateAccessKey(t: CallTarget, accessKeyId: string, status: AccessKeyStatus, userName?: string): Promise<void>;
  deleteAccessKey(t: CallTarget, accessKeyId: string, userName?: string): Promise<void>;
  getUser(t: CallTarget): Promise<IamUser>;
  listMfaDevices(t: CallTarget, userName?: string): Promise<MfaDevice[]>;
  getRoleCredentials(t: UnsignedTarget, input: SsoRoleInput): Promise<IssuedCredentials>;
}

/** Test seams and overrides on top of the network policy (HATRACK_HTTP_TIMEOUT_MS etc. are read by the caller). */
export interface SdkGatewayOptions extends Partial<NetworkPolicy> {
  readonly sleep?: RetryOptions['sleep'];
  readonly random?: (() => number) | undefined;
}

/** The SDK's own logger would print raw "[WARN]" lines on stderr, which a credential_process consumer reads as an error. */
const SILENT_LOGGER = { trace() {}, debug() {}, info() {}, warn() {}, error() {} };

interface ClientConfig {
  region: string;
  endpoint?: string;
  credentials?: { accessKeyId: string; secretAccessKey: string; sessionToken?: string };
  maxAttempts: number;
  logger: typeof SILENT_LOGGER;
  requestHandler: {
    connectionTimeout: number;
    requestTimeout: number;
    socketTimeout: number;
    throwOnRequestTimeout: true;
    logger: typeof SILENT_LOGGER;
  };
}

interface SdkClient {
  destroy(): void;
  readonly middlewareStack: { add(mw: unknown, options: { step: 'finalizeRequest'; name: string }): void };
}

/** Sends one SDK command under the policy: `attempt` gets the signal to hand to `client.send`. */
type Send = <O>(attempt: (options: { abortSignal?: AbortSignal }) => Promise<O>) => Promise<O>;

function issued(c: StsCredentials | undefined, op: string): IssuedCredentials {
  if (c?.AccessKeyId === undefined || c.SecretAccessKey === undefined || c.SessionToken === undefined) {
    throw new HatrackError('AWS_SERVICE_ERROR', `${op} returned no credentials.`);
  }
  return {
    accessKeyId: c.AccessKeyId,
    secretAccessKey: c.SecretAccessKey,
    sessionToken: c.SessionToken,
    expiration: c.Expiration ?? new Date(Date.now() + 3600_000),
  };
}

/** AWS refuses a one-time MFA code it has already seen, so a call carrying one is not repeated blindly. */
const oneTimeCode = (input: { readonly tokenCode?: string | undefined }): boolean => input.tokenCode === undefined;

/**
 * The real adapter. Each call builds a short-lived client with explicit credentials, so no ambient SDK config leaks
 * in. The SDK makes one attempt per send (its own retries are off): the policy here retries, backs off, stops at the
 * target's signal (deadline or cancel), and names the endpoint when the network fails.
 */
export function createSdkGateway(options: SdkGatewayOptions = {}): StsGateway {
  const { sleep, random, ...overrides } = options;
  const policy: NetworkPolicy = { ...DEFAULT_NETWORK_POLICY, ...overrides };
  const base = (t: UnsignedTarget, creds?: AwsCredentials): ClientConfig => {
    const cfg: ClientConfig = {
      region: t.region,
      maxAttempts: 1,
      logger: SILENT_LOGGER,
      requestHandler: {
        connectionTimeout: policy.connectTimeoutMs,
        requestTimeout: policy.requestTimeoutMs,
        // requestTimeout stops at the response headers; a body that stalls halfway is caught by the idle timeout.
        socketTimeout: policy.requestTimeoutMs,
        throwOnRequestTimeout: true,
        logger: SILENT_LOGGER,
      },
    };
    if (t.endpoint !== undefined) cfg.endpoint = t.endpoint;
    if (creds !== undefined) {
      cfg.credentials = { accessKeyId: creds.accessKeyId, secretAccessKey: creds.secretAccessKey };
      if (creds.sessionToken !== undefined && creds.sessionToken !== '') cfg.credentials.sessionToken = creds.sessionToken;
    }
    return cfg;
  };

  async function withClient<C extends SdkClient, R>(
    client: C,
    t: UnsignedTarget,
    op: string,
    f: (c: C, send: Send) => Promise<R>,
    /** False: retried only when the request cannot have reached AWS. */
    idempotent = true,
  ): Promise<R> {
    const where = { service: op.slice(0, op.indexOf(':')), host: endpointHost(t) };
    // The host the request really went to (the SDK resolves the default endpoint itself); never path or query.
    client.middlewareStack.add(
      (next: (a: { request: unknown }) => Promise<unknown>) => (args: { request: unknown }) => {
        const r = args.request as { hostname?: unknown; port?: unknown };
        if (typeof r.hostname === 'string') where.host = typeof r.port === 'number' ? `${r.hostname}:${r.port}` : r.hostname;
        return next(args);
      },
      { step: 'finalizeRequest', name: 'hatrackEndpointHost' },
    );
    const send: Send = (attempt) =>
      withRetries(() => attempt(t.signal === undefined ? {} : { abortSignal: t.signal }), { policy, classify: classifyFailure, idempotent, signal: t.signal, sleep, random });
    try {
      return await f(client, send);
    } catch (e) {
      if (e instanceof AttemptsFailedError) throw requestFailure(e, where, op, policy, t.signal);
      throw mapAwsError(e, op);
    } finally {
      client.destroy();
    }
  }
  const sts = (t: CallTarget): STSClient => new STSClient(base(t, t.credentials));
  const iam = (t: CallTarget): IAMClient => new IAMClient(base(t, t.credentials));

  return {
    assumeRole: (t, input) =>
      withClient(sts(t), t, 'sts:AssumeRole', async (c, send) => {
        const out = await send((o) => c.send(
          new AssumeRoleCommand({
            RoleArn: input.roleArn,
            RoleSessionName: input.roleSessionName,
            ExternalId: input.externalId,
            DurationSeconds: input.durationSeconds,
            SerialNumber: input.serialNumber,
            TokenCode: input.tokenCode,
          }), o));
        return { ...issued(out.Credentials, 'sts:AssumeRole'), assumedRoleArn: out.AssumedRoleUser?.Arn };
      }, oneTimeCode(input)),
    assumeRoleWithWebIdentity: (t, input) =>
      // The operation is unauthenticated (smithy noAuth), so the client never looks for credentials.
      withClient(new STSClient(base(t)), t, 'sts:AssumeRoleWithWebIdentity', async (c, send) => {
        const out = await send((o) => c.send(
          new AssumeRoleWithWebIdentityCommand({
            RoleArn: input.roleArn,
            RoleSessionName: input.roleSessionName,
            WebIdentityToken: input.webIdentityToken,
            DurationSeconds: input.durationSeconds,
          }), o));
        return { ...issued(out.Credentials, 'sts:AssumeRoleWithWebIdentity'), assumedRoleArn: out.AssumedRoleUser?.Arn };
      }),
    getSessionToken: (t, input) =>
      withClient(sts(t), t, 'sts:GetSessionToken', async (c, send) => {
        const out = await send((o) => c.send(
          new GetSessionTokenCommand({
            DurationSeconds: input.durationSeconds,
            SerialNumber: input.serialNumber,
            TokenCode: input.tokenCode,
          }), o));
        return issued(out.Credentials, 'sts:GetSessionToken');
      }, oneTimeCode(input)),
    getFederationToken: (t, input) =>
      withClient(sts(t), t, 'sts:GetFederationToken', async (c, send) => {
        const out = await send((o) => c.send(
          new GetFederationTokenCommand({ Name: input.name, Policy: input.policy, DurationSeconds: input.durationSeconds }), o));
        return { ...issued(out.Credentials, 'sts:GetFederationToken'), federatedUserArn: out.FederatedUser?.Arn };
      }),
    getCallerIdentity: (t) =>
      withClient(sts(t), t, 'sts:GetCallerIdentity', async (c, send) => {
        const out = await send((o) => c.send(new GetCallerIdentityCommand({}), o));
        return { account: out.Account ?? '', arn: out.Arn ?? '', userId: out.UserId ?? '' };
      }),
    listAccessKeys: (t, userName) =>
      withClient(iam(t), t, 'iam:ListAccessKeys', async (c, send) => {
        const keys: AccessKeyMetadata[] = [];
        let marker: string | undefined;
        do {
          const out = await send((o) => c.send(new ListAccessKeysCommand({ UserName: userName, Marker: marker }), o));
          for (const k of out.AccessKeyMetadata ?? []) {
            if (k.AccessKeyId === undefined) continue;
            keys.push({
              accessKeyId: k.AccessKeyId,
              userName: k.UserName,
              status: k.Status === 'Inactive' ? 'Inactive' : 'Active',
              createDate: k.CreateDate,
            });
          }
          marker = out.IsTruncated === true ? out.Marker : undefined;
        } while (marker !== undefined);
        return keys;
      }),
    getAccessKeyLastUsed: (t, accessKeyId) =>
      withClient(iam(t), t, 'iam:GetAccessKeyLastUsed', async (c, send) => {
        const out = await send((o) => c.send(new GetAccessKeyLastUsedCommand({ AccessKeyId: accessKeyId }), o));
        const u = out.AccessKeyLastUsed;
        const na = (v: string | undefined): string | undefined => (v === undefined || v === 'N/A' ? undefined : v);
        return {
          userName: out.UserName,
          lastUsedDate: u?.LastUsedDate,
          serviceName: na(u?.ServiceName),
          region: na(u?.Region),
        };
      }),
    listAccountAliases: (t) =>
      withClient(iam(t), t, 'iam:ListAccountAliases', async (c, send) => {
        const out = await send((o) => c.send(new ListAccountAliasesCommand({}), o));
        return out.AccountAliases?.[0];
      }),
    createAccessKey: (t, userName) =>
      withClient(iam(t), t, 'iam:CreateAccessKey', async (c, send) => {
        const out = await send((o) => c.send(new CreateAccessKeyCommand({ UserName: userName }), o));
        const k = out.AccessKey;
        if (k?.AccessKeyId === undefined || k.SecretAccessKey === undefined) {
          throw new HatrackError('AWS_SERVICE_ERROR', 'iam:CreateAccessKey returned no key.');
        }
        return { accessKeyId: k.AccessKeyId, secretAccessKey: k.SecretAccessKey, userName: k.UserName, createDate: k.CreateDate };
        // A repeated CreateAccessKey after a lost answer would make a second key (and can hit the two-key limit).
      }, false),
    updateAccessKey: (t, accessKeyId, status, userName) =>
      withClient(iam(t), t, 'iam:UpdateAccessKey', async (c, send) => {
        await send((o) => c.send(new UpdateAccessKeyCommand({ AccessKeyId: accessKeyId, Status: status, UserName: userName }), o));
      }),
    deleteAccessKey: (t, accessKeyId, userName) =>
      withClient(iam(t), t, 'iam:DeleteAccessKey', async (c, send) => {
        await send((o) => c.send(new DeleteAccessKeyCommand({ AccessKeyId: accessKeyId, UserName: userName }), o));
      }),
    getUser: (t) =>
      withClient(iam(t), t, 'iam:GetUser', async (c, send) => {
        const out = await send((o) => c.send(new GetUserCommand({}), o));
        const u = out.User;
        if (u?.UserName === undefined || u.Arn === undefined) {
          throw new HatrackError('AWS_SERVICE_ERROR', 'iam:GetUser returned no user.');
        }
        return { userName: u.UserName, arn: u.Arn, createDate: u.CreateDate };
      }),
    listMfaDevices: (t, userName) =>
      withClient(iam(t), t, 'iam:ListMFADevices', async (c, send) => {
        const out = await send((o) => c.send(new ListMFADevicesCommand({ UserName: userName }), o));
        return (out.MFADevices ?? []).flatMap((d) =>
          d.SerialNumber === undefined ? [] : [{ serialNumber: d.SerialNumber, enableDate: d.EnableDate }],
        );
      }),
    getRoleCredentials: (t, input) =>
      withClient(new SSOClient(base(t)), t, 'sso:GetRoleCredentials', async (c, send) => {
        const out = await send((o) => c.send(
          new GetRoleCredentialsCommand({ accessToken: input.accessToken, accountId: input.accountId, roleName: input.roleName }), o));
        const r = out.roleCredentials;
        if (r?.accessKeyId === undefined || r.secretAccessKey === undefined || r.sessionToken === undefined) {
          throw new HatrackError('AWS_SERVICE_ERROR', 'sso:GetRoleCredentials returned no credentials.');
        }
        return {
          accessKeyId: r.accessKeyId,
          secretAccessKey: r.secretAccessKey,
          sessionToken: r.sessionToken,
          expiration: new Date(r.expiration ?? Date.now() + 3600_000),
        };
      }),
  };
}
