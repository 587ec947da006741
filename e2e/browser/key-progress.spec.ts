// Progress and Cancel for key checks and rotation (issue 12 point 6) on the Access keys screen. Each profile names its
// own IAM endpoint (endpoint_url): moto for keys that answer, a server that accepts and never answers for keys that
// hang, a refused port for keys that fail. The per-request timeout is lifted so a hang stays a hang until cancelled.
import { ListAccessKeysCommand } from '@aws-sdk/client-iam';
import type { Page } from '@playwright/test';
import { expect, test } from '../fixtures/browser-host.js';
import type { Host } from '../fixtures/browser-host.js';
import { overflows, unique } from '../fixtures/helpers.js';
import { adminIam, createUser } from '../../test/support/moto.js';
import type { Moto, TestUser } from '../../test/support/moto.js';
import { hangingServer, holdingProxy, refusedUrl } from '../../test/support/network-stand-ins.js';

const NO_TIMEOUTS = { HATRACK_HTTP_TIMEOUT_MS: '600000', HATRACK_NETWORK_DEADLINE_MS: '600000' };

/** Profiles `name` → IAM endpoint, each with its own moto user's key. */
async function keyFiles(moto: Moto, endpoints: Readonly<Record<string, string>>): Promise<{ config: string; credentials: string; users: Record<string, TestUser> }> {
  const users: Record<string, TestUser> = {};
  for (const name of Object.keys(endpoints)) users[name] = await createUser(moto, unique(`kp-${name}`), []);
  return {
    config: Object.entries(endpoints).map(([name, url]) => `[profile ${name}]\nregion = us-east-1\nendpoint_url = ${url}\n`).join('\n'),
    credentials: Object.entries(users).map(([name, u]) => `[${name}]\naws_access_key_id = ${u.accessKeyId}\naws_secret_access_key = ${u.secretAccessKey}\n`).join('\n'),
    users,
  };
}

async function openKeys(page: Page): Promise<void> {
  await page.getByRole('navigation', { name: 'Sections' }).getByRole('button', { name: 'Access keys' }).click();
  await expect(page.getByRole('heading', { name: 'Access keys' })).toBeVisible();
}

const keyRow = (page: Page, profile: string) => page.locator(`tr[data-profile="${profile}"]`);
/** The line right under a key's row that holds its failed check. */
const keyError = (page: Page, profile: string) => page.locator(`tr[data-error-for="${profile}"]`).getByTestId('call-error');

/** axe clean and nothing overflowing in both themes and at both sizes, with a screenshot of each. */
async function lookAt(host: Host, name: string): Promise<void> {
  for (const scheme of ['light', 'dark'] as const) {
    await host.page.emulateMedia({ colorScheme: scheme });
    expect(await host.axe(), scheme).toEqual([]);
    for (const size of [{ width: 1280, height: 800 }, { width: 900, height: 600 }]) {
      await host.page.setViewportSize(size);
      expect(await overflows(host.page), `${scheme} ${size.width}x${size.height}`).toEqual([]);
      await host.screenshot(`${name}-${scheme}-${size.width}x${size.height}`);
    }
  }
  await host.page.emulateMedia({ colorScheme: 'light' });
  await host.page.setViewportSize({ width: 1280, height: 800 });
}

test('Check all keys: progress with a count, Cancel aborts the IAM requests, keeps what was learnt and returns to rest', async ({ start, moto }) => {
  const hang = await hangingServer();
  try {
    const files = await keyFiles(moto, { alpha: moto.endpoint, bravo: moto.endpoint, charlie: hang.url, delta: hang.url });
    const host = await start({ config: files.config, credentials: files.credentials, vars: NO_TIMEOUTS });
    const { page } = host;
    await openKeys(page);
    await page.getByRole('button', { name: 'Check all keys with AWS' }).click();
    const progress = page.getByTestId('check-all-progress');
    // moto answers two keys; the other two hold their connections open.
    await expect(progress.getByRole('status')).toHaveText('Checking keys… 2 of 4 done');
    await expect.poll(hang.accepted).toBe(2);
    // The two answers are on their rows while the other two keys are still being asked.
    await expect(keyRow(page, 'alpha').getByTestId('key-age')).toHaveText('key 0 d');
    await expect(keyRow(page, 'bravo').getByTestId('key-age')).toHaveText('key 0 d');
    await expect(progress).toBeVisible();
    await lookAt(host, 'key-progress');

    await progress.getByRole('button', { name: 'Cancel checking all keys' }).click();
    await expect(progress).toHaveCount(0);
    await expect(page.getByRole('button', { name: 'Check all keys with AWS' })).toBeEnabled();
    // Cancel reached main: both hanging connections were closed by the client, and no retry opened another.
    await expect.poll(hang.closedByClient).toBe(2);
    expect(hang.accepted()).toBe(2);
    // What moto answered before the cancel is kept and shown; the cancelled keys stay unknown.
    await expect(keyRow(page, 'alpha').getByTestId('key-age')).toHaveText('key 0 d');
    await expect(keyRow(page, 'bravo').getByTestId('key-age')).toHaveText('key 0 d');
    await expect(keyRow(page, 'charlie').getByTestId('key-age')).toHaveText('age unknown — check');
    await expect(page.getByTestId('check-all-error')).toHaveCount(0);
    await expect(page.getByTestId('error')).toHaveCount(0);

    // One key's check: progress on its row, and its Cancel returns the row to its buttons.
    await keyRow(page, 'charlie').getByRole('button', { name: 'Check key of charlie' }).click();
    const rowProgress = keyRow(page, 'charlie').getByTestId('call-progress');
    await expect(rowProgress.getByRole('status')).toHaveText('Checking key…');
    await expect.poll(hang.accepted).toBe(3);
    await lookAt(host, 'key-progress-row');
    await rowProgress.getByRole('button', { name: 'Cancel checking key charlie' }).click();
    await expect(keyRow(page, 'charlie').getByRole('button', { name: 'Check key of charlie' })).toBeVisible();
    await expect.poll(hang.closedByClient).toBe(3);
    await expect(keyError(page, 'charlie')).toHaveCount(0);
  } finally {
    await hang.close();
  }
});

test('keys IAM cannot be reached: the error is in place, once, with Retry; a row check fails on its row', async ({ start, moto }) => {
  const refused = await refusedUrl();
  const files = await keyFiles(moto, { echo: refused, foxtrot: refused });
  const host = await start({ config: files.config, credentials: files.credentials, vars: NO_TIMEOUTS });
  const { page } = host;
  await openKeys(page);
  await page.getByRole('button', { name: 'Check all keys with AWS' }).click();
  const error = page.getByTestId('check-all-error');
  await expect(error.getByRole('alert')).toContainText('No key could be checked; their age stays unknown. Could not reach iam');
  expect(await page.getByText('Could not reach iam', { exact: false }).count()).toBe(1);
  await expect(page.getByTestId('error')).toHaveCount(0);
  await lookAt(host, 'key-progress-error');

  // Retry runs the check again: progress, then (still unreachable) the same single error.
  await error.getByRole('button', { name: 'Retry' }).click();
  await expect(page.getByTestId('check-all-progress').or(error)).toBeVisible();
  await expect(error.getByRole('alert')).toContainText('Could not reach iam');
  expect(await page.getByText('Could not reach iam', { exact: false }).count()).toBe(1);
  await error.getByRole('button', { name: 'Dismiss the key check error' }).click();
  await expect(page.getByRole('button', { name: 'Check all keys with AWS' })).toBeVisible();

  // One key: the failure sits on that key's row, with Retry, and nowhere else.
  await keyRow(page, 'echo').getByRole('button', { name: 'Check key of echo' }).click();
  const rowError = keyError(page, 'echo');
  await expect(rowError.getByRole('alert')).toContainText('Could not reach iam');
  await expect(rowError.getByRole('button', { name: 'Retry' })).toBeVisible();
  expect(await page.getByText('Could not reach iam', { exact: false }).count()).toBe(1);
  await expect(keyError(page, 'foxtrot')).toHaveCount(0);
  // Retry is the next step there; Check with AWS is not offered twice.
  await expect(keyRow(page, 'echo').getByRole('button', { name: 'Check key of echo' })).toHaveCount(0);
  await lookAt(host, 'key-progress-row-error');
});

async function iamKeysOf(moto: Moto, userName: string): Promise<string[]> {
  const iam = adminIam(moto);
  try {
    return ((await iam.send(new ListAccessKeysCommand({ UserName: userName }))).AccessKeyMetadata ?? []).map((k) => k.AccessKeyId ?? '');
  } finally {
    iam.destroy();
  }
}

test('rotation: Cancel while it is safe leaves the key and files as they were; once IAM is creating the key, Finishing… says why', async ({ start, moto }) => {
  // IAM goes through a proxy to moto that holds ListAccessKeys (the last step before the first change) and
  // CreateAccessKey until the spec lets each go; STS goes to moto directly.
  const iam = await holdingProxy(moto.endpoint, ['ListAccessKeys', 'CreateAccessKey']);
  try {
    const user = await createUser(moto, unique('kp-rot'), []);
    const credentials = `# team keys\n[golf]\naws_access_key_id = ${user.accessKeyId}\naws_secret_access_key = ${user.secretAccessKey}\n`;
    const config = `[profile golf]\nregion = us-east-1\nservices = held\n\n[services held]\niam =\n  endpoint_url = ${iam.url}\nsts =\n  endpoint_url = ${moto.endpoint}\n`;
    const host = await start({ config, credentials, vars: NO_TIMEOUTS });
    const { page } = host;
    await openKeys(page);
    await page.getByRole('button', { name: 'Rotate key of golf' }).click();
    const wiz = page.getByTestId('rotation-wizard');
    await wiz.getByRole('button', { name: 'Rotate now' }).click();
    const step = (label: string) => wiz.getByTestId('rotation-steps').getByRole('listitem').filter({ hasText: label });
    await expect(step('Find your IAM user')).toHaveAttribute('data-status', 'done');
    await expect(step('List your access keys')).toHaveAttribute('data-status', 'started');
    await expect.poll(() => iam.seen('ListAccessKeys')).toBe(1);
    await lookAt(host, 'key-progress-rotation');

    await wiz.getByRole('button', { name: 'Cancel', exact: true }).click();
    // Main answered CANCELLED: the wizard is back at its start, saying nothing changed, and nothing did.
    await expect(wiz.getByRole('status')).toHaveText('Rotation cancelled before anything changed; your key and files are as they were.');
    await expect(wiz.getByRole('button', { name: 'Rotate now' })).toBeVisible();
    expect(await host.readCredentials()).toBe(credentials);
    expect(await host.readConfig()).toBe(config);
    expect(iam.seen('CreateAccessKey')).toBe(0);
    expect(await iamKeysOf(moto, user.userName)).toEqual([user.accessKeyId]);

    // Again, with the list let through: past the point of no return Cancel is gone and the reason is shown.
    iam.release('ListAccessKeys');
    await wiz.getByRole('button', { name: 'Rotate now' }).click();
    await expect(step('Create a new access key')).toHaveAttribute('data-status', 'started');
    await expect.poll(() => iam.seen('CreateAccessKey')).toBe(1);
    const finishing = wiz.getByRole('button', { name: 'Finishing…' });
    await expect(finishing).toBeDisabled();
    await expect(finishing).toHaveAccessibleDescription(/IAM is making the new key; Hatrack finishes the rotation now/);
    await expect(wiz.getByRole('button', { name: 'Cancel', exact: true })).toHaveCount(0);
    // Escape does not walk away from a rotation that is finishing.
    await page.keyboard.press('Escape');
    await expect(wiz).toBeVisible();
    await lookAt(host, 'key-progress-finishing');

    iam.release('CreateAccessKey');
    await expect(wiz.getByText('Rotated.')).toBeVisible();
    const rotated = await host.readCredentials();
    expect(rotated.startsWith('# team keys\n[golf]\n')).toBe(true);
    const newId = /aws_access_key_id = (AKIA[A-Z0-9]+)/.exec(rotated)?.[1];
    expect(newId).toBeDefined();
    expect(newId).not.toBe(user.accessKeyId);
    expect(await iamKeysOf(moto, user.userName)).toEqual([newId]);
  } finally {
    await iam.close();
  }
});

test('rotation: a failure before the first change is told once, on the step that failed, with Retry', async ({ start, moto }) => {
  const user = await createUser(moto, unique('kp-rot-err'), []);
  const credentials = `[hotel]\naws_access_key_id = ${user.accessKeyId}\naws_secret_access_key = ${user.secretAccessKey}\n`;
  // STS answers from moto; IAM's port refuses, so listing the keys (before any change) fails.
  const config = `[profile hotel]\nregion = us-east-1\nservices = split\n\n[services split]\niam =\n  endpoint_url = ${await refusedUrl()}\nsts =\n  endpoint_url = ${moto.endpoint}\n`;
  const host = await start({ config, credentials, vars: NO_TIMEOUTS });
  const { page } = host;
  await openKeys(page);
  await page.getByRole('button', { name: 'Rotate key of hotel' }).click();
  const wiz = page.getByTestId('rotation-wizard');
  await wiz.getByRole('button', { name: 'Rotate now' }).click();
  const listStep = wiz.getByTestId('rotation-steps').getByRole('listitem').filter({ hasText: 'List your access keys' });
  await expect(listStep).toHaveAttribute('data-status', 'failed');
  const error = listStep.getByTestId('rotation-error');
  await expect(error.getByRole('alert')).toContainText('Could not reach iam');
  expect(await page.getByText('Could not reach iam', { exact: false }).count()).toBe(1);
  await lookAt(host, 'key-progress-rotation-error');
  expect(await host.readCredentials()).toBe(credentials);

  await error.getByRole('button', { name: 'Retry' }).click();
  await expect(listStep.getByTestId('rotation-error').getByRole('alert')).toContainText('Could not reach iam');
  expect(await page.getByText('Could not reach iam', { exact: false }).count()).toBe(1);
  expect(await iamKeysOf(moto, user.userName)).toEqual([user.accessKeyId]);
});
