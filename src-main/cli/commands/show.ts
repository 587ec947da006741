// `hatrack show <profile>`: one profile's merged settings (secrets masked), where it lives, and its problems.

import { HatrackError } from '../../../shared/domain/errors.js';
import { createAwsFiles } from '../../core/awsfiles/aws-files.js';
import type { CliCommand } from '../command.js';
import { UsageError } from '../command.js';
import { checkOptions, flag } from '../args.js';
import { problemLine } from '../format.js';
import { showJson } from '../../core/profile-views.js';
import type { ProblemJson } from '../../core/profile-views.js';

export const showCommand: CliCommand = {
  name: 'show',
  usage: `Usage: hatrack show <profile> [--json]

Prints the profile's settings as the AWS CLI merges them (credentials-file keys override config-file keys),
with secret values masked, the file and line of each of its sections, and the profiles that use it as source_profile.

Options:
  --json   Machine-readable output`,
  run: async (args, ctx) => {
    checkOptions(args, ['json']);
    const [name, ...rest] = args.positionals;
    if (name === undefined || rest.length > 0) throw new UsageError('Give exactly one profile name.');
    const view = createAwsFiles(ctx.env).view();
    const profile = view.model.byName.get(name);
    if (profile === undefined) throw new HatrackError('PROFILE_NOT_FOUND', `There is no profile named "${name}".`);
    const json = showJson(view, profile) as { settings: Record<string, unknown>; sections: { path: string | null; file: string; line: number; header: string }[]; referencedBy: string[]; problems: ProblemJson[]; kind: string };
    if (flag(args, 'json')) {
      ctx.io.out(JSON.stringify(json, null, 2) + '\n');
      return 0;
    }
    let out = `${name} (${json.kind})\n`;
    for (const s of json.sections) out += `  ${s.path ?? s.file}:${s.line} ${s.header}\n`;
    for (const [k, v] of Object.entries(json.settings)) {
      if (typeof v === 'string') out += `  ${k} = ${v}\n`;
      else {
        out += `  ${k} =\n`;
        for (const [ck, cv] of Object.entries(v as Record<string, string>)) out += `      ${ck} = ${cv}\n`;
      }
    }
    if (json.referencedBy.length > 0) out += `  used as source_profile by: ${json.referencedBy.join(', ')}\n`;
    for (const p of json.problems) out += `  ${problemLine(p)}\n`;
    ctx.io.out(out);
    return 0;
  },
};
