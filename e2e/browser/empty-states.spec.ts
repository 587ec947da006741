// Empty states that guide (issue 12.9): Access keys with no key, the keychain empty or missing, Doctor all clear. Each
// says what would appear and offers the next step; each passes axe and fits at both sizes, light and dark.
import { writeFile } from 'node:fs/promises';
import type { Locator, Page } from '@playwright/test';
import { expect, test } from '../fixtures/browser-host.js';
import type { Host } from '../fixtures/browser-host.js';
import { overflows, withKeychainBus } from '../fixtures/helpers.js';
import { privateKeyringProblem } from '../../test/support/private-keyring.js';

// Profiles that use no long-lived key and that Doctor finds nothing wrong with.
const KEYLESS_CONFIG = `[default]\nregion = eu-west-1\n\n[profile sso-dev]\nsso_start_url = https://example.awsapps.com/start\nsso_region = us-east-1\nsso_account_id = 777788889999\nsso_role_name = Developer\n`;
const DEV_KEYS = `[dev]\naws_access_key_id = AKIAI44QH8DHBEXAMPLE\naws_secret_access_key = je7MtGbClwBF/2Zp9Utk/h3yCo8nvbEXAMPLEKEY\n`;
const SIZES = [
  [1280, 800],
  [900, 600],
] as const;
const SCHEMES = ['light', 'dark'] as const;

async function openScreen(page: Page, name: string): Promise<void> {
  await page.getByRole('navigation', { name: 'Sections' }).getByRole('button', { name }).click();
}

/** Screenshots `state` at both sizes (empty-<name>-<scheme>-<w>x<h>.png), checking it fits, then runs axe. */
async function shootAtBothSizes(host: Host, state: Locator, name: string, scheme: string): Promise<void> {
  for (const [width, height] of SIZES) {
    await host.page.setViewportSize({ width, height });
    await expect(state).toBeVisible();
    await host.screenshot(`empty-${name}-${scheme}-${width}x${height}`);
    expect(await overflows(host.page), `${name} at ${width}×${height}`).toEqual([]);
  }
  expect(await host.axe(), `${name} (${scheme})`).toEqual([]);
}

for (const scheme of SCHEMES) {
  test(`access keys with none: what appears here and a way to add keys (${scheme})`, async ({ start, page }) => {
    await page.emulateMedia({ colorScheme: scheme });
    const host = await start({ config: KEYLESS_CONFIG, credentials: '' });
    await openScreen(page, 'Access keys');
    const empty = page.getByTestId('no-keys');
    await expect(empty.getByRole('heading', { name: 'No access keys to look after' })).toBeVisible();
    await expect(empty).toContainText('show up here, with each key’s age');
    await expect(page.getByTestId('keys-table')).toHaveCount(0);
    await shootAtBothSizes(host, empty, 'keys', scheme);
    await empty.getByRole('button', { name: 'Add access keys…' }).click();
    await expect(page.getByTestId('wizard')).toBeVisible();
  });

  test(`doctor with no findings: all clear, what was checked and when, run again (${scheme})`, async ({ start, page }) => {
    await page.emulateMedia({ colorScheme: scheme });
    const host = await start({ config: KEYLESS_CONFIG, credentials: '' });
    await openScreen(page, 'Doctor');
    const clear = page.getByTestId('doctor-clean');
    await expect(clear.getByRole('heading', { name: 'All clear' })).toBeVisible();
    await expect(clear).toContainText('No problems found in 2 profiles, checked at');
    await expect(clear.locator('time')).toHaveAttribute('datetime', /^\d{4}-\d\d-\d\dT/);
    await expect(clear.getByRole('list', { name: 'What was checked' }).getByRole('listitem')).toHaveCount(6);
    await shootAtBothSizes(host, clear, 'doctor', scheme);
    // Run again really runs: a plain-text key added since the first run is found.
    await writeFile(host.credentialsPath, DEV_KEYS, { mode: 0o600 });
    await clear.getByRole('button', { name: 'Run again' }).click();
    await expect(page.getByTestId('finding').filter({ hasText: 'in plain text' })).toBeVisible();
    await expect(page.getByTestId('doctor-clean')).toHaveCount(0);
  });

  test(`no keychain: which service is missing, in plain words, and check again (${scheme})`, async ({ start, page }) => {
    test.skip(process.platform !== 'linux', 'the missing-service wording is the Linux one');
    await page.emulateMedia({ colorScheme: scheme });
    const host = await start({ config: KEYLESS_CONFIG, credentials: DEV_KEYS, vars: { DBUS_SESSION_BUS_ADDRESS: '' } });
    await openScreen(page, 'Keychain');
    const missing = page.getByTestId('no-keychain');
    await expect(missing.getByRole('heading', { name: 'No keychain on this computer' })).toBeVisible();
    await expect(missing).toContainText('No keychain is available on this computer');
    await expect(missing).toContainText('GNOME Keyring or KWallet');
    await expect(missing).toContainText('install the gnome-keyring package');
    // The log-style reason is there for whoever wants it, folded away.
    await expect(missing.getByText('DBUS_SESSION_BUS_ADDRESS is not set')).toBeHidden();
    await shootAtBothSizes(host, missing, 'no-keychain', scheme);
    await missing.getByText('Technical detail').click();
    await expect(missing.getByText('DBUS_SESSION_BUS_ADDRESS is not set')).toBeVisible();
    await missing.getByRole('button', { name: 'Check again' }).click();
    await expect(page.getByTestId('no-keychain')).toBeVisible();
    expect(await host.readCredentials()).toBe(DEV_KEYS);
  });
}

test('keychain with nothing in it: why keys belong there, how to move one, or how to add some', async ({ start, page, keychainBus }) => {
  test.skip(privateKeyringProblem() !== undefined, `no private keychain: ${privateKeyringProblem()}`);
  await withKeychainBus(keychainBus, async () => {
    const host = await start({ config: KEYLESS_CONFIG, credentials: DEV_KEYS, vars: { DBUS_SESSION_BUS_ADDRESS: keychainBus } });
    await openScreen(page, 'Keychain');
    const empty = page.getByTestId('keychain-empty');
    // Both themes in one host: the worker's keychain stays the same (see the keychainBus fixture).
    for (const scheme of SCHEMES) {
      await page.emulateMedia({ colorScheme: scheme });
      await expect(empty.getByRole('heading', { name: 'No keys in the keychain yet' })).toBeVisible();
      await expect(empty).toContainText('In the credentials file a secret key is plain text');
      await expect(empty).toContainText('Choose “Move to keychain” beside a profile below');
      await shootAtBothSizes(host, empty, 'keychain', scheme);
    }
    // The keys leave the credentials file by other means: nothing to move, so the way to add some is offered.
    await writeFile(host.credentialsPath, '', { mode: 0o600 });
    await expect(empty).toContainText('None of your profiles has keys to move');
    await empty.getByRole('button', { name: 'Add access keys…' }).click();
    await expect(page.getByTestId('wizard')).toBeVisible();
  });
});
