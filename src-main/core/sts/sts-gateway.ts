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
  ListMFADevicesCommand,
  UpdateAccessKeyCommand,
} from '@aws-sdk/client-iam';
import { GetRoleCredentialsCommand, SSOClient } from '@aws-sdk/client-sso';

import { HatrackError } from '../../../shared/domain/errors.js';
import { mapAwsError } from './errors.js';
import type { AwsCredentials } from './types.js';

/** Where and as whom to send a call. `endpoint` undefined = the SDK's default for the region. */
export interface CallTarget {
  readonly credentials: AwsCredentials;
  readonly region: string;
  readonly endpoint?: string | undefined;
}

/** A call that is not signed (AssumeRoleWithWebIdentity, SSO GetRoleCredentials). */
export interface UnsignedTarget {
  readonly region: string;
  readonly endpoint?: string | undefined;
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
  createAccessKey(t: CallTarget, userName?: string): Promise<NewAccessKey>;
  updateAccessKey(t: CallTarget, accessKeyId: string, status: AccessKeyStatus, userName?: string): Promise<void>;
  deleteAccessKey(t: CallTarget, accessKeyId: string, userName?: string): Promise<void>;
  getUser(t: CallTarget): Promise<IamUser>;
  listMfaDevices(t: CallTarget, userName?: string): Promise<MfaDevice[]>;
  getRoleCredentials(t: UnsignedTarget, input: SsoRoleInput): Promise<IssuedCredentials>;
}

export interface SdkGatewayOptions {
  /** Total attempts per call, including the first; the SDK's standard mode backs off on throttling. Default 4. */
  readonly maxAttempts?: number;
  /** Milliseconds to wait for a TCP connection. Default 5000. */
  readonly connectionTimeoutMs?: number;
  /** Milliseconds to wait for a response. Default 20000. */
  readonly requestTimeoutMs?: number;
}

interface ClientConfig {
  region: string;
  endpoint?: string;
  credentials?: { accessKeyId: string; secretAccessKey: string; sessionToken?: string };
  maxAttempts: number;
  retryMode: 'standard';
  requestHandler: { connectionTimeout: number; requestTimeout: number };
}

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

/** The real adapter. Each call builds a short-lived client with explicit credentials, so no ambient SDK config leaks in. */
export function createSdkGateway(options: SdkGatewayOptions = {}): StsGateway {
  const base = (t: UnsignedTarget, creds?: AwsCredentials): ClientConfig => {
    const cfg: ClientConfig = {
      region: t.region,
      maxAttempts: options.maxAttempts ?? 4,
      retryMode: 'standard',
      requestHandler: {
        connectionTimeout: options.connectionTimeoutMs ?? 5000,
        requestTimeout: options.requestTimeoutMs ?? 20000,
      },
    };
    if (t.endpoint !== undefined) cfg.endpoint = t.endpoint;
    if (creds !== undefined) {
      cfg.credentials = { accessKeyId: creds.accessKeyId, secretAccessKey: creds.secretAccessKey };
      if (creds.sessionToken !== undefined && creds.sessionToken !== '') cfg.credentials.sessionToken = creds.sessionToken;
    }
    return cfg;
  };

  async function withClient<C extends { destroy(): void }, R>(client: C, op: string, f: (c: C) => Promise<R>): Promise<R> {
    try {
      return await f(client);
    } catch (e) {
      throw mapAwsError(e, op);
    } finally {
      client.destroy();
    }
  }
  const sts = (t: CallTarget): STSClient => new STSClient(base(t, t.credentials));
  const iam = (t: CallTarget): IAMClient => new IAMClient(base(t, t.credentials));

  return {
    assumeRole: (t, input) =>
      withClient(sts(t), 'sts:AssumeRole', async (c) => {
        const out = await c.send(
          new AssumeRoleCommand({
            RoleArn: input.roleArn,
            RoleSessionName: input.roleSessionName,
            ExternalId: input.externalId,
            DurationSeconds: input.durationSeconds,
            SerialNumber: input.serialNumber,
            TokenCode: input.tokenCode,
          }),
        );
        return { ...issued(out.Credentials, 'sts:AssumeRole'), assumedRoleArn: out.AssumedRoleUser?.Arn };
      }),
    assumeRoleWithWebIdentity: (t, input) =>
      // The operation is unauthenticated (smithy noAuth), so the client never looks for credentials.
      withClient(new STSClient(base(t)), 'sts:AssumeRoleWithWebIdentity', async (c) => {
        const out = await c.send(
          new AssumeRoleWithWebIdentityCommand({
            RoleArn: input.roleArn,
            RoleSessionName: input.roleSessionName,
            WebIdentityToken: input.webIdentityToken,
            DurationSeconds: input.durationSeconds,
          }),
        );
        return { ...issued(out.Credentials, 'sts:AssumeRoleWithWebIdentity'), assumedRoleArn: out.AssumedRoleUser?.Arn };
      }),
    getSessionToken: (t, input) =>
      withClient(sts(t), 'sts:GetSessionToken', async (c) => {
        const out = await c.send(
          new GetSessionTokenCommand({
            DurationSeconds: input.durationSeconds,
            SerialNumber: input.serialNumber,
            TokenCode: input.tokenCode,
          }),
        );
        return issued(out.Credentials, 'sts:GetSessionToken');
      }),
    getFederationToken: (t, input) =>
      withClient(sts(t), 'sts:GetFederationToken', async (c) => {
        const out = await c.send(
          new GetFederationTokenCommand({ Name: input.name, Policy: input.policy, DurationSeconds: input.durationSeconds }),
        );
        return { ...issued(out.Credentials, 'sts:GetFederationToken'), federatedUserArn: out.FederatedUser?.Arn };
      }),
    getCallerIdentity: (t) =>
      withClient(sts(t), 'sts:GetCallerIdentity', async (c) => {
        const out = await c.send(new GetCallerIdentityCommand({}));
        return { account: out.Account ?? '', arn: out.Arn ?? '', userId: out.UserId ?? '' };
      }),
    listAccessKeys: (t, userName) =>
      withClient(iam(t), 'iam:ListAccessKeys', async (c) => {
        const keys: AccessKeyMetadata[] = [];
        let marker: string | undefined;
        do {
          const out = await c.send(new ListAccessKeysCommand({ UserName: userName, Marker: marker }));
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
      withClient(iam(t), 'iam:GetAccessKeyLastUsed', async (c) => {
        const out = await c.send(new GetAccessKeyLastUsedCommand({ AccessKeyId: accessKeyId }));
        const u = out.AccessKeyLastUsed;
        const na = (v: string | undefined): string | undefined => (v === undefined || v === 'N/A' ? undefined : v);
        return {
          userName: out.UserName,
          lastUsedDate: u?.LastUsedDate,
          serviceName: na(u?.ServiceName),
          region: na(u?.Region),
        };
      }),
    createAccessKey: (t, userName) =>
      withClient(iam(t), 'iam:CreateAccessKey', async (c) => {
        const out = await c.send(new CreateAccessKeyCommand({ UserName: userName }));
        const k = out.AccessKey;
        if (k?.AccessKeyId === undefined || k.SecretAccessKey === undefined) {
          throw new HatrackError('AWS_SERVICE_ERROR', 'iam:CreateAccessKey returned no key.');
        }
        return { accessKeyId: k.AccessKeyId, secretAccessKey: k.SecretAccessKey, userName: k.UserName, createDate: k.CreateDate };
      }),
    updateAccessKey: (t, accessKeyId, status, userName) =>
      withClient(iam(t), 'iam:UpdateAccessKey', async (c) => {
        await c.send(new UpdateAccessKeyCommand({ AccessKeyId: accessKeyId, Status: status, UserName: userName }));
      }),
    deleteAccessKey: (t, accessKeyId, userName) =>
      withClient(iam(t), 'iam:DeleteAccessKey', async (c) => {
        await c.send(new DeleteAccessKeyCommand({ AccessKeyId: accessKeyId, UserName: userName }));
      }),
    getUser: (t) =>
      withClient(iam(t), 'iam:GetUser', async (c) => {
        const out = await c.send(new GetUserCommand({}));
        const u = out.User;
        if (u?.UserName === undefined || u.Arn === undefined) {
          throw new HatrackError('AWS_SERVICE_ERROR', 'iam:GetUser returned no user.');
        }
        return { userName: u.UserName, arn: u.Arn, createDate: u.CreateDate };
      }),
    listMfaDevices: (t, userName) =>
      withClient(iam(t), 'iam:ListMFADevices', async (c) => {
        const out = await c.send(new ListMFADevicesCommand({ UserName: userName }));
        return (out.MFADevices ?? []).flatMap((d) =>
          d.SerialNumber === undefined ? [] : [{ serialNumber: d.SerialNumber, enableDate: d.EnableDate }],
        );
      }),
    getRoleCredentials: (t, input) =>
      withClient(new SSOClient(base(t)), 'sso:GetRoleCredentials', async (c) => {
        const out = await c.send(
          new GetRoleCredentialsCommand({ accessToken: input.accessToken, accountId: input.accountId, roleName: input.roleName }),
        );
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
