// `hatrack sso accounts --sso-session NAME [--json]`: every account and role the signed-in user can reach; plain Node.

import type { SsoSubcommand } from './sso.js';
import type { CliContext, ParsedArgs } from '../command.js';
import { UsageError } from '../command.js';
import { flag, stringOption } from '../args.js';
import { createAwsFiles } from '../../core/awsfiles/aws-files.js';
import type { SsoDiscovery } from '../../core/sso/discovery.js';
import { jsonText } from '../../core/profile-views.js';

/** Progress lines on stderr at most once a second (a log gets lines, not a wall of carriage returns), then a total. */
export async function discoverForCli(args: ParsedArgs, ctx: CliContext): Promise<{ session: string; discovery: SsoDiscovery }> {
  const session = stringOption(args, 'sso-session');
  if (session === undefined) throw new UsageError('Give --sso-session NAME.');
  const { discoverSsoAccounts } = await import('../../core/sso/accounts.js');
  const model = createAwsFiles(ctx.env).view().model;
  let last = Date.now();
  const abort = new AbortController();
  const onSignal = (): void => abort.abort();
  process.once('SIGINT', onSignal);
  try {
    const found = await discoverSsoAccounts(ctx.env, model, session, {
      signal: abort.signal,
      onProgress: (p) => {
        if (Date.now() - last < 1000) return;
        last = Date.now();
        ctx.io.err(`Discovering accounts: ${p.accountsDone} of ${p.accounts}${p.listingDone ? '' : '+'} done…\n`);
      },
    });
    if (found.warning !== undefined) ctx.io.err(`hatrack: ${found.warning}\n`);
    const roles = found.accounts.reduce((n, a) => n + a.roles.length, 0);
    const empty = found.withoutRoles.length === 0 ? '' : ` (${found.withoutRoles.length} without any role, skipped)`;
    ctx.io.err(`Found ${found.accounts.length} accounts with ${roles} roles${empty}.\n`);
    return { session, discovery: found };
  } finally {
    process.removeListener('SIGINT', onSignal);
  }
}

export const ssoAccountsSubcommand: SsoSubcommand = {
  name: 'accounts',
  summary: 'List every account (id, name, e-mail) and its roles for a signed-in session',
  usage: `hatrack sso accounts --sso-session NAME [--json]
  Lists the accounts and roles the session's sign-in can reach (ListAccounts / ListAccountRoles, every page).
  Up to 16 calls run at once; when the portal throttles (HTTP 429) Hatrack halves that, honours Retry-After and
  retries with backoff. Progress goes to stderr. Endpoint: AWS_ENDPOINT_URL_SSO, then AWS_ENDPOINT_URL.`,
  valueOptions: ['sso-session'],
  flags: ['json'],
  run: async (args, ctx) => {
    if (args.positionals.length > 0) throw new UsageError('sso accounts takes options only.');
    const { session, discovery } = await discoverForCli(args, ctx);
    if (flag(args, 'json')) {
      const account = (a: { accountId: string; accountName: string | undefined; emailAddress: string | undefined }) => ({
        accountId: a.accountId,
        accountName: a.accountName ?? null,
        emailAddress: a.emailAddress ?? null,
      });
      ctx.io.out(
        jsonText(
          {
            session,
            discoveredAt: discovery.discoveredAt.toISOString(),
            accounts: discovery.accounts.map((a) => ({ ...account(a), roles: a.roles })),
            withoutRoles: discovery.withoutRoles.map(account),
          },
          ctx,
        ) + '\n',
      );
      return 0;
    }
    let out = '';
    for (const a of discovery.accounts) {
      out += `${a.accountId}  ${a.accountName ?? '(no name)'}${a.emailAddress === undefined ? '' : `  <${a.emailAddress}>`}\n`;
      out += `    ${a.roles.join(', ')}\n`;
    }
    ctx.io.out(out);
    return 0;
  },
};
