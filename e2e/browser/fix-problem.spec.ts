// Problems in the files appear inline with one-click fixes that rewrite only the broken line.
import { expect, test } from '../fixtures/browser-host.js';

const CONFIG = `[profile dev]
region = eu-west-1
Region = us-east-1
output = json
`;

test('a problem shows inline and its one-click fix rewrites the file', async ({ start }) => {
  const host = await start({ config: CONFIG });
  const { page } = host;
  const problems = page.getByTestId('problem');
  await expect(problems.first()).toBeVisible();
  const before = await problems.count();
  expect(before).toBeGreaterThan(0);
  await expect(page.locator('.count-pill')).toBeVisible();
  await host.screenshot('problems');
  expect(await host.axe()).toEqual([]);
  await problems.first().getByRole('button', { name: /^Fix/ }).click();
  await expect(page.getByTestId('status')).toContainText('Fixed');
  await expect.poll(async () => page.getByTestId('problem').count()).toBeLessThan(before);
  const after = await host.readConfig();
  expect(after).not.toBe(CONFIG);
  // Only the broken line changed: every other line is still there, byte for byte.
  expect(after).toContain('[profile dev]\nregion = eu-west-1\n');
  expect(after).toContain('output = json\n');
});
