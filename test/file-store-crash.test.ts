// Integration test: a writer process killed with SIGKILL at random moments never leaves a partial credentials file;
// plain Node, real temp folders.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { bundleFileStoreDriver, hatrackTempFiles, spawnDriver } from './support/file-store-harness.js';

const KILLS = 40;

// Big enough that a write takes a while, so many kills land mid-write.
const PADDING = Array.from({ length: 1500 }, (_, i) => `# padding ${String(i).padStart(4, '0')} ${'x'.repeat(60)}\n`).join('');

function versionText(n: number): string {
  return `[default]\naws_access_key_id = AKIAIOSFODNN7EXAMPLE\n${PADDING}counter = ${n}\n`;
}

function counterOf(text: string): number {
  const match = /\ncounter = (\d+)\n$/.exec(text);
  if (match === null) throw new Error(`not a complete version (${text.length} bytes)`);
  return Number(match[1]);
}

let root: string;
let bundle: string;

beforeAll(() => {
  root = fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), 'hatrack-crash-')));
  bundle = bundleFileStoreDriver(root);
});

afterAll(() => {
  fs.rmSync(root, { recursive: true, force: true });
});

describe('file store under SIGKILL', () => {
  it(`leaves the old or the new file, never a partial one, across ${KILLS} kills`, async () => {
    const credentials = path.join(root, 'home', '.aws', 'credentials');
    const dataDir = path.join(root, 'data');
    fs.mkdirSync(path.dirname(credentials), { recursive: true });
    fs.writeFileSync(credentials, versionText(0), { mode: 0o600 });

    let last = 0;
    let killsMidWrite = 0;
    let previousPid: number | undefined;
    for (let kill = 0; kill < KILLS; kill++) {
      const driver = spawnDriver(bundle, { mode: 'counter', credentials, dataDir });
      // A stale lock or stale temps from the killed writer must not hold the next one up.
      await driver.line((l) => l === 'ready');
      const pid = driver.child.pid!;
      // Its first write swept the temp files the previous (killed) writer left.
      expect(hatrackTempFiles(credentials).filter((t) => t.pid !== pid)).toEqual([]);

      await new Promise((r) => setTimeout(r, Math.random() * 30));
      driver.child.kill('SIGKILL');
      const exit = await driver.exited;
      expect(exit.signal).toBe('SIGKILL');

      const text = fs.readFileSync(credentials, 'utf8');
      const n = counterOf(text);
      expect(text).toBe(versionText(n));
      expect(n).toBeGreaterThanOrEqual(last);
      expect(fs.statSync(credentials).mode & 0o777).toBe(0o600);
      last = n;
      if (hatrackTempFiles(credentials).some((t) => t.pid === pid)) killsMidWrite++;
      expect(pid).not.toBe(previousPid);
      previousPid = pid;
    }

    // Every backup is a complete earlier version too, and pruning held.
    const backupRoot = path.join(dataDir, 'backups');
    const [backupDir] = fs.readdirSync(backupRoot);
    const backups = fs.readdirSync(path.join(backupRoot, backupDir!)).filter((n) => n.endsWith('.bak'));
    expect(backups.length).toBeGreaterThan(0);
    expect(backups.length).toBeLessThanOrEqual(50);
    for (const name of backups) {
      const text = fs.readFileSync(path.join(backupRoot, backupDir!, name), 'utf8');
      expect(text).toBe(versionText(counterOf(text)));
    }

    expect(last, 'every writer finished at least one write').toBeGreaterThanOrEqual(KILLS);
    expect(killsMidWrite, 'some kills landed while a temp file existed').toBeGreaterThan(0);
    console.log(`crash: ${KILLS} kills, ${last} versions written, ${killsMidWrite} kills mid-write`);
  });
});
