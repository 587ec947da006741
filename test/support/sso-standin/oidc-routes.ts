// The stand-in's SSO OIDC routes: RegisterClient, StartDeviceAuthorization, CreateToken, /authorize (spec §3.2, §12.1).
import { createHash, randomBytes } from 'node:crypto';
import type { ServerResponse } from 'node:http';

import { sendError, sendJson } from './respond.js';
import type { StandinRequest, StandinRoute, StandinState } from './server.js';

export interface OidcRouteOptions {
  /** Device poll interval in seconds (default 1, for speed). */
  readonly interval?: number;
  /** Device code lifetime in seconds (default 600). */
  readonly deviceExpiresIn?: number;
  /** Access token lifetime in seconds (default 3600). */
  readonly tokenExpiresIn?: number;
  /** Client registration lifetime in seconds (default 90 days). */
  readonly registrationLifetime?: number;
}

export type OidcOperation = 'RegisterClient' | 'StartDeviceAuthorization' | 'CreateToken';

/** What /authorize does: redirect with a code (default), redirect with error=access_denied, a wrong state, or nothing. */
export type AuthorizeMode = 'approve' | 'deny' | 'wrong-state' | 'no-redirect';

export interface DeviceRecord {
  readonly deviceCode: string;
  readonly userCode: string;
  readonly clientId: string;
  status: 'pending' | 'approved' | 'denied' | 'expired' | 'used';
}

export interface OidcControl {
  /** The user approves / denies the code in the browser, or it runs out. */
  approve(userCode: string): void;
  deny(userCode: string): void;
  expire(userCode: string): void;
  /** The next `times` calls of `operation` fail with `shape` (status from the API reference unless given). */
  injectError(operation: OidcOperation, shape: string, times?: number, status?: number): void;
  /** The next device poll answers SlowDownException once before the usual answer. */
  slowDownOnce(): void;
  setAuthorizeMode(mode: AuthorizeMode): void;
  /** Refresh answers leave out refreshToken (the session can no longer be refreshed afterwards). */
  omitRefreshToken(omit: boolean): void;
  /** Makes a live access token unknown to the portal (as if it expired server-side). */
  revokeAccessToken(token: string): void;
  readonly devices: readonly DeviceRecord[];
  readonly registrations: readonly Readonly<Record<string, unknown>>[];
  /** Access tokens in the order issued, with how they were obtained. */
  readonly issued: readonly { readonly grantType: string; readonly accessToken: string; readonly refreshToken: string | undefined }[];
}

const STATUS: Readonly<Record<string, number>> = {
  InvalidClientException: 401,
  InternalServerException: 500,
};

function oauthError(shape: string): string {
  const names: Record<string, string> = {
    AuthorizationPendingException: 'authorization_pending',
    SlowDownException: 'slow_down',
    ExpiredTokenException: 'expired_token',
    AccessDeniedException: 'access_denied',
    InvalidGrantException: 'invalid_grant',
    InvalidClientException: 'invalid_client',
    InvalidRequestException: 'invalid_request',
    InternalServerException: 'server_error',
  };
  return names[shape] ?? 'invalid_request';
}

function fail(res: ServerResponse, shape: string, status?: number): true {
  sendError(res, status ?? STATUS[shape] ?? 400, shape, { error: oauthError(shape), error_description: `${shape} (stand-in)` });
  return true;
}

const rand = (n = 8): string => randomBytes(n).toString('hex');

function userCode(): string {
  const letters = 'BCDFGHJKLMNPQRSTVWXZ';
  const pick = (): string => Array.from(randomBytes(4), (b) => letters[b % letters.length]).join('');
  return `${pick()}-${pick()}`;
}

export function createOidcRoutes(options: OidcRouteOptions): { route: StandinRoute; control: (state: StandinState) => OidcControl } {
  const clients = new Map<string, { secret: string; redirectUris: readonly string[] }>();
  const devices: (DeviceRecord & { expiresAt: number })[] = [];
  const registrations: Record<string, unknown>[] = [];
  const issued: { grantType: string; accessToken: string; refreshToken: string | undefined }[] = [];
  const injected: { operation: OidcOperation; shape: string; status: number | undefined; left: number }[] = [];
  const codes = new Map<string, { clientId: string; redirectUri: string; challenge: string }>();
  const refreshTokens = new Set<string>();
  let slowDown = false;
  let authorizeMode: AuthorizeMode = 'approve';
  let omitRefresh = false;
  let liveTokens: Set<string> | undefined;

  const takeInjected = (operation: OidcOperation): { shape: string; status: number | undefined } | undefined => {
    const i = injected.findIndex((x) => x.operation === operation && x.left > 0);
    if (i < 0) return undefined;
    const hit = injected[i]!;
    hit.left--;
    return hit;
  };

  const issue = (res: ServerResponse, state: StandinState, grantType: string, withRefresh: boolean): true => {
    const accessToken = `at-${rand()}`;
    const refreshToken = withRefresh ? `rt-${rand()}` : undefined;
    state.accessTokens.add(accessToken);
    if (refreshToken !== undefined) refreshTokens.add(refreshToken);
    issued.push({ grantType, accessToken, refreshToken });
    sendJson(res, { accessToken, tokenType: 'Bearer', expiresIn: options.tokenExpiresIn ?? 3600, ...(refreshToken !== undefined ? { refreshToken } : {}) });
    return true;
  };

  const body = (req: StandinRequest): Record<string, unknown> => (typeof req.body === 'object' && req.body !== null ? (req.body as Record<string, unknown>) : {});

  const knownClient = (b: Record<string, unknown>): boolean => {
    const c = typeof b['clientId'] === 'string' ? clients.get(b['clientId']) : undefined;
    return c !== undefined && c.secret === b['clientSecret'];
  };

  const token = (req: StandinRequest, res: ServerResponse, state: StandinState): true => {
    const b = body(req);
    const inj = takeInjected('CreateToken');
    if (inj !== undefined) return fail(res, inj.shape, inj.status);
    if (!knownClient(b)) return fail(res, 'InvalidClientException');
    switch (b['grantType']) {
      case 'urn:ietf:params:oauth:grant-type:device_code': {
        const d = devices.find((x) => x.deviceCode === b['deviceCode']);
        if (d === undefined || d.clientId !== b['clientId']) return fail(res, 'InvalidGrantException');
        if (d.status === 'pending' && Date.now() > d.expiresAt) d.status = 'expired';
        if (slowDown && d.status === 'pending') {
          slowDown = false;
          return fail(res, 'SlowDownException');
        }
        if (d.status === 'pending') return fail(res, 'AuthorizationPendingException');
        if (d.status === 'denied') return fail(res, 'AccessDeniedException');
        if (d.status === 'expired') return fail(res, 'ExpiredTokenException');
        if (d.status === 'used') return fail(res, 'InvalidGrantException');
        d.status = 'used';
        return issue(res, state, 'device_code', true);
      }
      case 'authorization_code': {
        const c = typeof b['code'] === 'string' ? codes.get(b['code']) : undefined;
        if (c === undefined || c.clientId !== b['clientId']) return fail(res, 'InvalidGrantException');
        codes.delete(b['code'] as string);
        if (c.redirectUri !== b['redirectUri']) return fail(res, 'InvalidGrantException');
        const verifier = typeof b['codeVerifier'] === 'string' ? b['codeVerifier'] : '';
        if (createHash('sha256').update(verifier).digest('base64url') !== c.challenge) return fail(res, 'InvalidGrantException');
        return issue(res, state, 'authorization_code', true);
      }
      case 'refresh_token': {
        const rt = b['refreshToken'];
        if (typeof rt !== 'string' || !refreshTokens.has(rt)) return fail(res, 'InvalidGrantException');
        refreshTokens.delete(rt); // single use, as the real service may treat it
        return issue(res, state, 'refresh_token', !omitRefresh);
      }
      default:
        return fail(res, 'UnsupportedGrantTypeException');
    }
  };

  const route: StandinRoute = (req, res, state) => {
    liveTokens = state.accessTokens;
    if (req.method === 'POST' && req.path === '/client/register') {
      const inj = takeInjected('RegisterClient');
      if (inj !== undefined) return fail(res, inj.shape, inj.status);
      const b = body(req);
      if (typeof b['clientName'] !== 'string' || b['clientType'] !== 'public') return fail(res, 'InvalidRequestException');
      registrations.push(b);
      const clientId = `cid-${rand(4)}`;
      const secret = `csecret-${rand()}`;
      clients.set(clientId, { secret, redirectUris: Array.isArray(b['redirectUris']) ? (b['redirectUris'] as string[]) : [] });
      const now = Math.floor(Date.now() / 1000);
      sendJson(res, { clientId, clientSecret: secret, clientIdIssuedAt: now, clientSecretExpiresAt: now + (options.registrationLifetime ?? 90 * 86_400) });
      return true;
    }
    if (req.method === 'POST' && req.path === '/device_authorization') {
      const inj = takeInjected('StartDeviceAuthorization');
      if (inj !== undefined) return fail(res, inj.shape, inj.status);
      const b = body(req);
      if (!knownClient(b)) return fail(res, 'InvalidClientException');
      if (typeof b['startUrl'] !== 'string') return fail(res, 'InvalidRequestException');
      const d = { deviceCode: `dc-${rand()}`, userCode: userCode(), clientId: b['clientId'] as string, status: 'pending' as DeviceRecord['status'], expiresAt: Date.now() + (options.deviceExpiresIn ?? 600) * 1000 };
      devices.push(d);
      sendJson(res, {
        deviceCode: d.deviceCode,
        userCode: d.userCode,
        verificationUri: `${state.url}/device`,
        verificationUriComplete: `${state.url}/device?user_code=${d.userCode}`,
        expiresIn: options.deviceExpiresIn ?? 600,
        interval: options.interval ?? 1,
      });
      return true;
    }
    if (req.method === 'POST' && req.path === '/token') return token(req, res, state);
    if (req.method === 'GET' && req.path === '/authorize') {
      const q = req.query;
      const redirect = q['redirect_uri'] ?? '';
      const client = clients.get(q['client_id'] ?? '');
      // The registration carries the redirect without a port; the authorize call must match it but for the port.
      const base = redirect.replace(/:\d+\//, '/');
      if (client === undefined || !client.redirectUris.includes(base) || q['code_challenge_method'] !== 'S256' || q['response_type'] !== 'code') {
        res.writeHead(400, { 'content-type': 'text/plain' }).end('bad authorize request');
        return true;
      }
      if (authorizeMode === 'no-redirect') {
        res.writeHead(200, { 'content-type': 'text/html' }).end('<p>Sign in…</p>');
        return true;
      }
      const target = new URL(redirect);
      if (authorizeMode === 'deny') {
        target.searchParams.set('error', 'access_denied');
        target.searchParams.set('state', q['state'] ?? '');
      } else {
        const code = `code-${rand()}`;
        codes.set(code, { clientId: q['client_id']!, redirectUri: redirect, challenge: q['code_challenge'] ?? '' });
        target.searchParams.set('code', code);
        target.searchParams.set('state', authorizeMode === 'wrong-state' ? 'not-the-state' : (q['state'] ?? ''));
      }
      res.writeHead(302, { location: target.toString() }).end();
      return true;
    }
    return false;
  };

  const byCode = (code: string): DeviceRecord & { expiresAt: number } => {
    const d = devices.find((x) => x.userCode === code);
    if (d === undefined) throw new Error(`stand-in: no device authorization with user code ${code}`);
    return d;
  };

  return {
    route,
    control: (state) => ({
      approve: (code) => void (byCode(code).status = 'approved'),
      deny: (code) => void (byCode(code).status = 'denied'),
      expire: (code) => void (byCode(code).status = 'expired'),
      injectError: (operation, shape, times = 1, status) => void injected.push({ operation, shape, status, left: times }),
      slowDownOnce: () => void (slowDown = true),
      setAuthorizeMode: (mode) => void (authorizeMode = mode),
      omitRefreshToken: (omit) => void (omitRefresh = omit),
      revokeAccessToken: (t) => void (liveTokens ?? state.accessTokens).delete(t),
      devices,
      registrations,
      issued,
    }),
  };
}
