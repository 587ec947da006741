// `npm start`: launches the built app with Electron. Electron's package fetches its binary on first use; where that
// cannot happen (no network), say so instead of hanging on a download.
import { spawn } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

const require = createRequire(import.meta.url);
const electronDir = dirname(require.resolve('electron/package.json'));
const pathFile = join(electronDir, 'path.txt');
const binary = existsSync(pathFile) ? join(electronDir, 'dist', readFileSync(pathFile, 'utf8')) : undefined;
if (binary === undefined || !existsSync(binary)) {
  console.log('hatrack: fetching the Electron binary (first run only)…');
}
let electronPath;
try {
  electronPath = require('electron'); // downloads the binary when it is missing
} catch (e) {
  console.error(`hatrack: the Electron binary is not available (${e instanceof Error ? e.message.split('\n')[0] : e}).`);
  console.error('hatrack: the CLI works without it: node dist/cli/hatrack.cjs --help');
  process.exit(1);
}
const child = spawn(electronPath, ['.'], { stdio: 'inherit' });
child.on('exit', (code) => process.exit(code ?? 1));
