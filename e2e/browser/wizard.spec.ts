// New-profile wizard: pick a kind, fill the form, preview the diff, add; and the cross-account role setup.
import { expect, test } from '../fixtures/browser-host.js';
import type { PageClipboard } from '../fixtures/browser-host.js';
import { requireChannel } from '../fixtures/helpers.js';

const CONFIG = `[profile dev]\nregion = eu-west-1\n`;
const CREDENTIALS = `[dev]\naws_access_key_id = AKIAI44QH8DHBEXAMPLE\naws_secret_access_key = je7MtGbClwBF/2Zp9Utk/h3yCo8nvbEXAMPLEKEY\n`;

test('add a role profile through the wizard', async ({ start }) => {
  const host = await start({ config: CONFIG, credentials: CREDENTIALS });
  const { page } = host;
  await page.keyboard.press('Control+n');
  const wiz = page.getByTestId('wizard');
  await expect(wiz).toBeVisible();
  await host.screenshot('wizard');
  expect(await host.axe()).toEqual([]);
  await wiz.getByRole('button', { name: /^Role Assume a role/ }).click();
  await wiz.getByLabel('Profile name').fill('audit');
  await wiz.getByLabel('Account ID').fill('210987654321');
  await wiz.getByLabel('Role name').fill('Auditor');
  await wiz.getByLabel('Source profile').selectOption('dev');
  await wiz.getByLabel('Region', { exact: true }).fill('eu-north-1');
  await wiz.getByRole('button', { name: 'Review…' }).click();
  const preview = page.getByTestId('preview-dialog');
  const added = preview.locator('.dl-add');
  await expect(added.first()).toBeVisible();
  const text = (await added.allInnerTexts()).join('\n');
  for (const line of ['[profile audit]', 'role_arn = arn:aws:iam::210987654321:role/Auditor', 'source_profile = dev', 'region = eu-north-1']) expect(text).toContain(line);
  await preview.getByRole('button', { name: 'Add profile' }).click();
  await expect(page.getByTestId('status')).toContainText('Added audit');
  await expect(page.locator('[data-profile="audit"]')).toBeVisible();
  const config = await host.readConfig();
  expect(config.startsWith(CONFIG)).toBe(true);
  expect(config).toContain('[profile audit]\n');
  expect(config).toContain('role_arn = arn:aws:iam::210987654321:role/Auditor\n');
});

test('cross-account role setup: copyable policies, then the profile is added', async ({ start }) => {
  const host = await start({ config: CONFIG, credentials: CREDENTIALS, open: false });
  await requireChannel(host, 'roleSetup.plan', { source: 'dev', account: '210987654321', role: 'Auditor', mfa: true, sourceAccount: '123456789012' });
  await host.open();
  const { page } = host;
  await page.getByRole('button', { name: 'New profile' }).click();
  const wiz = page.getByTestId('wizard');
  await wiz.getByRole('button', { name: /Cross-account role setup/ }).click();
  await wiz.getByLabel('Source profile').selectOption('dev');
  await wiz.getByLabel('Source account ID').fill('123456789012');
  await wiz.getByLabel('Target account ID').fill('210987654321');
  await wiz.getByLabel('Role name').fill('Auditor');
  await wiz.getByRole('button', { name: 'Plan the role…' }).click();
  const plan = wiz.getByTestId('role-plan');
  await expect(plan.getByLabel('Trust policy JSON')).toContainText('sts:AssumeRole');
  await plan.getByRole('button', { name: 'Copy trust policy' }).click();
  const copied = await page.evaluate(() => (globalThis as unknown as PageClipboard).navigator.clipboard.readText());
  expect(JSON.parse(copied)).toHaveProperty('Statement');
  await host.screenshot('role-setup');
  expect(await host.axe()).toEqual([]);
  await plan.getByRole('button', { name: 'Add profile' }).click();
  await expect(page.getByTestId('status')).toContainText('Added');
  expect(await host.readConfig()).toContain('arn:aws:iam::210987654321:role/Auditor');
});
