// Editing: the form saves only after a diff preview of exactly the changed lines, and the bytes on disk match.
import { expect, test } from '../fixtures/browser-host.js';

const CONFIG = `# my AWS config — comments stay put\r
[profile dev]\r
region = eu-west-1   \r
output = json\r
\r
[profile admin]\r
role_arn = arn:aws:iam::111122223333:role/Admin\r
source_profile = dev\r
duration_seconds = 3600\r
`;
const CREDENTIALS = `[dev]
aws_access_key_id = AKIAI44QH8DHBEXAMPLE
aws_secret_access_key = je7MtGbClwBF/2Zp9Utk/h3yCo8nvbEXAMPLEKEY
`;

test('edit a profile: diff preview, then exactly those bytes on disk', async ({ start }) => {
  const host = await start({ config: CONFIG, credentials: CREDENTIALS });
  const { page } = host;
  await page.locator('[data-profile="dev"] .prow-main').click();
  const editor = page.getByTestId('editor');
  await expect(editor.getByRole('heading', { name: 'dev' })).toBeVisible();

  // Secrets are write-only: masked until an explicit Reveal.
  const secret = editor.getByTestId('secret-aws_secret_access_key');
  await expect(secret).not.toContainText('je7MtGbClwBF');
  await editor.getByRole('button', { name: 'Reveal Secret access key' }).click();
  await expect(secret).toHaveText('je7MtGbClwBF/2Zp9Utk/h3yCo8nvbEXAMPLEKEY');
  await editor.getByRole('button', { name: 'Hide Secret access key' }).click();
  await expect(secret).not.toContainText('je7MtGbClwBF');

  await editor.getByLabel('Region').fill('ap-southeast-2');
  await editor.getByLabel('Output format').selectOption('');
  await host.screenshot('editor');
  expect(await host.axe()).toEqual([]);
  await editor.getByRole('button', { name: 'Review changes…' }).click();

  const preview = page.getByTestId('preview-dialog');
  await expect(preview).toBeVisible();
  const diff = preview.getByTestId('diff');
  await expect(diff.locator('.dl-remove')).toHaveText([/region = eu-west-1/, /output = json/]);
  await expect(diff.locator('.dl-add')).toHaveText([/region = ap-southeast-2/]);
  await host.screenshot('diff-preview');
  expect(await host.axe()).toEqual([]);
  // Nothing is written before Apply.
  expect(await host.readConfig()).toBe(CONFIG);
  await preview.getByRole('button', { name: 'Save changes' }).click();
  await expect(preview).toBeHidden();
  await expect(page.getByTestId('status')).toContainText('Saved dev');

  expect(await host.readConfig()).toBe(CONFIG.replace('region = eu-west-1   \r\n', 'region = ap-southeast-2\r\n').replace('output = json\r\n', ''));
  expect(await host.readCredentials()).toBe(CREDENTIALS);
});

test('role form: ARN from account id + role name, STS limits checked inline', async ({ start }) => {
  const host = await start({ config: CONFIG, credentials: CREDENTIALS });
  const { page } = host;
  await page.locator('[data-profile="admin"] .prow-main').click();
  const editor = page.getByTestId('editor');
  await expect(editor.getByLabel('Account ID')).toHaveValue('111122223333');
  await expect(editor.getByLabel('Role name')).toHaveValue('Admin');
  await expect(editor.getByLabel('Source profile')).toHaveValue('dev');

  await editor.getByLabel('Session duration (seconds)').fill('60');
  await expect(editor.getByText('STS accepts 900 to 43200 seconds.')).toBeVisible();
  await editor.getByLabel('Session duration (seconds)').fill('7200');
  await editor.getByLabel('Session name').fill('x');
  await expect(editor.getByText(/A session name is 2–64/)).toBeVisible();
  await editor.getByLabel('Session name').fill('me@example.com');
  await editor.getByLabel('Role name').fill('ReadOnly');
  await editor.getByLabel('Account ID').fill('999988887777');
  await expect(editor.getByTestId('role-arn')).toHaveText('arn:aws:iam::999988887777:role/ReadOnly');
  await editor.getByRole('button', { name: 'Review changes…' }).click();
  const preview = page.getByTestId('preview-dialog');
  await expect(preview.locator('.dl-add')).toContainText(['role_arn = arn:aws:iam::999988887777:role/ReadOnly']);
  await preview.getByRole('button', { name: 'Save changes' }).click();
  await expect(preview).toBeHidden();
  const config = await host.readConfig();
  expect(config).toContain('role_arn = arn:aws:iam::999988887777:role/ReadOnly\r\n');
  expect(config).toContain('duration_seconds = 7200\r\n');
  expect(config).toContain('role_session_name = me@example.com\r\n');
  expect(config.startsWith('# my AWS config — comments stay put\r\n[profile dev]\r\nregion = eu-west-1   \r\n')).toBe(true);
});

test('rename and delete warn about profiles that reference this one', async ({ start }) => {
  const host = await start({ config: CONFIG, credentials: CREDENTIALS });
  const { page } = host;
  await page.locator('[data-profile="dev"] .prow-main').click();
  const editor = page.getByTestId('editor');
  await expect(editor.getByText('Used by admin')).toBeVisible();
  await editor.getByRole('button', { name: 'Delete…' }).click();
  const preview = page.getByTestId('preview-dialog');
  await expect(preview.getByRole('note')).toContainText('admin uses this profile as a source');
  await preview.getByRole('button', { name: 'Cancel' }).click();
  await editor.getByRole('button', { name: 'Rename…' }).click();
  await expect(page.getByRole('note')).toContainText('admin refers to dev');
  await page.getByLabel('New name').fill('development');
  await page.getByRole('button', { name: 'Preview rename…' }).click();
  await expect(preview.locator('.dl-add').first()).toContainText('development');
  await preview.getByRole('button', { name: 'Rename' }).click();
  await expect(page.getByTestId('editor').getByRole('heading', { name: 'development' })).toBeVisible();
  expect(await host.readConfig()).toContain('[profile development]');
  expect(await host.readCredentials()).toContain('[development]');
});
