// Keyboard and dialogs: Escape closes the editor, unsaved edits ask before they are dropped, Tab stays inside a
// modal and focus returns to its opener, every disabled Review/Save says why, and a bad role_arn shows as typed.
import type { Page } from '@playwright/test';
import { expect, test } from '../fixtures/browser-host.js';

const CONFIG = `[profile dev]
region = eu-west-1

[profile ops]
region = us-east-1

[profile broken-role]
role_arn = not-an-arn
source_profile = dev
`;
const CREDENTIALS = `[dev]
aws_access_key_id = AKIAI44QH8DHBEXAMPLE
aws_secret_access_key = je7MtGbClwBF/2Zp9Utk/h3yCo8nvbEXAMPLEKEY
`;

const editor = (page: Page) => page.getByTestId('editor');
const openEditor = async (page: Page, name: string) => {
  await page.locator(`[data-testid="profile-row"][data-profile="${name}"] .prow-main`).click();
  await expect(editor(page)).toHaveAttribute('aria-label', `Editor for ${name}`);
};

test('Escape closes the editor; focus stays in the list', async ({ start }) => {
  const { page } = await start({ config: CONFIG, credentials: CREDENTIALS });
  await openEditor(page, 'ops');
  await editor(page).getByLabel('Region').focus();
  await page.keyboard.press('Escape');
  await expect(editor(page)).toHaveCount(0);
});

test('unsaved edits ask before they are discarded: another profile, another screen, closing the editor', async ({ start }) => {
  const { page } = await start({ config: CONFIG, credentials: CREDENTIALS });
  await openEditor(page, 'ops');
  await editor(page).getByLabel('Region').fill('eu-central-1');
  const ask = page.getByTestId('discard-dialog');

  // Another profile: Keep editing leaves everything as it was.
  await page.locator('[data-profile="dev"] .prow-main').click();
  await expect(ask).toBeVisible();
  await expect(ask.getByRole('button', { name: 'Keep editing' })).toBeFocused();
  await ask.getByRole('button', { name: 'Keep editing' }).click();
  await expect(editor(page)).toHaveAttribute('aria-label', 'Editor for ops');
  await expect(editor(page).getByLabel('Region')).toHaveValue('eu-central-1');

  // Another screen.
  await page.getByRole('navigation', { name: 'Sections' }).getByRole('button', { name: 'Doctor' }).click();
  await expect(ask).toBeVisible();
  await page.keyboard.press('Escape'); // Escape answers "keep editing", it does not discard
  await expect(ask).toHaveCount(0);
  await expect(editor(page).getByLabel('Region')).toHaveValue('eu-central-1');

  // Escape on the editor itself asks too; Discard closes it and the file is untouched.
  await editor(page).getByLabel('Region').focus();
  await page.keyboard.press('Escape');
  await expect(ask).toBeVisible();
  await ask.getByRole('button', { name: 'Discard changes' }).click();
  await expect(editor(page)).toHaveCount(0);

  // With nothing unsaved, switching asks nothing.
  await openEditor(page, 'ops');
  await page.locator('[data-profile="dev"] .prow-main').click();
  await expect(editor(page)).toHaveAttribute('aria-label', 'Editor for dev');
  await expect(ask).toHaveCount(0);
});

test('Tab stays inside a modal (never on <body>) and focus returns to the opener on close', async ({ start }) => {
  const { page } = await start({ config: CONFIG, credentials: CREDENTIALS });
  const opener = page.getByRole('button', { name: 'New profile' });
  await opener.click();
  const wizard = page.getByTestId('wizard');
  await expect(wizard).toBeVisible();
  const inside = () => wizard.evaluate((d) => d.contains(d.ownerDocument.activeElement) && d.ownerDocument.activeElement !== d.ownerDocument.body);
  // Twice round the dialog's controls, forwards then backwards: the focus never leaves it.
  const stops = (await wizard.locator('button:not([disabled]), input:not([disabled])').count()) * 2 + 1;
  for (let i = 0; i < stops; i++) {
    await page.keyboard.press('Tab');
    expect(await inside()).toBe(true);
  }
  for (let i = 0; i < stops; i++) {
    await page.keyboard.press('Shift+Tab');
    expect(await inside()).toBe(true);
  }
  await page.keyboard.press('Escape');
  await expect(wizard).toHaveCount(0);
  await expect(opener).toBeFocused();
});

test('every disabled Review says why: empty name, a 10 KB region, nothing changed', async ({ start }) => {
  const host = await start({ config: CONFIG, credentials: CREDENTIALS });
  const { page } = host;
  await page.getByRole('button', { name: 'New profile' }).click();
  const wizard = page.getByTestId('wizard');
  await wizard.getByRole('button', { name: /^Settings only/ }).click();
  const review = wizard.getByRole('button', { name: 'Review…' });
  const why = wizard.getByTestId('form-blocked');
  await expect(review).toBeDisabled();
  await expect(why).toHaveText('Enter a profile name.');
  await expect(review).toHaveAccessibleDescription('Enter a profile name.');

  await wizard.getByLabel('Profile name *').fill('fresh');
  await expect(why).toHaveText('Fill in the fields above.');
  await wizard.getByLabel('Region').fill('x'.repeat(10 * 1024));
  await expect(review).toBeDisabled();
  await expect(why).toHaveText('Correct Region.');
  await expect(wizard.locator('.field-error').first()).toContainText('A region looks like eu-west-1.');
  await wizard.getByLabel('Region').fill('eu-west-2');
  await expect(review).toBeEnabled();
  await expect(why).toHaveCount(0);
  await wizard.getByLabel('Profile name *').fill('dev');
  await expect(review).toBeDisabled();
  await expect(why).toHaveText('A profile with this name exists.');
  await host.screenshot('rows-wizard-validation');
  expect(await host.axe()).toEqual([]);
  await page.keyboard.press('Escape');

  // The editor: no change, nothing to review, and it says so.
  await openEditor(page, 'ops');
  const save = editor(page).getByRole('button', { name: 'Review changes…' });
  await expect(save).toBeDisabled();
  await expect(editor(page).getByTestId('form-blocked')).toHaveText('No changes to review yet.');
});

test('a role_arn that is not an ARN shows as typed, and can be corrected', async ({ start }) => {
  const host = await start({ config: CONFIG, credentials: CREDENTIALS });
  const { page } = host;
  await openEditor(page, 'broken-role');
  const arn = editor(page).getByLabel('Role ARN *');
  await expect(arn).toHaveValue('not-an-arn');
  await expect(editor(page).getByLabel('Account ID *')).toHaveCount(0);
  await expect(editor(page).getByTestId('form-blocked')).toHaveText('Correct Role ARN.');
  await arn.fill('arn:aws:iam::111122223333:role/Fixed');
  await editor(page).getByRole('button', { name: 'Review changes…' }).click();
  const preview = page.getByRole('dialog', { name: 'Save broken-role' });
  await expect(preview).toContainText('role_arn = arn:aws:iam::111122223333:role/Fixed');
  await preview.getByRole('button', { name: 'Save changes' }).click();
  await expect.poll(() => host.readConfig()).toContain('role_arn = arn:aws:iam::111122223333:role/Fixed\n');
  // Now a proper ARN: the form splits it into account and role.
  await expect(editor(page).getByLabel('Account ID *')).toHaveValue('111122223333');
});
