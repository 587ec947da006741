// Key age: every long-lived key shows an age badge (green < 60 d, amber 60–90, red > 90, "unknown" labelled);
// the Keys screen asks IAM (moto) for the real age and last use.
import { expect, test } from '../fixtures/browser-host.js';
import { unique } from '../fixtures/helpers.js';
import { createUser } from '../../test/support/moto.js';

for (const [offset, level, label] of [
  [0, 'ok', /key 0 d/],
  [75, 'warn', /key 75 d/],
  [120, 'bad', /key 120 d/],
] as const) {
  test(`key-age badge: ${level} at ${offset} days`, async ({ start, moto, signin }) => {
    const user = await createUser(moto, unique('age-user'), ['iam:GetAccessKeyLastUsed', 'iam:ListAccessKeys', 'iam:GetUser']);
    const host = await start({
      aws: { moto, signin },
      nowOffsetDays: offset,
      config: `[profile dev]\nregion = eu-west-1\n`,
      credentials: `[dev]\naws_access_key_id = ${user.accessKeyId}\naws_secret_access_key = ${user.secretAccessKey}\n`,
    });
    const { page } = host;
    const listBadge = page.locator('[data-profile="dev"]').getByTestId('key-age');
    await expect(listBadge).toBeVisible();
    // Before anything asked IAM the age may be unknown: then the badge says so in words.
    const listLevel = await listBadge.getAttribute('data-level');
    if (listLevel === 'unknown') await expect(listBadge).toHaveText('key age unknown');

    await page.getByRole('navigation', { name: 'Sections' }).getByRole('button', { name: 'Access keys' }).click();
    const row = page.locator('tr[data-profile="dev"]');
    await row.getByRole('button', { name: 'Check key of dev' }).click();
    const badge = row.getByTestId('key-age');
    await expect(badge).toHaveAttribute('data-level', level);
    await expect(badge).toHaveText(label);
    await expect(row.getByTestId('last-used')).not.toHaveText('—');
    if (offset === 120) {
      await host.screenshot('keys');
      expect(await host.axe()).toEqual([]);
    }
  });
}
