// `hatrack list`: every profile as the AWS CLI sees it, plus the problems in both files.

import { keyAgeLevel } from '../../../shared/domain/key-age.js';
import { createAwsFiles } from '../../core/awsfiles/aws-files.js';
import type { CliCommand } from '../command.js';
import { checkOptions, flag } from '../args.js';
import { problemLine, writeTable } from '../format.js';
import { StreamedArray, writeJsonObject } from '../json-stream.js';
import { readKeyFacts } from '../../core/keys/key-facts-cache.js';
import { listProfileJson, problemJson } from '../../core/profile-views.js';
import type { ProfileListJson } from '../../core/profile-views.js';

/** The KEY AGE column: the same rule as the window (shared/domain/key-age.ts); a key nobody asked IAM about says so. */
function keyAgeCell(p: ProfileListJson): string {
  if (p.accessKeyId === null || p.kind !== 'static') return '-';
  if (p.keyAgeDays === null || p.keyAgeDays === undefined) return 'age unknown';
  const level = keyAgeLevel(p.keyAgeDays);
  return `${p.keyAgeDays} d${level === 'alarm' ? ' (rotate)' : level === 'warn' ? ' (rotate soon)' : ''}`;
}

export const listCommand: CliCommand = {
  name: 'list',
  usage: `Usage: hatrack list [--json]

Lists profiles in the order \`aws configure list-profiles\` prints them, with the credential kind the AWS CLI
would use (static, role, sso, process, web-identity, login, settings), the region, and the file(s) each lives in.
KEY AGE is the access key's age from IAM's CreateDate as last checked (\`hatrack keys --all\`, or the app's daily
background check); "age unknown" until then. No network: list reads what was recorded.
Problems (anything that breaks the AWS CLI, or that the CLI and the JS SDK read differently) follow with file:line.
Exits 0 even when there are problems.

Options:
  --json   Machine-readable output: {"files", "profiles", "problems"}; each profile carries keyAgeDays (days since
           IAM's CreateDate, or null while unknown), keyAgeSource ("iam" or null) and accountName (the IAM account
           alias, or null)`,
  run: async (args, ctx) => {
    checkOptions(args, ['json']);
    const files = createAwsFiles(ctx.env);
    const view = files.view();
    const profiles = view.model.profiles;
    const facts = { cache: readKeyFacts(files.dataDir), now: ctx.env.now() };
    // Output is written as it is made: one profile's summary at a time, never the whole listing as one string.
    if (flag(args, 'json')) {
      const profileJson = (p: (typeof profiles)[number]) => listProfileJson(p, facts);
      const fields = [
        ['files', { config: view.paths.config, credentials: view.paths.credentials }],
        ['profiles', new StreamedArray(profiles, profileJson)],
        // A getter: problems are found only once the profiles are written (as they were when built as one object).
        ['problems', new StreamedArray({ [Symbol.iterator]: () => view.problems[Symbol.iterator]() }, (p) => problemJson(p, view))],
      ] as const;
      await writeJsonObject(ctx.io, fields, ctx.io.stdoutIsTty === true);
      ctx.io.out('\n');
      return 0;
    }
    if (profiles.length === 0) {
      ctx.io.out('No profiles.\n');
    } else {
      await writeTable(ctx.io, function* () {
        yield ['PROFILE', 'KIND', 'REGION', 'FILES', 'KEY AGE'];
        for (const p of profiles) {
          const s = listProfileJson(p, facts);
          yield [s.name, s.kind, typeof s.region === 'string' ? s.region : s.region === null ? '-' : '(nested)', s.sources.join('+'), keyAgeCell(s)];
        }
      });
    }
    if (view.problems.length > 0) {
      ctx.io.out(`\n${view.problems.length} problem(s):\n`);
      for (const p of view.problems) ctx.io.out(problemLine(problemJson(p, view)) + '\n');
    }
    return 0;
  },
};
