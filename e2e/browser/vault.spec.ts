// Keychain: keys move out of the credentials file into the OS keychain and back; with no keychain the UI says so plainly.
import { expect, test } from '../fixtures/browser-host.js';
import { requireChannel, withKeychainBus } from '../fixtures/helpers.js';
import { privateKeyringProblem } from '../../test/support/private-keyring.js';

const SECRET = 'je7MtGbClwBF/2Zp9Utk/h3yCo8nvbEXAMPLEKEY';
const CONFIG = '[profile dev]\nregion = eu-west-1\n';
const CREDENTIALS = `[dev]\naws_access_key_id = AKIAI44QH8DHBEXAMPLE\naws_secret_access_key = ${SECRET}\n`;

test('no keychain: the plain message, and the keys stay put', async ({ start }) => {
  const host = await start({ config: CONFIG, credentials: CREDENTIALS, vars: { DBUS_SESSION_BUS_ADDRESS: '' }, open: false });
  await requireChannel(host, 'vault.list');
  await host.open();
  const { page } = host;
  await page.getByRole('navigation', { name: 'Sections' }).getByRole('button', { name: 'Keychain' }).click();
  if (process.platform === 'linux') await expect(page.getByTestId('no-keychain')).toContainText('No keychain is available on this computer');
  await host.screenshot('keychain');
  expect(await host.axe()).toEqual([]);
  expect(await host.readCredentials()).toBe(CREDENTIALS);
});

test('keychain available: keys move into it and back', async ({ start, keychainBus }) => {
  const problem = privateKeyringProblem();
  test.skip(problem !== undefined, `no private keychain: ${problem}`);
  await withKeychainBus(keychainBus, async () => {
    const host = await start({ config: CONFIG, credentials: CREDENTIALS, vars: { DBUS_SESSION_BUS_ADDRESS: keychainBus }, open: false });
    await requireChannel(host, 'vault.list');
    await host.open();
    const { page } = host;
    await page.getByRole('navigation', { name: 'Sections' }).getByRole('button', { name: 'Keychain' }).click();
    await page.getByRole('button', { name: 'Move keys of dev to the keychain' }).click();
    await expect(page.getByTestId('vaulted').locator('[data-profile="dev"]')).toBeVisible();
    await host.screenshot('keychain-available');
    expect(await host.axe()).toEqual([]);
    const creds = await host.readCredentials();
    expect(creds).not.toContain(SECRET);
    expect(await host.readConfig()).toContain('credential_process');
    await page.getByRole('button', { name: 'Move keys of dev back to the credentials file' }).click();
    await expect(page.getByTestId('in-file').locator('[data-profile="dev"]')).toBeVisible();
    expect(await host.readCredentials()).toContain(SECRET);
  });
});
