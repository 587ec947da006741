// Runs one file edit for a CLI command: --dry-run previews the diff, --json prints a report, else a summary line.

import type { AwsDocs } from '../core/awsfiles/aws-docs.js';
import { createAwsFiles } from '../core/awsfiles/aws-files.js';
import type { AwsFilesView } from '../core/awsfiles/aws-files.js';
import type { CliContext, ParsedArgs } from './command.js';
import { flag } from './args.js';
import { changeSummary, diffText } from './format.js';

export const EDIT_OPTIONS = ['dry-run', 'json'];

export function runEdit(args: ParsedArgs, ctx: CliContext, edit: (docs: AwsDocs, view: AwsFilesView) => AwsDocs): number {
  const files = createAwsFiles(ctx.env);
  const dryRun = flag(args, 'dry-run');
  const report = files.edit((docs, view) => ({ docs: edit(docs, view), result: undefined }), { dryRun });
  if (flag(args, 'json')) {
    ctx.io.out(JSON.stringify({ changed: report.changed, dryRun, files: report.files }, null, 2) + '\n');
  } else if (dryRun) {
    ctx.io.out(report.files.length === 0 ? 'No change.\n' : diffText(report.files));
  } else {
    ctx.io.out(changeSummary(report.files));
  }
  return 0;
}
