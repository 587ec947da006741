// Playwright config for the browser e2e tier: Debian Chromium drives the React UI over the real core (exposeBinding).
import { defineConfig } from '@playwright/test';
import { BROWSER_STEP_MS } from '../test/support/deadlines.js';

export default defineConfig({
  testDir: './browser',
  testMatch: '**/*.spec.ts',
  outputDir: './artifacts/test-results',
  // No spec has a wall-clock budget (0 = none): on a busy two-core machine a healthy spec can take many times its usual
  // time. Specs wait for states (web-first assertions); each single wait, click or navigation has its own generous
  // budget, so a state that never comes still fails and names its locator.
  timeout: 0,
  expect: { timeout: BROWSER_STEP_MS },
  fullyParallel: false,
  // A fixed count, not a share of the cores: each worker runs Chromium, moto and the core, and two fit a 2-core machine.
  workers: 2,
  retries: 0,
  reporter: [['list']],
  use: {
    actionTimeout: BROWSER_STEP_MS,
    navigationTimeout: BROWSER_STEP_MS,
    viewport: { width: 1280, height: 800 },
    colorScheme: 'light',
    trace: 'retain-on-failure',
    screenshot: 'only-on-failure',
  },
  projects: [
    {
      name: 'browser',
      use: {
        browserName: 'chromium',
        launchOptions: {
          executablePath: '/usr/bin/chromium',
          args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
        },
      },
    },
  ],
});
