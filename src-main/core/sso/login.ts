// `sso login`: picks the flow, reuses or makes the client registration, signs in, then writes the token (spec §4); plain Node.

import { networkPolicyFrom } from '../sts/network-policy.js';
import type { Environment } from '../environment.js';
import type { DevicePrompt } from './device-flow.js';
import { runDeviceFlow } from './device-flow.js';
import { createOidcClient } from './oidc-client.js';
import type { IssuedToken, OidcClient } from './oidc-client.js';
import type { BrowserPrompt } from './pkce-flow.js';
import { LoopbackUnavailable, runPkceFlow } from './pkce-flow.js';
import type { ClientRegistration, LoginFlow } from './registration.js';
import { cachedRegistration, registerClient, saveRegistration } from './registration.js';
import type { SsoSessionConfig } from './session-config.js';
import { DEFAULT_SSO_SCOPES, ssoCacheId } from './session-config.js';
import { loadSsoToken, saveSsoToken } from './token-cache.js';

export type LoginPrompt = DevicePrompt | BrowserPrompt;

export interface SsoLoginOptions {
  readonly session: SsoSessionConfig;
  /** The resolved OIDC base URL (ssoServiceEndpoint('sso-oidc', session.region, env, …)). */
  readonly oidcBase: string;
  /** `--use-device-code`, or no browser can be opened here: the device flow. Legacy profiles always use it. */
  readonly useDeviceCode: boolean;
  /** Shows the code/URL (CLI: stderr, app: a dialog) and opens the browser when it can. */
  readonly onPrompt: (prompt: LoginPrompt) => void | Promise<void>;
  /** Told when the loopback listener failed and the device code is used instead. */
  readonly onFallback?: ((reason: string) => void) | undefined;
  readonly signal?: AbortSignal | undefined;
  readonly oidc?: OidcClient | undefined;
  readonly pkceTimeoutMs?: number | undefined;
}

export interface SsoLoginResult {
  readonly flow: LoginFlow;
  readonly tokenFile: string;
  readonly expiresAt: Date;
  readonly refreshable: boolean;
}

async function registrationFor(env: Environment, oidc: OidcClient, session: SsoSessionConfig, flow: LoginFlow, signal: AbortSignal | undefined): Promise<{ reg: ClientRegistration; fresh: boolean }> {
  const cached = await cachedRegistration(env, session, flow);
  if (cached !== undefined) return { reg: cached, fresh: false };
  return { reg: await registerClient(env, oidc, session, flow, signal), fresh: true };
}

/**
 * Signs in and writes `~/.aws/sso/cache/<sha1(session name or legacy start URL)>.json` as botocore does. Nothing is
 * written unless the sign-in succeeds: a new registration is saved together with the token, so a denied, expired
 * or cancelled sign-in leaves the cache directory exactly as it was.
 */
export async function ssoLogin(env: Environment, options: SsoLoginOptions): Promise<SsoLoginResult> {
  const { session, signal } = options;
  const oidc = options.oidc ?? createOidcClient({ baseUrl: options.oidcBase, policy: networkPolicyFrom(env.vars) });
  let flow: LoginFlow = options.useDeviceCode || session.sessionName === undefined ? 'device' : 'pkce';
  let token: IssuedToken | undefined;
  let registration: { reg: ClientRegistration; fresh: boolean } | undefined;
  if (flow === 'pkce') {
    registration = await registrationFor(env, oidc, session, 'pkce', signal);
    try {
      token = await runPkceFlow({
        env,
        oidc,
        client: registration.reg,
        oidcBase: options.oidcBase,
        scopes: session.scopes ?? DEFAULT_SSO_SCOPES,
        onPrompt: options.onPrompt,
        signal,
        timeoutMs: options.pkceTimeoutMs,
      });
    } catch (e) {
      if (!(e instanceof LoopbackUnavailable)) throw e;
      options.onFallback?.('no loopback listener could be started on 127.0.0.1');
      flow = 'device';
    }
  }
  if (token === undefined) {
    registration = await registrationFor(env, oidc, session, 'device', signal);
    token = await runDeviceFlow({ env, oidc, client: registration.reg, startUrl: session.startUrl, onPrompt: options.onPrompt, signal });
  }
  const reg = registration!.reg;
  const expiresAt = new Date(env.now().getTime() + token.expiresIn * 1000);
  const cacheId = ssoCacheId(session);
  const previous = await loadSsoToken(env, cacheId);
  if (registration!.fresh) await saveRegistration(env, session, reg);
  const tokenFile = await saveSsoToken(
    env,
    cacheId,
    {
      startUrl: session.startUrl,
      region: session.region,
      accessToken: token.accessToken,
      expiresAt,
      clientId: reg.clientId,
      clientSecret: reg.clientSecret,
      registrationExpiresAt: reg.expiresAt,
      refreshToken: token.refreshToken,
    },
    previous?.raw,
  );
  return { flow, tokenFile, expiresAt, refreshable: token.refreshToken !== undefined && session.sessionName !== undefined };
}
