// Profile rows: one primary action chosen by what the kind can do, everything else in a "…" / context menu (an ARIA
// menu), and a list that is one tab stop with arrow keys, Home/End, Enter for the primary action and Shift+F10.
import type { Page } from '@playwright/test';
import { expect, test } from '../fixtures/browser-host.js';

const LONG_ROLE = 'PlatformEngineeringCrossAccountDeploymentAutomationRoleForProductionWorkloads';
const CONFIG = `[profile base]
region = eu-west-1

[profile admin]
role_arn = arn:aws:iam::111122223333:role/Admin
source_profile = keys

[profile long-arn]
role_arn = arn:aws:iam::111122223333:role/service-role/${LONG_ROLE}
source_profile = keys
region = ap-southeast-2

[profile web]
login_session = arn:aws:iam::111122223333:user/me
`;
const CREDENTIALS = `[keys]
aws_access_key_id = AKIAI44QH8DHBEXAMPLE
aws_secret_access_key = je7MtGbClwBF/2Zp9Utk/h3yCo8nvbEXAMPLEKEY
`;

const row = (page: Page, name: string) => page.locator(`[data-testid="profile-row"][data-profile="${name}"]`);
/** The profile whose row holds the focus, or null when the focus is outside the list. */
async function focusedProfile(page: Page): Promise<string | null> {
  const r = page.locator('[data-testid="profile-row"]:has(:focus)');
  return (await r.count()) === 0 ? null : r.first().getAttribute('data-profile');
}

test('each row has exactly one primary action, picked from its capabilities', async ({ start }) => {
  const { page } = await start({ config: CONFIG, credentials: CREDENTIALS });
  await expect(page.getByTestId('profile-row')).toHaveCount(5);
  const primary = (name: string) => row(page, name).locator('.prow-primary');
  for (const name of ['keys', 'admin', 'long-arn', 'base', 'web']) await expect(primary(name)).toHaveCount(1);
  // Keys and roles: Use. Settings only and aws login cannot resolve credentials: Edit, never a dead button.
  await expect(primary('keys')).toHaveText('Use');
  await expect(primary('admin')).toHaveText('Use');
  await expect(primary('base')).toHaveText('Edit');
  await expect(primary('web')).toHaveText('Edit');
  for (const name of ['keys', 'admin', 'base', 'web']) await expect(primary(name)).toBeEnabled();
  // No other action buttons on the row: 5 rows, 3 buttons each (star, primary, more) + the row itself.
  await expect(page.locator('.prow-actions .button')).toHaveCount(5);

  // Edit as the primary action opens the editor.
  await primary('base').click();
  await expect(page.getByTestId('editor')).toHaveAttribute('aria-label', 'Editor for base');
});

test('the "…" menu is an ARIA menu: arrows, disabled items say why, Escape closes and focus goes back', async ({ start }) => {
  const { page } = await start({ config: CONFIG, credentials: CREDENTIALS });
  const more = row(page, 'keys').getByRole('button', { name: 'More actions for keys' });
  await expect(more).toHaveAttribute('aria-expanded', 'false');
  await more.click();
  const menu = page.getByRole('menu', { name: 'Actions for keys' });
  await expect(menu).toBeVisible();
  await expect(more).toHaveAttribute('aria-expanded', 'true');
  const items = menu.getByRole('menuitem');
  await expect(items).toHaveText([/^Assume now/, 'Open AWS console', 'Open console in…', 'Copy env variables', 'Edit…', 'Add to favourites']);
  // Plain keys without mfa_serial cannot be assumed: the item is disabled and its reason is right there.
  const assume = items.filter({ hasText: 'Assume now' });
  await expect(assume).toHaveAttribute('aria-disabled', 'true');
  await expect(assume).toContainText('keys holds long-term keys without mfa_serial');
  // Focus starts on the first item that can be chosen; arrows still visit the disabled one (it says why).
  await expect(items.nth(1)).toBeFocused();
  await page.keyboard.press('ArrowUp');
  await expect(assume).toBeFocused();
  await page.keyboard.press('End');
  await expect(items.nth(5)).toBeFocused();
  await page.keyboard.press('ArrowDown');
  await expect(items.nth(0)).toBeFocused();
  // Enter on a disabled item does nothing; the menu stays.
  await page.keyboard.press('Enter');
  await expect(menu).toBeVisible();
  await page.keyboard.press('Escape');
  await expect(menu).toHaveCount(0);
  await expect(row(page, 'keys').locator('.prow-main')).toBeFocused();

  // Choosing an item runs it and closes the menu.
  await row(page, 'keys').getByRole('button', { name: 'More actions for keys' }).click();
  await menu.getByRole('menuitem', { name: 'Add to favourites' }).click();
  await expect(menu).toHaveCount(0);
  await expect(row(page, 'keys').getByRole('button', { name: 'Favourite keys' })).toHaveAttribute('aria-pressed', 'true');
});

test('right click and Shift+F10 open the same menu on a row', async ({ start }) => {
  const { page } = await start({ config: CONFIG, credentials: CREDENTIALS });
  await row(page, 'admin').locator('.prow-sub').click({ button: 'right' });
  const menu = page.getByRole('menu', { name: 'Actions for admin' });
  await expect(menu).toBeVisible();
  await expect(menu.getByRole('menuitem')).toHaveText(['Assume now', 'Open AWS console', 'Open console in…', 'Copy env variables', 'Edit…', 'Add to favourites']);
  // A click outside closes it.
  await page.locator('.list-pane .toolbar').click({ position: { x: 5, y: 5 } });
  await expect(menu).toHaveCount(0);

  await row(page, 'admin').locator('.prow-main').focus();
  await page.keyboard.press('Shift+F10');
  await expect(menu).toBeVisible();
  await expect(menu.getByRole('menuitem', { name: 'Assume now' })).toBeFocused();
  await page.keyboard.press('Tab');
  await expect(menu).toHaveCount(0);
  await expect(row(page, 'admin').locator('.prow-main')).toBeFocused();
});

test('the list is one tab stop; arrows, Home/End and PageUp/PageDown move; Enter runs the primary action', async ({ start }) => {
  // "keys" sorts before p00…p39, so it is the first row.
  const many = Array.from({ length: 40 }, (_, i) => `[profile p${String(i).padStart(2, '0')}]\nregion = eu-west-1\n`).join('\n');
  const { page } = await start({ config: many, credentials: CREDENTIALS });
  await expect(page.getByTestId('profile-count')).toHaveText('41 profiles');
  // Exactly one row is in the Tab order.
  await expect(page.locator('.prow-main[tabindex="0"]')).toHaveCount(1);
  await expect(page.locator('.prow [tabindex="0"]:not(.prow-main)')).toHaveCount(0);
  await page.getByRole('checkbox', { name: 'Group by account' }).focus();
  await page.keyboard.press('Tab');
  await expect.poll(() => focusedProfile(page)).toBe('keys');
  // Tab again leaves the list (no stop per row or per button).
  await page.keyboard.press('Tab');
  await expect.poll(() => focusedProfile(page)).toBeNull();
  await page.keyboard.press('Shift+Tab');
  await expect.poll(() => focusedProfile(page)).toBe('keys');

  await page.keyboard.press('ArrowDown');
  await expect.poll(() => focusedProfile(page)).toBe('p00');
  await page.keyboard.press('End');
  await expect.poll(() => focusedProfile(page)).toBe('p39');
  await page.keyboard.press('Home');
  await expect.poll(() => focusedProfile(page)).toBe('keys');
  await page.keyboard.press('PageDown');
  await expect.poll(() => focusedProfile(page)).toMatch(/^p0\d$/);
  await page.keyboard.press('PageUp');
  await expect.poll(() => focusedProfile(page)).toBe('keys');

  // The tab stop follows the focus and survives scrolling it out of view (the virtual list keeps that row mounted).
  await page.keyboard.press('End');
  await expect.poll(() => focusedProfile(page)).toBe('p39');
  await page.locator('.vlist').evaluate((el) => (el.scrollTop = 0));
  await page.getByRole('checkbox', { name: 'Group by account' }).focus();
  await page.keyboard.press('Tab');
  await expect.poll(() => focusedProfile(page)).toBe('p39');

  // Enter runs the primary action: Edit for a settings-only profile.
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('editor')).toHaveAttribute('aria-label', 'Editor for p39');
});

test('Enter on a key row uses it as the default', async ({ start, moto, signin }) => {
  const host = await start({ config: CONFIG, credentials: CREDENTIALS, aws: { moto, signin } });
  const { page } = host;
  await row(page, 'keys').locator('.prow-main').focus();
  await expect(row(page, 'keys').locator('.prow-main')).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('status')).toContainText('Default profile is now keys');
  await expect(row(page, 'keys').getByTestId('default-badge')).toBeVisible();
});
