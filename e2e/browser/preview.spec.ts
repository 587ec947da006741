// `npm run preview`: the real renderer on the real core in the system Chromium, with no HTTP server. The spec starts
// the preview as the script does (headless here), over its own temp HOME, and checks it is the app, wired to core.
import net from 'node:net';
import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { expect, test } from '@playwright/test';

import { PREVIEW_ORIGIN } from '../../src-main/preview/renderer-route.js';
import { startPreview } from '../../src-main/preview/preview.js';
import type { Preview } from '../../src-main/preview/preview.js';

const repoRoot = fileURLToPath(new URL('../../', import.meta.url));

let home = '';
let preview: Preview | null = null;

test.beforeEach(async () => {
  home = await mkdtemp(path.join(tmpdir(), 'hatrack-preview-'));
  await mkdir(path.join(home, '.aws'), { mode: 0o700 });
  await writeFile(path.join(home, '.aws', 'config'), '# team profiles\n[profile dev]\nregion = eu-west-1\n\n[profile ops]\nregion = us-east-2\n', { mode: 0o600 });
  await writeFile(path.join(home, '.aws', 'credentials'), '', { mode: 0o600 });
});

test.afterEach(async () => {
  await preview?.close();
  preview = null;
  await rm(home, { recursive: true, force: true });
});

test('opens the real renderer on the real core without listening on any port, and edits through core', async () => {
  const listen = net.Server.prototype.listen;
  let listened = 0;
  net.Server.prototype.listen = function (this: net.Server, ...args: unknown[]) {
    listened += 1;
    return (listen as (...a: unknown[]) => net.Server).apply(this, args);
  } as typeof listen;
  try {
    preview = await startPreview({
      env: { vars: { PATH: process.env['PATH'] ?? '/usr/bin', HOME: home, HATRACK_DATA_DIR: path.join(home, 'data') }, platform: process.platform, osHome: home, now: () => new Date() },
      rendererRoot: path.join(repoRoot, 'dist', 'renderer'),
      headless: true,
      openExternal: async () => undefined,
    });
  } finally {
    net.Server.prototype.listen = listen;
  }
  const { page } = preview;
  await expect(page.getByTestId('profile-row')).toHaveCount(2);
  await expect(page.locator('[data-profile="ops"]')).toContainText('us-east-2');
  expect(new URL(page.url()).origin).toBe(PREVIEW_ORIGIN);
  expect(listened).toBe(0);

  // The window's calls reach core's contract check: an unknown channel is refused, a good one reads the real file.
  const refused = await page.evaluate(async () => {
    const w = globalThis as unknown as { __hatrackInvoke(c: string, p: unknown): Promise<{ ok: boolean; error?: { code: string } }> };
    return w.__hatrackInvoke('files.delete', {});
  });
  expect(refused.ok).toBe(false);

  // In the preview's browser, a path outside dist/renderer is not served and no other origin is reached.
  // (Chromium turns a bodiless 404 navigation into a navigation error, so either answer is a refusal; what matters is
  // that no 200 came back and the repository's package.json is not on the page.)
  const probe = await page.context().newPage();
  const traversal = await probe.goto(`${PREVIEW_ORIGIN}/%2e%2e/package.json`).then(
    (r) => r?.status() ?? 0,
    (e: unknown) => String(e),
  );
  expect(traversal === 404 || String(traversal).includes('ERR_HTTP_RESPONSE_CODE_FAILURE')).toBe(true);
  expect(await probe.content()).not.toContain('devDependencies');
  const elsewhere = await probe.goto('http://127.0.0.1:9/').then(
    () => 'reached',
    (e: unknown) => String(e),
  );
  expect(elsewhere).toContain('ERR_BLOCKED_BY_CLIENT');
  // The probe page goes with the preview's browser (closing a page that ended on chrome-error can hang).

  const applied = await preview.core.dispatch('profiles.apply', { edit: { type: 'set', profile: 'dev', values: { output: 'json' } } });
  expect(applied.ok).toBe(true);
  await expect.poll(async () => readFile(path.join(home, '.aws', 'config'), 'utf8')).toContain('output = json');
  expect(await readFile(path.join(home, '.aws', 'config'), 'utf8')).toMatch(/^# team profiles\n/);
});
