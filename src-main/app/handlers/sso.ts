// The IAM Identity Center domain's IPC handlers (plain Node): sessions, setup, device-code sign-in, sign-out,
// discovery and populate, all through core/sso. No token, refresh token or client secret is ever in an answer.

import { HatrackError } from '../../../shared/domain/errors.js';
import type { RequestOf, ResponseOf } from '../../../shared/ipc/contract.js';
import type { SsoTarget } from '../../../shared/ipc/sso-schemas.js';
import type { ProfileModel } from '../../core/awsfiles/profiles.js';
import type { SsoDiscovery } from '../../core/sso/discovery.js';
import type { SsoSessionConfig } from '../../core/sso/session-config.js';
import { ssoProfileConfig, ssoSessionByName } from '../../core/sso/session-config.js';
import { setSsoSession } from '../../core/sso/session-edits.js';
import { networkPolicyFrom } from '../../core/sts/network-policy.js';
import { ssoServiceEndpoint } from '../../core/sts/endpoints.js';
import type { Handlers } from '../../ipc/dispatch.js';
import { createSignInFlows } from '../sso-signin-flows.js';
import { sessionStates } from '../sso-state.js';
import { wireFileChanges } from '../wire.js';
import type { HandlerContext } from './context.js';

export type SsoHandlers = Pick<
  Handlers,
  | 'sso.sessions'
  | 'sso.setup'
  | 'sso.signIn.start'
  | 'sso.signIn.openBrowser'
  | 'sso.signIn.wait'
  | 'sso.signIn.cancel'
  | 'sso.signOut'
  | 'sso.discover'
  | 'sso.populate.preview'
  | 'sso.populate.apply'
>;

/** Progress events at most this often: 2,000 accounts must not flood the window with 2,000 messages. */
const PROGRESS_EVERY_MS = 150;

function targetSession(model: ProfileModel, target: SsoTarget): { session: SsoSessionConfig; profileName: string | undefined } {
  if ('session' in target) return { session: ssoSessionByName(model, target.session), profileName: undefined };
  return { session: ssoProfileConfig(model, target.profile).session, profileName: target.profile };
}

function accountJson(a: SsoDiscovery['accounts'][number]): ResponseOf<'sso.discover'>['accounts'][number] {
  return { accountId: a.accountId, accountName: a.accountName ?? null, emailAddress: a.emailAddress ?? null, roles: [...a.roles] };
}

export function createSsoHandlers({ env, files, emit, openExternal, applyEdit, ssoSignInNotices, calls }: HandlerContext): SsoHandlers {
  const flows = createSignInFlows();
  // The last discovery per session: populate writes exactly what the picker showed, without asking the portal again.
  const discoveries = new Map<string, SsoDiscovery>();

  function populate(request: RequestOf<'sso.populate.preview'>, dryRun: boolean) {
    const discovery = discoveries.get(request.session);
    if (discovery === undefined) throw new HatrackError('BAD_REQUEST', `List the accounts of ${request.session} first; its discovery is no longer in memory.`);
    return import('../../core/sso/accounts.js').then(({ populateSsoProfiles }) =>
      populateSsoProfiles(files, { session: request.session, discovery, template: request.template, region: request.region, only: new Set(request.pairs), dryRun }),
    );
  }

  return {
    'sso.sessions': async () => {
      const sessions = await sessionStates(env, files.view().model);
      ssoSignInNotices.observe(sessions.map((s) => ({ name: s.name, needsSignIn: s.status === 'expired', expiresAt: s.expiresAt })));
      return { sessions };
    },
    'sso.setup': async ({ name, startUrl, region }) => applyEdit((docs) => setSsoSession(docs, { name, startUrl, region })),
    'sso.signIn.start': async ({ target }) => {
      const view = files.view();
      const { session, profileName } = targetSession(view.model, target);
      const profile = profileName === undefined ? undefined : view.model.profile(profileName);
      const oidcBase = ssoServiceEndpoint('sso-oidc', session.region, env, profile, view.model);
      const { ssoLogin } = await import('../../core/sso/login.js');
      // The desktop app always shows a device code: it works whatever browser the user has, on this machine or not.
      return flows.start((onPrompt, signal) => ssoLogin(env, { session, oidcBase, useDeviceCode: true, onPrompt, signal }));
    },
    'sso.signIn.openBrowser': async ({ flowId }) => {
      await openExternal(flows.browserUrl(flowId));
      return { opened: true };
    },
    'sso.signIn.wait': async ({ flowId }) => {
      const result = await flows.wait(flowId);
      // The cache keeps whole seconds: answer the expiry as written, so the dialog and the sessions list agree.
      const written = new Date(Math.floor(result.expiresAt.getTime() / 1000) * 1000);
      return { expiresAt: written.toISOString(), refreshable: result.refreshable };
    },
    'sso.signIn.cancel': async ({ flowId }) => ({ cancelled: flows.cancel(flowId) }),
    'sso.signOut': async ({ session: name }) => {
      const model = files.view().model;
      const session = ssoSessionByName(model, name);
      const [{ ssoLogout }, { createPortalClient }] = await Promise.all([import('../../core/sso/logout.js'), import('../../core/sso/portal-client.js')]);
      const result = await ssoLogout(env, {
        only: { session, model },
        portalLogout: (region, accessToken) =>
          createPortalClient({ baseUrl: ssoServiceEndpoint('sso', region, env), accessToken, loginHint: 'Sign in from Hatrack', maxConcurrency: 1, policy: networkPolicyFrom(env.vars) }).logout(),
      });
      discoveries.delete(name);
      return result;
    },
    'sso.discover': async ({ session, callId }) => {
      const { discoverSsoAccounts } = await import('../../core/sso/accounts.js');
      let last = 0;
      const found = await calls.run(callId, (signal) =>
        discoverSsoAccounts(env, files.view().model, session, {
          signal,
          onProgress: (p) => {
            const now = Date.now();
            if (now - last < PROGRESS_EVERY_MS && !p.listingDone) return;
            last = now;
            emit('sso.discovery.progress', { session, accounts: p.accounts, accountsDone: p.accountsDone, listingDone: p.listingDone });
          },
        }),
      );
      discoveries.set(session, found);
      return {
        session,
        accounts: found.accounts.map(accountJson),
        withoutRoles: found.withoutRoles.length,
        discoveredAt: found.discoveredAt.toISOString(),
        warning: found.warning ?? null,
      };
    },
    'sso.populate.preview': async (request) => {
      const report = await populate(request, true);
      const r = report.result;
      return { added: [...r.added], updated: [...r.updated], unchanged: r.unchanged, skipped: r.skipped.map((s) => ({ ...s })), files: wireFileChanges(report.files) };
    },
    'sso.populate.apply': async (request) => {
      const report = await populate(request, false);
      const r = report.result;
      return { changed: report.changed, added: [...r.added], updated: [...r.updated], unchanged: r.unchanged, skipped: r.skipped.map((s) => ({ ...s })), files: wireFileChanges(report.files) };
    },
  };
}
