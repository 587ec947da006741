// `hatrack keys <profile>`: age, status and last use of a profile's long-term access key (IAM, or first seen).

import { HatrackError } from '../../../shared/domain/errors.js';
import type { KeyInfo } from '../../../shared/ipc/schemas.js';
import { createAwsFiles } from '../../core/awsfiles/aws-files.js';
import type { CliCommand } from '../command.js';
import { UsageError } from '../command.js';
import { checkOptions, flag } from '../args.js';
import { recordCreateDate } from '../../core/sts/key-age-cache.js';
import { loadEngine } from '../sts-loader.js';
import { jsonText } from '../../core/profile-views.js';

export const keysCommand: CliCommand = {
  name: 'keys',
  usage: `Usage: hatrack keys <profile> [--json]

Asks IAM (signed with the key itself) for the key's CreateDate, status and last use. When IAM denies that, the
date Hatrack first saw the key is shown instead (source "first-seen"). \`hatrack list --json\` shows the age
Hatrack last learnt as keyAgeDays.

Options:
  --json   {"accessKeyId", "userName", "status", "createDate", "ageDays", "lastUsed": {"date", "service", "region"} | null, "source"}`,
  run: async (args, ctx) => {
    checkOptions(args, ['json']);
    const [name, ...rest] = args.positionals;
    if (name === undefined || rest.length > 0) throw new UsageError('Give exactly one profile name.');
    const files = createAwsFiles(ctx.env);
    const view = files.view();
    if (!view.model.byName.has(name)) throw new HatrackError('PROFILE_NOT_FOUND', `There is no profile named "${name}".`);
    const engine = await loadEngine(ctx, files.dataDir);
    const info = await engine.accessKeyInfo(view.model, name);
    if (info.source === 'iam') recordCreateDate(files.dataDir, info.accessKeyId, new Date(info.createDate));
    const json: KeyInfo = {
      accessKeyId: info.accessKeyId,
      userName: info.userName ?? null,
      status: info.status,
      createDate: info.createDate,
      ageDays: info.ageDays,
      lastUsed: info.lastUsed,
      source: info.source,
    };
    if (flag(args, 'json')) {
      ctx.io.out(jsonText(json, ctx) + '\n');
      return 0;
    }
    const since = info.source === 'iam' ? `created ${info.createDate}` : `first seen by Hatrack ${info.createDate} (IAM would not say)`;
    let out = `${name}: ${info.accessKeyId}${info.userName === undefined ? '' : ` of ${info.userName}`}, ${info.status}, ${info.ageDays} day(s) old, ${since}\n`;
    const u = info.lastUsed;
    if (u !== null) {
      out += u.date === null ? '  never used\n' : `  last used ${u.date}${u.service === null ? '' : ` with ${u.service}`}${u.region === null ? '' : ` in ${u.region}`}\n`;
    }
    ctx.io.out(out);
    return 0;
  },
};
