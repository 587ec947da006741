// Assume a role that needs MFA: the dialog asks for six digits (paste works), then the session is live. STS is moto.
import { expect, test } from '../fixtures/browser-host.js';
import type { PageClipboard } from '../fixtures/browser-host.js';
import { chooseRowAction, unique } from '../fixtures/helpers.js';
import { ACCOUNT, createRole, createUser } from '../../test/support/moto.js';

test('assume with the MFA dialog', async ({ start, moto, signin }) => {
  const user = await createUser(moto, unique('mfa-user'), ['sts:AssumeRole', 'sts:GetSessionToken']);
  const role = unique('mfa-role');
  await createRole(moto, role);
  const host = await start({
    aws: { moto, signin },
    config: `[profile base]\nregion = us-east-1\n\n[profile secure]\nrole_arn = arn:aws:iam::${ACCOUNT}:role/${role}\nsource_profile = base\nmfa_serial = arn:aws:iam::${ACCOUNT}:mfa/${user.userName}\n`,
    credentials: `[base]\naws_access_key_id = ${user.accessKeyId}\naws_secret_access_key = ${user.secretAccessKey}\n`,
  });
  const { page } = host;
  // A role's primary button is Use; Assume is in its menu.
  await chooseRowAction(page, 'secure', 'Assume now');
  const dlg = page.getByTestId('mfa-dialog');
  await expect(dlg).toBeVisible();
  const code = dlg.getByLabel('Code');
  await expect(code).toBeFocused();
  await host.screenshot('mfa-dialog');
  expect(await host.axe()).toEqual([]);
  // Letters are dropped, and Continue stays off until there are six digits.
  await code.pressSequentially('12a3');
  await expect(code).toHaveValue('123');
  await expect(dlg.getByRole('button', { name: 'Continue' })).toBeDisabled();
  // Paste "123 456\n" from the clipboard: spaces and the newline go.
  await page.evaluate(() => (globalThis as unknown as PageClipboard).navigator.clipboard.writeText('123 456\n'));
  await code.fill('');
  await code.focus();
  await page.keyboard.press('Control+v');
  await expect(code).toHaveValue('123456');
  await dlg.getByRole('button', { name: 'Continue' }).click();
  await expect(dlg).toBeHidden();
  await expect(page.getByTestId('status')).toContainText(`Assumed arn:aws:iam::${ACCOUNT}:role/${role}`);

  // The dialog remembers nothing: the next time it opens empty (if main asks again).
  await chooseRowAction(page, 'secure', 'Open AWS console');
  // Decide only once main has answered the click: with a dialog, an opened console or an error.
  await expect(dlg.or(page.getByTestId('status').filter({ hasText: 'console for secure' })).or(page.getByTestId('error')).first()).toBeVisible();
  if (await dlg.isVisible()) {
    await expect(dlg.getByLabel('Code')).toHaveValue('');
    await dlg.getByRole('button', { name: 'Cancel' }).click();
  }
});
