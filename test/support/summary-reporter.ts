// Prints one plain closing line ("N passed, N failed, N skipped") so CI logs state the count without parsing.
import type { Reporter, TestModule } from 'vitest/node';

export default class SummaryReporter implements Reporter {
  onTestRunEnd(modules: ReadonlyArray<TestModule>): void {
    let passed = 0;
    let failed = 0;
    let skipped = 0;
    for (const mod of modules) {
      // A failed hook or an import error fails the file without failing any one test; count it, or the closing
      // line would read "0 failed" on a red run.
      if (mod.state() === 'failed' && ![...mod.children.allTests()].some((t) => t.result().state === 'failed')) failed++;
      for (const test of mod.children.allTests()) {
        const state = test.result().state;
        if (state === 'passed') passed++;
        else if (state === 'failed') failed++;
        else skipped++;
      }
    }
    process.stdout.write(`\nhatrack: ${passed} passed, ${failed} failed, ${skipped} skipped\n`);
  }
}
