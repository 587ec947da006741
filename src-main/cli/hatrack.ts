// `hatrack` CLI entry (plain Node): dispatches to a command; exit 0 ok, 1 failure (one line on stderr), 2 bad usage.

import { realpathSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
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

/** Commands that read and check every profile in both files (the whole model, every problem). */
const READS_EVERYTHING = new Set(['list', 'show', 'fix', 'doctor']);

/**
 * A CLI run lasts a few hundred milliseconds. For a command that reads and checks every profile, V8's optimising
 * compiler (TurboFan) spends that time compiling dozens of functions on a second core (which a small machine does not
 * have spare) for code that finishes before the result is used: `hatrack list --json` over 5,000 profiles ran about
 * 15% faster without it (2 cores). A command that edits one profile runs a few long loops, which it does speed up,
 * so those keep V8's defaults; so does the desktop app. node:v8 is loaded only when it is used (it costs ~6 ms).
 */
function tuneFor(command: string | undefined): void {
  if (command !== undefined && READS_EVERYTHING.has(command)) process.getBuiltinModule('node:v8').setFlagsFromString('--no-opt');
}

export async function main(): Promise<void> {
  tuneFor(process.argv[2]);
  const code = await runCli(process.argv.slice(2), processEnvironment(entryPath()), processIo());
  process.exitCode = code;
}

main().catch((e: unknown) => {
  // runCli reports every failure itself; this only guards the entry (one line, no stack: it can quote file contents).
  process.stderr.write(`hatrack: internal error: ${e instanceof Error ? e.message : String(e)}\n`);
  process.exitCode = 1;
});
