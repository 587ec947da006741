// `hatrack use <profile>`: make a profile the default identity of every AWS tool by writing [default]; plain Node.

import { createAwsFiles } from '../../core/awsfiles/aws-files.js';
import type { EditReport } from '../../core/awsfiles/aws-files.js';
import { DEFAULT_KEEP_NAME } from '../../core/switch/managed-default.js';
import { restoreUserDefault } from '../../core/switch/restore-default.js';
import { useProfile } from '../../core/switch/use-profile.js';
import { HatrackError, isHatrackError } from '../../../shared/domain/errors.js';
import type { ProfileModel } from '../../core/awsfiles/profiles.js';
import type { SwitchCredentials } from '../../core/switch/managed-default.js';
import type { DefaultIdentity } from '../../core/switch/use-profile.js';
import type { CliCommand, CliContext } from '../command.js';
import { UsageError } from '../command.js';
import { checkOptions, flag, stringOption } from '../args.js';
import { loadEngine, resolveFor } from '../sts-loader.js';
import { jsonText } from '../../core/profile-views.js';

/** GetCallerIdentity through the engine (the AWS SDK loads only here, so --no-verify on static keys stays offline). */
async function verifyFor(ctx: CliContext, dataDir: string, model: ProfileModel, profile: string, credentials: SwitchCredentials): Promise<DefaultIdentity> {
  try {
    return await (await loadEngine(ctx, dataDir)).identityOf(model, profile, credentials);
  } catch (e) {
    if (!isHatrackError(e)) throw e;
    throw new HatrackError(e.code, `${e.message.replace(/\.$/, '')}. Pass --no-verify to switch anyway.`);
  }
}

/** The written files for --json: which file, where, and its backup. */
function filesJson(report: EditReport<unknown>): { kind: string; path: string | null; backupPath: string | null }[] {
  return report.files.map((f) => ({ kind: f.kind, path: f.path, backupPath: f.backupPath ?? null }));
}

/** `use --restore`: the reverse of the first `use`, through the same lossless edits (core/switch/restore-default.ts). */
async function restore(args: Parameters<CliCommand['run']>[0], ctx: CliContext): Promise<number> {
  if (args.positionals.length > 0) throw new UsageError('--restore takes no profile name.');
  const files = createAwsFiles(ctx.env);
  const report = restoreUserDefault(files, stringOption(args, 'keep-default-as'));
  const plan = report.result;
  if (flag(args, 'json')) {
    ctx.io.out(jsonText({ restoredFrom: plan.restoredFrom, replacedManagedProfile: plan.replacedManagedProfile, files: filesJson(report) }, ctx) + '\n');
    return 0;
  }
  ctx.io.out(`Your own [default] is back (from ${plan.restoredFrom}); the managed default for ${plan.replacedManagedProfile} is gone.\n`);
  return 0;
}

export const useCommand: CliCommand = {
  name: 'use',
  usage: `Usage: hatrack use <profile> [--yes] [--no-verify] [--keep-default-as NAME] [--mfa-code CODE] [--json]
       hatrack use --restore [--keep-default-as NAME] [--json]

Every AWS tool that is not told which profile to use reads [default]. This writes the profile's keys into
[default] of the credentials file (for a role: freshly assumed temporary keys with their session token) and its
region into [default] of the config file, each marked "# managed by hatrack" with the profile and expiry.
Run it again to refresh temporary keys.

The first time, a [default] holding anything Hatrack did not write is kept: it becomes the profile
default-original (both files), and every source_profile = default follows it, so roles built on it keep working.
Switch back with \`hatrack use --restore\`: the managed [default] goes and default-original becomes [default]
again, byte for byte as it was (source_profile lines follow it back).

Credentials are resolved, and AWS is asked who they belong to (sts:GetCallerIdentity), before any file is
touched: if either fails, nothing is written. The account and ARN of the new default are printed.

Options:
  --yes                   Switch to a production profile without asking (production: its name matches a
                          production pattern, default prod|production|prd, unless \`hatrack settings\` says otherwise)
  --no-verify             Do not ask AWS whether the credentials work (offline; nothing proves the keys)
  --keep-default-as NAME  Name for your own [default] when it is kept (default: ${DEFAULT_KEEP_NAME}); a name
                          other than that is noted in the marker, so --restore finds it without being told
  --mfa-code CODE         The current 6-digit code when the role needs MFA
  --restore               Put your own [default] back (the name the marker records, else default-original) and
                          drop the managed one
  --json                  Print {"profile", "expiresAt", "accountId", "arn", "movedDefaultTo", "rewrittenSources",
                          "files"} (accountId and arn are null with --no-verify)`,
  valueOptions: ['keep-default-as', 'mfa-code'],
  run: async (args, ctx) => {
    checkOptions(args, ['yes', 'no-verify', 'keep-default-as', 'mfa-code', 'json', 'restore']);
    if (flag(args, 'restore')) return restore(args, ctx);
    const [name, ...rest] = args.positionals;
    if (name === undefined || rest.length > 0) throw new UsageError('Give exactly one profile name.');
    const files = createAwsFiles(ctx.env);
    const { isProduction, loadSettings } = await import('../../core/settings/settings.js');
    const result = await useProfile(
      {
        files,
        isProduction: (profile) => isProduction(loadSettings(files.dataDir), profile),
        resolve: (model, profile) => resolveFor(ctx, ctx.env, model, profile, stringOption(args, 'mfa-code')),
        verify: flag(args, 'no-verify') ? undefined : (model, profile, credentials) => verifyFor(ctx, files.dataDir, model, profile, credentials),
      },
      { profile: name, keepDefaultAs: stringOption(args, 'keep-default-as'), confirmProduction: flag(args, 'yes') },
    );
    const { plan, report, expiresAt, region, identity } = result;
    if (flag(args, 'json')) {
      const out = {
        profile: name,
        expiresAt,
        region: region ?? null,
        accountId: identity?.account ?? null,
        arn: identity?.arn ?? null,
        movedDefaultTo: plan.movedDefaultTo ?? null,
        rewrittenSources: plan.rewrittenSources,
        files: filesJson(report),
      };
      ctx.io.out(jsonText(out, ctx) + '\n');
      return 0;
    }
    let out = `The default identity is now profile "${name}"`;
    out += expiresAt === null ? ' (long-term keys, no expiry)' : ` until ${expiresAt}; run \`hatrack use ${name}\` again to refresh`;
    out += region === undefined ? '.\n' : `, region ${region}.\n`;
    out += identity === undefined ? 'Not checked with AWS (--no-verify).\n' : `AWS says it is ${identity.arn} (account ${identity.account}).\n`;
    if (plan.movedDefaultTo !== undefined) {
      out += `Your previous [default] is kept as profile "${plan.movedDefaultTo}"`;
      out += plan.rewrittenSources.length === 0 ? '' : ` (source_profile updated in ${plan.rewrittenSources.map((s) => `"${s}"`).join(', ')})`;
      out += `; switch back with \`hatrack use --restore\`.\n`;
    }
    ctx.io.out(out);
    return 0;
  },
};
