// `hatrack list`: every profile as the AWS CLI sees it, plus the problems in both files.

import { createAwsFiles } from '../../core/awsfiles/aws-files.js';
import type { CliCommand } from '../command.js';
import { checkOptions, flag } from '../args.js';
import { problemLine, writeTable } from '../format.js';
import { StreamedArray, writeJsonObject } from '../json-stream.js';
import { openFirstSeen, staticKeyId } from '../../core/sts/key-age-cache.js';
import { listProfileJson, problemJson } from '../../core/profile-views.js';

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
    const profiles = view.model.profiles;
    // Output is written as it is made: one profile's summary at a time, never the whole listing as one string.
    if (flag(args, 'json')) {
      // Each key is noted as first seen while its profile is written; the cache is written once, after the listing.
      const firstSeen = openFirstSeen(files.dataDir, ctx.env.now());
      const profileJson = (p: (typeof profiles)[number]) => {
        const keyId = staticKeyId(p);
        if (keyId !== undefined) firstSeen.see(keyId);
        return listProfileJson(p, firstSeen.ages);
      };
      const fields = [
        ['files', { config: view.paths.config, credentials: view.paths.credentials }],
        ['profiles', new StreamedArray(profiles, profileJson)],
        // A getter: problems are found only once the profiles are written (as they were when built as one object).
        ['problems', new StreamedArray({ [Symbol.iterator]: () => view.problems[Symbol.iterator]() }, (p) => problemJson(p, view))],
      ] as const;
      await writeJsonObject(ctx.io, fields, ctx.io.stdoutIsTty === true);
      ctx.io.out('\n');
      firstSeen.save();
      return 0;
    }
    if (profiles.length === 0) {
      ctx.io.out('No profiles.\n');
    } else {
      await writeTable(ctx.io, function* () {
        yield ['PROFILE', 'KIND', 'REGION', 'FILES'];
        for (const p of profiles) {
          const s = listProfileJson(p);
          yield [s.name, s.kind, typeof s.region === 'string' ? s.region : s.region === null ? '-' : '(nested)', s.sources.join('+')];
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
