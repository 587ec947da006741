// `hatrack console <profile>`: sign in to the AWS console with a federated URL, opened in the browser or printed.

import { HatrackError } from '../../../shared/domain/errors.js';
import { createAwsFiles } from '../../core/awsfiles/aws-files.js';
import type { CliCommand } from '../command.js';
import { UsageError } from '../command.js';
import { checkOptions, flag, stringOption } from '../args.js';
import { openBrowser } from '../open-browser.js';
import { loadEngine, withCliHint } from '../sts-loader.js';

export const consoleCommand: CliCommand = {
  name: 'console',
  usage: `Usage: hatrack console <profile> [--region R] [--service S] [--path P] [--print] [--mfa-code CODE]

Resolves the profile (assuming roles as needed), exchanges its session for a console sign-in token and opens the
console in the default browser. A plain IAM user's long-term keys are turned into a federation session first
(sts:GetFederationToken). The sign-in URL is valid for 15 minutes and is as good as the credentials: it is
printed only with --print, and never logged.

Options:
  --region R        Console region (default: the profile's region)
  --service S       Open this service's console, e.g. ec2, s3, cloudwatch
  --path P          Open this console path, e.g. /s3/buckets/my-bucket (wins over --service)
  --print           Write the URL to standard output instead of opening a browser
  --mfa-code CODE   The current 6-digit code when the role needs MFA`,
  valueOptions: ['region', 'service', 'path', 'mfa-code'],
  run: async (args, ctx) => {
    checkOptions(args, ['region', 'service', 'path', 'print', 'mfa-code']);
    const [name, ...rest] = args.positionals;
    if (name === undefined || rest.length > 0) throw new UsageError('Give exactly one profile name.');
    const files = createAwsFiles(ctx.env);
    const view = files.view();
    if (!view.model.byName.has(name)) throw new HatrackError('PROFILE_NOT_FOUND', `There is no profile named "${name}".`);
    const engine = await loadEngine(ctx, files.dataDir, stringOption(args, 'mfa-code'));
    let login;
    try {
      login = await engine.consoleUrl(view.model, name, {
        region: stringOption(args, 'region'),
        service: stringOption(args, 'service'),
        path: stringOption(args, 'path'),
      });
    } catch (e) {
      throw withCliHint(e);
    }
    if (flag(args, 'print')) {
      ctx.io.out(`${login.url}\n`);
      return 0;
    }
    await openBrowser(ctx.env, login.url);
    const how = login.kind === 'federation' ? `federated user ${login.federatedUserName ?? ''}`.trim() : 'role session';
    ctx.io.out(`Opened the AWS console for ${name} (${how}; the sign-in link expires in 15 minutes).\n`);
    return 0;
  },
};
