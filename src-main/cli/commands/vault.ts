// `hatrack vault add|remove|list`: move a profile's long-term keys into the OS keychain and back; plain Node.

import { HatrackError } from '../../../shared/domain/errors.js';
import { createAwsFiles } from '../../core/awsfiles/aws-files.js';
import type { CliCommand, CliContext, ParsedArgs } from '../command.js';
import { UsageError } from '../command.js';
import { checkOptions, flag } from '../args.js';
import { changeSummary, diffText } from '../format.js';
import { jsonText } from '../../core/profile-views.js';
import { cliServices } from '../sts-loader.js';

/** Asks on a terminal unless --yes; without a terminal, --yes is required so nothing changes unattended by accident. */
export async function confirm(args: ParsedArgs, ctx: CliContext, question: string, refusal: string): Promise<boolean> {
  if (flag(args, 'yes')) return true;
  if (!ctx.io.stdinIsTty) throw new HatrackError('NEEDS_CONFIRMATION', `${refusal}; pass --yes to confirm (standard input is not a terminal to ask).`);
  const answer = await ctx.io.prompt(`${question} [y/N] `);
  return /^y(es)?$/i.test(answer.trim());
}

async function deps(ctx: CliContext) {
  const files = createAwsFiles(ctx.env);
  const [vault, vaultDeps] = await Promise.all([import('../../core/vault/vault.js'), cliServices(ctx).vaultDeps(files)]);
  return { vault, deps: vaultDeps };
}

const USAGE = `Usage: hatrack vault add <profile> [--yes] [--dry-run] [--json]
       hatrack vault remove <profile> [--yes] [--dry-run] [--json]
       hatrack vault list [--json]

add     Moves the profile's long-term keys (aws_access_key_id, aws_secret_access_key) from the file that holds them
        into the system keychain, then — in one edit — removes those lines and sets
        credential_process = <hatrack> credential-process --profile <profile> in its config section. The keychain is
        written and read back first; if the file edit fails, the keychain entry is deleted again.
remove  Puts the keys back exactly where they were (same lines) and removes the credential_process line.
list    Profiles with keys in the keychain (ids only, never secrets); "wired" = credential_process points at it.

When no keychain is reachable (on Linux: no D-Bus session or no Secret Service) nothing is written: Hatrack never
falls back to storing keys in plain text.

Options:
  --yes       Do it without asking (required when standard input is not a terminal)
  --dry-run   Show the file diff and change nothing (the keychain is still opened, to prove it works)
  --json      Machine-readable output`;

export const vaultCommand: CliCommand = {
  name: 'vault',
  usage: USAGE,
  run: async (args, ctx) => {
    checkOptions(args, ['yes', 'dry-run', 'json']);
    const [sub, name, ...rest] = args.positionals;
    const json = flag(args, 'json');
    const dryRun = flag(args, 'dry-run');
    if (sub === 'list') {
      if (name !== undefined) throw new UsageError('vault list takes no profile.');
      const { vault, deps: d } = await deps(ctx);
      const items = await vault.vaultList(d);
      if (json) ctx.io.out(jsonText({ profiles: items }, ctx) + '\n');
      else if (items.length === 0) ctx.io.out('No profile has keys in the vault.\n');
      else for (const i of items) ctx.io.out(`${i.profile}  ${i.accessKeyId}  stored ${i.storedAt}${i.wired ? '' : '  (not used by any profile)'}\n`);
      return 0;
    }
    if (sub !== 'add' && sub !== 'remove') throw new UsageError('Give add, remove or list.');
    if (name === undefined || rest.length > 0) throw new UsageError(`vault ${sub} takes exactly one profile name.`);
    const { vault, deps: d } = await deps(ctx);
    if (sub === 'add') {
      // Plan first (a dry run refuses early and names the key), then ask.
      const plan = await vault.vaultAdd(d, name, { dryRun: true });
      if (!dryRun && !(await confirm(args, ctx, `Move the keys of profile "${name}" (${plan.accessKeyId}) into the keychain?`, `Moving keys into the keychain rewrites profile "${name}"`))) {
        ctx.io.err('Nothing changed.\n');
        return 1;
      }
      const result = dryRun ? plan : await vault.vaultAdd(d, name);
      if (json) ctx.io.out(jsonText({ profile: name, accessKeyId: result.accessKeyId, credentialProcess: result.command, dryRun, files: result.files }, ctx) + '\n');
      else if (dryRun) ctx.io.out(diffText(result.files));
      else ctx.io.out(`The keys of profile "${name}" are in the keychain now; the files use credential_process.\n${changeSummary(result.files)}`);
      return 0;
    }
    if (!dryRun && !(await confirm(args, ctx, `Put the keys of profile "${name}" back into the files (plain text)?`, `Taking keys out of the keychain writes them to a plain file`))) {
      ctx.io.err('Nothing changed.\n');
      return 1;
    }
    const result = await vault.vaultRemove(d, name, { dryRun });
    if (json) ctx.io.out(jsonText({ profile: name, accessKeyId: result.accessKeyId, dryRun, files: result.files, warning: result.warning ?? null }, ctx) + '\n');
    else if (dryRun) ctx.io.out(diffText(result.files));
    else ctx.io.out(`The keys of profile "${name}" are back in the files.\n${changeSummary(result.files)}`);
    if (result.warning !== undefined) ctx.io.err(`hatrack: ${result.warning}\n`);
    return 0;
  },
};
