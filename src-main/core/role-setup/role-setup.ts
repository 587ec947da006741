// Cross-account role setup, offline: the trust policy for the target account, the IAM policy for the source users,
// and the new role profile to write; pure.

import { HatrackError } from '../../../shared/domain/errors.js';
import type { AwsDocs } from '../awsfiles/aws-docs.js';
import { addProfile, validateProfileName } from '../awsfiles/edits.js';
import type { ValueChange } from '../awsfiles/edits.js';
import type { ProfileModel } from '../awsfiles/profiles.js';
import { stringSetting } from '../awsfiles/profiles.js';
import { partitionOf } from '../sts/partitions.js';
import { checkExternalId } from '../sts/validation.js';

export interface RoleSetupRequest {
  readonly sourceProfile: string;
  readonly targetAccount: string;
  readonly roleName: string;
  readonly mfa: boolean;
  readonly externalId?: string | undefined;
  readonly profileName?: string | undefined;
  /** Needed when the source profile says nothing about its account (no aws_account_id, no role_arn). */
  readonly sourceAccount?: string | undefined;
}

export interface PolicyDocument {
  readonly Version: '2012-10-17';
  readonly Statement: readonly Record<string, unknown>[];
}

export interface RoleSetupPlan {
  readonly profileName: string;
  readonly roleArn: string;
  /** Who may assume the role: the source role, or the whole source account (its IAM policies then decide who). */
  readonly principal: string;
  readonly sourceAccount: string;
  /** Attach to the role in the target account (its trust policy). */
  readonly trustPolicy: PolicyDocument;
  /** Attach to the users or groups in the source account. */
  readonly sourcePolicy: PolicyDocument;
  readonly profileValues: readonly ValueChange[];
  readonly warnings: readonly string[];
}

const ACCOUNT = /^\d{12}$/;
const ROLE_NAME = /^[\w+=,.@-]{1,64}$/;

function accountFromArn(arn: string | undefined): { partition: string; account: string } | undefined {
  const m = arn === undefined ? null : /^arn:(aws[\w-]*):iam::(\d{12}):/.exec(arn);
  return m === null ? undefined : { partition: m[1]!, account: m[2]! };
}

export function planRoleSetup(model: ProfileModel, req: RoleSetupRequest): RoleSetupPlan {
  if (!ACCOUNT.test(req.targetAccount)) throw new HatrackError('INVALID_VALUE', `The target account "${req.targetAccount}" must be exactly 12 digits.`);
  if (!ROLE_NAME.test(req.roleName)) {
    throw new HatrackError('INVALID_VALUE', `The role name "${req.roleName}" must be 1–64 letters, digits or + = , . @ _ -.`);
  }
  if (req.externalId !== undefined) {
    const problem = checkExternalId(req.externalId);
    if (problem !== undefined) throw new HatrackError('INVALID_VALUE', `The external id ${problem.reason}.`);
  }
  if (req.sourceAccount !== undefined && !ACCOUNT.test(req.sourceAccount)) {
    throw new HatrackError('INVALID_VALUE', `The source account "${req.sourceAccount}" must be exactly 12 digits.`);
  }
  const source = model.byName.get(req.sourceProfile);
  if (source === undefined) throw new HatrackError('PROFILE_NOT_FOUND', `There is no profile named "${req.sourceProfile}".`);
  const profileName = req.profileName ?? `${req.roleName}-${req.targetAccount}`;
  validateProfileName(profileName);
  if (model.byName.has(profileName)) throw new HatrackError('PROFILE_EXISTS', `A profile named "${profileName}" already exists; choose another with --profile-name.`);

  const sourceRole = stringSetting(source.settings, 'role_arn');
  const fromRole = accountFromArn(sourceRole);
  const declared = stringSetting(source.settings, 'aws_account_id') ?? stringSetting(source.settings, 'sso_account_id');
  const sourceAccount = req.sourceAccount ?? fromRole?.account ?? (declared !== undefined && ACCOUNT.test(declared) ? declared : undefined);
  if (sourceAccount === undefined) {
    throw new HatrackError(
      'INVALID_VALUE',
      `Profile "${req.sourceProfile}" does not say which account it is in (no aws_account_id or role_arn); pass --source-account with its 12-digit id.`,
    );
  }
  const region = stringSetting(source.settings, 'region') ?? 'us-east-1';
  const partition = fromRole?.partition ?? partitionOf(region).id;
  // A role source calls AssumeRole as that role, so it can be named exactly; for keys, offline, only the account is known.
  const principal = fromRole !== undefined && fromRole.account === sourceAccount ? sourceRole! : `arn:${partition}:iam::${sourceAccount}:root`;
  const roleArn = `arn:${partition}:iam::${req.targetAccount}:role/${req.roleName}`;

  const condition: Record<string, Record<string, string>> = {};
  if (req.mfa) condition['Bool'] = { 'aws:MultiFactorAuthPresent': 'true' };
  if (req.externalId !== undefined) condition['StringEquals'] = { 'sts:ExternalId': req.externalId };
  const trustStatement: Record<string, unknown> = { Effect: 'Allow', Principal: { AWS: principal }, Action: 'sts:AssumeRole' };
  if (Object.keys(condition).length > 0) trustStatement['Condition'] = condition;
  const trustPolicy: PolicyDocument = { Version: '2012-10-17', Statement: [trustStatement] };
  const sourcePolicy: PolicyDocument = { Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: 'sts:AssumeRole', Resource: roleArn }] };

  const warnings: string[] = [];
  const values: ValueChange[] = [
    ['role_arn', roleArn],
    ['source_profile', req.sourceProfile],
  ];
  if (req.mfa) {
    const serial = stringSetting(source.settings, 'mfa_serial');
    if (serial !== undefined) values.push(['mfa_serial', serial]);
    else warnings.push(`Profile "${req.sourceProfile}" has no mfa_serial, and the role will require MFA: add mfa_serial to "${profileName}" (hatrack set ${profileName} mfa_serial=arn:${partition}:iam::${sourceAccount}:mfa/<device>).`);
  }
  if (req.externalId !== undefined) values.push(['external_id', req.externalId]);
  if (sourceAccount === req.targetAccount) warnings.push('The source and target accounts are the same; a same-account role also needs the trust policy.');
  return { profileName, roleArn, principal, sourceAccount, trustPolicy, sourcePolicy, profileValues: values, warnings };
}

/** The new role profile, added in the config file. */
export function roleSetupEdit(docs: AwsDocs, plan: RoleSetupPlan): AwsDocs {
  return addProfile(docs, plan.profileName, plan.profileValues);
}
