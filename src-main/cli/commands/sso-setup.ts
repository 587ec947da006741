// `hatrack sso setup <session> --start-url URL --region R [--scopes a,b]`: writes an [sso-session] block; plain Node.

import type { SsoSubcommand } from './sso.js';
import { UsageError } from '../command.js';
import { stringOption } from '../args.js';
import { EDIT_OPTIONS, runEdit } from '../edit-runner.js';
import { setSsoSession } from '../../core/sso/session-edits.js';
import { parseSsoScopes } from '../../core/sso/session-config.js';

export const ssoSetupSubcommand: SsoSubcommand = {
  name: 'setup',
  summary: 'Add or update an [sso-session] block (start URL, region, scopes)',
  usage: `hatrack sso setup <session> --start-url URL --region R [--scopes a,b] [--dry-run] [--json]
  Writes [sso-session <session>] with sso_start_url (https://, stored exactly as typed), sso_region and
  sso_registration_scopes (default sso:account:access), changing only those lines. Profiles then use it with
  sso_session = <session>.`,
  valueOptions: ['start-url', 'region', 'scopes'],
  flags: EDIT_OPTIONS,
  run: async (args, ctx) => {
    const [name, ...rest] = args.positionals;
    if (name === undefined || rest.length > 0) throw new UsageError('sso setup takes exactly one session name.');
    const startUrl = stringOption(args, 'start-url');
    const region = stringOption(args, 'region');
    if (startUrl === undefined || region === undefined) throw new UsageError('Give --start-url and --region.');
    const rawScopes = stringOption(args, 'scopes');
    const scopes = rawScopes === undefined ? undefined : parseSsoScopes(rawScopes);
    if (scopes !== undefined && scopes.length === 0) throw new UsageError('--scopes needs at least one scope.');
    return Promise.resolve(runEdit(args, ctx, (docs) => setSsoSession(docs, { name, startUrl, region, scopes })));
  },
};
