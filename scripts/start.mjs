// `npm start`: launches the built app with Electron. On first run Electron's package downloads its binary.
import { spawn } from 'node:child_process';
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
let electronPath;
try {
  electronPath = require('electron');
} catch (e) {
  console.error(`hatrack: the Electron binary is not available (${e instanceof Error ? e.message : e}).`);
  console.error('hatrack: the CLI works without it: node dist/cli/hatrack.mjs --help');
  process.exit(1);
}
const child = spawn(electronPath, ['.'], { stdio: 'inherit' });
child.on('exit', (code) => process.exit(code ?? 1));
