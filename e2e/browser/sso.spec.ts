// IAM Identity Center in the window (issue 11 point 6): add a session, sign in with the device code, pick accounts from
// 2,000+, preview and write profiles, Sign in on rows without a token, Cancel writes nothing, sign out. Real core,
// loopback OIDC + portal stand-in; the "user" approves the code the dialog shows, as they would in a browser.
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { Page } from '@playwright/test';
import { expect, test } from '../fixtures/browser-host.js';
import type { Host } from '../fixtures/browser-host.js';
import { createPortalRoutes, generatedAccounts } from '../../test/support/sso-standin/portal-routes.js';
import { startSsoStandin } from '../../test/support/sso-standin/server.js';
import type { SsoStandin } from '../../test/support/sso-standin/server.js';
import { hangingServer } from '../../test/support/network-stand-ins.js';

const START_URL = 'https://d-1234567890.awsapps.com/start';
const ACCOUNTS = [{ accountId: '111111111111', accountName: 'Acme Prod', emailAddress: 'ops@acme.example', roles: ['AdministratorAccess', 'ReadOnly'] }, ...generatedAccounts(2000, 2)];
const USER_CONFIG = '# mine\n[default]\nregion = eu-west-1\n';
const SESSION_CONFIG = `${USER_CONFIG}
[sso-session corp]
sso_start_url = ${START_URL}
sso_region = us-east-1

[profile dev]
sso_session = corp
sso_account_id = 111111111111
sso_role_name = ReadOnly
sso_account_name = Acme Prod
`;

let standin: SsoStandin;
test.beforeAll(async () => {
  standin = await startSsoStandin({ routes: [createPortalRoutes({ accounts: ACCOUNTS, defaultPageSize: 100 }).route] });
});
test.afterAll(async () => standin.close());

const endpoints = () => ({ AWS_ENDPOINT_URL_SSO_OIDC: standin.url, AWS_ENDPOINT_URL_SSO: standin.url });
const nav = (page: Page, name: string) => page.getByRole('navigation', { name: 'Sections' }).getByRole('button', { name }).click();
const tokenFile = (host: Host) => path.join(host.home, '.aws', 'sso', 'cache', `${createHash('sha1').update('corp').digest('hex')}.json`);

/** Screenshots at both sizes in both themes, with axe clean in each theme; leaves the page at 1280×800, light. */
async function shoot(host: Host, name: string): Promise<void> {
  const { page } = host;
  for (const scheme of ['light', 'dark'] as const) {
    await page.emulateMedia({ colorScheme: scheme });
    expect(await host.axe(), `${name} (${scheme})`).toEqual([]);
    for (const [w, h] of [
      [1280, 800],
      [900, 600],
    ] as const) {
      await page.setViewportSize({ width: w, height: h });
      await host.screenshot(`sso-${name}-${w}x${h}-${scheme}`);
    }
    await page.setViewportSize({ width: 1280, height: 800 });
  }
  await page.emulateMedia({ colorScheme: 'light' });
}

/** Approves the code the dialog shows, as the user would on the verification page. */
async function approveShownCode(page: Page): Promise<string> {
  const code = (await page.getByTestId('sso-user-code').textContent()) ?? '';
  expect(code).toMatch(/^[A-Z]{4}-[A-Z]{4}$/);
  standin.control.approve(code);
  return code;
}

test('add a session, sign in with the device code, pick accounts, preview and write profiles, sign out', async ({ start }) => {
  const host = await start({ config: USER_CONFIG, vars: endpoints() });
  const { page } = host;
  await nav(page, 'Identity Center');
  await expect(page.getByTestId('sso-empty')).toContainText('No IAM Identity Center session yet');
  await shoot(host, 'empty');

  await page.getByLabel('Start URL').fill(START_URL);
  await page.getByLabel('Region', { exact: true }).fill('us-east-1');
  await page.getByLabel('Session name').fill('corp');
  await page.getByRole('button', { name: 'Add session' }).click();
  const row = page.locator('[data-testid="sso-session"][data-session="corp"]');
  await expect(row.getByTestId('sso-state')).toHaveText('Signed out');
  await expect(row).toContainText(START_URL);
  await expect(row).toContainText('us-east-1');
  expect(await host.readConfig()).toBe(`${USER_CONFIG}\n[sso-session corp]\nsso_start_url = ${START_URL}\nsso_region = us-east-1\nsso_registration_scopes = sso:account:access\n`);

  await row.getByRole('button', { name: 'Sign in to corp' }).click();
  const dialog = page.getByTestId('sso-signin-dialog');
  await expect(dialog.getByTestId('sso-user-code')).toBeVisible();
  await expect(dialog).toContainText(`${standin.url}/device`);
  await expect(dialog.getByTestId('sso-signin-countdown')).toContainText(/code expires in \d+:\d\d/);
  await shoot(host, 'signin-dialog');
  await dialog.getByRole('button', { name: 'Open browser to approve' }).click();
  const code = (await dialog.getByTestId('sso-user-code').textContent()) ?? '';
  // The browser gets the page with the code filled in; the window only ever saw the bare URL and the code.
  await expect.poll(() => host.opened).toEqual([`${standin.url}/device?user_code=${code}`]);
  await approveShownCode(page);
  await expect(dialog).toBeHidden();
  await expect(row.getByTestId('sso-state')).toHaveText('Signed in');
  await expect(row.getByTestId('sso-expiry')).toContainText('Token expires');
  expect(existsSync(tokenFile(host))).toBe(true);
  await shoot(host, 'screen');

  await row.getByRole('button', { name: 'Choose accounts of corp' }).click();
  const picker = page.getByTestId('sso-picker');
  await expect(picker.getByTestId('sso-picker-count')).toContainText('0 of 4002 roles selected · 2001 accounts');
  await shoot(host, 'picker');
  await picker.getByRole('searchbox', { name: 'Search accounts and roles' }).fill('acme');
  await picker.getByRole('checkbox', { name: 'All roles of Acme Prod (111111111111)' }).check();
  await picker.getByRole('searchbox', { name: 'Search accounts and roles' }).fill('team 0042 readonly');
  await picker.getByRole('checkbox', { name: 'ReadOnlyAccess in Team 0042 & Co' }).check();
  await expect(picker.getByTestId('sso-picker-count')).toContainText('3 of 4002 roles selected');
  await picker.getByRole('button', { name: 'Preview 3 profiles' }).click();
  await expect(picker.getByTestId('sso-preview-summary')).toHaveText('3 to add, 0 to update, 0 already up to date.');
  await expect(picker.getByTestId('diff')).toContainText('[profile Acme-Prod/AdministratorAccess]');
  await expect(picker.getByTestId('diff')).toContainText('sso_account_name = Acme Prod');
  await shoot(host, 'picker-preview');
  const before = await host.readConfig();
  await picker.getByRole('button', { name: 'Write 3 profiles' }).click();
  await expect(picker).toBeHidden();
  const after = await host.readConfig();
  expect(after.startsWith(before)).toBe(true);
  expect(after).toContain('[profile Team-0042-Co/ReadOnlyAccess]');

  await nav(page, 'Profiles');
  const acme = page.locator('[data-testid="profile-row"][data-profile="Acme-Prod/ReadOnly"]');
  await expect(acme).toContainText('Acme Prod · ReadOnly');
  await expect(acme.getByRole('button', { name: 'Use Acme-Prod/ReadOnly as default' })).toBeVisible();
  await expect(page.locator('[data-testid="profile-row"][data-profile="Team-0042-Co/ReadOnlyAccess"]')).toContainText('Team 0042 & Co · ReadOnlyAccess');

  await nav(page, 'Identity Center');
  await row.getByRole('button', { name: 'Sign out of corp' }).click();
  await expect(row.getByTestId('sso-state')).toHaveText('Signed out');
  expect(existsSync(tokenFile(host))).toBe(false);
  await nav(page, 'Profiles');
  await expect(acme.getByRole('button', { name: 'Sign in for Acme-Prod/ReadOnly' })).toBeVisible();
  await expect(acme.getByRole('button', { name: 'Use Acme-Prod/ReadOnly as default' })).toHaveCount(0);
});

test('a row without a token offers Sign in; Cancel stops and writes nothing; signing in from the row brings Use back', async ({ start }) => {
  const host = await start({ config: SESSION_CONFIG, vars: endpoints() });
  const { page } = host;
  const dev = page.locator('[data-testid="profile-row"][data-profile="dev"]');
  await expect(dev).toContainText('Acme Prod · ReadOnly');
  await expect(dev.getByRole('button', { name: 'Use dev as default' })).toHaveCount(0);
  await shoot(host, 'row-sign-in');

  await dev.getByRole('button', { name: 'Sign in for dev' }).click();
  const dialog = page.getByTestId('sso-signin-dialog');
  const code = (await dialog.getByTestId('sso-user-code').textContent()) ?? '';
  await dialog.getByRole('button', { name: 'Cancel' }).click();
  await expect(dialog).toBeHidden();
  // Approving after Cancel must change nothing: no poll is left to collect the token.
  standin.control.approve(code);
  const device = () => standin.control.devices.find((d) => d.userCode === code)?.status;
  const polls = () => standin.log.filter((l) => l.path === '/token').length;
  const seen = polls();
  await expect.poll(() => polls(), { timeout: 4_000, intervals: [1_000] }).toBe(seen);
  expect(device()).toBe('approved');
  expect(existsSync(path.join(host.home, '.aws', 'sso'))).toBe(false);
  expect(await host.readConfig()).toBe(SESSION_CONFIG);

  await dev.getByRole('button', { name: 'Sign in for dev' }).click();
  await expect(dialog.getByTestId('sso-user-code')).toBeVisible();
  await approveShownCode(page);
  await expect(dialog).toBeHidden();
  await expect(dev.getByRole('button', { name: 'Use dev as default' })).toBeVisible();
});

test('an expired sign-in that cannot be refreshed: the session says so and the rows ask for a sign-in', async ({ start }) => {
  const host = await start({ config: SESSION_CONFIG, vars: endpoints(), open: false });
  mkdirSync(path.dirname(tokenFile(host)), { recursive: true });
  writeFileSync(tokenFile(host), JSON.stringify({ startUrl: START_URL, region: 'us-east-1', accessToken: 'at-expired', expiresAt: '2020-01-01T00:00:00Z' }));
  await host.open();
  const { page } = host;
  await expect(page.locator('[data-testid="profile-row"][data-profile="dev"]').getByRole('button', { name: 'Sign in for dev' })).toBeVisible();
  await nav(page, 'Identity Center');
  const row = page.locator('[data-testid="sso-session"][data-session="corp"]');
  await expect(row.getByTestId('sso-state')).toHaveText('Sign-in needed');
  await expect(row).toContainText('The sign-in for corp has expired and cannot be refreshed; sign in again.');
  await expect(row.getByRole('button', { name: 'Sign in to corp' })).toBeVisible();
  await shoot(host, 'expired');
});

test('listing accounts shows its progress in place, and Cancel stops the portal requests and closes the picker', async ({ start }) => {
  const portalThatHangs = await hangingServer();
  try {
    const vars = { ...endpoints(), AWS_ENDPOINT_URL_SSO: portalThatHangs.url, HATRACK_HTTP_TIMEOUT_MS: '600000', HATRACK_NETWORK_DEADLINE_MS: '600000' };
    const host = await start({ config: SESSION_CONFIG, vars });
    const { page } = host;
    await nav(page, 'Identity Center');
    const row = page.locator('[data-testid="sso-session"][data-session="corp"]');
    await row.getByRole('button', { name: 'Sign in to corp' }).click();
    await approveShownCode(page);
    await expect(row.getByTestId('sso-state')).toHaveText('Signed in');

    await row.getByRole('button', { name: 'Choose accounts of corp' }).click();
    const picker = page.getByTestId('sso-picker');
    const progress = picker.getByTestId('sso-discovery-progress');
    await expect(progress.getByRole('status')).toHaveText('Listing your accounts…');
    await expect.poll(() => portalThatHangs.accepted()).toBeGreaterThan(0);
    expect(await host.axe()).toEqual([]);
    await host.screenshot('sso-discovery-progress');
    await progress.getByRole('button', { name: 'Cancel listing the accounts of corp' }).click();
    await expect(picker).toBeHidden();
    // The abort reached every held portal request: main closed them, it did not just stop listening.
    await expect.poll(() => portalThatHangs.closedByClient()).toBe(portalThatHangs.accepted());
    await expect(page.getByRole('alert')).toHaveCount(0);
  } finally {
    await portalThatHangs.close();
  }
});
