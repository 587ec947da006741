// Use: one click makes a profile the default, switched on disk; production profiles ask first.
import { expect, test } from '../fixtures/browser-host.js';
import { requireChannel } from '../fixtures/helpers.js';
import { credentialsFile } from '../fixtures/example-keys.js';

const CONFIG = `[default]\nregion = us-east-1\n\n[profile dev]\nregion = eu-west-1\n\n[profile prod]\nregion = eu-central-1\n`;
const CREDENTIALS = credentialsFile({ dev: 0, prod: 1 });

test('use switches the default profile on disk', async ({ start, moto, signin }) => {
  const host = await start({ config: CONFIG, credentials: CREDENTIALS, aws: { moto, signin } });
  const { page } = host;
  const probe = await host.core.dispatch('credentials.use', { profile: 'nope-not-here' });
  if (!probe.ok && probe.error.code === 'NOT_SUPPORTED') {
    // The UI must still say so in one sentence.
    await page.getByRole('button', { name: 'Use dev as default' }).click();
    await expect(page.getByTestId('error')).toContainText('not available');
    test.skip(true, 'credentials.use answers NOT_SUPPORTED in this build');
  }
  await page.getByRole('button', { name: 'Use dev as default' }).click();
  await expect(page.getByTestId('status')).toContainText('Default profile is now dev');
  await expect(page.getByTestId('current-default')).toContainText('dev');
  expect(await host.readCredentials()).toMatch(/\[default\][^[]*AKIAI44QH8DHBEXAMPLE/);
});

test('a production profile needs a confirmation before it becomes the default', async ({ start, moto, signin }) => {
  const host = await start({ config: CONFIG, credentials: CREDENTIALS, open: false, aws: { moto, signin } });
  await requireChannel(host, 'settings.update', { app: { productionPatterns: ['prod*'] } });
  await requireChannel(host, 'credentials.use', { profile: 'dev' });
  await host.open();
  const { page } = host;
  await expect(page.locator('[data-profile="prod"] .badge.prod')).toBeVisible();
  await page.getByRole('button', { name: 'Use prod as default' }).click();
  const confirm = page.getByTestId('confirm-dialog');
  await expect(confirm).toContainText('marked as production');
  expect(await host.axe()).toEqual([]);
  await confirm.getByRole('button', { name: 'Cancel' }).click();
  expect(await host.readCredentials()).not.toMatch(/\[default\][^[]*AKIAIOSFODNN7EXAMPLE/);
  await page.getByRole('button', { name: 'Use prod as default' }).click();
  await confirm.getByRole('button', { name: 'Use production' }).click();
  await expect(page.getByTestId('status')).toContainText('Default profile is now prod');
  expect(await host.readCredentials()).toMatch(/\[default\][^[]*AKIAIOSFODNN7EXAMPLE/);
});
