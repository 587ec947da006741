// After Use, the user's own [default] is one identity tied to the managed default (not a bare default-original row),
// and one click switches back: the files are byte for byte what they were before Use.
import { expect, test } from '../fixtures/browser-host.js';

const CONFIG = `# my config
[default]
region = us-east-1

[profile dev]
region = eu-west-1
`;
const CREDENTIALS = `# my own IAM user
[default]
aws_access_key_id = AKIAIOSFODNN7EXAMPLE
aws_secret_access_key = wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY

[dev]
aws_access_key_id = AKIAI44QH8DHBEXAMPLE
aws_secret_access_key = je7MtGbClwBF/2Zp9Utk/h3yCo8nvbEXAMPLEKEY
`;

const SIZES = [
  { name: '1280x800', width: 1280, height: 800 },
  { name: '900x600', width: 900, height: 600 },
] as const;

test('Use keeps your own default as one identity under default, and Switch back restores the files exactly', async ({ start, moto, signin }) => {
  const host = await start({ config: CONFIG, credentials: CREDENTIALS, aws: { moto, signin } });
  const { page } = host;
  const configBefore = await host.readConfig();
  const credentialsBefore = await host.readCredentials();

  await page.getByRole('button', { name: 'Use dev as default' }).click();
  await expect(page.getByTestId('status')).toContainText('Default profile is now dev');

  // The default row says what it stands for; the user's keys are its child row, never a bare "default-original".
  const managed = page.locator('[data-testid="profile-row"][data-profile="default"]');
  const kept = page.locator('[data-testid="profile-row"][data-profile="default-original"]');
  await expect(managed).toHaveAttribute('data-pair', 'managed');
  await expect(managed.locator('.prow-name')).toHaveText('default → dev');
  await expect(managed.locator('.prow-sub')).toContainText('Managed by Hatrack');
  await expect(managed.locator('.prow-sub')).toContainText('your keys kept as default-original');
  await expect(kept).toHaveAttribute('data-pair', 'kept');
  await expect(kept.locator('.prow-name')).toHaveText('Your keys');
  await expect(kept.locator('.prow-sub')).toContainText('kept as default-original · AKIA…MPLE');
  await expect(page.locator('.prow-name', { hasText: /^default-original$/ })).toHaveCount(0);
  // Tied together: the kept row comes right after the default row, whatever the sort put between them.
  const order = await page.getByTestId('profile-row').evaluateAll((rows) => rows.map((r) => r.getAttribute('data-profile')));
  expect(order.indexOf('default-original')).toBe(order.indexOf('default') + 1);
  // The header says the same thing as the row.
  await expect(page.locator('.active-identity')).toContainText('your keys kept as default-original');
  await expect(page.locator('.active-identity')).toContainText('managed by Hatrack');

  // Its own actions stay in its menu; Use is replaced by Switch back there too.
  await kept.getByRole('button', { name: 'More actions for default-original' }).click();
  const menu = page.getByTestId('row-menu');
  await expect(menu.getByRole('menuitem', { name: 'Edit…' })).toBeVisible();
  await expect(menu.getByRole('menuitem', { name: 'Use as default' })).toHaveCount(0);
  await page.keyboard.press('Escape');
  await expect(menu).toBeHidden();

  for (const scheme of ['light', 'dark'] as const) {
    await page.emulateMedia({ colorScheme: scheme });
    for (const size of SIZES) {
      await page.setViewportSize({ width: size.width, height: size.height });
      await expect(managed.locator('.prow-name')).toBeVisible();
      await host.screenshot(`default-original-${scheme}-${size.name}`);
    }
    expect(await host.axe()).toEqual([]);
  }
  await page.emulateMedia({ colorScheme: 'light' });
  await page.setViewportSize({ width: 1280, height: 800 });

  await managed.getByRole('button', { name: 'Switch back to your own keys (from default)' }).click();
  await expect(page.getByTestId('status')).toContainText('Your own keys are the default again');
  await expect(kept).toHaveCount(0);
  await expect(managed.locator('.prow-name')).toHaveText('default');
  await expect(managed).not.toHaveAttribute('data-pair', /.*/);
  expect(await host.readConfig()).toBe(configBefore);
  expect(await host.readCredentials()).toBe(credentialsBefore);
  await host.screenshot('default-original-switched-back');
});
