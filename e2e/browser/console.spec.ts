// Console: main builds the federated sign-in URL and opens it; the URL is captured by the host, never seen by the page.
import { expect, test } from '../fixtures/browser-host.js';
import { opsRoleFiles } from '../fixtures/console-role.js';
import { chooseRowAction } from '../fixtures/helpers.js';

test('console opens the federated sign-in URL from main', async ({ start, moto, signin }) => {
  const files = await opsRoleFiles(moto, 'console');
  const host = await start({
    aws: { moto, signin },
    ...files,
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
