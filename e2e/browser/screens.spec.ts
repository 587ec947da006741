// Every main screen: a screenshot to e2e/artifacts, zero axe-core violations, in light and dark.
import type { Locator, Page } from '@playwright/test';
import { expect, test } from '../fixtures/browser-host.js';
import { overflows } from '../fixtures/helpers.js';

const CONFIG = `[default]\nregion = us-east-1\n\n[profile dev]\nregion = eu-west-1\n\n[profile prod-admin]\nrole_arn = arn:aws:iam::111122223333:role/Admin\nsource_profile = dev\nmfa_serial = arn:aws:iam::111122223333:mfa/me\nregion = eu-central-1\n\n[profile sso-dev]\nsso_start_url = https://example.awsapps.com/start\nsso_region = us-east-1\nsso_account_id = 777788889999\nsso_role_name = Developer\n\n[profile tool]\ncredential_process = /usr/local/bin/creds\n`;
const CREDENTIALS = `[dev]\naws_access_key_id = AKIAI44QH8DHBEXAMPLE\naws_secret_access_key = je7MtGbClwBF/2Zp9Utk/h3yCo8nvbEXAMPLEKEY\n`;
const SCREENS = ['Profiles', 'Sessions', 'Identity Center', 'Access keys', 'Keychain', 'Doctor', 'Settings'] as const;
type Screen = (typeof SCREENS)[number];
const SIZES = [
  [1280, 800],
  [900, 600],
] as const;

/** What each screen shows once its data has arrived (screenshots and axe must see that, not a loading state). */
function loaded(page: Page, name: Screen): Locator {
  const main = page.locator('main');
  switch (name) {
    case 'Profiles':
      return page.locator('[data-profile="prod-admin"]');
    case 'Sessions':
      return main.getByTestId('sessions-empty').or(main.getByTestId('sessions')).or(main.getByRole('alert'));
    case 'Identity Center':
      return main.getByTestId('sso-empty').or(main.getByRole('alert'));
    case 'Access keys':
      return main.locator('tr[data-profile="dev"]');
    case 'Keychain':
      return main.getByRole('heading', { name: 'In the keychain', exact: true }).or(page.getByTestId('no-keychain')).or(main.getByRole('alert'));
    case 'Doctor':
      return page.getByTestId('findings').or(page.getByTestId('doctor-clean')).or(main.getByRole('alert'));
    case 'Settings':
      return main.getByRole('radiogroup', { name: 'Theme' }).or(main.getByRole('alert'));
  }
}

for (const scheme of ['light', 'dark'] as const) {
  test(`every main screen passes axe (${scheme})`, async ({ start, page }) => {
    await page.emulateMedia({ colorScheme: scheme });
    const host = await start({ config: CONFIG, credentials: CREDENTIALS });
    for (const name of SCREENS) {
      await page.getByRole('navigation', { name: 'Sections' }).getByRole('button', { name }).click();
      await expect(page.getByRole('heading', { level: 1, name: name === 'Keychain' ? 'Keychain' : name })).toBeAttached();
      await expect(loaded(page, name)).toBeVisible();
      for (const [width, height] of SIZES) {
        await page.setViewportSize({ width, height });
        await expect(loaded(page, name)).toBeVisible();
        await host.screenshot(`screen-${name.toLowerCase().replace(/\s+/g, '-')}-${scheme}-${width}x${height}`);
        expect(await overflows(page), `${name} at ${width}×${height}`).toEqual([]);
      }
      const violations = await host.axe();
      expect(violations, `${name} (${scheme})`).toEqual([]);
    }
    // The editor beside the list, for a role profile.
    await page.getByRole('navigation', { name: 'Sections' }).getByRole('button', { name: 'Profiles' }).click();
    await page.locator('[data-profile="prod-admin"] .prow-main').click();
    await expect(page.getByTestId('editor')).toBeVisible();
    for (const [width, height] of SIZES) {
      await page.setViewportSize({ width, height });
      await expect(page.getByTestId('editor')).toBeVisible();
      await host.screenshot(`screen-editor-${scheme}-${width}x${height}`);
      expect(await overflows(page), `editor at ${width}×${height}`).toEqual([]);
    }
    expect(await host.axe()).toEqual([]);
    await page.getByRole('tab', { name: 'In the files' }).click();
    await expect(page.getByTestId('raw-config')).toContainText('[profile prod-admin]');
    expect(await host.axe()).toEqual([]);
  });
}

for (const scheme of ['light', 'dark'] as const) {
  test(`first run: empty files show where Hatrack looked and three ways to start (${scheme})`, async ({ start, page }) => {
    await page.emulateMedia({ colorScheme: scheme });
    const host = await start({ config: '', credentials: '' });
    const firstRun = page.getByTestId('first-run');
    await expect(firstRun).toBeVisible();
    await expect(firstRun).toContainText(host.configPath);
    for (const [width, height] of SIZES) {
      await page.setViewportSize({ width, height });
      await expect(firstRun.getByRole('button', { name: 'Set up Identity Center' })).toBeVisible();
      await host.screenshot(`screen-first-run-${scheme}-${width}x${height}`);
      expect(await overflows(page), `first run at ${width}×${height}`).toEqual([]);
    }
    expect(await host.axe(), scheme).toEqual([]);
    await firstRun.getByRole('button', { name: 'Set up Identity Center' }).click();
    await expect(page.getByRole('heading', { level: 1, name: 'Identity Center' })).toBeAttached();
    await page.getByRole('navigation', { name: 'Sections' }).getByRole('button', { name: 'Profiles' }).click();
    await page.getByTestId('first-run').getByRole('button', { name: 'Add keys…' }).click();
    await expect(page.getByTestId('wizard')).toBeVisible();
  });
}
