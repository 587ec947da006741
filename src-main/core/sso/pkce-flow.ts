// The authorization-code + PKCE sign-in with a loopback redirect on 127.0.0.1 (spec §4.3); plain Node.

import { createHash, randomBytes, randomUUID } from 'node:crypto';
import { createServer } from 'node:http';
import type { Server } from 'node:http';

import { HatrackError } from '../../../shared/domain/errors.js';
import type { Environment } from '../environment.js';
import type { ClientSecretPair, IssuedToken, OidcClient } from './oidc-client.js';
import { cancelled } from './oidc-client.js';
import { loginFailure } from './device-flow.js';

export interface BrowserPrompt {
  readonly kind: 'browser';
  /** The authorize URL, to open in a browser on this machine; never printed or logged. */
  readonly url: string;
  readonly expiresAt: Date;
}

export interface PkceFlowOptions {
  readonly env: Environment;
  readonly oidc: OidcClient;
  readonly client: ClientSecretPair;
  /** The resolved OIDC base URL: `/authorize` hangs off it, so an endpoint override moves the browser too. */
  readonly oidcBase: string;
  readonly scopes: readonly string[];
  readonly onPrompt: (prompt: BrowserPrompt) => void | Promise<void>;
  readonly signal?: AbortSignal | undefined;
  /** CLI v2's overall limit. */
  readonly timeoutMs?: number | undefined;
}

/** Thrown when no loopback listener can be started; login falls back to the device code then. */
export class LoopbackUnavailable extends Error {
  constructor() {
    super('No loopback listener could be started on 127.0.0.1.');
    this.name = 'LoopbackUnavailable';
  }
}

const UNRESERVED = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-._~';

/** 64 characters from RFC 7636's unreserved set (66 of them); bytes from 198 up are skipped so each is equally likely. */
export function codeVerifier(): string {
  let out = '';
  while (out.length < 64) {
    for (const b of randomBytes(96)) {
      if (b < 198 && out.length < 64) out += UNRESERVED[b % UNRESERVED.length];
    }
  }
  return out;
}

/** base64url(SHA-256(verifier)) without padding: 43 characters. */
export function codeChallenge(verifier: string): string {
  return createHash('sha256').update(verifier, 'ascii').digest('base64url');
}

/** Percent-encoding with only A-Za-z0-9-._~ left bare (botocore's percent_encode; a space becomes %20). */
function pct(s: string): string {
  return encodeURIComponent(s).replace(/[!'()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
}

/** `<OIDC base>/authorize?…` with the parameters in botocore's order, `code_challenge` last. */
export function authorizeUrl(oidcBase: string, p: { clientId: string; redirectUri: string; state: string; scopes: readonly string[]; challenge: string }): string {
  const origin = new URL(oidcBase).origin;
  const params: [string, string][] = [
    ['response_type', 'code'],
    ['client_id', p.clientId],
    ['redirect_uri', p.redirectUri],
    ['state', p.state],
    ['code_challenge_method', 'S256'],
    ['scopes', p.scopes.join(' ')],
  ];
  return `${origin}/authorize?${params.map(([k, v]) => `${k}=${pct(v)}`).join('&')}&code_challenge=${pct(p.challenge)}`;
}

const DONE_PAGE = '<!doctype html><meta charset="utf-8"><title>Hatrack</title><p>Request received. You can close this tab and return to Hatrack.</p>';

function listen(server: Server): Promise<number> {
  return new Promise((resolve, reject) => {
    server.once('error', () => reject(new LoopbackUnavailable()));
    server.listen(0, '127.0.0.1', () => {
      const addr = server.address();
      if (addr === null || typeof addr === 'string') reject(new LoopbackUnavailable());
      else resolve(addr.port);
    });
  });
}

/**
 * Waits for exactly one callback on /oauth/callback: `error=` fails at once, `code` with the same `state` succeeds,
 * a different state fails; other paths get 404 and the wait goes on. The listener is closed in every outcome.
 */
export async function runPkceFlow(options: PkceFlowOptions): Promise<IssuedToken> {
  const { signal } = options;
  if (signal?.aborted === true) throw cancelled();
  const verifier = codeVerifier();
  const state = randomUUID();
  let settle: { resolve: (code: string) => void; reject: (e: unknown) => void } | undefined;
  const result = new Promise<string>((resolve, reject) => {
    settle = { resolve, reject };
  });
  // Whoever settles it after the flow has ended must not raise an unhandled rejection.
  result.catch(() => undefined);
  const server = createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    if (req.method !== 'GET' || url.pathname !== '/oauth/callback') {
      res.writeHead(404, { 'content-type': 'text/plain' }).end('Not found');
      return;
    }
    res.writeHead(200, { 'content-type': 'text/html; charset=utf-8', connection: 'close' }).end(DONE_PAGE);
    const error = url.searchParams.get('error');
    const code = url.searchParams.get('code');
    const got = url.searchParams.get('state');
    if (error !== null) {
      settle?.reject(
        error === 'access_denied'
          ? new HatrackError('SSO_LOGIN_DENIED', 'Sign-in was denied in the browser; nothing was written.')
          : new HatrackError('SSO_LOGIN_FAILED', `The browser sign-in failed (${error.replace(/[^\w.-]/g, '').slice(0, 64)}).`),
      );
    } else if (code !== null && got !== null) {
      if (got !== state) settle?.reject(new HatrackError('SSO_LOGIN_FAILED', 'The sign-in answer did not match this request (state mismatch); nothing was written.'));
      else settle?.resolve(code);
    }
  });
  const port = await listen(server);
  const timeoutMs = options.timeoutMs ?? 10 * 60_000;
  const timer = setTimeout(() => settle?.reject(new HatrackError('SSO_LOGIN_EXPIRED', 'The browser sign-in was not completed within 10 minutes; run the login again.')), timeoutMs);
  const onAbort = (): void => settle?.reject(cancelled());
  signal?.addEventListener('abort', onAbort, { once: true });
  try {
    const redirectUri = `http://127.0.0.1:${port}/oauth/callback`;
    const url = authorizeUrl(options.oidcBase, { clientId: options.client.clientId, redirectUri, state, scopes: options.scopes, challenge: codeChallenge(verifier) });
    await Promise.race([options.onPrompt({ kind: 'browser', url, expiresAt: new Date(options.env.now().getTime() + timeoutMs) }), result]);
    const code = await result;
    try {
      return await options.oidc.createToken(options.client, { grantType: 'authorization_code', code, redirectUri, codeVerifier: verifier }, signal);
    } catch (e) {
      throw loginFailure(e);
    }
  } finally {
    clearTimeout(timer);
    signal?.removeEventListener('abort', onAbort);
    server.closeAllConnections();
    server.close();
  }
}
