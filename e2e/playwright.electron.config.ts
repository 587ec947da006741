// Playwright config for the Electron e2e tier: runs only where the Electron binary exists; otherwise every spec skips.
import { defineConfig } from '@playwright/test';
import { BROWSER_STEP_MS } from '../test/support/deadlines.js';
import { electronAvailability } from './electron/electron-host.js';

// Printed once by the runner (workers set TEST_WORKER_INDEX), so a skipped run says why.
const availability = electronAvailability();
if (!availability.ok && process.env['TEST_WORKER_INDEX'] === undefined) {
  console.log(`[e2e-electron] every spec will be skipped: ${availability.reason}`);
}

export default defineConfig({
  testDir: './electron',
  testMatch: '**/*.spec.ts',
  outputDir: './artifacts/electron-results',
  // As in the browser tier: no wall-clock budget per spec, a generous one per wait, click or navigation.
  timeout: 0,
  expect: { timeout: BROWSER_STEP_MS },
  fullyParallel: false,
  workers: 1,
  retries: 0,
  reporter: [['list']],
  use: { trace: 'retain-on-failure', actionTimeout: BROWSER_STEP_MS, navigationTimeout: BROWSER_STEP_MS },
  projects: [{ name: 'electron' }],
});
