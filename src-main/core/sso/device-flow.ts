// The OAuth device-code sign-in against IAM Identity Center (spec §4.4): start, prompt, poll; plain Node.

import { setTimeout as sleep } from 'node:timers/promises';

import { HatrackError } from '../../../shared/domain/errors.js';
import type { Environment } from '../environment.js';
import type { ClientSecretPair, IssuedToken, OidcClient } from './oidc-client.js';
import { cancelled, OidcError } from './oidc-client.js';

/** What the user must see to approve: shown on stderr by the CLI, in a dialog with a countdown by the app. */
export interface DevicePrompt {
  readonly kind: 'device';
  readonly userCode: string;
  readonly verificationUri: string;
  /** Carries the code: only for opening a browser, never printed or logged. */
  readonly verificationUriComplete: string | undefined;
  readonly expiresAt: Date;
}

export interface DeviceFlowOptions {
  readonly env: Environment;
  readonly oidc: OidcClient;
  readonly client: ClientSecretPair;
  readonly startUrl: string;
  readonly onPrompt: (prompt: DevicePrompt) => void | Promise<void>;
  readonly signal?: AbortSignal | undefined;
}

const DEVICE_GRANT = 'urn:ietf:params:oauth:grant-type:device_code';

/** The one-line error for a CreateToken failure while signing in (device code or authorization code). */
export function loginFailure(e: unknown): unknown {
  if (!(e instanceof OidcError)) return e;
  switch (e.shape) {
    case 'AccessDeniedException':
      return new HatrackError('SSO_LOGIN_DENIED', 'Sign-in was denied in the browser; nothing was written.');
    case 'ExpiredTokenException':
      return new HatrackError('SSO_LOGIN_EXPIRED', 'The sign-in code expired before it was approved; run the login again.');
    case 'InvalidClientException':
      return new HatrackError('SSO_LOGIN_FAILED', 'IAM Identity Center no longer knows this client registration; run the login again.');
    default:
      return new HatrackError('SSO_LOGIN_FAILED', `IAM Identity Center refused the sign-in (${e.shape}).`);
  }
}

async function wait(seconds: number, signal: AbortSignal | undefined): Promise<void> {
  try {
    await sleep(seconds * 1000, undefined, signal === undefined ? undefined : { signal });
  } catch {
    throw cancelled();
  }
}

/**
 * Polls until the user approves: `authorization_pending` keeps polling, `slow_down` adds 5 s to the interval each
 * time, expiry and denial end it with their own error, and so does reaching `expiresIn` (CLI v2 has no deadline).
 * One attempt is made before prompting, since a pre-authorised client succeeds at once.
 */
export async function runDeviceFlow(options: DeviceFlowOptions): Promise<IssuedToken> {
  const { oidc, client, signal } = options;
  const auth = await oidc.startDeviceAuthorization(client, options.startUrl, signal);
  const deadline = options.env.now().getTime() + auth.expiresIn * 1000;
  let interval = auth.interval > 0 ? auth.interval : 5;
  const attempt = async (): Promise<IssuedToken | undefined> => {
    try {
      return await oidc.createToken(client, { grantType: DEVICE_GRANT, deviceCode: auth.deviceCode }, signal);
    } catch (e) {
      if (e instanceof OidcError && e.shape === 'AuthorizationPendingException') return undefined;
      if (e instanceof OidcError && e.shape === 'SlowDownException') {
        interval += 5;
        return undefined;
      }
      throw loginFailure(e);
    }
  };
  let token = await attempt();
  if (token !== undefined) return token;
  await options.onPrompt({
    kind: 'device',
    userCode: auth.userCode,
    verificationUri: auth.verificationUri,
    verificationUriComplete: auth.verificationUriComplete,
    expiresAt: new Date(deadline),
  });
  for (;;) {
    if (signal?.aborted === true) throw cancelled();
    if (options.env.now().getTime() + interval * 1000 > deadline) {
      throw new HatrackError('SSO_LOGIN_EXPIRED', 'The sign-in code expired before it was approved; run the login again.');
    }
    await wait(interval, signal);
    token = await attempt();
    if (token !== undefined) return token;
  }
}
