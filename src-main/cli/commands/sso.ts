// `hatrack sso <sub-command>`: IAM Identity Center sign-in, accounts and profiles; one CLI command with sub-commands.

import type { CliCommand, CliContext, ParsedArgs } from '../command.js';
import { UsageError } from '../command.js';
import { checkOptions } from '../args.js';
import { ssoLoginSubcommand } from './sso-login.js';
import { ssoLogoutSubcommand } from './sso-logout.js';
import { ssoSetupSubcommand } from './sso-setup.js';
import { ssoAccountsSubcommand } from './sso-accounts.js';
import { ssoPopulateSubcommand } from './sso-populate.js';

/** One `hatrack sso X`: its own options are checked, the rest of argv is its own. */
export interface SsoSubcommand {
  readonly name: string;
  readonly summary: string;
  /** The `Usage:` lines and option help of this sub-command. */
  readonly usage: string;
  readonly valueOptions: readonly string[];
  readonly flags: readonly string[];
  readonly run: (args: ParsedArgs, ctx: CliContext) => Promise<number>;
}

// Sign-in (setup, login, logout) and discovery (accounts, populate) each add their entries here.
const SUBCOMMANDS: readonly SsoSubcommand[] = [ssoSetupSubcommand, ssoLoginSubcommand, ssoLogoutSubcommand, ssoAccountsSubcommand, ssoPopulateSubcommand];

function usage(): string {
  const width = Math.max(...SUBCOMMANDS.map((s) => s.name.length));
  return `Usage: hatrack sso <${SUBCOMMANDS.map((s) => s.name).join('|')}> [options]

IAM Identity Center (AWS SSO). Tokens live in ~/.aws/sso/cache exactly as the AWS CLI v2 keeps them, so after
\`hatrack sso login\` the aws CLI and every SDK work with no further step, and the reverse.

${SUBCOMMANDS.map((s) => `  ${s.name.padEnd(width)}  ${s.summary}`).join('\n')}

${SUBCOMMANDS.map((s) => s.usage).join('\n\n')}`;
}

export const ssoCommand: CliCommand = {
  name: 'sso',
  get usage() {
    return usage();
  },
  valueOptions: [...new Set(SUBCOMMANDS.flatMap((s) => s.valueOptions))],
  run: async (args, ctx) => {
    const [name, ...positionals] = args.positionals;
    const sub = SUBCOMMANDS.find((s) => s.name === name);
    if (sub === undefined) throw new UsageError(name === undefined ? 'Give a sub-command.' : `Unknown sub-command "${name}".`);
    checkOptions(args, [...sub.valueOptions, ...sub.flags]);
    return sub.run({ positionals, options: args.options }, ctx);
  },
};
