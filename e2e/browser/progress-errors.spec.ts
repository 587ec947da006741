// Progress and errors in place (issue 12 point 6): a network action shows a spinner and a Cancel that really aborts
// the STS request, and a failure is told once, on the row that failed, with Retry. Base keys come from moto; STS is
// pointed (AWS_ENDPOINT_URL_STS) at a local port that refuses connections, or at a server that accepts and never answers.
import type { Page } from '@playwright/test';
import { expect, test } from '../fixtures/browser-host.js';
import type { Host, HostOptions } from '../fixtures/browser-host.js';
import { chooseRowAction, unique } from '../fixtures/helpers.js';
import { hangingServer, refusedUrl } from '../../test/support/network-stand-ins.js';
import { ACCOUNT, createRole, createUser } from '../../test/support/moto.js';
import type { Moto } from '../../test/support/moto.js';
import type { SigninStandIn } from '../fixtures/signin-stand-in.js';

/** A role over moto keys whose STS calls go to `stsUrl`; the per-request timeout is lifted so a hang stays a hang. */
async function startWithRole(start: (o?: HostOptions) => Promise<Host>, moto: Moto, signin: SigninStandIn, stsUrl: string): Promise<Host> {
  const user = await createUser(moto, unique('progress-user'), ['sts:AssumeRole']);
  const role = unique('progress-role');
  await createRole(moto, role);
  return start({
    aws: { moto, signin },
    config: `[profile base]\nregion = us-east-1\n\n[profile ops]\nrole_arn = arn:aws:iam::${ACCOUNT}:role/${role}\nsource_profile = base\nregion = us-east-1\n`,
    credentials: `[base]\naws_access_key_id = ${user.accessKeyId}\naws_secret_access_key = ${user.secretAccessKey}\n`,
    vars: { AWS_ENDPOINT_URL_STS: stsUrl, HATRACK_HTTP_TIMEOUT_MS: '600000', HATRACK_NETWORK_DEADLINE_MS: '600000' },
    keyChecks: false,
  });
}

const row = (page: Page, profile: string) => page.locator(`[data-testid="profile-row"][data-profile="${profile}"]`);

async function screenshots(host: Host, name: string): Promise<void> {
  for (const scheme of ['light', 'dark'] as const) {
    await host.page.emulateMedia({ colorScheme: scheme });
    expect(await host.axe()).toEqual([]);
    for (const size of [{ width: 1280, height: 800 }, { width: 900, height: 600 }]) {
      await host.page.setViewportSize(size);
      await host.screenshot(`progress-${name}-${size.width}x${size.height}-${scheme}`);
    }
  }
  await host.page.emulateMedia({ colorScheme: 'light' });
}

test('an unreachable STS endpoint: the error is on the row, once, with Retry, and no toast', async ({ start, moto, signin }) => {
  const host = await startWithRole(start, moto, signin, await refusedUrl());
  const { page } = host;
  await chooseRowAction(page, 'ops', 'Assume now');
  const error = row(page, 'ops').getByTestId('call-error');
  await expect(error).toBeVisible();
  await expect(error.getByRole('alert')).toContainText('Could not reach sts');
  // Said once: the sentence appears one time on the whole page, the advice is not repeated, and there is no toast.
  expect(await page.getByText('Could not reach sts', { exact: false }).count()).toBe(1);
  await expect(page.getByTestId('error')).toHaveCount(0);
  const text = (await error.getByRole('alert').textContent()) ?? '';
  expect(text.match(/check/gi)?.length ?? 0).toBeLessThanOrEqual(1);
  await screenshots(host, 'error');

  // Retry runs the same action again: progress, then (still unreachable) the same single error.
  await error.getByRole('button', { name: 'Retry' }).click();
  await expect(row(page, 'ops').getByTestId('call-progress').or(error)).toBeVisible();
  await expect(error.getByRole('alert')).toContainText('Could not reach sts');
  expect(await page.getByText('Could not reach sts', { exact: false }).count()).toBe(1);

  // Dismiss returns the row to its normal buttons.
  await error.getByRole('button', { name: 'Dismiss the error for ops' }).click();
  await expect(row(page, 'ops').getByRole('button', { name: 'Use ops as default' })).toBeVisible();
});

test('a hanging STS endpoint: progress on the row, Cancel aborts the request and the row is idle, no toast', async ({ start, moto, signin }) => {
  const hang = await hangingServer();
  try {
    const host = await startWithRole(start, moto, signin, hang.url);
    const { page } = host;
    await row(page, 'ops').getByRole('button', { name: 'Use ops as default' }).click();
    const progress = row(page, 'ops').getByTestId('call-progress');
    await expect(progress.getByRole('status')).toHaveText('Switching…');
    // The request is really out: the server holds its connection.
    await expect.poll(hang.accepted).toBeGreaterThan(0);
    await screenshots(host, 'running');

    await progress.getByRole('button', { name: 'Cancel switching ops' }).click();
    await expect(progress).toHaveCount(0);
    await expect(row(page, 'ops').getByRole('button', { name: 'Use ops as default' })).toBeVisible();
    // Cancel reached main: the abort closed the STS connection, and no retry opened another.
    await expect.poll(hang.closedByClient).toBe(hang.accepted());
    await expect(row(page, 'ops').getByTestId('call-error')).toHaveCount(0);
    await expect(page.getByTestId('error')).toHaveCount(0);
    expect(await host.readConfig()).not.toContain('[default]');

    // The switcher shows the same on the chosen item, and its Cancel returns it to idle too.
    await page.keyboard.press('Control+k');
    const switcher = page.getByTestId('quick-switcher');
    await switcher.getByRole('combobox').fill('ops');
    const before = hang.accepted();
    await switcher.getByRole('combobox').press('Enter');
    await expect(switcher.getByRole('option', { name: /ops/ })).toContainText('Switching…');
    await expect.poll(hang.accepted).toBeGreaterThan(before);
    await screenshots(host, 'switcher');
    await switcher.getByRole('button', { name: 'Cancel switching ops' }).click();
    await expect(switcher.getByTestId('switcher-call')).toHaveCount(0);
    await expect(switcher.getByRole('option', { name: /ops/ })).not.toContainText('Switching…');
    await expect.poll(hang.closedByClient).toBe(hang.accepted());
    await expect(page.getByTestId('error')).toHaveCount(0);
  } finally {
    await hang.close();
  }
});
