// A loopback stand-in for IAM Identity Center (OIDC + portal) for tests: one HTTP server on 127.0.0.1:0 (spec §12.1).
//
// OIDC routes live in oidc-routes.ts; the portal routes plug in through `routes` (portal-routes.ts). Every request is
// logged as one JSON object (method, path, query, bearer header, Authorization, Content-Type, body).
import { createServer } from 'node:http';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

import { createOidcRoutes } from './oidc-routes.js';
import { sendError, sendJson } from './respond.js';

export { sendError, sendJson };
import type { OidcControl, OidcRouteOptions } from './oidc-routes.js';

export interface StandinRequest {
  readonly method: string;
  readonly path: string;
  readonly query: Readonly<Record<string, string>>;
  /** `x-amz-sso_bearer_token`, undefined when absent. */
  readonly bearer: string | undefined;
  /** Must stay undefined: both APIs are unsigned. */
  readonly authorization: string | undefined;
  readonly contentType: string | undefined;
  readonly body: unknown;
  readonly time: number;
}

/** Shared state the route sets use: which access tokens are live (OIDC issues them, the portal checks them). */
export interface StandinState {
  readonly url: string;
  readonly accessTokens: Set<string>;
}

/** Answers a request it owns (returns true) or leaves it to the next route set (false). */
export type StandinRoute = (req: StandinRequest, res: ServerResponse, state: StandinState) => boolean | Promise<boolean>;

export interface SsoStandinOptions {
  readonly oidc?: OidcRouteOptions;
  /** Extra route sets tried before the built-in ones (SSO-B's portal routes plug in here). */
  readonly routes?: readonly StandinRoute[];
  /**
   * A bare GetRoleCredentials (`GET /federation/credentials`) for sign-in tests that need botocore to turn the
   * token into keys. SSO-B: the full portal (pagination, throttling, 401s) belongs in portal-routes.ts; once that
   * serves /federation/credentials, pass it in `routes` and it answers first.
   */
  readonly minimalRoleCredentials?: boolean;
}

export interface SsoStandin {
  readonly url: string;
  readonly log: StandinRequest[];
  readonly control: OidcControl;
  readonly state: StandinState;
  close(): Promise<void>;
}

async function readBody(req: IncomingMessage): Promise<unknown> {
  const chunks: Buffer[] = [];
  for await (const c of req) chunks.push(c as Buffer);
  const text = Buffer.concat(chunks).toString('utf8');
  if (text === '') return undefined;
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return text;
  }
}

function header(req: IncomingMessage, name: string): string | undefined {
  const v = req.headers[name];
  return Array.isArray(v) ? v[0] : v;
}

function roleCredentialsRoute(): StandinRoute {
  return (req, res, state) => {
    if (req.method !== 'GET' || req.path !== '/federation/credentials') return false;
    if (req.bearer === undefined || req.bearer === '' || !state.accessTokens.has(req.bearer)) {
      sendError(res, 401, 'UnauthorizedException', { message: 'Session token not found or invalid' });
      return true;
    }
    const account = req.query['account_id'] ?? '';
    const role = req.query['role_name'] ?? '';
    sendJson(res, {
      roleCredentials: {
        accessKeyId: `ASIASTANDIN${account.slice(-6)}`,
        secretAccessKey: `secret/${role}/${account}`,
        sessionToken: `session-${role}-${account}`,
        expiration: Date.now() + 3_600_000,
      },
    });
    return true;
  };
}

export async function startSsoStandin(options: SsoStandinOptions = {}): Promise<SsoStandin> {
  const log: StandinRequest[] = [];
  const state: { url: string; accessTokens: Set<string> } = { url: '', accessTokens: new Set() };
  const oidc = createOidcRoutes(options.oidc ?? {});
  const routes: StandinRoute[] = [...(options.routes ?? []), oidc.route];
  if (options.minimalRoleCredentials === true) routes.push(roleCredentialsRoute());
  const server = createServer((req, res) => {
    void (async () => {
      const url = new URL(req.url ?? '/', 'http://127.0.0.1');
      const entry: StandinRequest = {
        method: req.method ?? 'GET',
        path: url.pathname,
        query: Object.fromEntries(url.searchParams),
        bearer: header(req, 'x-amz-sso_bearer_token'),
        authorization: header(req, 'authorization'),
        contentType: header(req, 'content-type'),
        body: await readBody(req),
        time: Date.now(),
      };
      log.push(entry);
      for (const route of routes) if (await route(entry, res, state)) return;
      sendError(res, 404, 'ResourceNotFoundException', { message: `No route for ${entry.method} ${entry.path}` });
    })().catch((e: unknown) => {
      if (!res.headersSent) sendError(res, 500, 'InternalServerException', { message: String(e) });
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  state.url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    url: state.url,
    log,
    control: oidc.control(state),
    state,
    close: () =>
      new Promise((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
