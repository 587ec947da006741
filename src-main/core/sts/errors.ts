// Maps AWS SDK v3 failures to HatrackError with one safe sentence; plain Node, used by the STS/IAM/SSO gateway.

import { HatrackError, isHatrackError } from '../../../shared/domain/errors.js';
import type { ErrorCode } from '../../../shared/domain/errors.js';

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
