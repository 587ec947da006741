// `hatrack sso login`: signs in to IAM Identity Center (PKCE loopback, or device code) and caches the token; plain Node.

import { HatrackError } from '../../../shared/domain/errors.js';
import type { SsoSubcommand } from './sso.js';
import type { CliContext, ParsedArgs } from '../command.js';
import { UsageError } from '../command.js';
import { flag, stringOption } from '../args.js';
import { openBrowser } from '../open-browser.js';
import type { Environment } from '../../core/environment.js';
import { createAwsFiles } from '../../core/awsfiles/aws-files.js';
import type { Profile, ProfileModel } from '../../core/awsfiles/profiles.js';
import { ssoProfileConfig, ssoSessionByName } from '../../core/sso/session-config.js';
import type { SsoSessionConfig } from '../../core/sso/session-config.js';
import type { LoginPrompt } from '../../core/sso/login.js';
import { ssoServiceEndpoint } from '../../core/sts/endpoints.js';

export interface SsoTarget {
  readonly session: SsoSessionConfig;
  readonly profile: Profile | undefined;
  readonly model: ProfileModel;
}

/** `--sso-session NAME` or `--profile P` (default: AWS_PROFILE, then "default"), resolved with botocore's rules. */
export function ssoTarget(args: ParsedArgs, ctx: CliContext): SsoTarget {
  const sessionName = stringOption(args, 'sso-session');
  const profileName = stringOption(args, 'profile');
  if (sessionName !== undefined && profileName !== undefined) throw new UsageError('Give --sso-session or --profile, not both.');
  const model = createAwsFiles(ctx.env).view().model;
  if (sessionName !== undefined) return { session: ssoSessionByName(model, sessionName), profile: undefined, model };
  const name = profileName ?? (ctx.env.vars['AWS_PROFILE']?.trim() || 'default');
  return { session: ssoProfileConfig(model, name).session, profile: model.profile(name), model };
}

/** Whether a browser can be opened here: BROWSER set, macOS or Windows, or a Linux/BSD desktop session. */
export function browserAvailable(env: Environment): boolean {
  if ((env.vars['BROWSER'] ?? '').trim() !== '') return true;
  if (env.platform === 'darwin' || env.platform === 'win32') return true;
  return (env.vars['DISPLAY'] ?? '') !== '' || (env.vars['WAYLAND_DISPLAY'] ?? '') !== '';
}

function until(d: Date, now: Date): string {
  const minutes = Math.max(1, Math.round((d.getTime() - now.getTime()) / 60_000));
  return `${d.toISOString().slice(11, 16)} UTC (in ${minutes} min)`;
}

/** What the user sees on stderr. Neither the authorize URL nor verificationUriComplete is printed: both carry codes. */
async function prompt(p: LoginPrompt, ctx: CliContext, open: boolean): Promise<void> {
  const now = ctx.env.now();
  if (p.kind === 'browser') {
    ctx.io.err('Opening your browser to sign in to IAM Identity Center…\n');
    try {
      await openBrowser(ctx.env, p.url);
    } catch {
      throw new HatrackError('NOT_SUPPORTED', 'Could not start a web browser; run the login again with --use-device-code.');
    }
    ctx.io.err(`Waiting for the browser sign-in until ${until(p.expiresAt, now)}; Ctrl+C cancels. If no browser opened, re-run with --use-device-code.\n`);
    return;
  }
  let opened = false;
  if (open && p.verificationUriComplete !== undefined) {
    opened = await openBrowser(ctx.env, p.verificationUriComplete).then(
      () => true,
      () => false,
    );
  }
  ctx.io.err(
    `${opened ? 'Your browser was opened to approve this sign-in. If it did not, open' : 'Browser will not be opened. To sign in, open'} this page on any device:\n` +
      `  ${p.verificationUri}\n` +
      `and enter the code:\n` +
      `  ${p.userCode}\n` +
      `The code expires at ${until(p.expiresAt, now)}. Waiting for approval; Ctrl+C cancels.\n`,
  );
}

export const ssoLoginSubcommand: SsoSubcommand = {
  name: 'login',
  summary: 'Sign in (browser with PKCE, or a device code) and cache the token for the aws CLI and the SDKs',
  usage: `hatrack sso login [--sso-session NAME | --profile P] [--no-browser] [--use-device-code]
  Signs in to the session's start URL and writes ~/.aws/sso/cache/<sha1(session)>.json (legacy profiles: sha1 of
  the start URL) as the AWS CLI v2 does. With a browser here, the browser sign-in (PKCE, loopback on 127.0.0.1) is
  used; with --use-device-code, --no-browser or no browser (no DISPLAY), a code is printed on stderr to approve on
  any device. A client registration is reused until it expires. Nothing is written unless the sign-in succeeds.
  Endpoints: AWS_ENDPOINT_URL_SSO_OIDC, then AWS_ENDPOINT_URL (and the profile's [services] / endpoint_url).`,
  valueOptions: ['sso-session', 'profile'],
  flags: ['no-browser', 'use-device-code'],
  run: async (args, ctx) => {
    if (args.positionals.length > 0) throw new UsageError('sso login takes options only.');
    const target = ssoTarget(args, ctx);
    const oidcBase = ssoServiceEndpoint('sso-oidc', target.session.region, ctx.env, target.profile, target.model);
    const canOpen = !flag(args, 'no-browser') && browserAvailable(ctx.env);
    const useDeviceCode = flag(args, 'use-device-code') || !canOpen;
    const { ssoLogin } = await import('../../core/sso/login.js');
    const abort = new AbortController();
    const onSignal = (): void => abort.abort();
    process.once('SIGINT', onSignal);
    process.once('SIGTERM', onSignal);
    try {
      const result = await ssoLogin(ctx.env, {
        session: target.session,
        oidcBase,
        useDeviceCode,
        signal: abort.signal,
        onPrompt: (p) => prompt(p, ctx, canOpen),
        onFallback: (reason) => ctx.io.err(`hatrack: ${reason}; using a device code instead.\n`),
      });
      ctx.io.out(`Successfully logged into Start URL: ${target.session.startUrl}\n`);
      if (!result.refreshable) ctx.io.err(`hatrack: this sign-in cannot be refreshed; it ends at ${until(result.expiresAt, ctx.env.now())}.\n`);
      return 0;
    } finally {
      process.removeListener('SIGINT', onSignal);
      process.removeListener('SIGTERM', onSignal);
    }
  },
};
