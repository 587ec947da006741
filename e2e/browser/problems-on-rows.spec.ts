// Problems where they belong: each affected row carries a marker coloured by effect, the editor lists the profile's
// problems in place, one unclosed header is one cause (its consequences grouped under it), a profile that cannot
// work has its actions disabled with the reason, and "Fix all safe problems" shows one combined diff first.
import { expect, test } from '../fixtures/browser-host.js';

const CONFIG = `# team config
[default]
region = eu-west-1

[profile a
region = us-east-1

[profile dev]
region = us-east-1 # main region

[profile orphan]
role_arn = arn:aws:iam::111122223333:role/Deploy
source_profile = missing
`;
const CREDENTIALS = `[dev]
aws_access_key_id = AKIAI44QH8DHBEXAMPLE
aws_secret_access_key = je7MtGbClwBF/2Zp9Utk/h3yCo8nvbEXAMPLEKEY
aws_security_token = leftover
aws_session_token = leftover
`;

test('rows carry their problems by effect; the editor lists them; one cause per unclosed header', async ({ start }) => {
  const host = await start({ config: CONFIG, credentials: CREDENTIALS });
  const { page } = host;
  const row = (name: string) => page.locator(`[data-testid="profile-row"][data-profile="${name}"]`);

  // Red for the file the CLI refuses, amber where the SDKs disagree, red for a profile that cannot work.
  await expect(row('default').getByTestId('row-problems')).toHaveAttribute('data-effect', 'cli-refuses');
  await expect(row('dev').getByTestId('row-problems')).toHaveAttribute('data-effect', 'sdks-disagree');
  await expect(row('orphan').getByTestId('row-problems')).toHaveAttribute('data-effect', 'profile-broken');
  await expect(row('orphan').locator('.prow-main')).toHaveAccessibleName(/orphan, 1 problem: the profile cannot work/);

  // The bar counts causes (the unclosed header's duplicate key is not a second problem) and opens itself for red.
  const bar = page.getByTestId('file-problems');
  await expect(bar).toHaveAttribute('open', '');
  const header = bar.getByTestId('problem').filter({ hasText: 'without its closing "]"' });
  await expect(header).toHaveCount(1);
  await expect(header.getByTestId('problem-consequences')).toContainText('1 more problem below it (line 6)');
  await expect(bar.locator('[data-effect="cli-refuses"][data-testid="problem"]')).toHaveCount(1);

  // A profile that cannot work: its primary action is Edit, and the menu says why the rest are off.
  await expect(row('orphan').locator('.prow-primary')).toHaveAttribute('data-action', 'edit');

  // The editor lists the profile's problems in place.
  await row('orphan').locator('.prow-main').click();
  const editor = page.getByTestId('editor');
  await expect(editor.getByTestId('problem')).toContainText('source_profile "missing"');

  for (const scheme of ['light', 'dark'] as const) {
    await page.emulateMedia({ colorScheme: scheme });
    for (const [width, height] of [[1280, 800], [900, 600]] as const) {
      await page.setViewportSize({ width, height });
      await expect(row('default').getByTestId('row-problems')).toBeVisible();
      await host.screenshot(`problems-${scheme}-${width}x${height}`);
    }
    expect(await host.axe(), scheme).toEqual([]);
  }
});

test('Fix all safe problems previews one combined diff, writes it, and keeps every other byte', async ({ start }) => {
  const host = await start({ config: CONFIG, credentials: CREDENTIALS });
  const { page } = host;
  await page.getByTestId('file-problems').getByRole('button', { name: /Fix all safe problems \(\d+\)/ }).click();
  const dialog = page.getByTestId('preview-dialog');
  await expect(dialog).toContainText('[profile a]');
  // Nothing is written before the person agrees.
  expect(await host.readConfig()).toBe(CONFIG);
  await dialog.getByRole('button', { name: 'Fix them' }).click();
  await expect(dialog).toHaveCount(0);
  await expect.poll(() => host.readConfig()).toContain('[profile a]\n');
  const config = await host.readConfig();
  expect(config.startsWith('# team config\n[default]\nregion = eu-west-1\n')).toBe(true);
  // What had no safe fix is still listed; the CLI no longer refuses the file.
  await expect(page.locator('[data-testid="profile-row"][data-profile="orphan"]').getByTestId('row-problems')).toBeVisible();
  await expect(page.locator('[data-testid="problem"][data-effect="cli-refuses"]')).toHaveCount(0);
  await host.screenshot('problems-after-fix-all');
});
