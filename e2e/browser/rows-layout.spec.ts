// The profiles screen adapts from 800 px wide: with a long role ARN and the editor open nothing overflows its pane,
// and the screenshots (editor open, row menu open; light and dark) go to e2e/artifacts/rows-*.png.
import { expect, test } from '../fixtures/browser-host.js';
import { openRowMenu, overflows } from '../fixtures/helpers.js';
import { credentialsFile, TEAM_PROFILES } from '../fixtures/example-keys.js';

// A path and a 55-character name: long, but a role IAM accepts (names stop at 64).
const LONG_ROLE = 'service-role/team-platform/PlatformEngineeringCrossAccountDeploymentAutomationRole';
const CONFIG = `[default]
region = us-east-1

[profile long-arn]
role_arn = arn:aws:iam::111122223333:role/${LONG_ROLE}
source_profile = dev
mfa_serial = arn:aws:iam::111122223333:mfa/a-very-long-device-name-for-the-platform-engineering-team
region = ap-southeast-2

${TEAM_PROFILES}`;
const CREDENTIALS = credentialsFile({ default: 1, dev: 0 });

const SIZES = [
  { width: 800, height: 600 },
  { width: 900, height: 600 },
  { width: 1280, height: 800 },
] as const;

for (const size of SIZES) {
  test(`nothing overflows its pane at ${size.width}×${size.height} with a long ARN and the editor open`, async ({ start }) => {
    const host = await start({ config: CONFIG, credentials: CREDENTIALS });
    const { page } = host;
    await page.setViewportSize(size);
    await expect(page.getByTestId('profile-row')).toHaveCount(6);
    expect(await overflows(page)).toEqual([]);
    // Every row keeps its primary button and its "…" fully on screen.
    for (const b of await page.locator('.prow-primary, .prow-more').all()) await expect(b).toBeInViewport({ ratio: 1 });

    await page.locator('[data-profile="long-arn"] .prow-main').click();
    const editor = page.getByTestId('editor');
    await expect(editor.getByLabel('Account ID *')).toHaveValue('111122223333');
    expect(await overflows(page)).toEqual([]);
    await expect(editor).toBeInViewport({ ratio: 1 });
    // The long ARN is cut with an ellipsis and can be copied whole.
    const arn = editor.getByTestId('role-arn');
    await expect(arn).toHaveAttribute('title', `arn:aws:iam::111122223333:role/${LONG_ROLE}`);
    const copy = editor.getByRole('button', { name: 'Copy role ARN' });
    // The form scrolls up and down, never sideways; bring the button wholly into view (IfNeeded stops at "partly").
    await copy.evaluate((el) => el.scrollIntoView({ block: 'center' }));
    await expect(copy).toBeInViewport({ ratio: 1 });
    expect(await overflows(page)).toEqual([]);
    for (const b of await page.locator('.prow-primary').all()) await expect(b).toBeInViewport({ ratio: 1 });
  });
}

test('screenshots: editor open and row menu open, 1280×800 and 900×600, light and dark', async ({ start }) => {
  const host = await start({ config: CONFIG, credentials: CREDENTIALS });
  const { page } = host;
  for (const scheme of ['light', 'dark'] as const) {
    await page.emulateMedia({ colorScheme: scheme });
    for (const size of [SIZES[2], SIZES[1]]) {
      await page.setViewportSize(size);
      await page.locator('[data-profile="long-arn"] .prow-main').click();
      await expect(page.getByTestId('editor')).toHaveAttribute('aria-label', 'Editor for long-arn');
      await expect(page.getByTestId('editor').getByLabel('Account ID *')).toBeVisible();
      await host.screenshot(`rows-editor-${size.width}x${size.height}-${scheme}`);
      expect(await host.axe()).toEqual([]);
      const menu = await openRowMenu(page, 'staging');
      await expect(menu.getByRole('menuitem').first()).toBeVisible();
      await host.screenshot(`rows-menu-${size.width}x${size.height}-${scheme}`);
      expect(await host.axe()).toEqual([]);
      await page.keyboard.press('Escape');
      await expect(menu).toHaveCount(0);
      await page.keyboard.press('Escape');
      await expect(page.getByTestId('editor')).toHaveCount(0);
    }
  }
});
