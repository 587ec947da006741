// `hatrack settings get|set`: read and change Hatrack's own settings file (the one the desktop app uses).

import type { CliCommand } from '../command.js';
import { UsageError } from '../command.js';
import { checkOptions, flag } from '../args.js';
import { resolveDataDir } from '../../core/awsfiles/paths.js';
import { jsonText } from '../../core/profile-views.js';

export const settingsCommand: CliCommand = {
  name: 'settings',
  usage: `Usage: hatrack settings get [key] [--json]
       hatrack settings set key=value [key=value ...] [--json]

Keys: app.productionPatterns (comma-separated or a JSON list of case-insensitive regular expressions),
app.theme (system|light|dark), app.refreshLeadMinutes, app.keyMaxAgeDays, app.checkKeyAgeOnline, app.launchAtLogin, app.notifications.keyAge,
app.notifications.sessionExpiring, app.notifications.fileChanges, and per profile profiles.<name>.production
(true|false), .colour (red|orange|yellow|green|blue|purple|grey), .favourite, .notes, .mfaSession (true: the vault's
credential-process mints an MFA session). An empty value (key=) removes a profile field or restores an app default.
Values are validated before anything is written; the file is <data dir>/settings.json, mode 0600.`,
  run: async (args, ctx) => {
    checkOptions(args, ['json']);
    const [sub, ...rest] = args.positionals;
    const s = await import('../../core/settings/settings.js');
    const dataDir = resolveDataDir(ctx.env);
    if (sub === 'get') {
      if (rest.length > 1) throw new UsageError('settings get takes at most one key.');
      const value = s.getSetting(s.loadSettings(dataDir), rest[0]);
      if (flag(args, 'json') || typeof value === 'object') ctx.io.out(jsonText(value ?? null, ctx) + '\n');
      else ctx.io.out(value === undefined ? '(not set)\n' : `${String(value)}\n`);
      return 0;
    }
    if (sub !== 'set') throw new UsageError('Give get or set.');
    if (rest.length === 0) throw new UsageError('Give at least one key=value.');
    const pairs = rest.map((a) => {
      const eq = a.indexOf('=');
      if (eq <= 0) throw new UsageError(`"${a}" is not key=value.`);
      return [a.slice(0, eq), a.slice(eq + 1)] as const;
    });
    const next = s.updateSettings(dataDir, (current) => pairs.reduce((acc, [k, v]) => s.setSetting(acc, k, v), current));
    if (flag(args, 'json')) ctx.io.out(jsonText(Object.fromEntries(pairs.map(([k]) => [k, s.getSetting(next, k) ?? null])), ctx) + '\n');
    else for (const [k] of pairs) ctx.io.out(`${k} = ${JSON.stringify(s.getSetting(next, k) ?? null)}\n`);
    return 0;
  },
};
