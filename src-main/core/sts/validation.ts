// Checks every STS request field against the API limits (spec §5.4) before a call is made; pure.

import { HatrackError } from '../../../shared/domain/errors.js';
import type { AssumeRoleInput } from './sts-gateway.js';

export interface FieldProblem {
  readonly field: string;
  readonly reason: string;
}

const SESSION_NAME = /^[\w+=,.@-]*$/;
const EXTERNAL_ID = /^[\w+=,.@:/-]*$/;
const SERIAL = /^[\w+=/:,.@-]*$/;
const ROLE_ARN = /^arn:aws[\w-]*:iam::\d{12}:role\/[\w+=,.@/-]+$/;

function length(field: string, value: string, min: number, max: number): FieldProblem | undefined {
  if (value.length < min || value.length > max) {
    return { field, reason: `must be ${min}–${max} characters long (it has ${value.length})` };
  }
  return undefined;
}

export function checkRoleSessionName(v: string, field = 'RoleSessionName'): FieldProblem | undefined {
  return length(field, v, 2, 64) ?? (SESSION_NAME.test(v) ? undefined : { field, reason: 'may contain only letters, digits and + = , . @ _ -' });
}

export function checkExternalId(v: string): FieldProblem | undefined {
  return (
    length('ExternalId', v, 2, 1224) ??
    (EXTERNAL_ID.test(v) ? undefined : { field: 'ExternalId', reason: 'may contain only letters, digits and + = , . @ : / _ -' })
  );
}

export function checkSerialNumber(v: string): FieldProblem | undefined {
  return (
    length('SerialNumber', v, 9, 256) ??
    (SERIAL.test(v) ? undefined : { field: 'SerialNumber', reason: 'may contain only letters, digits and + = / : , . @ _ -' })
  );
}

export function checkTokenCode(v: string): FieldProblem | undefined {
  return /^\d{6}$/.test(v) ? undefined : { field: 'TokenCode', reason: 'must be exactly 6 digits' };
}

export function checkRoleArn(v: string): FieldProblem | undefined {
  return (
    length('RoleArn', v, 20, 2048) ??
    (ROLE_ARN.test(v) ? undefined : { field: 'RoleArn', reason: 'must look like arn:aws:iam::123456789012:role/NAME' })
  );
}

/** AssumeRole DurationSeconds: 900–43200, and at most 3600 when the call is signed with temporary credentials. */
export function checkAssumeRoleDuration(v: number, chained: boolean): FieldProblem | undefined {
  if (!Number.isInteger(v)) return { field: 'DurationSeconds', reason: 'must be a whole number of seconds' };
  if (v < 900 || v > 43200) return { field: 'DurationSeconds', reason: 'must be between 900 and 43200 seconds' };
  if (chained && v > 3600) {
    return { field: 'DurationSeconds', reason: 'must be at most 3600 seconds for a role assumed by role chaining' };
  }
  return undefined;
}

/** GetSessionToken / GetFederationToken DurationSeconds: 900–129600. */
export function checkSessionDuration(v: number): FieldProblem | undefined {
  if (!Number.isInteger(v) || v < 900 || v > 129600) {
    return { field: 'DurationSeconds', reason: 'must be a whole number between 900 and 129600 seconds' };
  }
  return undefined;
}

export function checkFederationName(v: string): FieldProblem | undefined {
  return checkRoleSessionName(v, 'Name') === undefined && v.length <= 32
    ? undefined
    : { field: 'Name', reason: 'must be 2–32 characters of letters, digits and + = , . @ _ -' };
}

/** Every problem with an AssumeRole request, in field order. */
export function assumeRoleProblems(req: AssumeRoleInput, chained: boolean): FieldProblem[] {
  const out: (FieldProblem | undefined)[] = [checkRoleArn(req.roleArn), checkRoleSessionName(req.roleSessionName)];
  if (req.externalId !== undefined) out.push(checkExternalId(req.externalId));
  if (req.durationSeconds !== undefined) out.push(checkAssumeRoleDuration(req.durationSeconds, chained));
  if (req.serialNumber !== undefined) out.push(checkSerialNumber(req.serialNumber));
  if (req.tokenCode !== undefined) out.push(checkTokenCode(req.tokenCode));
  return out.filter((p): p is FieldProblem => p !== undefined);
}

/** Throws INVALID_STS_PARAMETER naming the first bad field (and the profile it came from, when known). */
export function assertValid(problems: readonly (FieldProblem | undefined)[], profile?: string): void {
  const first = problems.find((p): p is FieldProblem => p !== undefined);
  if (first === undefined) return;
  const where = profile === undefined ? '' : ` in profile "${profile}"`;
  throw new HatrackError('INVALID_STS_PARAMETER', `${first.field}${where} ${first.reason}.`);
}

/** A RoleSessionName built from free text (an OS user name): disallowed characters become '-', padded/truncated to fit. */
export function sanitizeSessionName(raw: string): string {
  let s = raw.replace(/[^\w+=,.@-]/g, '-').slice(0, 64);
  if (s.length < 2) s = (s + '--').slice(0, 2);
  return s;
}
