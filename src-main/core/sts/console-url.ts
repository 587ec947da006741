// Builds a federated AWS console sign-in URL from resolved credentials (spec §6); plain Node, fetch injected.

import { HatrackError } from '../../../shared/domain/errors.js';
import { resolveSigninOverride } from './endpoints.js';
import { classifyFailure, requestFailure } from './errors.js';
import { AttemptsFailedError, DEFAULT_NETWORK_POLICY, withRetries } from './network-policy.js';
import type { NetworkPolicy } from './network-policy.js';
import type { Environment } from '../environment.js';
import type { Partition } from './partitions.js';
import type { AwsCredentials, ResolvedCredentials } from './types.js';

/** The subset of WHATWG fetch the console flow uses; Node's global fetch satisfies it. */
export type FetchLike = (
  url: string,
  init?: {
    readonly method?: string;
    readonly headers?: Record<string, string>;
    readonly redirect?: 'error' | 'follow' | 'manual';
    readonly signal?: AbortSignal;
  },
) => Promise<{ readonly status: number; text(): Promise<string> }>;

export interface ConsoleDestination {
  readonly region?: string | undefined;
  /** Console service slug, e.g. `ec2`, `s3`, `cloudwatch`. */
  readonly service?: string | undefined;
  /** A console path (`/s3/buckets/x`, `/ec2/home#Instances:`); wins over `service`. */
  readonly path?: string | undefined;
}

export const CONSOLE_ISSUER = 'hatrack';

/** `https://<region>.<console host>/<path>?region=<region>`, or the console home when nothing is asked for. */
export function consoleDestination(partition: Partition, dest: ConsoleDestination): string {
  const region = dest.region;
  const host = region !== undefined && partition.regionalConsole ? `${region}.${partition.consoleHost}` : partition.consoleHost;
  let path = dest.path ?? (dest.service !== undefined ? `/${encodeURIComponent(dest.service)}/home` : region !== undefined ? '/console/home' : '/');
  if (!path.startsWith('/')) path = `/${path}`;
  if (region === undefined) return `https://${host}${path}`;
  // The region query goes before any #fragment, and joins an existing query with &.
  const hashAt = path.indexOf('#');
  const before = hashAt === -1 ? path : path.slice(0, hashAt);
  const fragment = hashAt === -1 ? '' : path.slice(hashAt);
  const sep = before.includes('?') ? '&' : '?';
  return `https://${host}${before}${sep}region=${encodeURIComponent(region)}${fragment}`;
}

/** `https://<signin host>` for the partition, or the scheme+host of AWS_ENDPOINT_URL_SIGNIN. */
export function signinBase(partition: Partition, env: Environment): string {
  return resolveSigninOverride(env) ?? `https://${partition.signinHost}`;
}

export type ConsoleCredentialKind = 'role' | 'federation';

/**
 * SessionDuration for getSigninToken: never for GetFederationToken credentials; for role credentials the request
 * clamped to 900–43200, and to 3600 when the role was assumed by chaining. Undefined = omit it.
 */
export function signinSessionDuration(kind: ConsoleCredentialKind, chained: boolean, requested: number | undefined): number | undefined {
  if (kind === 'federation' || requested === undefined) return undefined;
  const clamped = Math.min(Math.max(Math.round(requested), 900), 43200);
  return chained ? Math.min(clamped, 3600) : clamped;
}

export interface SigninNetwork {
  readonly policy?: NetworkPolicy | undefined;
  /** The operation's deadline or the user's cancel. */
  readonly signal?: AbortSignal | undefined;
}

/** Step 1: exchange temporary credentials for a sign-in token. Errors never carry the URL or the credentials. */
export async function requestSigninToken(
  fetchFn: FetchLike,
  base: string,
  creds: AwsCredentials,
  sessionDuration: number | undefined,
  net: SigninNetwork = {},
): Promise<string> {
  if (creds.sessionToken === undefined || creds.sessionToken === '') {
    throw new HatrackError('NOT_SUPPORTED', 'Long-term access keys cannot sign in to the console directly.');
  }
  const params = new URLSearchParams({ Action: 'getSigninToken' });
  if (sessionDuration !== undefined) params.set('SessionDuration', String(sessionDuration));
  params.set(
    'Session',
    JSON.stringify({ sessionId: creds.accessKeyId, sessionKey: creds.secretAccessKey, sessionToken: creds.sessionToken }),
  );
  const policy = net.policy ?? DEFAULT_NETWORK_POLICY;
  const url = `${base}/federation?${params.toString()}`;
  let status: number;
  let body: string;
  try {
    ({ status, body } = await withRetries(
      async () => {
        // Per attempt: the answer and its body within the request timeout, and never past the operation's signal.
        const timeout = AbortSignal.timeout(policy.requestTimeoutMs);
        const signal = net.signal === undefined ? timeout : AbortSignal.any([timeout, net.signal]);
        const res = await fetchFn(url, { method: 'GET', redirect: 'error', signal });
        return { status: res.status, body: await res.text() };
      },
      { policy, classify: classifyFailure, signal: net.signal },
    ));
  } catch (e) {
    const host = new URL(base).host;
    if (e instanceof AttemptsFailedError && e.kind !== 'fatal') {
      throw requestFailure(e, { service: 'signin', host }, 'signin:getSigninToken', policy, net.signal);
    }
    throw new HatrackError('NETWORK', `Could not reach the AWS sign-in endpoint at ${host}; check the network.`);
  }
  if (status !== 200) {
    throw new HatrackError('SIGNIN_FAILED', `The AWS sign-in endpoint refused the credentials (HTTP ${status}).`);
  }
  let token: unknown;
  try {
    token = (JSON.parse(body) as Record<string, unknown>)['SigninToken'];
  } catch {
    token = undefined;
  }
  if (typeof token !== 'string' || token === '') {
    throw new HatrackError('SIGNIN_FAILED', 'The AWS sign-in endpoint answered without a SigninToken.');
  }
  return token;
}

/** Step 2: the login URL, valid 15 minutes. A secret: show or open it, never log it. */
export function loginUrl(base: string, signinToken: string, destination: string, issuer = CONSOLE_ISSUER): string {
  const params = new URLSearchParams({ Action: 'login', Issuer: issuer, Destination: destination, SigninToken: signinToken });
  return `${base}/federation?${params.toString()}`;
}

/** How console sign-in must treat resolved credentials, without any AWS call when the source already tells. */
export function consoleKindOf(c: ResolvedCredentials): ConsoleCredentialKind | 'long-term' | 'unknown' {
  if (c.sessionToken === undefined || c.sessionToken === '') return 'long-term';
  if (c.viaFederation !== undefined || c.source === 'federation') return 'federation';
  if (c.source === 'role' || c.source === 'sso' || c.source === 'web-identity') return 'role';
  return 'unknown';
}

/** For credentials of unknown origin (process, env, static session keys): classify from the caller ARN, as aws-vault does. */
export function consoleKindFromArn(arn: string): ConsoleCredentialKind | undefined {
  const resource = arn.split(':')[5] ?? '';
  if (resource.startsWith('assumed-role/')) return 'role';
  if (resource.startsWith('federated-user/')) return 'federation';
  return undefined;
}
