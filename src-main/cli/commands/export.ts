// `hatrack export <profile>`: a profile's credentials as credential_process JSON, shell exports or JSON; plain Node.

import { HatrackError } from '../../../shared/domain/errors.js';
import { createAwsFiles } from '../../core/awsfiles/aws-files.js';
import type { Environment } from '../../core/environment.js';
import type { ExportFormat } from '../../core/sts/export-format.js';
import type { CliCommand } from '../command.js';
import { UsageError } from '../command.js';
import { checkOptions, stringOption } from '../args.js';
import { resolveFor } from '../sts-loader.js';

const FORMATS: readonly ExportFormat[] = ['process', 'env', 'json'];

/** Profiles being exported by the hatrack processes above this one (a credential_process that calls itself). */
const CHAIN_VAR = 'HATRACK_EXPORT_CHAIN';
const MAX_CHAIN = 4;

/** Refuses a profile whose credential_process (directly or not) exports itself again, as the AWS CLI does. */
function chainedEnv(env: Environment, profile: string): Environment {
  const chain = (env.vars[CHAIN_VAR] ?? '').split(',').filter((p) => p !== '');
  if (chain.includes(profile) || chain.length >= MAX_CHAIN) {
    throw new HatrackError('CYCLE', `Exporting profile "${profile}" runs a credential_process that exports it again (${[...chain, profile].join(' → ')}).`);
  }
  return { ...env, vars: { ...env.vars, [CHAIN_VAR]: [...chain, profile].join(',') } };
}

export const exportCommand: CliCommand = {
  name: 'export',
  usage: `Usage: hatrack export <profile> [--format process|env|json] [--mfa-code CODE]

Resolves the profile as \`aws configure export-credentials --profile <profile>\` does (roles are assumed, with
their source profiles, external id and MFA; environment AWS_* credentials are ignored) and prints:
  process  credential_process JSON: {"Version": 1, "AccessKeyId", "SecretAccessKey", "SessionToken", "Expiration"}
           with Expiration in UTC ("…Z"). Use it from another profile:
             credential_process = node /abs/path/hatrack.cjs export <profile> --format process
  env      export AWS_ACCESS_KEY_ID=… lines for a POSIX shell
  json     the same fields as plain JSON
The default format is process.

Options:
  --format F        process (default), env or json
  --mfa-code CODE   The current 6-digit code when a role needs MFA; without it Hatrack asks on a terminal
                    and fails (exit 1) when standard input is not one`,
  valueOptions: ['format', 'mfa-code'],
  run: async (args, ctx) => {
    checkOptions(args, ['format', 'mfa-code']);
    const [name, ...rest] = args.positionals;
    if (name === undefined || rest.length > 0) throw new UsageError('Give exactly one profile name.');
    const format = stringOption(args, 'format') ?? 'process';
    if (!(FORMATS as readonly string[]).includes(format)) throw new UsageError(`--format must be one of ${FORMATS.join(', ')}.`);
    const env = chainedEnv(ctx.env, name);
    const view = createAwsFiles(ctx.env).view();
    const creds = await resolveFor(ctx, env, view.model, name, stringOption(args, 'mfa-code'));
    const { formatCredentials } = await import('../../core/sts/export-format.js');
    // One line on stderr (stdout stays the credentials) when the sign-in works now but will need a new sign-in soon.
    if (creds.warning !== undefined) ctx.io.err(`hatrack: ${creds.warning}\n`);
    ctx.io.out(formatCredentials(creds, format as ExportFormat));
    return 0;
  },
};
