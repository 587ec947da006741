// Child process for the file-store crash and race tests: drives a real FileStore from its own process; plain Node,
// bundled to .mjs by file-store-harness.ts.
import { createFileStore } from '../../src-main/core/awsfiles/file-store.js';
import type { IniDocument } from '../../src-main/core/awsfiles/ini-document.js';
import { docLines, lineText, replaceLineText, spliceLines } from '../../src-main/core/awsfiles/ini-document.js';
import { processEnvironment } from '../../src-main/core/environment.js';

export type DriverJob =
  /** Rewrites `counter = N` to N+1 forever, saying "ready" after the first write; the parent kills it. */
  | { readonly mode: 'counter'; readonly credentials: string; readonly dataDir: string }
  /** Adds `<prefix>_<i> = v` lines one update at a time, pausing randomly, then prints a JSON summary. */
  | {
      readonly mode: 'append';
      readonly credentials: string;
      readonly dataDir: string;
      readonly prefix: string;
      readonly count: number;
      readonly maxPauseMs: number;
    };

export interface AppendSummary {
  readonly updates: number;
  readonly retries: number;
}

const pauseCell = new Int32Array(new SharedArrayBuffer(4));

function pause(maxMs: number): void {
  if (maxMs > 0) Atomics.wait(pauseCell, 0, 0, Math.random() * maxMs);
}

function bumpCounter(doc: IniDocument): IniDocument {
  const index = docLines(doc).findIndex((line) => line.text.startsWith('counter = '));
  if (index < 0) throw new Error('no counter line');
  const current = Number(lineText(doc, index).slice('counter = '.length));
  return replaceLineText(doc, index, `counter = ${current + 1}`);
}

function appendLine(doc: IniDocument, text: string): IniDocument {
  return spliceLines(doc, doc.lineCount, doc.lineCount, [text]);
}

function run(job: DriverJob): void {
  const store = createFileStore({
    paths: { config: null, credentials: job.credentials },
    dataDir: job.dataDir,
    env: processEnvironment(),
  });
  if (job.mode === 'counter') {
    store.update((s) => ({ credentials: bumpCounter(s.credentials.doc), result: 0 }));
    process.stdout.write('ready\n');
    for (;;) store.update((s) => ({ credentials: bumpCounter(s.credentials.doc), result: 0 }));
  }
  let retries = 0;
  for (let i = 0; i < job.count; i++) {
    const line = `${job.prefix}_${i} = v`;
    retries += store.update((s) => ({ credentials: appendLine(s.credentials.doc, line), result: 0 })).retries;
    pause(job.maxPauseMs);
  }
  const summary: AppendSummary = { updates: job.count, retries };
  process.stdout.write(`${JSON.stringify(summary)}\n`);
}

run(JSON.parse(process.argv[2] ?? '{}') as DriverJob);
