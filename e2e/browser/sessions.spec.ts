// The Sessions screen over moto: the empty state guides; an assumed MFA role lists its session and its MFA device
// session with a live countdown; Refresh re-obtains in place; Forget removes; the managed default offers Switch back.
import type { Page } from '@playwright/test';
import { expect, test } from '../fixtures/browser-host.js';
import type { Host } from '../fixtures/browser-host.js';
import { hangingServer } from '../../test/support/network-stand-ins.js';
import { chooseRowAction, overflows, unique } from '../fixtures/helpers.js';
import { credentialsFile } from '../fixtures/example-keys.js';
import { ACCOUNT, createRole, createUser } from '../../test/support/moto.js';

const SIZES = [
  [1280, 800],
  [900, 600],
] as const;

function nav(page: Page, name: 'Profiles' | 'Sessions') {
  return page.getByRole('navigation', { name: 'Sections' }).getByRole('button', { name: new RegExp(`^${name}`) });
}

/** Screenshots at both sizes and in both themes, with no overflow and no axe violation in either theme. */
async function lookAt(host: Host, name: string, ready: () => Promise<void>): Promise<void> {
  for (const scheme of ['light', 'dark'] as const) {
    await host.page.emulateMedia({ colorScheme: scheme });
    for (const [width, height] of SIZES) {
      await host.page.setViewportSize({ width, height });
      await ready();
      await host.screenshot(`${name}-${scheme}-${width}x${height}`);
      expect(await overflows(host.page), `${name} ${scheme} ${width}×${height}`).toEqual([]);
    }
    expect(await host.axe(), `${name} (${scheme})`).toEqual([]);
  }
  await host.page.emulateMedia({ colorScheme: 'light' });
  await host.page.setViewportSize({ width: 1280, height: 800 });
}

test('assume lists the session with a countdown; Refresh updates it; Forget removes it', async ({ start, moto, signin }) => {
  const user = await createUser(moto, unique('sess-user'), ['sts:AssumeRole', 'sts:GetSessionToken']);
  const role = unique('sess-role');
  await createRole(moto, role);
  const serial = `arn:aws:iam::${ACCOUNT}:mfa/${user.userName}`;
  const host = await start({
    aws: { moto, signin },
    config: `[profile base]\nregion = us-east-1\n\n[profile secure]\nrole_arn = arn:aws:iam::${ACCOUNT}:role/${role}\nsource_profile = base\nmfa_serial = ${serial}\n`,
    credentials: `[base]\naws_access_key_id = ${user.accessKeyId}\naws_secret_access_key = ${user.secretAccessKey}\n`,
  });
  const { page } = host;

  // Nothing obtained yet: the screen says how sessions get here, and the sidebar shows no count.
  await nav(page, 'Sessions').click();
  const empty = page.getByTestId('sessions-empty');
  await expect(empty).toContainText('No active sessions');
  await expect(empty).toContainText('Assume a role or use a profile and it appears here, with the time it has left.');
  await expect(nav(page, 'Sessions').locator('.count-pill')).toHaveCount(0);
  await lookAt(host, 'sessions-empty', () => expect(empty).toBeVisible());

  // Assume with MFA from the Profiles screen.
  await empty.getByRole('button', { name: 'Go to profiles' }).click();
  await chooseRowAction(page, 'secure', 'Assume now');
  const dlg = page.getByTestId('mfa-dialog');
  await dlg.getByLabel('Code').fill('123456');
  await dlg.getByRole('button', { name: 'Continue' }).click();
  await expect(page.getByTestId('status')).toContainText('Assumed');
  // The role and the MFA device session it was signed with.
  await expect(nav(page, 'Sessions')).toHaveAccessibleName(/Sessions.*2 sessions/);

  await nav(page, 'Sessions').click();
  const roleRow = page.locator('[data-session="role:secure"]');
  const mfaRow = page.locator(`[data-session="mfa:${serial}"]`);
  await expect(roleRow).toContainText('secure');
  await expect(roleRow).toContainText(role);
  await expect(roleRow).toContainText(`account ${ACCOUNT}`);
  await expect(roleRow.getByTestId('countdown')).toHaveText(/Expires in (1 h|59 min)$/);
  await expect(roleRow.getByTestId('countdown')).toHaveClass(/countdown-ok/);
  await expect(mfaRow).toContainText(user.userName);
  await expect(mfaRow).toContainText(serial);
  await expect(mfaRow).toContainText('last used by secure');
  // The session's keys never reach the page: only a masked key id.
  await expect(roleRow).toContainText(/ASIA…\w{4}/);
  expect(await page.locator('main').innerText()).not.toContain(user.secretAccessKey);
  await lookAt(host, 'sessions', () => expect(roleRow).toBeVisible());

  // Refresh assumes again (the MFA session signs it, so no code): a new expiry in place.
  const firstExpiry = await roleRow.locator('time').getAttribute('datetime');
  await roleRow.getByRole('button', { name: 'Refresh assumed role secure' }).click();
  await expect(page.getByTestId('status')).toContainText('Refreshed secure');
  await expect(roleRow.locator('time')).not.toHaveAttribute('datetime', firstExpiry ?? '');
  await expect(roleRow.getByRole('button', { name: 'Refresh assumed role secure' })).toBeEnabled();

  // A new MFA device session needs a code: Refresh asks for it with the MFA dialog.
  await mfaRow.getByRole('button', { name: `Refresh MFA session ${user.userName}` }).click();
  await expect(dlg).toBeVisible();
  await dlg.getByLabel('Code').fill('654321');
  await dlg.getByRole('button', { name: 'Continue' }).click();
  await expect(page.getByTestId('status')).toContainText(`Refreshed ${user.userName}`);

  // Forget the MFA session: its row goes, and the next assume asks for a code again.
  await mfaRow.getByRole('button', { name: `Forget MFA session ${user.userName}` }).click();
  await expect(mfaRow).toHaveCount(0);
  await expect(nav(page, 'Sessions')).toHaveAccessibleName(/1 session$/);
  await roleRow.getByRole('button', { name: 'Forget assumed role secure' }).click();
  await expect(empty).toBeVisible();
  await expect(nav(page, 'Sessions').locator('.count-pill')).toHaveCount(0);

  await nav(page, 'Profiles').click();
  await chooseRowAction(page, 'secure', 'Assume now');
  await expect(dlg).toBeVisible();
  await dlg.getByRole('button', { name: 'Cancel' }).click();
});

test('the managed default offers Switch back instead of Forget', async ({ start, moto, signin }) => {
  const host = await start({
    aws: { moto, signin },
    config: `[default]\nregion = us-east-1\n\n[profile dev]\nregion = eu-west-1\n`,
    credentials: credentialsFile({ default: 1, dev: 0 }),
  });
  const { page } = host;
  await page.getByRole('button', { name: 'Use dev as default' }).click();
  await expect(page.getByTestId('status')).toContainText('Default profile is now dev');

  await nav(page, 'Sessions').click();
  const row = page.locator('[data-session="default"]');
  await expect(row).toContainText('[default] holds the keys of dev');
  // dev holds an IAM user's long-term keys: nothing counts down.
  await expect(row.getByTestId('countdown')).toHaveText('No expiry (long-term keys)');
  await expect(row.getByRole('button', { name: /^Forget/ })).toHaveCount(0);
  await row.getByRole('button', { name: 'Switch back to your own default (default-original)' }).click();
  await expect(page.getByTestId('sessions-empty')).toBeVisible();
});

test('a session inside the refresh lead is amber, and red once expired', async ({ start, moto, signin }) => {
  const user = await createUser(moto, unique('lead-user'), ['sts:AssumeRole']);
  const role = unique('lead-role');
  await createRole(moto, role);
  const host = await start({
    aws: { moto, signin },
    open: false,
    config: `[profile base]\nregion = us-east-1\n\n[profile ops]\nrole_arn = arn:aws:iam::${ACCOUNT}:role/${role}\nsource_profile = base\nduration_seconds = 900\n`,
    credentials: `[base]\naws_access_key_id = ${user.accessKeyId}\naws_secret_access_key = ${user.secretAccessKey}\n`,
  });
  // A lead of 60 min puts a fresh 15-minute session inside it at once.
  expect((await host.core.dispatch('settings.update', { app: { refreshLeadMinutes: 60 } })).ok).toBe(true);
  expect((await host.core.dispatch('credentials.assume', { profile: 'ops' })).ok).toBe(true);
  const { page } = host;
  // The page's own clock, so the test can move it on instead of waiting; it runs at normal speed until then.
  await page.clock.install();
  await host.open();
  await nav(page, 'Sessions').click();
  const countdown = page.locator('[data-session="role:ops"]').getByTestId('countdown');
  await expect(countdown).toHaveText(/Expires in 1[45] min/);
  await expect(countdown).toHaveClass(/countdown-soon/);
  await host.screenshot('sessions-soon-light-1280x800');
  // The page's clock 20 minutes on: the session has run out.
  await page.clock.fastForward('20:00');
  await expect(countdown).toHaveText('Expired');
  await expect(countdown).toHaveClass(/countdown-expired/);
  await host.screenshot('sessions-expired-light-1280x800');
});

test('Refresh shows progress in place, and Cancel aborts the STS request and leaves the session as it was', async ({ start, moto, signin }) => {
  const user = await createUser(moto, unique('cancel-user'), ['sts:AssumeRole']);
  const role = unique('cancel-role');
  await createRole(moto, role);
  // STS through a stand-in that passes calls on to moto until told to hold them.
  const sts = await hangingServer({ forwardTo: moto.endpoint });
  try {
    const host = await start({
      aws: { moto, signin },
      config: `[profile base]\nregion = us-east-1\n\n[profile ops]\nrole_arn = arn:aws:iam::${ACCOUNT}:role/${role}\nsource_profile = base\n`,
      credentials: `[base]\naws_access_key_id = ${user.accessKeyId}\naws_secret_access_key = ${user.secretAccessKey}\n`,
      vars: { AWS_ENDPOINT_URL_STS: sts.url, HATRACK_HTTP_TIMEOUT_MS: '600000', HATRACK_NETWORK_DEADLINE_MS: '600000' },
      keyChecks: false,
    });
    expect((await host.core.dispatch('credentials.assume', { profile: 'ops' })).ok).toBe(true);
    const { page } = host;
    await nav(page, 'Sessions').click();
    const row = page.locator('[data-session="role:ops"]');
    const expiry = await row.locator('time').getAttribute('datetime');

    sts.hang();
    await row.getByRole('button', { name: 'Refresh assumed role ops' }).click();
    const progress = row.getByTestId('call-progress');
    await expect(progress.getByRole('status')).toHaveText('Refreshing…');
    await expect.poll(sts.accepted).toBeGreaterThan(0);
    await host.screenshot('sessions-refreshing-light-1280x800');
    expect(await overflows(page)).toEqual([]);

    await progress.getByRole('button', { name: 'Cancel refreshing ops' }).click();
    await expect(progress).toHaveCount(0);
    // Cancel reached main: the abort closed the held STS connection.
    await expect.poll(sts.closedByClient).toBe(sts.accepted());
    await expect(row.getByRole('button', { name: 'Refresh assumed role ops' })).toBeVisible();
    await expect(row.locator('time')).toHaveAttribute('datetime', expiry ?? '');
    await expect(page.getByTestId('error')).toHaveCount(0);
  } finally {
    await sts.close();
  }
});
