// Key age is IAM's CreateDate, fetched in the background with the key itself (moto here): no click needed, amber from
// 80 days, red from 90, and a neutral "age unknown — check" — never "0 d" — until IAM has answered.
// moto stamps CreateDate with the real time, so ages are made by moving core's clock (nowOffsetDays).
import { CreateAccountAliasCommand } from '@aws-sdk/client-iam';
import type { Host, HostOptions } from '../fixtures/browser-host.js';
import { expect, test } from '../fixtures/browser-host.js';
import { unique } from '../fixtures/helpers.js';
import { ACCOUNT, adminIam, createUser } from '../../test/support/moto.js';
import type { Moto } from '../../test/support/moto.js';

const KEY_PERMISSIONS = ['iam:GetAccessKeyLastUsed', 'iam:ListAccessKeys', 'iam:ListAccountAliases'];
const ALIAS = 'hatrack-e2e';

async function withAlias(moto: Moto): Promise<void> {
  const iam = adminIam(moto);
  try {
    await iam.send(new CreateAccountAliasCommand({ AccountAlias: ALIAS }));
  } finally {
    iam.destroy();
  }
}

/** Starts the host with the page closed, so the first background pass cannot finish before we listen for it. */
async function startAndAwaitCheck(start: (o?: HostOptions) => Promise<Host>, o: HostOptions): Promise<Host> {
  const host = await start({ ...o, open: false });
  const checked = new Promise<void>((resolve) => host.core.on('keys.checked', () => resolve()));
  await host.open();
  await checked;
  return host;
}

for (const [offset, level, label] of [
  [0, 'ok', 'key 0 d'],
  [85, 'warn', 'key 85 d'],
  [200, 'alarm', 'key 200 d'],
] as const) {
  test(`the list shows IAM's key age on its own: ${level} at ${offset} days`, async ({ start, moto, signin }) => {
    const user = await createUser(moto, unique('age-user'), KEY_PERMISSIONS);
    await withAlias(moto);
    const host = await start({
      aws: { moto, signin },
      nowOffsetDays: offset,
      config: `[profile dev]\nregion = eu-west-1\n`,
      credentials: `[default]\naws_access_key_id = ${user.accessKeyId}\naws_secret_access_key = ${user.secretAccessKey}\n\n[dev]\naws_access_key_id = ${user.accessKeyId}\naws_secret_access_key = ${user.secretAccessKey}\n`,
    });
    const { page } = host;
    const row = page.locator('[data-profile="dev"]');
    await expect(row.getByTestId('key-age')).toHaveText(label);
    await expect(row.getByTestId('key-age')).toHaveAttribute('data-level', level);
    // The same check named the account: on the row and in the header's active identity ([default] holds the key).
    await expect(row).toContainText(`${ACCOUNT} (${ALIAS})`);
    await expect(page.getByTestId('current-default')).toContainText(`Active in new terminals: default — ${ACCOUNT} (${ALIAS}) · via [default]`);
    // No secret reached the cache the list reads.
    const facts = await host.readDataFile('key-facts.json');
    expect(facts).toContain(user.accessKeyId);
    expect(facts).not.toContain(user.secretAccessKey);
    if (offset !== 200) return;
    for (const scheme of ['light', 'dark'] as const) {
      await page.emulateMedia({ colorScheme: scheme });
      for (const [width, height] of [[1280, 800], [900, 600]] as const) {
        await page.setViewportSize({ width, height });
        await expect(row.getByTestId('key-age')).toBeVisible();
        await host.screenshot(`key-age-list-200d-${scheme}-${width}x${height}`);
      }
      expect(await host.axe(), scheme).toEqual([]);
    }
  });
}

test('an offline check leaves the age unknown in a neutral badge, never 0 d', async ({ start, page }) => {
  // Nothing listens on port 9: every IAM call fails at once, as offline.
  const host = await startAndAwaitCheck(start, {
    keyChecks: true,
    vars: { AWS_ENDPOINT_URL: 'http://127.0.0.1:9', HATRACK_NETWORK_DEADLINE_MS: '5000' },
    config: `[profile dev]\nregion = eu-west-1\n`,
    credentials: `[dev]\naws_access_key_id = AKIAI44QH8DHBEXAMPLE\naws_secret_access_key = je7MtGbClwBF/2Zp9Utk/h3yCo8nvbEXAMPLEKEY\n`,
  });
  const badge = page.locator('[data-profile="dev"]').getByTestId('key-age');
  await expect(badge).toHaveText('age unknown — check');
  await expect(badge).toHaveAttribute('data-level', 'unknown');
  await expect(badge).toHaveClass(/age-unknown/);
  await expect(page.locator('main')).not.toContainText(/\b0 d\b/);
  for (const scheme of ['light', 'dark'] as const) {
    await page.emulateMedia({ colorScheme: scheme });
    for (const [width, height] of [[1280, 800], [900, 600]] as const) {
      await page.setViewportSize({ width, height });
      await expect(badge).toBeVisible();
      await host.screenshot(`key-age-unknown-${scheme}-${width}x${height}`);
    }
    expect(await host.axe(), scheme).toEqual([]);
  }
});

test('with the background check turned off, ages stay unknown until the user checks all keys', async ({ start, moto, signin, page }) => {
  const user = await createUser(moto, unique('age-user'), KEY_PERMISSIONS);
  const host = await start({
    aws: { moto, signin },
    nowOffsetDays: 120,
    open: false,
    config: `[profile dev]\nregion = eu-west-1\n`,
    credentials: `[dev]\naws_access_key_id = ${user.accessKeyId}\naws_secret_access_key = ${user.secretAccessKey}\n`,
  });
  await host.core.dispatch('settings.update', { app: { checkKeyAgeOnline: false } });
  await host.open();
  await page.getByRole('navigation', { name: 'Sections' }).getByRole('button', { name: 'Access keys' }).click();
  const row = page.locator('tr[data-profile="dev"]');
  await expect(row.getByTestId('key-age')).toHaveText('age unknown — check');
  await page.getByRole('button', { name: 'Check all keys with AWS' }).click();
  await expect(row.getByTestId('key-age')).toHaveText('key 120 d');
  await expect(row.getByTestId('key-age')).toHaveAttribute('data-level', 'alarm');
  await expect(page.getByRole('button', { name: 'Check all keys with AWS' })).toBeEnabled();
  // The one-key check still shows last use beside the age.
  await row.getByRole('button', { name: 'Check key of dev' }).click();
  await expect(row.getByTestId('last-used')).not.toHaveText('—');
  for (const scheme of ['light', 'dark'] as const) {
    await page.emulateMedia({ colorScheme: scheme });
    for (const [width, height] of [[1280, 800], [900, 600]] as const) {
      await page.setViewportSize({ width, height });
      await host.screenshot(`key-age-keys-screen-${scheme}-${width}x${height}`);
    }
    expect(await host.axe(), scheme).toEqual([]);
  }
});
