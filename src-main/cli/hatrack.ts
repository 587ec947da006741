// `hatrack` CLI entry (plain Node): dispatches to a command; exit 0 ok, 1 failure (one line on stderr), 2 bad usage.

import { realpathSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { setFlagsFromString } from 'node:v8';
import { processEnvironment } from '../core/environment.js';
import { processIo, runCli } from './run.js';

// Kept for callers that imported it from the entry; the function itself lives in run.ts (no top-level effects).
export { runCli };

function entryPath(): string {
  const self = fileURLToPath(import.meta.url);
  try {
    return realpathSync(self);
  } catch {
    return self;
  }
}

/**
 * A CLI run lasts a few hundred milliseconds: V8's optimising compiler (TurboFan) would spend that time compiling on a
 * second core, which a small machine does not have spare, for code that finishes before the result is used. Measured
 * on `hatrack list --json` over 5,000 profiles (2 cores): about 10% faster without it. Only the CLI process is tuned;
 * the desktop app keeps V8's defaults.
 */
function tuneForShortRun(): void {
  setFlagsFromString('--no-opt');
}

export async function main(): Promise<void> {
  tuneForShortRun();
  const code = await runCli(process.argv.slice(2), processEnvironment(entryPath()), processIo());
  process.exitCode = code;
}

main().catch((e: unknown) => {
  // runCli reports every failure itself; this only guards the entry (one line, no stack: it can quote file contents).
  process.stderr.write(`hatrack: internal error: ${e instanceof Error ? e.message : String(e)}\n`);
  process.exitCode = 1;
});
