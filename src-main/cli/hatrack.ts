// `hatrack` CLI entry (plain Node): dispatches to a command; exit 0 ok, 1 failure (one line on stderr), 2 bad usage.

import { realpathSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { processEnvironment } from '../core/environment.js';
import type { CliIo } from './command.js';
import { terminalPrompt } from './prompt.js';
import { runCli } from './run.js';

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
  const io: CliIo = {
    out: (text) => process.stdout.write(text),
    err: (text) => process.stderr.write(text),
    stdinIsTty: process.stdin.isTTY === true,
    stdoutIsTty: process.stdout.isTTY === true,
    prompt: terminalPrompt,
  };
  const code = await runCli(process.argv.slice(2), processEnvironment(entryPath()), io);
  process.exitCode = code;
}

await main();
