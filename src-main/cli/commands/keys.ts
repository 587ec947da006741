// `hatrack keys <profile>` / `hatrack keys --all`: ask IAM (signed with each key itself) for CreateDate, status,
// last use and the account alias, and record the answers where `hatrack list` and the window read them.

import { HatrackError, isHatrackError } from '../../../shared/domain/errors.js';
import { keyAgeLevel } from '../../../shared/domain/key-age.js';
import type { KeyInfo } from '../../../shared/ipc/schemas.js';
import { createAwsFiles } from '../../core/awsfiles/aws-files.js';
import { readKeyFacts } from '../../core/keys/key-facts-cache.js';
import { checkKeys, keysToCheck } from '../../core/keys/key-facts-refresh.js';
import type { AccessKeyInfo } from '../../core/sts/access-keys.js';
import type { CliCommand } from '../command.js';
import { UsageError } from '../command.js';
import { checkOptions, flag } from '../args.js';
import { loadEngine } from '../sts-loader.js';
import { jsonText } from '../../core/profile-views.js';

/** HatrackError messages are written to be shown (no secrets, tokens or URLs); anything else is only named. */
const failureText = (e: unknown): string => (isHatrackError(e) ? `${e.message} [${e.code}]` : 'unexpected failure');

function keyJson(info: AccessKeyInfo): KeyInfo {
  return {
    accessKeyId: info.accessKeyId,
    userName: info.userName ?? null,
    status: info.status,
    createDate: info.createDate,
    ageDays: info.ageDays,
    lastUsed: info.lastUsed,
    source: info.source,
    accountId: info.accountId,
    accountName: info.accountAlias,
  };
}

/** Two lines: who, how old (or "age unknown"), and last use. */
function keyText(name: string, info: AccessKeyInfo): string {
  const account = info.accountId === null ? '' : ` in ${info.accountId}${info.accountAlias === null ? '' : ` (${info.accountAlias})`}`;
  const level = keyAgeLevel(info.ageDays);
  const age =
    info.ageDays === null || info.createDate === null
      ? 'age unknown (IAM would not say: the key needs iam:ListAccessKeys on itself)'
      : `${info.ageDays} day(s) old, created ${info.createDate}${level === 'alarm' ? ' — rotate it (hatrack rotate)' : level === 'warn' ? ' — rotate soon' : ''}`;
  let out = `${name}: ${info.accessKeyId}${info.userName === undefined ? '' : ` of ${info.userName}`}${account}, ${info.status}, ${age}\n`;
  const u = info.lastUsed;
  if (u !== null) {
    out += u.date === null ? '  never used\n' : `  last used ${u.date}${u.service === null ? '' : ` with ${u.service}`}${u.region === null ? '' : ` in ${u.region}`}\n`;
  }
  return out;
}

export const keysCommand: CliCommand = {
  name: 'keys',
  usage: `Usage: hatrack keys <profile> [--json]
       hatrack keys --all [--json]

Asks IAM, signed with the key itself, for the key's CreateDate, status and last use, and for the account's alias.
The answers are kept (no secrets) in the data dir, where \`hatrack list\` and the app read them; the app also checks
in the background once a day. When IAM will not say, the age is reported as unknown, never guessed.
Key age rule: rotate soon from 80 days, rotate from 90.

Options:
  --all    Every distinct access key in the files (4 at a time); exits 1 if any could not be checked
  --json   {"accessKeyId", "userName", "status", "createDate" | null, "ageDays" | null, "lastUsed": {"date", "service",
           "region"} | null, "source": "iam" | "unknown", "accountId", "accountName"}; with --all, {"keys": [{"profile", ...}],
           "failed": [{"profile", "accessKeyId", "error"}]}`,
  run: async (args, ctx) => {
    checkOptions(args, ['json', 'all']);
    const all = flag(args, 'all');
    const [name, ...rest] = args.positionals;
    if (all ? args.positionals.length > 0 : name === undefined || rest.length > 0) throw new UsageError('Give exactly one profile name, or --all.');
    const files = createAwsFiles(ctx.env);
    const view = files.view();
    if (!all) {
      if (name === undefined || !view.model.byName.has(name)) throw new HatrackError('PROFILE_NOT_FOUND', `There is no profile named "${name ?? ''}".`);
      const engine = await loadEngine(ctx, files.dataDir);
      const info = await engine.accessKeyInfo(view.model, name);
      ctx.io.out(flag(args, 'json') ? jsonText(keyJson(info), ctx) + '\n' : keyText(name, info));
      return 0;
    }
    const targets = keysToCheck({ profiles: view.model.profiles, cache: readKeyFacts(files.dataDir), now: ctx.env.now(), force: true });
    const engine = await loadEngine(ctx, files.dataDir);
    const found = new Map<string, AccessKeyInfo>();
    const results = await checkKeys(targets, async (profile) => found.set(profile, await engine.accessKeyInfo(view.model, profile)));
    // Report in file order, whatever order the checks finished in.
    const order = [...targets.values()];
    results.sort((a, b) => order.indexOf(a.profile) - order.indexOf(b.profile));
    const failed = results.flatMap((r) => (r.ok ? [] : [{ profile: r.profile, accessKeyId: r.accessKeyId, error: failureText(r.error) }]));
    if (flag(args, 'json')) {
      const keys = results.flatMap((r) => {
        const info = found.get(r.profile);
        return info === undefined ? [] : [{ profile: r.profile, ...keyJson(info) }];
      });
      ctx.io.out(jsonText({ keys, failed }, ctx) + '\n');
    } else {
      if (results.length === 0) ctx.io.out('No access keys in the files.\n');
      for (const r of results) {
        const info = found.get(r.profile);
        if (info !== undefined) ctx.io.out(keyText(r.profile, info));
      }
      for (const f of failed) ctx.io.err(`${f.profile}: ${f.accessKeyId} could not be checked: ${f.error}\n`);
    }
    return failed.length > 0 ? 1 : 0;
  },
};
