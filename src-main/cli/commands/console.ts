// `hatrack console <profile>`: sign in to the AWS console with a federated URL, opened in the browser or printed.

import { HatrackError } from '../../../shared/domain/errors.js';
import { createAwsFiles } from '../../core/awsfiles/aws-files.js';
import { launchInBrowserProfile } from '../../core/console/browser-launch.js';
import { chooseBrowser, detectBrowsers, executableOnDisk } from '../../core/console/browsers.js';
import type { CliCommand } from '../command.js';
import { UsageError } from '../command.js';
import { checkOptions, flag, stringOption } from '../args.js';
import { openBrowser } from '../open-browser.js';
import { loadEngine, withCliHint } from '../sts-loader.js';

export const consoleCommand: CliCommand = {
  name: 'console',
  usage: `Usage: hatrack console <profile> [--region R] [--service S] [--path P] [--separate-profile [--browser ID]]
                       [--print] [--mfa-code CODE]

Resolves the profile (assuming roles as needed), exchanges its session for a console sign-in token and opens the
console in the default browser. A plain IAM user's long-term keys are turned into a federation session first
(sts:GetFederationToken). The sign-in URL is valid for 15 minutes and is as good as the credentials: it is
printed only with --print, and never logged.

Options:
  --region R        Console region (default: the profile's region)
  --service S       Open this service's console, e.g. ec2, s3, cloudwatch
  --path P          Open this console path, e.g. /s3/buckets/my-bucket (wins over --service)
  --separate-profile
                    Open it in a browser profile of the AWS profile's own (Chromium, Chrome, Brave, Edge, Vivaldi:
                    --user-data-dir; Firefox: -profile), under Hatrack's data dir, so several accounts stay signed
                    in side by side (the app's setting app.consoleSeparateProfile does not apply here)
  --browser ID      With --separate-profile: chromium, chrome, brave, edge, vivaldi or firefox (default: the first found)
  --print           Write the URL to standard output instead of opening a browser
  --mfa-code CODE   The current 6-digit code when the role needs MFA`,
  valueOptions: ['region', 'service', 'path', 'mfa-code', 'browser'],
  run: async (args, ctx) => {
    checkOptions(args, ['region', 'service', 'path', 'print', 'mfa-code', 'separate-profile', 'browser']);
    const [name, ...rest] = args.positionals;
    if (name === undefined || rest.length > 0) throw new UsageError('Give exactly one profile name.');
    const files = createAwsFiles(ctx.env);
    const view = files.view();
    if (!view.model.byName.has(name)) throw new HatrackError('PROFILE_NOT_FOUND', `There is no profile named "${name}".`);
    const separate = flag(args, 'separate-profile');
    if (!separate && stringOption(args, 'browser') !== undefined) throw new UsageError('--browser goes with --separate-profile.');
    if (separate && flag(args, 'print')) throw new UsageError('--print and --separate-profile exclude each other.');
    // Chosen before the sign-in: with no such browser nothing is asked of AWS.
    const browser = separate ? chooseBrowser(detectBrowsers(ctx.env, executableOnDisk), stringOption(args, 'browser')) : undefined;
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
    if (browser === undefined) await openBrowser(ctx.env, login.url);
    else await launchInBrowserProfile({ browser, dataDir: files.dataDir, profile: name, url: login.url, vars: ctx.env.vars });
    const how = login.kind === 'federation' ? `federated user ${login.federatedUserName ?? ''}`.trim() : 'role session';
    const where = browser === undefined ? '' : ` in ${browser.name}, in a browser profile of its own`;
    ctx.io.out(`Opened the AWS console for ${name}${where} (${how}; the sign-in link expires in 15 minutes).\n`);
    return 0;
  },
};
