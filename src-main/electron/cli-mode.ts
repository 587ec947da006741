// CLI mode of the packaged app (Electron main process, no window): runs the same `runCli` as the npm `hatrack`.

import { processEnvironment } from '../core/environment.js';
import { processIo, runCli } from '../cli/run.js';

/**
 * Runs the CLI and resolves with its exit code. The fuses keep runAsNode off, so this is the one way a packaged
 * Hatrack runs the command line: `Hatrack --hatrack-cli list --json`.
 */
export async function runPackagedCli(args: readonly string[], execPath: string): Promise<number> {
  return runCli(args, processEnvironment(execPath), processIo());
}

/** Waits until stdout and stderr have drained, so `app.exit` does not cut off a long `--json` answer. */
export function flushStdio(): Promise<void> {
  const drain = (stream: NodeJS.WriteStream) => new Promise<void>((resolve) => (stream.write('') ? resolve() : stream.once('drain', () => resolve())));
  return Promise.all([drain(process.stdout), drain(process.stderr)]).then(() => undefined);
}
