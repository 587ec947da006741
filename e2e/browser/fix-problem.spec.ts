// Problems in the files appear inline with one-click fixes that rewrite only the broken line.
import { expect, test } from '../fixtures/browser-host.js';

const CONFIG = `# team config\n[profile dev]\nRegion = eu-west-1\noutput = json\n\n[profile ops]\nregion = us-east-1\n`;

test('a problem shows inline and its one-click fix rewrites the file', async ({ start }) => {
  const host = await start({ config: CONFIG });
  const { page } = host;
  const problem = page.getByTestId('problem').filter({ hasText: 'Key "Region"' });
  // An amber problem marks its row and keeps the bar closed (only a file the CLI refuses opens it by itself).
  await expect(page.locator('[data-profile="dev"]').getByTestId('row-problems')).toHaveAttribute('data-effect', 'sdks-disagree');
  await expect(problem).toBeHidden();
  await page.getByTestId('file-problems').locator('summary').click();
  await expect(problem).toBeVisible();
  await expect(page.locator('.count-pill')).toHaveText('1');
  await host.screenshot('problems');
  expect(await host.axe()).toEqual([]);

  // The same problem shows inline in the profile's editor.
  await page.locator('[data-profile="dev"] .prow-main').click();
  await expect(page.getByTestId('editor').getByTestId('problem')).toContainText('Key "Region"');

  await page.getByTestId('editor').getByRole('button', { name: 'Fix: Write it as "region"' }).click();
  await expect(page.getByTestId('status')).toContainText('Fixed');
  await expect(page.getByTestId('problem')).toHaveCount(0);
  await expect(page.locator('.count-pill')).toHaveCount(0);
  // Only the broken line changed, byte for byte.
  expect(await host.readConfig()).toBe(CONFIG.replace('Region = eu-west-1', 'region = eu-west-1'));
});
