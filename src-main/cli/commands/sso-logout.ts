// `hatrack sso logout`: portal Logout, then remove the cached tokens and SSO role credentials (as `aws sso logout`).

import type { SsoSubcommand } from './sso.js';
import { UsageError } from '../command.js';
import { stringOption } from '../args.js';
import { ssoTarget } from './sso-login.js';
import { ssoServiceEndpoint } from '../../core/sts/endpoints.js';

export const ssoLogoutSubcommand: SsoSubcommand = {
  name: 'logout',
  summary: 'Sign out: portal Logout, remove cached tokens and SSO role credentials (every tool shares them)',
  usage: `hatrack sso logout [--sso-session NAME]
  Like \`aws sso logout\`: every cached token is logged out at the portal and deleted, and every SSO entry in
  ~/.aws/cli/cache is deleted; client registrations stay. With --sso-session only that session's token and its
  profiles' cached credentials go. The aws CLI and the SDKs share these files, so they are signed out too.`,
  valueOptions: ['sso-session'],
  flags: [],
  run: async (args, ctx) => {
    if (args.positionals.length > 0) throw new UsageError('sso logout takes options only.');
    const only = stringOption(args, 'sso-session') !== undefined ? ssoTarget(args, ctx) : undefined;
    const [{ ssoLogout }, { createPortalClient }, { networkPolicyFrom }] = await Promise.all([
      import('../../core/sso/logout.js'),
      import('../../core/sso/portal-client.js'),
      import('../../core/sts/network-policy.js'),
    ]);
    const result = await ssoLogout(ctx.env, {
      only,
      portalLogout: (region, accessToken) =>
        createPortalClient({ baseUrl: ssoServiceEndpoint('sso', region, ctx.env), accessToken, loginHint: 'hatrack sso login', maxConcurrency: 1, policy: networkPolicyFrom(ctx.env.vars) }).logout(),
    });
    ctx.io.out(
      result.tokensRemoved === 0 && result.credentialsRemoved === 0
        ? 'Nothing to sign out of: no cached IAM Identity Center token.\n'
        : `Signed out: ${result.tokensRemoved} token(s) and ${result.credentialsRemoved} cached role credential(s) removed.\n`,
    );
    return 0;
  },
};
