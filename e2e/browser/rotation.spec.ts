// Rotation wizard: each step shows as it happens (rotation.step events); the new key lands in the credentials file.
import { expect, test } from '../fixtures/browser-host.js';
import { unique } from '../fixtures/helpers.js';
import { createUser } from '../../test/support/moto.js';

test('rotate a key through the wizard', async ({ start, moto, signin }) => {
  const user = await createUser(moto, unique('rot-user'), ['iam:*', 'sts:GetCallerIdentity']);
  const CREDS = `# team keys\n[dev]\naws_access_key_id = ${user.accessKeyId}\naws_secret_access_key = ${user.secretAccessKey}\n`;
  const host = await start({ aws: { moto, signin }, config: `[profile dev]\nregion = eu-west-1\n`, credentials: CREDS });
  const { page } = host;
  await page.getByRole('navigation', { name: 'Sections' }).getByRole('button', { name: 'Access keys' }).click();
  await page.getByRole('button', { name: 'Rotate key of dev' }).click();
  const wiz = page.getByTestId('rotation-wizard');
  await expect(wiz.getByRole('listitem')).toHaveCount(4);
  expect(await host.axe()).toEqual([]);
  await wiz.getByRole('button', { name: 'Rotate now' }).click();
  const steps = wiz.getByTestId('rotation-steps').getByRole('listitem');
  await expect(wiz.getByText('Rotated.')).toBeVisible();
  expect(await steps.count()).toBeGreaterThanOrEqual(3);
  await expect(wiz.locator('[data-status="failed"]')).toHaveCount(0);
  await host.screenshot('rotation');
  const creds = await host.readCredentials();
  expect(creds.startsWith('# team keys\n[dev]\n')).toBe(true);
  expect(creds).not.toContain(user.accessKeyId);
  expect(creds).toMatch(/aws_access_key_id = AKIA[A-Z0-9]+/);
  await wiz.getByRole('button', { name: 'Close', exact: true }).click();
  await expect(wiz).toBeHidden();
});
