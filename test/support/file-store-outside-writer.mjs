// Stand-in for the AWS CLI's writer in the file-store race test: read, add a line, truncate and rewrite in place; plain Node.
// Usage: node file-store-outside-writer.mjs <file> <count> <maxPauseMs> [minPauseMs]
import { readFileSync, writeFileSync } from 'node:fs';

const [file, countArg, pauseArg, minPauseArg] = process.argv.slice(2);
const count = Number(countArg);
const maxPauseMs = Number(pauseArg);
const minPauseMs = Number(minPauseArg ?? 0);
const cell = new Int32Array(new SharedArrayBuffer(4));

for (let i = 0; i < count; i++) {
  const text = readFileSync(file, 'utf8');
  // Like Python's open(path, 'w'): O_TRUNC on the same inode, then the whole text; no temp file, no lock.
  writeFileSync(file, `${text}outside_${i} = v\n`);
  Atomics.wait(cell, 0, 0, minPauseMs + Math.random() * (maxPauseMs - minPauseMs));
}
process.stdout.write('done\n');
