// `hatrack list`: every profile as the AWS CLI sees it, plus the problems in both files.

import { createAwsFiles } from '../../core/awsfiles/aws-files.js';
import type { CliCommand } from '../command.js';
import { checkOptions, flag } from '../args.js';
import { problemLine, table } from '../format.js';
import { recordFirstSeen, staticKeyIds } from '../../core/sts/key-age-cache.js';
import { jsonText, listJson, problemJson, profileSummary } from '../../core/profile-views.js';

export const listCommand: CliCommand = {
  name: 'list',
  usage: `Usage: hatrack list [--json]

Lists profiles in the order \`aws configure list-profiles\` prints them, with the credential kind the AWS CLI
would use (static, role, sso, process, web-identity, login, settings), the region, and the file(s) each lives in.
Problems (anything that breaks the AWS CLI, or that the CLI and the JS SDK read differently) follow with file:line.
Exits 0 even when there are problems.

Options:
  --json   Machine-readable output: {"files", "profiles", "problems"}; each profile carries keyAgeDays (the
           access key's age in days as \`hatrack keys\` last learnt it, or null)`,
  run: async (args, ctx) => {
    checkOptions(args, ['json']);
    const files = createAwsFiles(ctx.env);
    const view = files.view();
    if (flag(args, 'json')) {
      const ages = recordFirstSeen(files.dataDir, staticKeyIds(view.model.profiles), ctx.env.now());
      ctx.io.out(jsonText(listJson(view, ages), ctx) + '\n');
      return 0;
    }
    const rows = view.model.profiles.map((p) => {
      const s = profileSummary(p);
      return [s.name, s.kind, typeof s.region === 'string' ? s.region : s.region === null ? '-' : '(nested)', s.sources.join('+')];
    });
    ctx.io.out(rows.length === 0 ? 'No profiles.\n' : table([['PROFILE', 'KIND', 'REGION', 'FILES'], ...rows]));
    if (view.problems.length > 0) {
      ctx.io.out(`\n${view.problems.length} problem(s):\n`);
      for (const p of view.problems) ctx.io.out(problemLine(problemJson(p, view)) + '\n');
    }
    return 0;
  },
};
