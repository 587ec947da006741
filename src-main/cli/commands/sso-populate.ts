// `hatrack sso populate --sso-session NAME …`: one profile per account/role, as one lossless edit; plain Node.

import type { SsoSubcommand } from './sso.js';
import { UsageError } from '../command.js';
import { flag, stringOption } from '../args.js';
import { changeSummary, diffText } from '../format.js';
import { createAwsFiles } from '../../core/awsfiles/aws-files.js';
import { jsonText } from '../../core/profile-views.js';
import { discoverForCli } from './sso-accounts.js';

function some(names: readonly string[], max = 5): string {
  const shown = names.slice(0, max).join(', ');
  return names.length > max ? `${shown} and ${names.length - max} more` : shown;
}

export const ssoPopulateSubcommand: SsoSubcommand = {
  name: 'populate',
  summary: 'Write one profile per account and role of a session (re-runs update them; --prune removes stale ones)',
  usage: `hatrack sso populate --sso-session NAME [--template '{account_name}/{role_name}'] [--region R] [--prune] [--dry-run] [--json]
  Discovers the session's accounts and roles, then writes [profile <name>] with sso_session, sso_account_id,
  sso_role_name, sso_account_name (for display), region (with --region) and hatrack_generated = NAME, all in one
  edit. Names come from the template ({account_name}, {account_id}, {role_name}, {session}) made readable by both
  the AWS CLI and the JS SDK: other characters become "-", accents are dropped; names that still collide get
  -<account id>. Profiles Hatrack did not write are never changed (a name clash is reported instead); a second run
  with nothing new writes nothing.
  --prune     also remove profiles this command wrote for NAME whose account or role is no longer assigned
  --dry-run   print the diff and write nothing`,
  valueOptions: ['sso-session', 'template', 'region'],
  flags: ['prune', 'dry-run', 'json'],
  run: async (args, ctx) => {
    if (args.positionals.length > 0) throw new UsageError('sso populate takes options only.');
    const template = stringOption(args, 'template');
    const region = stringOption(args, 'region');
    const dryRun = flag(args, 'dry-run');
    const { checkNameTemplate } = await import('../../core/sso/profile-names.js');
    if (template !== undefined) checkNameTemplate(template);
    const { session, discovery } = await discoverForCli(args, ctx);
    const { populateSsoProfiles } = await import('../../core/sso/accounts.js');
    const files = createAwsFiles(ctx.env);
    const report = populateSsoProfiles(files, { session, discovery, template, region, prune: flag(args, 'prune'), dryRun });
    const r = report.result;
    if (flag(args, 'json')) {
      ctx.io.out(jsonText({ session, dryRun, changed: report.changed, ...r, files: report.files }, ctx) + '\n');
      return 0;
    }
    for (const s of r.skipped) ctx.io.err(`hatrack: skipped "${s.name}": ${s.reason}.\n`);
    if (r.stale.length > 0 && !flag(args, 'prune')) {
      ctx.io.err(`hatrack: ${r.stale.length} profile(s) written earlier have no assignment any more (${some(r.stale)}); --prune removes them.\n`);
    }
    const counts = `${r.added.length} added, ${r.updated.length} updated, ${r.unchanged} unchanged, ${r.pruned.length} pruned`;
    if (dryRun) {
      ctx.io.out(report.files.length === 0 ? 'No change.\n' : diffText(report.files));
      ctx.io.out(`Dry run (nothing written): ${counts}.\n`);
    } else {
      ctx.io.out(`Profiles for sso-session ${session}: ${counts}.\n${changeSummary(report.files)}`);
    }
    return 0;
  },
};
