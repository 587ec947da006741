// Builds every runtime: the CLI (plain Node, one CommonJS file), Electron main and preload (CJS), and the renderer (Vite).
import { build } from 'esbuild';
import { rmSync, chmodSync, existsSync } from 'node:fs';
import { spawnSync } from 'node:child_process';

const only = process.argv[2]; // optional: cli | lib | main | preview | renderer
const common = { bundle: true, platform: 'node', target: 'node20', sourcemap: true, logLevel: 'warning', legalComments: 'none' };

// The file commands and the entry make dist/cli/hatrack.cjs; every other command goes to dist/cli/on-demand.cjs,
// required only when one of them runs, so the file every `hatrack list` and `hatrack set` compiles stays small.
const onDemandExternal = {
  name: 'on-demand-commands',
  setup(b) {
    b.onResolve({ filter: /^\.\/on-demand\.js$/ }, (args) => (args.importer.endsWith('commands/index.ts') ? { path: './on-demand.cjs', external: true } : undefined));
  },
};

async function buildCli() {
  rmSync('dist/cli', { recursive: true, force: true });
  const cli = {
    ...common,
    outdir: 'dist/cli',
    // CommonJS: Node's CommonJS loader starts a file about 15-30 ms sooner than a graph of ES modules (measured on
    // `hatrack set` and `hatrack list`). Modules imported with import() are wrapped so their top level (and their
    // require() of zod or the AWS SDK) runs only when a command asks for them.
    format: 'cjs',
    outExtension: { '.js': '.cjs' },
    // Dependencies stay in node_modules and load lazily, so `hatrack list` never pays for the AWS SDK.
    packages: 'external',
  };
  await build({
    ...cli,
    entryPoints: { hatrack: 'src-main/cli/hatrack.ts' },
    plugins: [onDemandExternal],
    // import() of on-demand.cjs becomes require(): no ES module loader for a CommonJS file.
    supported: { 'dynamic-import': false },
    define: { 'import.meta.url': '__hatrackEntryUrl' },
    banner: { js: '#!/usr/bin/env node\nconst __hatrackEntryUrl = require("node:url").pathToFileURL(__filename).href;' },
  });
  await build({ ...cli, entryPoints: { 'on-demand': 'src-main/cli/commands/on-demand.ts' } });
  chmodSync('dist/cli/hatrack.cjs', 0o755);
}

async function buildMain() {
  rmSync('dist/main', { recursive: true, force: true });
  rmSync('dist/preload', { recursive: true, force: true });
  await build({ ...common, entryPoints: { main: 'src-main/electron/main.ts' }, outdir: 'dist/main', format: 'cjs', outExtension: { '.js': '.cjs' }, packages: 'external' });
  // The preload runs sandboxed: it must be one self-contained file that only requires 'electron'.
  await build({ ...common, entryPoints: { preload: 'src-main/preload/index.ts' }, outdir: 'dist/preload', format: 'cjs', outExtension: { '.js': '.cjs' }, external: ['electron'] });
}

/** The files core as one ESM library, for benchmarks and out-of-process test drivers. */
async function buildLib() {
  rmSync('dist/lib', { recursive: true, force: true });
  await build({ ...common, entryPoints: { awsfiles: 'src-main/core/awsfiles/index.ts' }, outdir: 'dist/lib', format: 'esm', outExtension: { '.js': '.mjs' }, packages: 'external' });
}

/** The development preview (`npm run preview`): the renderer on the real core in the system's Chromium, no Electron. */
async function buildPreview() {
  rmSync('dist/preview', { recursive: true, force: true });
  await build({ ...common, entryPoints: { preview: 'src-main/preview/main.ts' }, outdir: 'dist/preview', format: 'cjs', outExtension: { '.js': '.cjs' }, packages: 'external' });
}

function buildRenderer() {
  const r = spawnSync(process.execPath, ['node_modules/vite/bin/vite.js', 'build', '--config', 'src-renderer/vite.config.mjs', '--logLevel', 'warn'], { stdio: 'inherit' });
  if (r.status !== 0) throw new Error('renderer build failed');
}

if (!only || only === 'cli') await buildCli();
if (!only || only === 'lib') await buildLib();
if (!only || only === 'main') await buildMain();
if (!only || only === 'preview') await buildPreview();
if ((!only || only === 'renderer') && existsSync('src-renderer/vite.config.mjs')) buildRenderer();
