// Integration test: two processes updating the settings file at once (the app and a CLI) keep every change, and the
// file stays valid and 0600; plain Node, real temp folders.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

import { buildSync } from 'esbuild';
import { afterAll, beforeAll, expect, it } from 'vitest';

import { spawnNode } from './support/file-store-harness.js';
import { loadSettings, settingsPath } from '../src-main/core/settings/settings.js';

const UPDATES = 100;
const here = path.dirname(fileURLToPath(import.meta.url));
let root: string;
let driver: string;

beforeAll(() => {
  root = fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), 'hatrack-settings-race-')));
  driver = path.join(root, 'settings-driver.mjs');
  buildSync({ entryPoints: [path.join(here, 'support', 'settings-driver.ts')], bundle: true, platform: 'node', format: 'esm', target: 'node20', outfile: driver, logLevel: 'error' });
});

afterAll(() => {
  fs.rmSync(root, { recursive: true, force: true });
});

it('two processes updating the settings at once lose none of each other’s changes', async () => {
  const dataDir = path.join(root, 'data');
  const a = spawnNode([driver, dataDir, 'alpha', String(UPDATES)]);
  const b = spawnNode([driver, dataDir, 'beta', String(UPDATES)]);
  expect((await a.exited).code, a.stderr()).toBe(0);
  expect((await b.exited).code, b.stderr()).toBe(0);
  const names = Object.keys(loadSettings(dataDir).profiles);
  const missing = ['alpha', 'beta'].flatMap((p) => Array.from({ length: UPDATES }, (_, i) => `${p}-${i}`)).filter((n) => !names.includes(n));
  expect(missing).toEqual([]);
  expect(fs.statSync(settingsPath(dataDir)).mode & 0o777).toBe(0o600);
  expect(fs.readdirSync(dataDir).filter((n) => n.endsWith('.tmp'))).toEqual([]);
});
