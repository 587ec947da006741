// "Open console in…": region and service pickers (recent first), the separate-browser-profile choice, and what main
// remembers. Console opens are observed as the URLs core handed to openExternal (host.opened), never through the page.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Page } from '@playwright/test';
import { expect, test } from '../fixtures/browser-host.js';
import { opsRoleFiles } from '../fixtures/console-role.js';
import { chooseRowAction, overflows } from '../fixtures/helpers.js';
import { browserRuns, fakeBrowser } from '../../test/support/fake-browser.js';

const SIZES = [
  [1280, 800],
  [900, 600],
] as const;

/** The console destination of the n-th URL core opened. */
function destination(opened: readonly string[], n: number): string | null {
  const url = opened[n];
  return url === undefined ? null : new URL(url).searchParams.get('Destination');
}

function dialog(page: Page) {
  return page.getByTestId('console-dialog');
}

test('pick a region and a service, open there, and find them first as recents next time', async ({ start, moto, signin }) => {
  const files = await opsRoleFiles(moto, 'pickers');
  const host = await start({
    aws: { moto, signin },
    ...files,
  });
  const { page } = host;

  await chooseRowAction(page, 'ops', 'Open console in…');
  const d = dialog(page);
  await expect(d.getByRole('heading', { name: 'Open console for ops' })).toBeVisible();
  const region = d.getByRole('combobox', { name: 'Region' });
  const service = d.getByRole('combobox', { name: 'Service' });
  // Nothing recent yet: the profile's own region is picked, and the console home.
  await expect(region).toBeFocused();
  await expect(d.getByTestId('console-region-picked')).toHaveText('eu-west-1 — Europe (Ireland)');
  await expect(d.getByTestId('console-service-picked')).toHaveText('Console home');
  await expect(d.getByRole('group', { name: 'Recent' })).toHaveCount(0);

  // Typing narrows the list; Enter picks the highlighted option.
  await region.fill('frankfurt');
  await expect(d.getByRole('listbox', { name: 'Region' }).getByRole('option')).toHaveText(['eu-central-1 — Europe (Frankfurt)']);
  await region.press('Enter');
  await expect(d.getByTestId('console-region-picked')).toHaveText('eu-central-1 — Europe (Frankfurt)');
  await service.fill('lamb');
  await service.press('Enter');
  await expect(d.getByTestId('console-service-picked')).toHaveText('Lambda');

  // No browser on the host's PATH: the separate-profile choice is there, disabled, and says why.
  const separate = d.getByRole('checkbox', { name: 'Open in a separate browser profile' });
  await expect(separate).toBeDisabled();
  await expect(separate).toHaveAccessibleDescription(/^No Chromium-based browser or Firefox found/);

  await d.getByRole('button', { name: 'Open console' }).click();
  await expect(d).toHaveCount(0);
  await expect(page.getByTestId('status')).toContainText('Opened the AWS console for ops in your browser');
  expect(host.opened).toHaveLength(1);
  expect(destination(host.opened, 0)).toBe('https://eu-central-1.console.aws.amazon.com/lambda/home?region=eu-central-1');
  expect(await page.content()).not.toContain('e2e-token');

  // The menu's one-click Console opens where ops last opened.
  await chooseRowAction(page, 'ops', 'Open AWS console');
  await expect.poll(() => host.opened.length).toBe(2);
  expect(destination(host.opened, 1)).toBe('https://eu-central-1.console.aws.amazon.com/lambda/home?region=eu-central-1');

  // Reopened from Ctrl+K (Shift+Enter): the choices come back first, as recents, and are picked.
  await page.keyboard.press('Control+k');
  const switcher = page.getByTestId('quick-switcher');
  await switcher.getByRole('combobox', { name: 'Profile to switch to' }).fill('ops');
  await switcher.getByRole('combobox', { name: 'Profile to switch to' }).press('Shift+Enter');
  await expect(switcher).toHaveCount(0);
  await expect(d.getByRole('listbox', { name: 'Region' }).getByRole('option').first()).toHaveText('eu-central-1 — Europe (Frankfurt)');
  await expect(d.getByRole('listbox', { name: 'Region' }).getByRole('group', { name: 'Recent' }).getByRole('option')).toHaveText(['eu-central-1 — Europe (Frankfurt)']);
  await expect(d.getByRole('listbox', { name: 'Service' }).getByRole('group', { name: 'Recent' }).getByRole('option')).toHaveText([/^Lambda/]);
  await expect(d.getByRole('option', { name: /^eu-central-1/ })).toHaveAttribute('aria-selected', 'true');
  // The profile's own region still has its place after the recents.
  await expect(d.getByRole('group', { name: "This profile's region" }).getByRole('option')).toHaveText(['eu-west-1 — Europe (Ireland)']);

  for (const scheme of ['light', 'dark'] as const) {
    await page.emulateMedia({ colorScheme: scheme });
    for (const [width, height] of SIZES) {
      await page.setViewportSize({ width, height });
      await expect(d.getByRole('button', { name: 'Open console' })).toBeInViewport();
      expect(await overflows(page), `${scheme} ${width}x${height}`).toEqual([]);
      await host.screenshot(`console-dialog-${scheme}-${width}x${height}`);
    }
    expect(await host.axe(), scheme).toEqual([]);
  }
  await page.emulateMedia({ colorScheme: 'light' });
  await page.setViewportSize({ width: 1280, height: 800 });

  // Escape closes it without opening anything.
  await page.keyboard.press('Escape');
  await expect(d).toHaveCount(0);
  expect(host.opened).toHaveLength(2);

  // Settings lists what main remembered; Clear forgets it.
  await page.getByRole('navigation', { name: 'Sections' }).getByRole('button', { name: 'Settings' }).click();
  const card = page.getByTestId('console-settings');
  await expect(card.getByTestId('recent-regions')).toHaveText('eu-central-1 — Europe (Frankfurt)');
  await expect(card.getByTestId('recent-services')).toHaveText('Lambda');
  for (const scheme of ['light', 'dark'] as const) {
    await page.emulateMedia({ colorScheme: scheme });
    for (const [width, height] of SIZES) {
      await page.setViewportSize({ width, height });
      await card.scrollIntoViewIfNeeded();
      expect(await overflows(page), `settings ${scheme} ${width}x${height}`).toEqual([]);
      await host.screenshot(`console-settings-${scheme}-${width}x${height}`);
    }
    expect(await host.axe(), `settings ${scheme}`).toEqual([]);
  }
  await card.getByRole('button', { name: 'Clear' }).click();
  await expect(card.getByTestId('recent-regions')).toHaveText('None yet');
  await expect(card.getByRole('button', { name: 'Clear' })).toBeDisabled();
  const settings = await host.core.dispatch('settings.get', {});
  expect(settings.ok && settings.value).toMatchObject({ console: { recentRegions: [], recentServices: [], last: {} } });
});

test('with browsers on PATH: the setting checks the box, the browser is chosen, and the console opens in its own profile', async ({ start, moto, signin }) => {
  const files = await opsRoleFiles(moto, 'separate');
  // Main detects browsers on its environment's PATH: two stand-ins there, nothing else.
  const bin = await mkdtemp(path.join(tmpdir(), 'hatrack-e2e-browsers-'));
  try {
    const chromium = await fakeBrowser(bin, 'chromium');
    await fakeBrowser(bin, 'firefox');
    const host = await start({
      aws: { moto, signin },
      ...files,
      vars: { PATH: bin },
    });
    const { page } = host;
    const nav = page.getByRole('navigation', { name: 'Sections' });
    await nav.getByRole('button', { name: 'Settings' }).click();
    const byDefault = page.getByTestId('console-settings').getByRole('checkbox', { name: 'Open the console in a separate browser profile' });
    await byDefault.check();
    await expect(byDefault).toBeChecked();
    await nav.getByRole('button', { name: 'Profiles' }).click();

    await chooseRowAction(page, 'ops', 'Open console in…');
    const d = dialog(page);
    const separate = d.getByRole('checkbox', { name: 'Open in a separate browser profile' });
    await expect(separate).toBeEnabled();
    await expect(separate).toBeChecked();
    const browser = d.getByRole('combobox', { name: 'Browser' });
    await expect(browser.getByRole('option')).toHaveText(['Chromium', 'Firefox']);
    await expect(d.getByTestId('console-separate-help')).toHaveText('ops gets a Chromium profile of its own, with its own cookies, so several accounts stay signed in side by side.');
    for (const scheme of ['light', 'dark'] as const) {
      await page.emulateMedia({ colorScheme: scheme });
      expect(await overflows(page), scheme).toEqual([]);
      await host.screenshot(`console-dialog-separate-${scheme}-1280x800`);
      expect(await host.axe(), scheme).toEqual([]);
    }
    await page.emulateMedia({ colorScheme: 'light' });

    await d.getByRole('button', { name: 'Open console' }).click();
    await expect(page.getByTestId('status')).toContainText('Opened the AWS console for ops in a separate Chromium profile');
    // The stand-in got the sign-in URL with a user data dir of its own; the default browser was not used.
    await expect.poll(() => browserRuns(chromium).length).toBe(1);
    const [argv] = browserRuns(chromium) as [string[]];
    expect(argv[0]).toMatch(new RegExp(`^--user-data-dir=.*${path.sep}browser-profiles${path.sep}chromium-ops-[0-9a-f]{8}$`));
    expect(new URL(argv.at(-1)!).searchParams.get('Destination')).toBe('https://eu-west-1.console.aws.amazon.com/console/home?region=eu-west-1');
    expect(host.opened).toEqual([]);
  } finally {
    await rm(bin, { recursive: true, force: true });
  }
});
