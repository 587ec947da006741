// A change made outside the app (another editor, the aws CLI) shows a banner and the list updates live.
import { appendFile } from 'node:fs/promises';
import { expect, test } from '../fixtures/browser-host.js';

test('a file changed on disk appears live with a banner', async ({ start }) => {
  const host = await start({ config: '[profile dev]\nregion = eu-west-1\n' });
  const { page } = host;
  await expect(page.getByTestId('profile-row')).toHaveCount(1);
  await appendFile(host.configPath, '\n[profile added-outside]\nregion = us-east-2\n');
  await expect(page.getByTestId('files-changed-banner')).toContainText('config file changed on disk');
  await expect(page.locator('[data-profile="added-outside"]')).toBeVisible();
  await expect(page.getByTestId('profile-row')).toHaveCount(2);
  await host.screenshot('files-changed');
  expect(await host.axe()).toEqual([]);
  await page.getByTestId('files-changed-banner').getByRole('button', { name: 'Dismiss' }).click();
  await expect(page.getByTestId('files-changed-banner')).toBeHidden();
});
