// CLI mode of the packaged app (Electron main process, no window): runs the same `runCli` as the npm `hatrack`.

import { processEnvironment } from '../core/environment.js';
import type { CliIo } from '../cli/command.js';
import { terminalPrompt } from '../cli/prompt.js';
import { runCli } from '../cli/run.js';

/**
 * Runs the CLI and resolves with its exit code. The fuses keep runAsNode off, so this is the one way a packaged
 * Hatrack runs the command line: `Hatrack --hatrack-cli list --json`.
 */
export async function runPackagedCli(args: readonly string[], execPath: string): Promise<number> {
  const io: CliIo = {
    out: (text) => process.stdout.write(text),
    err: (text) => process.stderr.write(text),
    stdinIsTty: process.stdin.isTTY === true,
    stdoutIsTty: process.stdout.isTTY === true,
    prompt: terminalPrompt,
  };
  return runCli(args, processEnvironment(execPath), io);
}

/** Waits until stdout and stderr have drained, so `app.exit` does not cut off a long `--json` answer. */
export function flushStdio(): Promise<void> {
  const drain = (stream: NodeJS.WriteStream) => new Promise<void>((resolve) => (stream.write('') ? resolve() : stream.once('drain', () => resolve())));
  return Promise.all([drain(process.stdout), drain(process.stderr)]).then(() => undefined);
}
