// Issue 11 point 6 in main: the sso.* channels of the real app core (createAppCore, plain Node) against the loopback
// OIDC + portal stand-in, over a temp HOME. The window's view of IAM Identity Center must never hold a token.
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';

import { createAppCore } from '../src-main/app/app-core.js';
import { loadTraySnapshot } from '../src-main/app/tray/tray-input.js';
import { buildTrayModel, trayActions } from '../src-main/app/tray/tray-model.js';
import { createTrayActionRunner } from '../src-main/electron/tray-actions.js';
import type { AppCore } from '../src-main/app/app-core.js';
import type { Channel, EventPayload, RequestOf, ResponseOf } from '../shared/ipc/contract.js';
import { createPortalRoutes } from './support/sso-standin/portal-routes.js';
import type { PortalAccountSpec, PortalControl } from './support/sso-standin/portal-routes.js';
import { startSsoStandin } from './support/sso-standin/server.js';
import { hangingServer } from './support/network-stand-ins.js';
import type { SsoStandin } from './support/sso-standin/server.js';

const START_URL = 'https://d-1234567890.awsapps.com/start';
const ACCOUNTS: PortalAccountSpec[] = [
  { accountId: '111111111111', accountName: 'Acme Prod', emailAddress: 'prod@example.com', roles: ['AdministratorAccess', 'ReadOnly'] },
  { accountId: '222222222222', accountName: 'Sandbox', roles: ['ReadOnly'] },
  { accountId: '333333333333', accountName: 'No roles', roles: [] },
];
const USER_CONFIG = `# mine, kept as typed
[default]
region = eu-west-1   ; inline note
`;
const SESSION = `
[sso-session corp]
sso_start_url = ${START_URL}
sso_region = us-east-1
sso_registration_scopes = sso:account:access

[profile legacy-dev]
sso_session = corp
sso_account_id = 222222222222
sso_role_name = ReadOnly
`;

let standin: SsoStandin;
let portal: PortalControl;
let home: string;
let core: AppCore;
const opened: string[] = [];
const events: { name: string; payload: unknown }[] = [];

beforeAll(async () => {
  const routes = createPortalRoutes({ accounts: ACCOUNTS, defaultPageSize: 2 });
  portal = routes.control;
  standin = await startSsoStandin({ routes: [routes.route] });
});
afterAll(async () => standin.close());

beforeEach(() => {
  home = mkdtempSync(join(tmpdir(), 'hatrack-sso-app-'));
  mkdirSync(join(home, '.aws'));
  writeFileSync(join(home, '.aws', 'config'), USER_CONFIG);
  opened.length = 0;
  events.length = 0;
  core = createAppCore({
    env: { vars: { HOME: home, AWS_ENDPOINT_URL_SSO_OIDC: standin.url, AWS_ENDPOINT_URL_SSO: standin.url, HATRACK_CHECK_RESPONSES: '1' }, platform: 'linux', osHome: home, now: () => new Date() },
    dataDir: join(home, 'data'),
    openExternal: async (url) => void opened.push(url),
    watchFiles: false,
  });
  for (const name of ['sso.discovery.progress', 'sso.signInNeeded'] as const) core.on(name, (payload: EventPayload<typeof name>) => events.push({ name, payload }));
});
afterEach(() => {
  core.dispose();
  rmSync(home, { recursive: true, force: true });
});

/** Every answer, kept to check afterwards that no token ever left main. */
const answers: unknown[] = [];

async function call<C extends Channel>(channel: C, request: RequestOf<C>): Promise<ResponseOf<C>> {
  const r = await core.dispatch(channel, request);
  answers.push(r);
  if (!r.ok) throw new Error(`${channel}: ${r.error.code}: ${r.error.message}`);
  return r.value;
}

async function failure<C extends Channel>(channel: C, request: RequestOf<C>): Promise<{ code: string; message: string }> {
  const r = await core.dispatch(channel, request);
  answers.push(r);
  if (r.ok) throw new Error(`${channel} succeeded`);
  return r.error;
}

const config = (): string => readFileSync(join(home, '.aws', 'config'), 'utf8');
const cacheDir = (): string => join(home, '.aws', 'sso', 'cache');

/** Sign in through the channels the dialog uses; the "user" approves the code the dialog would show. */
async function signIn(target: RequestOf<'sso.signIn.start'>['target'] = { session: 'corp' }) {
  const started = await call('sso.signIn.start', { target });
  expect(started.prompt).not.toBeNull();
  standin.control.approve(started.prompt!.userCode);
  return call('sso.signIn.wait', { flowId: started.flowId });
}

describe('sso.* channels over the real core', () => {
  it('setup writes one lossless [sso-session] block and the session shows as signed out', async () => {
    expect((await call('sso.sessions', {})).sessions).toEqual([]);
    const r = await call('sso.setup', { name: 'corp', startUrl: START_URL, region: 'us-east-1' });
    expect(r.changed).toBe(true);
    expect(config()).toBe(`${USER_CONFIG}\n[sso-session corp]\nsso_start_url = ${START_URL}\nsso_region = us-east-1\nsso_registration_scopes = sso:account:access\n`);
    expect((await call('sso.sessions', {})).sessions).toEqual([{ name: 'corp', startUrl: START_URL, region: 'us-east-1', status: 'signed-out', expiresAt: null, notice: null, profiles: 0 }]);
    const bad = await failure('sso.setup', { name: 'other', startUrl: 'http://example.com', region: 'us-east-1' });
    expect(bad.code).toBe('INVALID_VALUE');
  });

  it('device-code sign-in: the code and bare URL reach the window, the browser gets the code URL, the token only the cache', async () => {
    writeFileSync(join(home, '.aws', 'config'), USER_CONFIG + SESSION);
    const before = await call('profiles.list', {});
    const row = before.profiles.find((p) => p.name === 'legacy-dev')!;
    expect(row.capabilities.signIn.ok).toBe(true);
    expect(row.sso).toMatchObject({ session: 'corp', startUrl: START_URL, accountId: '222222222222', roleName: 'ReadOnly', signedIn: false, expiresAt: null });

    const started = await call('sso.signIn.start', { target: { profile: 'legacy-dev' } });
    expect(started.prompt!.userCode).toMatch(/^[A-Z]{4}-[A-Z]{4}$/);
    expect(started.prompt!.verificationUri).toBe(`${standin.url}/device`);
    expect(Date.parse(started.prompt!.expiresAt)).toBeGreaterThan(Date.now());
    expect(await call('sso.signIn.openBrowser', { flowId: started.flowId })).toEqual({ opened: true });
    expect(opened).toEqual([`${standin.url}/device?user_code=${started.prompt!.userCode}`]);
    standin.control.approve(started.prompt!.userCode);
    const done = await call('sso.signIn.wait', { flowId: started.flowId });
    expect(done.refreshable).toBe(true);
    expect(Date.parse(done.expiresAt)).toBeGreaterThan(Date.now() + 30 * 60_000);

    const [session] = (await call('sso.sessions', {})).sessions;
    expect(session).toMatchObject({ name: 'corp', status: 'signed-in', expiresAt: done.expiresAt, notice: null, profiles: 1 });
    const after = (await call('profiles.list', {})).profiles.find((p) => p.name === 'legacy-dev')!;
    expect(after.sso).toMatchObject({ signedIn: true, expiresAt: done.expiresAt });
    // A finished flow is gone: its browser URL cannot be asked for again.
    expect((await failure('sso.signIn.openBrowser', { flowId: started.flowId })).code).toBe('BAD_REQUEST');
  });

  it('cancel stops polling and writes nothing; a denied code ends the wait with its own error', async () => {
    writeFileSync(join(home, '.aws', 'config'), USER_CONFIG + SESSION);
    const started = await call('sso.signIn.start', { target: { session: 'corp' } });
    const waiting = core.dispatch('sso.signIn.wait', { flowId: started.flowId });
    expect(await call('sso.signIn.cancel', { flowId: started.flowId })).toEqual({ cancelled: true });
    const ended = await waiting;
    expect(ended).toMatchObject({ ok: false, error: { code: 'CANCELLED' } });
    const polls = standin.log.filter((l) => l.path === '/token').length;
    // The device interval is 1 s: a poll that was still running would show within a few intervals.
    await expect.poll(() => standin.log.filter((l) => l.path === '/token').length, { timeout: 3_500, interval: 500 }).toBe(polls);
    expect(existsSync(join(cacheDir()))).toBe(false);

    const denied = await call('sso.signIn.start', { target: { session: 'corp' } });
    standin.control.deny(denied.prompt!.userCode);
    expect(await failure('sso.signIn.wait', { flowId: denied.flowId })).toMatchObject({ code: 'SSO_LOGIN_DENIED' });
    expect(existsSync(join(cacheDir()))).toBe(false);
  });

  it('discover, preview and apply the picked accounts; the rows then carry account name and role', async () => {
    writeFileSync(join(home, '.aws', 'config'), USER_CONFIG + SESSION);
    expect((await failure('sso.discover', { session: 'corp' })).code).toBe('SSO_LOGIN_REQUIRED');
    await signIn();
    const found = await call('sso.discover', { session: 'corp' });
    expect(found.accounts.map((a) => [a.accountId, a.accountName, a.roles])).toEqual([
      ['111111111111', 'Acme Prod', ['AdministratorAccess', 'ReadOnly']],
      ['222222222222', 'Sandbox', ['ReadOnly']],
    ]);
    expect(found.withoutRoles).toBe(1);
    expect(events.some((e) => e.name === 'sso.discovery.progress' && (e.payload as { listingDone: boolean }).listingDone)).toBe(true);

    const before = config();
    const request = { session: 'corp', pairs: ['111111111111/ReadOnly', '222222222222/ReadOnly'] };
    const preview = await call('sso.populate.preview', request);
    expect(config()).toBe(before);
    expect(preview.added).toEqual(['Acme-Prod/ReadOnly', 'Sandbox/ReadOnly']);
    const added = preview.files.flatMap((f) => f.hunks.flatMap((h) => h.lines.filter((l) => l.op === 'add').map((l) => l.text)));
    expect(added).toContain('[profile Acme-Prod/ReadOnly]');
    expect(added).toContain('sso_account_name = Acme Prod');

    const applied = await call('sso.populate.apply', request);
    expect(applied).toMatchObject({ changed: true, added: ['Acme-Prod/ReadOnly', 'Sandbox/ReadOnly'] });
    expect(config().startsWith(before)).toBe(true);
    const rows = (await call('profiles.list', {})).profiles.filter((p) => p.name.includes('/'));
    expect(rows.map((p) => [p.name, p.sso?.accountName, p.sso?.roleName, p.sso?.signedIn])).toEqual([
      ['Acme-Prod/ReadOnly', 'Acme Prod', 'ReadOnly', true],
      ['Sandbox/ReadOnly', 'Sandbox', 'ReadOnly', true],
    ]);
    // Applying the same pick again changes nothing.
    expect(await call('sso.populate.apply', request)).toMatchObject({ changed: false, unchanged: 2, added: [] });
  });

  it('an expired token that cannot be refreshed: the session says sign in again, once, and the row needs a sign-in', async () => {
    writeFileSync(join(home, '.aws', 'config'), USER_CONFIG + SESSION);
    await signIn();
    const isToken = (f: string): boolean => (JSON.parse(readFileSync(join(cacheDir(), f), 'utf8')) as Record<string, unknown>)['accessToken'] !== undefined;
    const file = join(cacheDir(), readdirSync(cacheDir()).find(isToken)!);
    const token = JSON.parse(readFileSync(file, 'utf8')) as Record<string, unknown>;
    delete token['refreshToken'];
    writeFileSync(file, JSON.stringify({ ...token, expiresAt: '2020-01-01T00:00:00Z' }));
    const [session] = (await call('sso.sessions', {})).sessions;
    expect(session).toMatchObject({ status: 'expired', notice: 'The sign-in for corp has expired and cannot be refreshed; sign in again.' });
    await call('sso.sessions', {});
    expect(events.filter((e) => e.name === 'sso.signInNeeded')).toEqual([{ name: 'sso.signInNeeded', payload: { session: 'corp', message: session!.notice } }]);
    expect((await call('profiles.list', {})).profiles.find((p) => p.name === 'legacy-dev')!.sso).toMatchObject({ signedIn: false });

    // With the refresh token back the same expired token is renewable: no sign-in needed.
    writeFileSync(file, JSON.stringify({ ...token, refreshToken: 'rt-x', expiresAt: '2020-01-01T00:00:00Z' }));
    expect((await call('sso.sessions', {})).sessions[0]).toMatchObject({ status: 'refreshable', notice: null });
  });

  it('sign out removes the token at the portal and on disk', async () => {
    writeFileSync(join(home, '.aws', 'config'), USER_CONFIG + SESSION);
    await signIn();
    const token = standin.control.issued.at(-1)!.accessToken;
    expect(await call('sso.signOut', { session: 'corp' })).toMatchObject({ tokensRemoved: 1 });
    expect(standin.log.filter((l) => l.path === '/logout').at(-1)!.bearer).toBe(token);
    expect((await call('sso.sessions', {})).sessions[0]).toMatchObject({ status: 'signed-out', expiresAt: null });
    expect(portal.throttled).toBe(0);
  });

  it('calls.cancel stops a discovery whose portal never answers: CANCELLED, the connections closed, nothing kept', async () => {
    writeFileSync(join(home, '.aws', 'config'), USER_CONFIG + SESSION);
    await signIn();
    const portalThatHangs = await hangingServer();
    const hanging = createAppCore({
      env: { vars: { HOME: home, AWS_ENDPOINT_URL_SSO_OIDC: standin.url, AWS_ENDPOINT_URL_SSO: portalThatHangs.url, HATRACK_HTTP_TIMEOUT_MS: '600000', HATRACK_NETWORK_DEADLINE_MS: '600000' }, platform: 'linux', osHome: home, now: () => new Date() },
      dataDir: join(home, 'data'),
      openExternal: async () => undefined,
      watchFiles: false,
    });
    try {
      const discovering = hanging.dispatch('sso.discover', { session: 'corp', callId: 'discover-1' });
      await vi.waitFor(() => expect(portalThatHangs.accepted()).toBeGreaterThan(0), { timeout: 60_000, interval: 20 });
      expect(await hanging.dispatch('calls.cancel', { callId: 'discover-1' })).toEqual({ ok: true, value: { cancelled: true } });
      const answer = await discovering;
      expect(answer.ok ? 'ok' : answer.error.code).toBe('CANCELLED');
      await vi.waitFor(() => expect(portalThatHangs.closedByClient()).toBe(portalThatHangs.accepted()), { timeout: 60_000, interval: 20 });
      // Nothing of the cancelled listing is kept: populate asks for a discovery first.
      const populate = await hanging.dispatch('sso.populate.preview', { session: 'corp', pairs: ['222222222222/ReadOnly'] });
      expect(populate.ok ? 'ok' : populate.error.code).toBe('BAD_REQUEST');
    } finally {
      hanging.dispose();
      await portalThatHangs.close();
    }
  });

  it('the tray offers the sign-in and runs it without the window: browser at the code page, the code in a notification', async () => {
    writeFileSync(join(home, '.aws', 'config'), USER_CONFIG + SESSION);
    const snapshot = await loadTraySnapshot(core.dispatch);
    const model = buildTrayModel({ profiles: snapshot.profiles, recent: [], doctorFindingCount: 0, now: new Date(), platform: 'linux' });
    const signInAction = trayActions(model.items).find((a) => a.type === 'ssoSignIn');
    expect(signInAction).toEqual({ type: 'ssoSignIn', target: { session: 'corp' } });
    const notices: string[] = [];
    let changed = 0;
    const run = createTrayActionRunner({
      dispatch: core.dispatch,
      confirm: async () => false,
      writeClipboard: () => undefined,
      showWindow: () => undefined,
      quit: () => undefined,
      // The "user" reads the code in the notification, sees the same one in the browser, and approves it.
      notify: (_title, body) => {
        notices.push(body);
        const code = /code (\S+),/.exec(body)?.[1];
        if (code !== undefined) standin.control.approve(code);
      },
      touchRecent: () => undefined,
      changed: () => void changed++,
    });
    await run(signInAction!);
    expect(notices).toHaveLength(2);
    expect(notices[1]).toMatch(/^Signed in until /);
    expect(opened).toHaveLength(1);
    expect(opened[0]).toContain(/code (\S+),/.exec(notices[0]!)![1]!);
    expect(changed).toBe(1);
    expect((await call('sso.sessions', {})).sessions[0]).toMatchObject({ name: 'corp', status: 'signed-in' });
    const after = buildTrayModel({ profiles: (await loadTraySnapshot(core.dispatch)).profiles, recent: [], doctorFindingCount: 0, now: new Date(), platform: 'linux' });
    expect(trayActions(after.items).some((a) => a.type === 'ssoSignIn')).toBe(false);
    const secrets = standin.control.issued.flatMap((i) => [i.accessToken, i.refreshToken ?? []]).flat();
    for (const secret of secrets) expect(notices.join('\n')).not.toContain(secret);
  });

  it('no sso.* answer (or profiles answer) ever held an access token, refresh token or client secret', () => {
    const secrets = standin.control.issued.flatMap((i) => [i.accessToken, i.refreshToken ?? []]).flat();
    const clientSecrets = standin.log.flatMap((l) => {
      const b = l.body as Record<string, unknown> | undefined;
      return typeof b?.['clientSecret'] === 'string' ? [b['clientSecret']] : [];
    });
    expect(secrets.length).toBeGreaterThan(3);
    expect(clientSecrets.length).toBeGreaterThan(0);
    const text = JSON.stringify(answers);
    expect(answers.length).toBeGreaterThan(20);
    for (const s of [...secrets, ...clientSecrets]) expect(text).not.toContain(s);
  });
});
