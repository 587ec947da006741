// The profile list: every profile is shown with its badges, search narrows by name, account, role, kind and region.
import { expect, test } from '../fixtures/browser-host.js';
import { credentialsFile } from '../fixtures/example-keys.js';

const CONFIG = `[default]
region = us-east-1

[profile dev]
region = eu-west-1

[profile prod-admin]
role_arn = arn:aws:iam::111122223333:role/Admin
source_profile = dev
region = eu-central-1

[profile data-reader]
role_arn = arn:aws:iam::444455556666:role/DataReader
source_profile = dev
region = us-west-2

[profile sso-dev]
sso_start_url = https://example.awsapps.com/start
sso_region = us-east-1
sso_account_id = 777788889999
sso_role_name = Developer
`;
const CREDENTIALS = credentialsFile({ default: 1, dev: 0 });

test('lists every profile and searches by name, account, role, kind and region', async ({ start }) => {
  const { page, axe, screenshot } = await start({ config: CONFIG, credentials: CREDENTIALS });
  const rows = page.getByTestId('profile-row');
  await expect(rows).toHaveCount(5);
  await expect(page.getByTestId('profile-count')).toHaveText('5 profiles');
  await expect(page.locator('[data-profile="default"]').getByTestId('default-badge')).toBeVisible();
  await screenshot('profiles');
  expect(await axe()).toEqual([]);

  const search = page.getByRole('searchbox', { name: 'Search profiles' });
  const names = async () => rows.evaluateAll((els) => els.map((e) => e.getAttribute('data-profile')));
  await search.fill('prod');
  await expect.poll(names).toEqual(['prod-admin']);
  await search.fill('444455556666');
  await expect.poll(names).toEqual(['data-reader']);
  await search.fill('kind:sso');
  await expect.poll(names).toEqual(['sso-dev']);
  await search.fill('777788889999');
  await expect.poll(names).toEqual(['sso-dev']);
  await search.fill('admin');
  await expect.poll(names).toEqual(['prod-admin']);
  await search.fill('kind:role');
  await expect.poll(names).toEqual(['data-reader', 'prod-admin']);
  await search.fill('eu-');
  await expect.poll(names).toEqual(['dev', 'prod-admin']);
  await search.fill('region:us-west-2');
  await expect.poll(names).toEqual(['data-reader']);
  await search.fill('nothing-matches-this');
  await expect(page.getByText('No profile matches')).toBeVisible();
  await search.fill('');
  await expect(rows).toHaveCount(5);

  // Grouping by account puts a heading above each account's profiles.
  await page.getByLabel('Group by account').check();
  await expect(page.getByRole('heading', { name: /Account 111122223333/ })).toBeVisible();
  // Keyboard: arrow down from search focuses the first row; Space opens its editor.
  await page.getByLabel('Group by account').uncheck();
  await search.focus();
  // Focus moves on the next frame: each key waits for it, or a busy machine types the next key into the search box.
  await page.keyboard.press('ArrowDown');
  await expect(page.locator('[data-profile="data-reader"] .prow-main')).toBeFocused();
  await page.keyboard.press('ArrowDown');
  await expect(page.locator('[data-profile="default"] .prow-main')).toBeFocused();
  // Enter runs the row's primary action (rows-keyboard.spec); Space opens the editor.
  await page.keyboard.press('Space');
  await expect(page.getByTestId('editor')).toBeVisible();
});
