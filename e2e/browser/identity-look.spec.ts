// Telling identities apart (issue 12.3): every row names its kind with an icon and a word; a colour and a note set in
// the editor's "Appearance in Hatrack" show on the row and in the switcher, survive a reload and live in Hatrack's
// settings only (the AWS files stay byte for byte). Screenshots: e2e/artifacts/identity-*.png.
import type { Page } from '@playwright/test';
import { expect, test } from '../fixtures/browser-host.js';
import { credentialsFile, TEAM_PROFILES } from '../fixtures/example-keys.js';

const CONFIG = `[default]
region = us-east-1

${TEAM_PROFILES}
[profile ci]
role_arn = arn:aws:iam::444455556666:role/GitHubActions
web_identity_token_file = /var/run/token

[profile console]
login_session = arn:aws:iam::111122223333:user/me

[profile regional]
region = ap-southeast-2
`;
const CREDENTIALS = credentialsFile({ default: 1, dev: 0 });
const KIND_WORDS: Readonly<Record<string, string>> = {
  default: 'Key',
  dev: 'Key',
  staging: 'Role',
  analytics: 'SSO',
  tools: 'Process',
  ci: 'Web ID',
  console: 'Login',
  regional: 'Settings',
};
const NOTE = 'deploys only — ask the platform team';

const row = (page: Page, name: string) => page.locator(`[data-testid="profile-row"][data-profile="${name}"]`);

test('a colour and note set in the editor show on the row and in the switcher, persist, and leave the AWS files alone', async ({ start }) => {
  const host = await start({ config: CONFIG, credentials: CREDENTIALS });
  const { page } = host;
  const before = { config: await host.readConfig(), credentials: await host.readCredentials() };

  await expect(page.getByTestId('profile-row')).toHaveCount(Object.keys(KIND_WORDS).length);
  for (const [name, word] of Object.entries(KIND_WORDS)) await expect(row(page, name).getByTestId('kind-word')).toHaveText(word);
  await expect(row(page, 'staging').getByRole('img', { name: 'Assumed role' })).toBeVisible();

  await row(page, 'staging').locator('.prow-main').click();
  const look = page.getByTestId('editor').getByTestId('appearance');
  await expect(look.getByRole('button', { name: 'Save appearance' })).toBeDisabled();
  // A note shaped like a secret access key is refused by core and nothing is saved.
  await look.getByLabel('Note').fill('wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY');
  await look.getByRole('button', { name: 'Save appearance' }).click();
  await expect(look.getByRole('alert')).toContainText('looks like a secret access key');
  await expect(row(page, 'staging').getByTestId('row-note')).toHaveCount(0);

  await look.getByRole('radio', { name: 'Purple' }).check();
  await look.getByLabel('Note').fill(NOTE);
  await expect(look.getByTestId('appearance-state')).toHaveText('Not saved yet');
  await look.getByRole('button', { name: 'Save appearance' }).click();
  await expect(look.getByTestId('appearance-state')).toHaveText('Saved');
  await expect(look.getByRole('alert')).toHaveCount(0);

  await expect(row(page, 'staging').getByTestId('colour-dot')).toHaveAttribute('data-colour', 'purple');
  await expect(row(page, 'staging').getByTestId('row-note')).toHaveText(NOTE);
  await expect(row(page, 'tools').getByTestId('colour-dot')).toHaveCount(0);
  // Screen readers hear them too: the row button's description carries the colour and the note.
  await expect(row(page, 'staging').locator('.prow-main')).toHaveAccessibleDescription(new RegExp(`^Purple label\\. Note: ${NOTE}\\. Enter: `));

  // An unsaved colour is not lost silently: closing the editor asks first.
  await look.getByRole('radio', { name: 'Red' }).check();
  await page.keyboard.press('Escape');
  const discard = page.getByTestId('discard-dialog');
  await discard.getByRole('button', { name: 'Discard changes' }).click();
  await expect(page.getByTestId('editor')).toHaveCount(0);
  await expect(row(page, 'staging').getByTestId('colour-dot')).toHaveAttribute('data-colour', 'purple');
  await page.keyboard.press('Control+k');
  const switcher = page.getByTestId('quick-switcher');
  await switcher.getByRole('combobox', { name: 'Profile to switch to' }).fill('platform team');
  const option = switcher.getByRole('option');
  await expect(option).toHaveCount(1);
  await expect(option.locator('.qs-name')).toHaveText('staging');
  await expect(option.getByTestId('qs-note')).toHaveText(NOTE);
  await expect(option.getByRole('img', { name: 'Purple label' })).toBeVisible();
  await page.keyboard.press('Escape');
  await expect(switcher).toHaveCount(0);

  await page.reload();
  await expect(row(page, 'staging').getByTestId('row-note')).toHaveText(NOTE);
  await expect(row(page, 'staging').getByTestId('colour-dot')).toHaveAttribute('data-colour', 'purple');
  expect(JSON.parse(await host.readDataFile('settings.json'))).toMatchObject({ profiles: { staging: { colour: 'purple', notes: NOTE } } });

  // Clearing both removes them from the row and from settings.json.
  await row(page, 'staging').locator('.prow-main').click();
  await expect(look.getByRole('radio', { name: 'Purple' })).toBeChecked();
  await expect(look.getByLabel('Note')).toHaveValue(NOTE);
  await look.getByRole('radio', { name: 'No colour' }).check();
  await look.getByLabel('Note').fill('');
  await look.getByRole('button', { name: 'Save appearance' }).click();
  await expect(look.getByTestId('appearance-state')).toHaveText('Saved');
  await expect(row(page, 'staging').getByTestId('colour-dot')).toHaveCount(0);
  await expect(row(page, 'staging').getByTestId('row-note')).toHaveCount(0);
  expect(JSON.parse(await host.readDataFile('settings.json')).profiles?.staging).toBeUndefined();

  expect({ config: await host.readConfig(), credentials: await host.readCredentials() }).toEqual(before);
});

test('screenshots and axe: rows, editor and switcher, 1280×800 and 900×600, light and dark', async ({ start }) => {
  const host = await start({ config: CONFIG, credentials: CREDENTIALS });
  const { page } = host;
  // Colours and notes set through the same channel the editor uses, so every screenshot shows them.
  const looks = { staging: { colour: 'purple', notes: NOTE }, analytics: { colour: 'blue', notes: 'read-only BI' }, dev: { colour: 'green', notes: null }, ci: { colour: 'orange', notes: null } };
  const updated = await host.core.dispatch('settings.update', { profiles: looks });
  expect(updated.ok).toBe(true);
  await page.reload();
  await expect(row(page, 'staging').getByTestId('row-note')).toHaveText(NOTE);

  for (const scheme of ['light', 'dark'] as const) {
    await page.emulateMedia({ colorScheme: scheme });
    for (const size of [
      { width: 1280, height: 800 },
      { width: 900, height: 600 },
    ]) {
      await page.setViewportSize(size);
      const tag = `${size.width}x${size.height}-${scheme}`;
      await expect(row(page, 'analytics').getByTestId('kind-word')).toBeVisible();
      await host.screenshot(`identity-list-${tag}`);
      expect(await host.axe()).toEqual([]);

      await row(page, 'staging').locator('.prow-main').click();
      const look = page.getByTestId('editor').getByTestId('appearance');
      await look.evaluate((el) => el.scrollIntoView({ block: 'end' }));
      await expect(look.getByRole('radio', { name: 'Purple' })).toBeChecked();
      await host.screenshot(`identity-editor-${tag}`);
      expect(await host.axe()).toEqual([]);
      await page.keyboard.press('Escape');
      await expect(page.getByTestId('editor')).toHaveCount(0);

      await page.keyboard.press('Control+k');
      const switcher = page.getByTestId('quick-switcher');
      await expect(switcher.getByRole('option').first()).toBeVisible();
      await host.screenshot(`identity-switcher-${tag}`);
      expect(await host.axe()).toEqual([]);
      await page.keyboard.press('Escape');
      await expect(switcher).toHaveCount(0);
    }
  }
});
