// The title bar says which identity `aws` would use in a new terminal, and why: [default] (filled by Use with a
// role session: account, alias, role and a live countdown) or an AWS_PROFILE in the app's environment.
import { CreateAccountAliasCommand } from '@aws-sdk/client-iam';
import { expect, test } from '../fixtures/browser-host.js';
import { unique } from '../fixtures/helpers.js';
import { ACCOUNT, adminIam, createRole, createUser } from '../../test/support/moto.js';

test('after Use of a role, the header names the role session behind [default] with its expiry', async ({ start, moto, signin }) => {
  const user = await createUser(moto, unique('id-user'), ['iam:ListAccessKeys', 'iam:GetAccessKeyLastUsed', 'iam:ListAccountAliases']);
  const roleName = unique('Admin');
  const roleArn = await createRole(moto, roleName);
  const iam = adminIam(moto);
  await iam.send(new CreateAccountAliasCommand({ AccountAlias: 'hatrack-e2e' })).finally(() => iam.destroy());
  const host = await start({
    aws: { moto, signin },
    config: `[profile dev]\nregion = eu-west-1\n\n[profile admin]\nrole_arn = ${roleArn}\nsource_profile = dev\n`,
    credentials: `[dev]\naws_access_key_id = ${user.accessKeyId}\naws_secret_access_key = ${user.secretAccessKey}\n`,
  });
  const { page } = host;
  // The background check has named the account once dev's key age is known.
  await expect(page.locator('[data-profile="dev"]').getByTestId('key-age')).toHaveText('key 0 d');
  await expect(page.locator('[data-profile="admin"]')).toContainText(`${ACCOUNT} (hatrack-e2e)`);
  await page.getByRole('button', { name: 'Use admin as default' }).click();
  const header = page.getByTestId('current-default');
  await expect(header).toContainText(`Active in new terminals: admin — ${ACCOUNT} (hatrack-e2e) · role ${roleName} · via [default]`);
  await expect(header.getByTestId('session-countdown')).toContainText(/session \d+:\d\d/);
  for (const scheme of ['light', 'dark'] as const) {
    await page.emulateMedia({ colorScheme: scheme });
    for (const [width, height] of [[1280, 800], [900, 600]] as const) {
      await page.setViewportSize({ width, height });
      await expect(header.getByTestId('session-countdown')).toBeVisible();
      await host.screenshot(`active-identity-${scheme}-${width}x${height}`);
    }
    expect(await host.axe(), scheme).toEqual([]);
  }
});

const ENV_CONFIG = `[default]\nregion = us-east-1\n\n[profile ops]\nrole_arn = arn:aws:iam::210987654321:role/team/Operator\ncredential_source = Environment\n`;

test("AWS_PROFILE in the app's environment wins over [default]", async ({ start }) => {
  const host = await start({ config: ENV_CONFIG, vars: { AWS_PROFILE: 'ops' } });
  await expect(host.page.getByTestId('current-default')).toContainText('Active in new terminals: ops — 210987654321 · role Operator · via AWS_PROFILE');
});

test('an AWS_PROFILE that names no profile is called out', async ({ start }) => {
  const host = await start({ config: ENV_CONFIG, vars: { AWS_PROFILE: 'gone' } });
  await expect(host.page.getByTestId('current-default')).toContainText('AWS_PROFILE names “gone”, which is not in your files');
  for (const scheme of ['light', 'dark'] as const) {
    await host.page.emulateMedia({ colorScheme: scheme });
    expect(await host.axe(), scheme).toEqual([]);
  }
});
