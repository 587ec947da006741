// Test tiers: `unit` (pure logic, beside the code) and `integration` (real files, real CLIs, moto, keyring).
import { defineConfig } from 'vitest/config';

// No test or hook has a wall-clock budget (0 turns Vitest's timer off): on a busy two-core machine a healthy test can
// take many times its usual time, and a red run that is only slow blocks a landing. A real hang is cut short where it
// happens instead, by the per-process and per-state deadlines in test/support/deadlines.ts.
const NO_TIMEOUT = { testTimeout: 0, hookTimeout: 0 } as const;

export default defineConfig({
  test: {
    reporters: ['default', './test/support/summary-reporter.ts'],
    projects: [
      {
        test: {
          name: 'unit',
          include: ['src-main/**/*.test.ts', 'shared/**/*.test.ts', 'src-renderer/**/*.test.ts'],
          environment: 'node',
          ...NO_TIMEOUT,
        },
      },
      {
        test: {
          name: 'integration',
          include: ['test/**/*.test.ts'],
          environment: 'node',
          ...NO_TIMEOUT,
          fileParallelism: false,
          // For tests marked concurrent (one per fixture, each running real CLIs): an AWS CLI v2 call costs about a
          // CPU-second, so more than two at once only queues on a small CI machine.
          maxConcurrency: 2,
        },
      },
    ],
  },
});
