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

export async function main(): Promise<void> {
  const code = await runCli(process.argv.slice(2), processEnvironment(entryPath()), processIo());
  process.exitCode = code;
}

await main();
