// `hatrack role-setup`: prints the trust and source policies for a cross-account role and writes its profile.

import { createAwsFiles } from '../../core/awsfiles/aws-files.js';
import type { CliCommand } from '../command.js';
import { UsageError } from '../command.js';
import { checkOptions, flag, stringOption } from '../args.js';
import { changeSummary } from '../format.js';
import { jsonText } from '../../core/profile-views.js';

export const roleSetupCommand: CliCommand = {
  name: 'role-setup',
  usage: `Usage: hatrack role-setup --source <profile> --account <12-digit id> --role <name> [--mfa] [--external-id X]
                          [--profile-name N] [--source-account ID] [--dry-run] [--json]

Works offline. Prints:
  1. the trust policy for the role in the target account: the source account's root (so its IAM policies decide
     who), or the source role when the source profile is itself a role; with aws:MultiFactorAuthPresent when
     --mfa and sts:ExternalId when --external-id is given;
  2. the IAM policy for the source users (sts:AssumeRole on the role ARN);
and adds the profile N (default <role>-<account>) with role_arn, source_profile, mfa_serial (the source
profile's, with --mfa) and external_id.

The source account comes from the source profile's aws_account_id or role_arn; pass --source-account otherwise.

Options:
  --dry-run   Print the policies and write nothing
  --json      {"profile", "roleArn", "principal", "sourceAccount", "trustPolicy", "sourcePolicy", "warnings", "files"}`,
  valueOptions: ['source', 'account', 'role', 'external-id', 'profile-name', 'source-account'],
  run: async (args, ctx) => {
    checkOptions(args, ['source', 'account', 'role', 'mfa', 'external-id', 'profile-name', 'source-account', 'dry-run', 'json']);
    if (args.positionals.length > 0) throw new UsageError('role-setup takes options only.');
    const sourceProfile = stringOption(args, 'source');
    const targetAccount = stringOption(args, 'account');
    const roleName = stringOption(args, 'role');
    if (sourceProfile === undefined || targetAccount === undefined || roleName === undefined) throw new UsageError('Give --source, --account and --role.');
    const { planRoleSetup, roleSetupEdit } = await import('../../core/role-setup/role-setup.js');
    const files = createAwsFiles(ctx.env);
    const request = {
      sourceProfile,
      targetAccount,
      roleName,
      mfa: flag(args, 'mfa'),
      externalId: stringOption(args, 'external-id'),
      profileName: stringOption(args, 'profile-name'),
      sourceAccount: stringOption(args, 'source-account'),
    };
    const dryRun = flag(args, 'dry-run');
    const report = files.edit((docs, view) => {
      const plan = planRoleSetup(view.model, request);
      return { docs: roleSetupEdit(docs, plan), result: plan };
    }, { dryRun });
    const plan = report.result;
    if (flag(args, 'json')) {
      const out = {
        profile: plan.profileName,
        roleArn: plan.roleArn,
        principal: plan.principal,
        sourceAccount: plan.sourceAccount,
        trustPolicy: plan.trustPolicy,
        sourcePolicy: plan.sourcePolicy,
        warnings: plan.warnings,
        dryRun,
        files: report.files.map((f) => ({ kind: f.kind, path: f.path, backupPath: f.backupPath ?? null })),
      };
      ctx.io.out(jsonText(out, ctx) + '\n');
      return 0;
    }
    let out = `# 1. Trust policy for role ${plan.roleArn} (in account ${targetAccount}):\n${JSON.stringify(plan.trustPolicy, null, 2)}\n\n`;
    out += `# 2. IAM policy for the users in account ${plan.sourceAccount} who may assume it:\n${JSON.stringify(plan.sourcePolicy, null, 2)}\n\n`;
    out += dryRun ? `# 3. Would add profile "${plan.profileName}" (dry run: nothing written).\n` : `# 3. Added profile "${plan.profileName}": aws --profile ${plan.profileName} sts get-caller-identity\n${changeSummary(report.files)}`;
    ctx.io.out(out);
    for (const w of plan.warnings) ctx.io.err(`hatrack: ${w}\n`);
    return 0;
  },
};
