// A row's actions follow core's kinds table: the row's one button is an action the kind can take; what it cannot do
// is disabled in its menu, with the reason written under the item.
import { expect, test } from '../fixtures/browser-host.js';
import { openRowMenu } from '../fixtures/helpers.js';
import { credentialsFile } from '../fixtures/example-keys.js';

const CONFIG = `[profile keys-mfa]
mfa_serial = arn:aws:iam::111122223333:mfa/me

[profile web]
login_session = arn:aws:iam::111122223333:user/me

[profile base]
region = eu-west-1

[profile admin]
role_arn = arn:aws:iam::111122223333:role/Admin
source_profile = keys
`;
const CREDENTIALS = credentialsFile({ keys: 0, 'keys-mfa': 1 });

test('actions a profile cannot take are disabled in its menu and say why; the row button is one it can take', async ({ start }) => {
  const { page } = await start({ config: CONFIG, credentials: CREDENTIALS });
  await expect(page.getByTestId('profile-row')).toHaveCount(5);
  const primary = (name: string) => page.locator(`[data-profile="${name}"] .prow-primary`);
  /** The menu's items of a profile, each as [label, reason or null]. */
  const menuOf = async (name: string) => {
    const menu = await openRowMenu(page, name);
    const items = await menu.getByRole('menuitem').evaluateAll((els) =>
      els.map((e) => [e.querySelector('.menu-label')?.textContent ?? '', e.getAttribute('aria-disabled') === 'true' ? (e.querySelector('.menu-why')?.textContent ?? '') : null]),
    );
    await page.keyboard.press('Escape');
    await expect(menu).toHaveCount(0);
    return Object.fromEntries(items) as Record<string, string | null>;
  };

  // Plain keys: Use on the row; Console in the menu, but Assume only with mfa_serial.
  await expect(primary('keys')).toHaveAccessibleName('Use keys as default');
  const keys = await menuOf('keys');
  expect(keys['Open AWS console']).toBeNull();
  expect(keys['Assume now']).toMatch(/^keys holds long-term keys without mfa_serial/);
  expect((await menuOf('keys-mfa'))['Assume now']).toBeNull();

  // aws login: Hatrack cannot resolve it, so nothing that needs credentials is offered (Assume used to be).
  await expect(primary('web')).toHaveText('Edit');
  const web = await menuOf('web');
  for (const item of ['Use as default', 'Assume now', 'Open AWS console']) expect(web[item]).toBe('web uses "aws login" (login_session), which Hatrack cannot resolve yet.');

  // Settings only: Edit on the row, Use disabled with why; a role: Use on the row and everything in the menu.
  await expect(primary('base')).toHaveText('Edit');
  expect((await menuOf('base'))['Use as default']).toMatch(/^base has no credentials/);
  await expect(primary('admin')).toHaveAccessibleName('Use admin as default');
  const admin = await menuOf('admin');
  expect(admin['Assume now']).toBeNull();
  expect(admin['Open AWS console']).toBeNull();
});
