// Keychain: keys move out of the credentials file into the OS keychain and back; with no keychain the UI says so plainly.
import { expect, test } from '../fixtures/browser-host.js';
import { requireChannel } from '../fixtures/helpers.js';

const SECRET = 'je7MtGbClwBF/2Zp9Utk/h3yCo8nvbEXAMPLEKEY';
const CREDENTIALS = `[dev]\naws_access_key_id = AKIAI44QH8DHBEXAMPLE\naws_secret_access_key = ${SECRET}\n`;

test('move keys to the keychain (or see the plain no-keychain message)', async ({ start }) => {
  const host = await start({ config: '[profile dev]\nregion = eu-west-1\n', credentials: CREDENTIALS, open: false });
  await requireChannel(host, 'vault.list');
  await host.open();
  const { page } = host;
  await page.getByRole('navigation', { name: 'Sections' }).getByRole('button', { name: 'Keychain' }).click();
  const list = await host.core.dispatch('vault.list', {});
  expect(list.ok).toBe(true);
  const available = list.ok && (list.value as { available: boolean }).available;
  if (!available) {
    await expect(page.getByTestId('no-keychain')).toContainText('No keychain is available on this computer');
    await host.screenshot('keychain');
    expect(await host.axe()).toEqual([]);
    return;
  }
  await host.screenshot('keychain');
  expect(await host.axe()).toEqual([]);
  await page.getByRole('button', { name: 'Move keys of dev to the keychain' }).click();
  await expect(page.getByTestId('vaulted').locator('[data-profile="dev"]')).toBeVisible();
  const creds = await host.readCredentials();
  expect(creds).not.toContain(SECRET);
  await page.getByRole('button', { name: 'Move keys of dev back to the credentials file' }).click();
  await expect(page.getByTestId('in-file').locator('[data-profile="dev"]')).toBeVisible();
  expect(await host.readCredentials()).toContain(SECRET);
});
