// The stand-in's IAM Identity Center portal (spec §3.3, §12.1): accounts, roles, role credentials, logout, with
// pagination, 401s for a missing/empty/unknown bearer, 429 injection and an optional per-second rate limit.
import type { StandinRoute, StandinState } from './server.js';
import { sendError, sendJson } from './respond.js';

export interface PortalAccountSpec {
  readonly accountId: string;
  readonly accountName?: string | undefined;
  readonly emailAddress?: string | undefined;
  readonly roles: readonly string[];
}

export interface PortalRouteOptions {
  readonly accounts?: readonly PortalAccountSpec[];
  /** Page size when the client sends no max_result (the real default is not documented). */
  readonly defaultPageSize?: number;
  /** Bearer tokens accepted besides the ones the OIDC routes issued (tests that write the token cache by hand). */
  readonly tokens?: readonly string[];
  /** Lifetime of issued role credentials, ms; default one hour. */
  readonly credentialLifetimeMs?: number;
  /** Requests per second above which the portal answers 429 (none by default). */
  readonly ratePerSecond?: number;
}

export interface ThrottleInjection {
  /** Send `x-amzn-ErrorType: TooManyRequestsException` (default true); false = a bare 429, as some real ones are. */
  readonly errorType?: boolean;
  /** Retry-After header value, e.g. "0" or "1". */
  readonly retryAfter?: string;
  /** Only requests to this path count (default: any portal path). */
  readonly path?: string;
}

export interface PortalControl {
  setAccounts(accounts: readonly PortalAccountSpec[]): void;
  addToken(token: string): void;
  revokeToken(token: string): void;
  /** The next `count` portal requests (matching `path`) get HTTP 429. */
  throttleNext(count: number, how?: ThrottleInjection): void;
  /** How many 429s were sent so far. */
  readonly throttled: number;
  /** Role credentials issued so far. */
  readonly issued: number;
}

const PORTAL_PATHS = new Set(['/assignment/accounts', '/assignment/roles', '/federation/credentials', '/logout']);

/** `count` accounts with `rolesPerAccount` roles; names exercise sanitising, and a few collide on purpose. */
export function generatedAccounts(count: number, rolesPerAccount: number): PortalAccountSpec[] {
  const roles = ['AdministratorAccess', 'ReadOnlyAccess', 'PowerUserAccess', 'Billing', 'ViewOnlyAccess', 'SecurityAudit'].slice(0, rolesPerAccount);
  const out: PortalAccountSpec[] = [];
  for (let i = 0; i < count; i++) {
    const n = String(i).padStart(4, '0');
    // Every 250th account shares the previous one's name after sanitising: "Team 0249 & Co" vs "Team (0249) Co".
    const name = i % 250 === 0 && i > 0 ? `Team (${String(i - 1).padStart(4, '0')}) Co` : `Team ${n} & Co`;
    out.push({ accountId: String(100000000000 + i), accountName: name, emailAddress: `aws+${n}@example.com`, roles });
  }
  return out;
}

function pageOf<T>(items: readonly T[], query: Readonly<Record<string, string>>, fallback: number): { page: readonly T[]; nextToken: string | undefined } | string {
  const raw = query['max_result'];
  const size = raw === undefined ? fallback : Number(raw);
  if (!Number.isInteger(size) || size < 1 || size > 100) return 'max_result must be between 1 and 100';
  const start = query['next_token'] === undefined ? 0 : Number(query['next_token']);
  if (!Number.isInteger(start) || start < 0 || start > items.length) return 'Invalid next_token';
  const end = Math.min(items.length, start + size);
  return { page: items.slice(start, end), nextToken: end < items.length ? String(end) : undefined };
}

export function createPortalRoutes(options: PortalRouteOptions = {}): { route: StandinRoute; control: PortalControl } {
  let accounts: readonly PortalAccountSpec[] = options.accounts ?? [];
  let byId = new Map(accounts.map((a) => [a.accountId, a]));
  const tokens = new Set(options.tokens ?? []);
  const revoked = new Set<string>();
  const injections: ThrottleInjection[] = [];
  const lifetime = options.credentialLifetimeMs ?? 3_600_000;
  let throttled = 0;
  let issued = 0;
  let windowStart = 0;
  let windowCount = 0;

  const authorised = (bearer: string | undefined, state: StandinState): boolean =>
    bearer !== undefined && bearer !== '' && !revoked.has(bearer) && (tokens.has(bearer) || state.accessTokens.has(bearer));

  const route: StandinRoute = (req, res, state) => {
    if (!PORTAL_PATHS.has(req.path)) return false;
    const at = injections.findIndex((i) => i.path === undefined || i.path === req.path);
    const overRate = (() => {
      if (options.ratePerSecond === undefined) return false;
      const now = Date.now();
      if (now - windowStart >= 1000) {
        windowStart = now;
        windowCount = 0;
      }
      return ++windowCount > options.ratePerSecond;
    })();
    if (at >= 0 || overRate) {
      const how = at >= 0 ? injections.splice(at, 1)[0]! : { retryAfter: '1' };
      throttled++;
      const headers: Record<string, string> = { 'content-type': 'application/json' };
      if (how.errorType !== false) headers['x-amzn-ErrorType'] = 'TooManyRequestsException:http://internal.amazon.com/coral/com.amazonaws.switchboard.portal/';
      if (how.retryAfter !== undefined) headers['retry-after'] = how.retryAfter;
      res.writeHead(429, headers);
      res.end(JSON.stringify({ message: 'Too many requests' }));
      return true;
    }
    if (!authorised(req.bearer, state)) {
      sendError(res, 401, 'UnauthorizedException', { message: 'Session token not found or invalid' });
      return true;
    }
    if (req.path === '/logout') {
      if (req.method !== 'POST') return false;
      revoked.add(req.bearer!);
      res.writeHead(200);
      res.end();
      return true;
    }
    if (req.method !== 'GET') return false;
    if (req.path === '/assignment/accounts') {
      const p = pageOf(accounts, req.query, options.defaultPageSize ?? 20);
      if (typeof p === 'string') sendError(res, 400, 'InvalidRequestException', { message: p });
      else sendJson(res, { accountList: p.page.map(({ accountId, accountName, emailAddress }) => ({ accountId, accountName, emailAddress })), nextToken: p.nextToken });
      return true;
    }
    const accountId = req.query['account_id'];
    const account = accountId === undefined ? undefined : byId.get(accountId);
    if (accountId === undefined || accountId === '') {
      sendError(res, 400, 'InvalidRequestException', { message: 'account_id is required' });
      return true;
    }
    if (req.path === '/assignment/roles') {
      const p = pageOf((account?.roles ?? []).map((roleName) => ({ roleName, accountId })), req.query, options.defaultPageSize ?? 20);
      if (typeof p === 'string') sendError(res, 400, 'InvalidRequestException', { message: p });
      else sendJson(res, { roleList: p.page, nextToken: p.nextToken });
      return true;
    }
    const role = req.query['role_name'] ?? '';
    if (account === undefined || !account.roles.includes(role)) {
      sendError(res, 403, 'ForbiddenException', { message: 'No access' });
      return true;
    }
    issued++;
    sendJson(res, {
      roleCredentials: {
        accessKeyId: `ASIA${accountId}${String(issued).padStart(4, '0')}`,
        secretAccessKey: `secret/${role}/${accountId}/${issued}`,
        sessionToken: `session-${role}-${accountId}-${issued}`,
        expiration: Date.now() + lifetime,
      },
    });
    return true;
  };

  return {
    route,
    control: {
      setAccounts(list) {
        accounts = list;
        byId = new Map(accounts.map((a) => [a.accountId, a]));
      },
      addToken(t) {
        tokens.add(t);
        revoked.delete(t);
      },
      revokeToken: (t) => void revoked.add(t),
      throttleNext(count, how = {}) {
        for (let i = 0; i < count; i++) injections.push(how);
      },
      get throttled() {
        return throttled;
      },
      get issued() {
        return issued;
      },
    },
  };
}
