// Ctrl/Cmd+K opens the quick switcher: type, arrow, Alt+Enter opens the editor; Enter makes the profile the default.
import { expect, test } from '../fixtures/browser-host.js';
import { requireChannel } from '../fixtures/helpers.js';
import { credentialsFile } from '../fixtures/example-keys.js';

const CONFIG = `[profile alpha]\nregion = eu-west-1\n\n[profile beta]\nregion = us-east-1\n\n[profile gamma]\nregion = us-west-2\n`;
const CREDENTIALS = credentialsFile({ alpha: 0, beta: 1 });

test('quick switcher finds and opens a profile from the keyboard', async ({ start }) => {
  const host = await start({ config: CONFIG, credentials: CREDENTIALS });
  const { page } = host;
  await page.keyboard.press('Control+k');
  const dlg = page.getByTestId('quick-switcher');
  await expect(dlg).toBeVisible();
  const input = dlg.getByRole('combobox', { name: 'Profile to switch to' });
  await expect(input).toBeFocused();
  await input.fill('a');
  await expect(dlg.getByRole('option')).toHaveCount(3);
  await input.fill('us-');
  await expect(dlg.getByRole('option')).toHaveCount(2);
  await page.keyboard.press('ArrowDown');
  await expect(dlg.getByRole('option', { selected: true })).toContainText('gamma');
  await host.screenshot('quick-switcher');
  expect(await host.axe()).toEqual([]);
  await page.keyboard.press('Alt+Enter');
  await expect(dlg).toBeHidden();
  await expect(page.getByTestId('editor').getByRole('heading', { name: 'gamma' })).toBeVisible();
  await page.keyboard.press('Control+k');
  await page.keyboard.press('Escape');
  await expect(dlg).toBeHidden();
});

test('quick switcher: Enter makes the profile the default', async ({ start, moto, signin }) => {
  const host = await start({ config: CONFIG, credentials: CREDENTIALS, aws: { moto, signin } });
  await requireChannel(host, 'credentials.use', { profile: 'beta' });
  // The probe above switched to beta; switch via the UI to alpha.
  const { page } = host;
  await page.reload();
  await page.keyboard.press('Control+k');
  await page.getByRole('combobox', { name: 'Profile to switch to' }).fill('alpha');
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('status')).toContainText('Default profile is now alpha');
  await expect(page.getByTestId('current-default')).toContainText('alpha');
  expect(await host.readCredentials()).toMatch(/\[default\][^[]*AKIAI44QH8DHBEXAMPLE/);
});
