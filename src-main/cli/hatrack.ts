// `hatrack` CLI entry (plain Node): dispatches to a command; exit 0 ok, 1 failure (one line on stderr), 2 bad usage.

import { realpathSync, statSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { Environment } from '../core/environment.js';
import { processEnvironment } from '../core/environment.js';
import { resolveAwsPaths } from '../core/awsfiles/paths.js';
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
 * Above this many bytes in the two files, reading every profile takes seconds, and optimised code pays for its
 * compiling many times over: at 6 MB (44,000 profiles) `list --json` used 20% less CPU with TurboFan, at 50 MB 40%
 * less; at 2 MB the two were even.
 */
const OPTIMISE_FROM_BYTES = 4 * 1024 * 1024;

function filesSize(env: Environment): number {
  let total = 0;
  try {
    const paths = resolveAwsPaths(env);
    for (const file of [paths.config, paths.credentials]) if (file !== null) total += statSync(file, { throwIfNoEntry: false })?.size ?? 0;
  } catch {
    // The command itself reports unreadable paths; here an unknown size only means the default tuning.
  }
  return total;
}

/**
 * A CLI run lasts a few hundred milliseconds. For a command that reads and checks every profile, V8's optimising
 * compiler (TurboFan) spends that time compiling dozens of functions on a second core (which a small machine does not
 * have spare) for code that finishes before the result is used: `hatrack list --json` over 5,000 profiles ran about
 * 15% faster without it (2 cores). Files of several megabytes are the exception (see OPTIMISE_FROM_BYTES). A command
 * that edits one profile runs a few long loops, which it does speed up, so those keep V8's defaults; so does the
 * desktop app. node:v8 is loaded only when it is used (it costs ~6 ms).
 */
function tuneFor(command: string | undefined, env: Environment): void {
  if (command === undefined || !READS_EVERYTHING.has(command) || filesSize(env) >= OPTIMISE_FROM_BYTES) return;
  process.getBuiltinModule('node:v8').setFlagsFromString('--no-opt');
}

export async function main(): Promise<void> {
  const env = processEnvironment(entryPath());
  tuneFor(process.argv[2], env);
  const code = await runCli(process.argv.slice(2), env, processIo());
  process.exitCode = code;
}

main().catch((e: unknown) => {
  // runCli reports every failure itself; this only guards the entry (one line, no stack: it can quote file contents).
  process.stderr.write(`hatrack: internal error: ${e instanceof Error ? e.message : String(e)}\n`);
  process.exitCode = 1;
});
