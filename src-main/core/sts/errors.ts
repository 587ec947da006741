// Maps AWS SDK v3 failures to HatrackError with one safe sentence; plain Node, used by the STS/IAM/SSO gateway.

import { HatrackError, isHatrackError } from '../../../shared/domain/errors.js';
import type { ErrorCode } from '../../../shared/domain/errors.js';
import { deadlineMsOf } from './deadline.js';
import type { AttemptsFailedError, FailureKind, NetworkPolicy } from './network-policy.js';

/**
 * A failed AWS call. Keeps the AWS error name and, when AWS said who the caller was ("User: arn:… is not
 * authorized"), that ARN: the console flow needs the user name when iam:GetUser itself is denied. ARNs are not
 * secrets; the raw AWS message is not kept because some services echo request fields in it.
 */
export class AwsCallError extends HatrackError {
  readonly awsErrorName: string;
  readonly operation: string;
  readonly callerArn: string | undefined;

  constructor(code: ErrorCode, message: string, awsErrorName: string, operation: string, callerArn?: string) {
    super(code, message);
    this.name = 'AwsCallError';
    this.awsErrorName = awsErrorName;
    this.operation = operation;
    this.callerArn = callerArn;
  }
}

const NETWORK_CODES = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'ENOTFOUND',
  'EAI_AGAIN',
  'ETIMEDOUT',
  'EHOSTUNREACH',
  'ENETUNREACH',
  'EPIPE',
  'ECONNABORTED',
  'UND_ERR_CONNECT_TIMEOUT',
]);

const THROTTLE_NAMES = new Set([
  'Throttling',
  'ThrottlingException',
  'TooManyRequestsException',
  'RequestLimitExceeded',
  'RequestThrottled',
  'RequestThrottledException',
  'SlowDown',
  'PriorRequestNotComplete',
]);

const CALLER_ARN = /User: (arn:[\w-]+:(?:iam|sts)::\d{12}:[^\s]+) is not authorized/;

interface ErrorShape {
  readonly name: string;
  readonly message: string;
  readonly code: string | undefined;
  readonly status: number | undefined;
}

function shapeOf(e: unknown): ErrorShape {
  if (typeof e !== 'object' || e === null) return { name: 'Error', message: String(e), code: undefined, status: undefined };
  const rec = e as Record<string, unknown>;
  const meta = rec['$metadata'] as Record<string, unknown> | undefined;
  const cause = rec['cause'] as Record<string, unknown> | undefined;
  const code = typeof rec['code'] === 'string' ? rec['code'] : typeof cause?.['code'] === 'string' ? cause['code'] : undefined;
  return {
    name: typeof rec['name'] === 'string' ? rec['name'] : 'Error',
    message: typeof rec['message'] === 'string' ? rec['message'] : '',
    code,
    status: typeof meta?.['httpStatusCode'] === 'number' ? meta['httpStatusCode'] : undefined,
  };
}

/** Turns anything an SDK call threw into an AwsCallError. `operation` is e.g. "sts:AssumeRole". */
export function mapAwsError(e: unknown, operation: string): HatrackError {
  if (isHatrackError(e)) return e;
  const { name, message, code, status } = shapeOf(e);
  const make = (c: ErrorCode, sentence: string, callerArn?: string): AwsCallError =>
    new AwsCallError(c, sentence, name, operation, callerArn);

  if ((code !== undefined && NETWORK_CODES.has(code)) || name === 'TimeoutError' || name === 'RequestTimeout') {
    return make('NETWORK', `Could not reach AWS for ${operation} (${code ?? name}); check the network or endpoint settings.`);
  }
  if (THROTTLE_NAMES.has(name)) {
    return make('THROTTLED', `AWS throttled ${operation} after several retries; wait a moment and try again.`);
  }
  switch (name) {
    case 'InvalidClientTokenId':
    case 'UnrecognizedClientException':
    case 'InvalidAccessKeyId':
      return make('INVALID_CLIENT_TOKEN', `AWS does not recognise the access key used for ${operation}; it may be deleted or mistyped.`);
    case 'SignatureDoesNotMatch':
      return make('INVALID_CLIENT_TOKEN', `AWS rejected the signature for ${operation}; the secret access key does not match the key id.`);
    case 'ExpiredToken':
    case 'ExpiredTokenException':
    case 'RequestExpired':
      return make('EXPIRED_TOKEN', `The session credentials used for ${operation} have expired; sign in again.`);
    case 'LimitExceeded':
    case 'LimitExceededException':
      return make('LIMIT_EXCEEDED', `AWS refused ${operation} because a quota was reached (an IAM user can have at most two access keys).`);
    case 'ValidationError':
    case 'ValidationException':
    case 'InvalidParameterValue':
    case 'MalformedPolicyDocument':
      if (/token\s*code|tokenCode|one time pass/i.test(message)) {
        return make('MFA_INVALID', `AWS rejected the MFA code for ${operation}; enter the current 6-digit code.`);
      }
      if (/DurationSeconds.*role chaining|1 hour session limit/i.test(message)) {
        return make('INVALID_STS_PARAMETER', `${operation} failed: roles assumed by role chaining are limited to a 1 hour session.`);
      }
      return make('INVALID_STS_PARAMETER', `AWS rejected a parameter of ${operation}; check the profile's role settings.`);
    case 'AccessDenied':
    case 'AccessDeniedException':
    case 'UnauthorizedOperation':
    case 'UnauthorizedException':
    case 'ForbiddenException': {
      if (/MultiFactorAuthentication|one time pass/i.test(message)) {
        return make('MFA_INVALID', `AWS rejected the MFA authentication for ${operation}; check the device and the 6-digit code.`);
      }
      const callerArn = CALLER_ARN.exec(message)?.[1];
      return make('ACCESS_DENIED', `AWS denied ${operation}: the caller is not allowed to do this (check its policies, the role's trust policy and any external id).`, callerArn);
    }
    case 'NoSuchEntity':
    case 'NoSuchEntityException':
    case 'ResourceNotFoundException':
      return make('AWS_SERVICE_ERROR', `AWS says the entity named in ${operation} does not exist.`);
    case 'RegionDisabledException':
      return make('AWS_SERVICE_ERROR', `STS is not activated in this region for ${operation}; use another region or activate it in IAM.`);
    case 'IDPCommunicationError':
    case 'IDPRejectedClaim':
    case 'InvalidIdentityToken':
      return make('ACCESS_DENIED', `The identity provider token was rejected by ${operation}.`);
    default:
      break;
  }
  if (status !== undefined && status >= 500) {
    return make('AWS_SERVICE_ERROR', `AWS answered ${operation} with a server error (HTTP ${status}); try again later.`);
  }
  return make('AWS_SERVICE_ERROR', `${operation} failed (${name}).`);
}

const CONNECT_CODES = new Set(['ECONNREFUSED', 'ENOTFOUND', 'EAI_AGAIN', 'EHOSTUNREACH', 'ENETUNREACH', 'EADDRNOTAVAIL', 'UND_ERR_CONNECT_TIMEOUT']);
const RESET_CODES = new Set(['ECONNRESET', 'EPIPE', 'ECONNABORTED', 'UND_ERR_SOCKET']);

/** The SDK's connect timeout is a TimeoutError like the others; only its sentence tells that nothing was sent. */
function isConnectTimeout(s: ErrorShape): boolean {
  return s.code === 'UND_ERR_CONNECT_TIMEOUT' || (s.name === 'TimeoutError' && /establish a connection/.test(s.message));
}

/** How an SDK or fetch failure counts for the retry policy. */
export function classifyFailure(e: unknown): FailureKind {
  const s = shapeOf(e);
  if (s.name === 'AbortError') return 'aborted';
  if ((s.code !== undefined && CONNECT_CODES.has(s.code)) || isConnectTimeout(s)) return 'connect';
  if (s.code !== undefined && RESET_CODES.has(s.code)) return 'reset';
  if (s.name === 'TimeoutError' || s.code === 'ETIMEDOUT') return 'timeout';
  if (THROTTLE_NAMES.has(s.name) || s.status === 429) return 'throttled';
  if (s.status !== undefined && s.status >= 500) return 'server';
  return 'fatal';
}

/** Where a request went: the service id and host[:port] only, never a path or query (a sign-in query holds a session). */
export interface Endpoint {
  readonly service: string;
  readonly host: string;
}

export function seconds(ms: number): string {
  if (ms < 1000) return `${ms} ms`;
  return ms % 1000 === 0 ? `${ms / 1000} s` : `${(ms / 1000).toFixed(1)} s`;
}

function why(kind: FailureKind, s: ErrorShape, policy: NetworkPolicy): string {
  if (kind === 'connect') {
    if (isConnectTimeout(s)) return `no connection within ${seconds(policy.connectTimeoutMs)} (connect timeout`;
    if (s.code === 'ECONNREFUSED') return 'connection refused (ECONNREFUSED';
    if (s.code === 'ENOTFOUND' || s.code === 'EAI_AGAIN') return `host name not found (${s.code}`;
    return `no route to the host (${s.code ?? 'unreachable'}`;
  }
  if (kind === 'reset') return `the connection was closed before the answer (${s.code ?? 'reset'}`;
  return `no answer within ${seconds(policy.requestTimeoutMs)} (timeout`;
}

/**
 * One sentence for a request that gave up: NETWORK naming the endpoint (and the deadline when that ended it),
 * CANCELLED when the caller's signal did, and for an answer from AWS (throttled, 5xx, refused) the usual mapping.
 */
export function requestFailure(f: AttemptsFailedError, where: Endpoint, operation: string, policy: NetworkPolicy, signal?: AbortSignal): HatrackError {
  const at = `${where.service} at ${where.host}`;
  if (f.kind === 'aborted') {
    const deadline = deadlineMsOf(signal);
    if (deadline !== undefined) {
      return new AwsCallError('NETWORK', `Could not reach ${at}: no answer within the ${seconds(deadline)} deadline (deadline).`, 'Deadline', operation);
    }
    return new AwsCallError('CANCELLED', `Cancelled while waiting for ${at}.`, 'AbortError', operation);
  }
  if (f.kind === 'throttled' || f.kind === 'server' || f.kind === 'fatal') return mapAwsError(f.lastError, operation);
  const s = shapeOf(f.lastError);
  const attempts = f.attempts > 1 ? `, ${f.attempts} attempts` : '';
  return new AwsCallError('NETWORK', `Could not reach ${at}: ${why(f.kind, s, policy)}${attempts}).`, s.code ?? s.name, operation);
}
