// Console: main builds the federated sign-in URL and opens it; the URL is captured by the host, never seen by the page.
import { expect, test } from '../fixtures/browser-host.js';
import { chooseRowAction, unique } from '../fixtures/helpers.js';
import { ACCOUNT, createRole, createUser } from '../../test/support/moto.js';

test('console opens the federated sign-in URL from main', async ({ start, moto, signin }) => {
  const user = await createUser(moto, unique('console-user'), ['sts:AssumeRole', 'sts:GetFederationToken']);
  const role = unique('console-role');
  await createRole(moto, role);
  const host = await start({
    aws: { moto, signin },
    config: `[profile base]\nregion = us-east-1\n\n[profile ops]\nrole_arn = arn:aws:iam::${ACCOUNT}:role/${role}\nsource_profile = base\nregion = eu-west-1\n`,
    credentials: `[base]\naws_access_key_id = ${user.accessKeyId}\naws_secret_access_key = ${user.secretAccessKey}\n`,
  });
  const { page } = host;
  await chooseRowAction(page, 'ops', 'Open AWS console');
  await expect(page.getByTestId('status')).toContainText('Opened the AWS console for ops');
  expect(host.opened).toHaveLength(1);
  const url = new URL(host.opened[0]!);
  expect(url.origin).toBe(new URL(signin.base).origin);
  expect(url.searchParams.get('Action')).toBe('login');
  expect(url.searchParams.get('SigninToken')).toBe('e2e-token');
  expect(url.searchParams.get('Destination')).toContain('console');
  // The sign-in token never reached the renderer.
  expect(await page.content()).not.toContain('e2e-token');
});
