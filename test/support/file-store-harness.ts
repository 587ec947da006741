// Helpers for the file-store process tests: bundle the driver, spawn it and other writers, read their output; plain Node.
import type { ChildProcess } from 'node:child_process';
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

import { buildSync } from 'esbuild';

import { HANG_MS } from './deadlines.js';
import type { DriverJob } from './file-store-driver.js';

const here = path.dirname(fileURLToPath(import.meta.url));

/** Bundles file-store-driver.ts (and the real file store it imports) into one .mjs that plain `node` can run. */
export function bundleFileStoreDriver(outDir: string): string {
  const outfile = path.join(outDir, 'file-store-driver.mjs');
  buildSync({
    entryPoints: [path.join(here, 'file-store-driver.ts')],
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    outfile,
    logLevel: 'error',
  });
  return outfile;
}

export interface RunningChild {
  readonly child: ChildProcess;
  readonly exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
  /** Resolves with the first stdout line matching `test`; rejects once the child exits without one, or hangs past `timeoutMs`. */
  line(test: (line: string) => boolean, timeoutMs?: number): Promise<string>;
  stderr(): string;
}

export function spawnNode(args: readonly string[]): RunningChild {
  const child = spawn(process.execPath, args, { stdio: ['ignore', 'pipe', 'pipe'] });
  const lines: string[] = [];
  const waiters: Array<() => void> = [];
  let partial = '';
  let errText = '';
  child.stdout!.setEncoding('utf8').on('data', (chunk: string) => {
    const parts = (partial + chunk).split('\n');
    partial = parts.pop() ?? '';
    lines.push(...parts);
    for (const wake of waiters.splice(0)) wake();
  });
  child.stderr!.setEncoding('utf8').on('data', (chunk: string) => {
    errText += chunk;
  });
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) => {
    child.on('exit', (code, signal) => {
      for (const wake of waiters.splice(0)) wake();
      resolve({ code, signal });
    });
  });
  let exitedNow = false;
  void exited.then(() => {
    exitedNow = true;
  });
  const line = (test: (l: string) => boolean, timeoutMs = HANG_MS): Promise<string> =>
    new Promise((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`no matching line within ${timeoutMs} ms; stderr: ${errText}`)), timeoutMs);
      const check = (): void => {
        const found = lines.find(test);
        if (found !== undefined) {
          clearTimeout(timer);
          resolve(found);
        } else if (exitedNow) {
          clearTimeout(timer);
          reject(new Error(`child exited without a matching line; stderr: ${errText}`));
        } else {
          waiters.push(check);
        }
      };
      check();
    });
  return { child, exited, line, stderr: () => errText };
}

export function spawnDriver(bundle: string, job: DriverJob): RunningChild {
  return spawnNode([bundle, JSON.stringify(job)]);
}

/** Temp files our writer leaves beside `file`, with the pid in their name. */
export function hatrackTempFiles(file: string): ReadonlyArray<{ readonly name: string; readonly pid: number }> {
  const prefix = `.${path.basename(file)}.hatrack-`;
  return fs
    .readdirSync(path.dirname(file))
    .filter((name) => name.startsWith(prefix) && name.endsWith('.tmp'))
    .map((name) => ({ name, pid: Number(name.slice(prefix.length).split('-')[0]) }));
}
