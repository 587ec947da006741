// `hatrack use <profile>`: make a profile the default identity of every AWS tool by writing [default]; plain Node.

import { HatrackError } from '../../../shared/domain/errors.js';
import { createAwsFiles } from '../../core/awsfiles/aws-files.js';
import { validateProfileName } from '../../core/awsfiles/edits.js';
import { stringSetting } from '../../core/awsfiles/profiles.js';
import { DEFAULT_KEEP_NAME, defaultState, planSwitch } from '../../core/switch/managed-default.js';
import type { SwitchPlan } from '../../core/switch/managed-default.js';
import type { CliCommand } from '../command.js';
import { UsageError } from '../command.js';
import { checkOptions, flag, stringOption } from '../args.js';
import { resolveFor } from '../sts-loader.js';
import { jsonText } from '../views.js';

function isoSeconds(d: Date): string {
  return d.toISOString().replace(/\.\d{3}Z$/, 'Z');
}

export const useCommand: CliCommand = {
  name: 'use',
  summary: 'Make a profile the default identity (writes [default]; your own default is kept as default-original)',
  usage: `Usage: hatrack use <profile> [--yes] [--keep-default-as NAME] [--mfa-code CODE] [--json]

Every AWS tool that is not told which profile to use reads [default]. This writes the profile's keys into
[default] of the credentials file (for a role: freshly assumed temporary keys with their session token) and its
region into [default] of the config file, each marked "# managed by hatrack" with the profile and expiry.
Run it again to refresh temporary keys.

The first time, a [default] holding anything Hatrack did not write is kept: it becomes the profile
default-original (both files), and every source_profile = default follows it, so roles built on it keep working.
Switch back with \`hatrack use default-original\`.

Credentials are resolved before any file is touched: if that fails, nothing is written.

Options:
  --yes                   Switch to a production profile without asking (production: its name matches a
                          production pattern, default prod|production|prd, unless \`hatrack settings\` says otherwise)
  --keep-default-as NAME  Name for your own [default] when it is kept (default: ${DEFAULT_KEEP_NAME})
  --mfa-code CODE         The current 6-digit code when the role needs MFA
  --json                  Print {"profile", "expiresAt", "movedDefaultTo", "rewrittenSources", "files"}`,
  valueOptions: ['keep-default-as', 'mfa-code'],
  run: async (args, ctx) => {
    checkOptions(args, ['yes', 'keep-default-as', 'mfa-code', 'json']);
    const [name, ...rest] = args.positionals;
    if (name === undefined || rest.length > 0) throw new UsageError('Give exactly one profile name.');
    const keepAs = stringOption(args, 'keep-default-as') ?? DEFAULT_KEEP_NAME;
    validateProfileName(keepAs);
    const files = createAwsFiles(ctx.env);
    const view = files.view();
    const profile = view.model.byName.get(name);
    if (profile === undefined) throw new HatrackError('PROFILE_NOT_FOUND', `There is no profile named "${name}".`);

    // Everything that can be refused is refused before an MFA code is asked for or a role assumed.
    const state = defaultState(view.docs);
    if (name === 'default' && state.managedProfile !== undefined) {
      throw new HatrackError('INVALID_VALUE', `[default] is already managed by Hatrack (profile "${state.managedProfile}"); run \`hatrack use ${state.managedProfile}\` to refresh it.`);
    }
    if (state.holdsUserContent && view.model.byName.has(keepAs)) {
      throw new HatrackError('PROFILE_EXISTS', `Your own [default] must be kept as "${keepAs}", but that profile already exists; choose another name with --keep-default-as NAME.`);
    }
    const { isProduction, loadSettings } = await import('../../core/settings/settings.js');
    if (!flag(args, 'yes') && isProduction(loadSettings(files.dataDir), name)) {
      throw new HatrackError('NEEDS_CONFIRMATION', `Profile "${name}" is a production profile; pass --yes to make it the default (the app asks you to confirm).`);
    }

    const creds = await resolveFor(ctx, ctx.env, view.model, name, stringOption(args, 'mfa-code'));
    const region = stringSetting(profile.settings, 'region');
    const report = files.edit<SwitchPlan>((docs) => {
      const plan = planSwitch(docs, { profile: name, credentials: creds, region, keepDefaultAs: keepAs });
      return { docs: plan.docs, result: plan };
    });
    const plan = report.result;
    const expiresAt = creds.expiration === undefined ? null : isoSeconds(creds.expiration);
    if (flag(args, 'json')) {
      const out = {
        profile: name,
        source: creds.source,
        expiresAt,
        region: region ?? null,
        movedDefaultTo: plan.movedDefaultTo ?? null,
        rewrittenSources: plan.rewrittenSources,
        files: report.files.map((f) => ({ kind: f.kind, path: f.path, backupPath: f.backupPath ?? null })),
      };
      ctx.io.out(jsonText(out, ctx) + '\n');
      return 0;
    }
    let out = `The default identity is now profile "${name}"`;
    out += expiresAt === null ? ' (long-term keys, no expiry)' : ` until ${expiresAt}; run \`hatrack use ${name}\` again to refresh`;
    out += region === undefined ? '.\n' : `, region ${region}.\n`;
    if (plan.movedDefaultTo !== undefined) {
      out += `Your previous [default] is kept as profile "${plan.movedDefaultTo}"`;
      out += plan.rewrittenSources.length === 0 ? '' : ` (source_profile updated in ${plan.rewrittenSources.map((s) => `"${s}"`).join(', ')})`;
      out += `; switch back with \`hatrack use ${plan.movedDefaultTo}\`.\n`;
    }
    ctx.io.out(out);
    return 0;
  },
};
