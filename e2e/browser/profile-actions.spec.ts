// A row's one-click actions follow core's kinds table: what a kind cannot do is disabled, with the reason as its title.
import { expect, test } from '../fixtures/browser-host.js';

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
const CREDENTIALS = `[keys]
aws_access_key_id = AKIAI44QH8DHBEXAMPLE
aws_secret_access_key = je7MtGbClwBF/2Zp9Utk/h3yCo8nvbEXAMPLEKEY

[keys-mfa]
aws_access_key_id = AKIAIOSFODNN7EXAMPLE
aws_secret_access_key = wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY
`;

test('actions a profile cannot take are disabled and say why', async ({ start }) => {
  const { page } = await start({ config: CONFIG, credentials: CREDENTIALS });
  await expect(page.getByTestId('profile-row')).toHaveCount(5);
  const button = (name: string) => page.getByRole('button', { name, exact: true });

  // Plain keys: Use and Console, but Assume only with mfa_serial.
  await expect(button('Use keys as default')).toBeEnabled();
  await expect(button('Assume keys')).toBeDisabled();
  await expect(button('Assume keys')).toHaveAttribute('title', /^keys holds long-term keys without mfa_serial/);
  await expect(button('Assume keys-mfa')).toBeEnabled();
  await expect(button('Assume keys-mfa')).not.toHaveAttribute('title');

  // aws login: Hatrack cannot resolve it, so nothing that needs credentials is offered (Assume used to be).
  for (const action of ['Use web as default', 'Assume web', 'Open console for web']) {
    await expect(button(action)).toBeDisabled();
    await expect(button(action)).toHaveAttribute('title', 'web uses "aws login" (login_session), which Hatrack cannot resolve yet.');
  }

  // Settings only: nothing; a role: everything.
  await expect(button('Use base as default')).toBeDisabled();
  await expect(button('Use base as default')).toHaveAttribute('title', /^base has no credentials/);
  for (const action of ['Use admin as default', 'Assume admin', 'Open console for admin']) await expect(button(action)).toBeEnabled();
});
