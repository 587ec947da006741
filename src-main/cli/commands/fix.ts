// `hatrack fix`: apply the safe one-click repair of one problem, or of all of them.

import type { CliCommand } from '../command.js';
import { UsageError } from '../command.js';
import { checkOptions, flag } from '../args.js';
import { EDIT_OPTIONS, runEdit } from '../edit-runner.js';
import { applyAllFixes, applyFix } from '../../core/awsfiles/fixes.js';

export const fixCommand: CliCommand = {
  name: 'fix',
  usage: `Usage: hatrack fix <problem-id> | --all [--dry-run] [--json]

Problem ids look like DUPLICATE_KEY:config:12 and are printed by \`hatrack list\`. Only problems with a fix that
cannot change what the AWS CLI already understood are repaired; others are left for you.

Options:
  --all       Apply every safe fix${'\n'}  --dry-run   Show the diff and write nothing
  --json      Machine-readable report`,
  run: async (args, ctx) => {
    checkOptions(args, [...EDIT_OPTIONS, 'all']);
    const all = flag(args, 'all');
    const [id, ...rest] = args.positionals;
    if (all === (id !== undefined) || rest.length > 0) throw new UsageError('Give one problem id, or --all.');
    return runEdit(args, ctx, (docs) => (all ? applyAllFixes(docs).docs : applyFix(docs, id!)));
  },
};
