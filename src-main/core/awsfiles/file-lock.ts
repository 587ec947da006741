// Cross-process write lock for the AWS files: a file hard-linked into place, so it appears atomically with its owner
// already written; plain Node (CLI and Electron main).
import fs from 'node:fs';
import path from 'node:path';

import { ensurePrivateDir, errnoOf, isOlderThan, isPidAlive, randomHex, sleepSync, tryUnlink, writeFailed } from './fs-primitives.js';

const LOCK_STALE_MS = 10_000;
const LOCK_WAIT_MS = 20_000;

const heldLocks = new Set<string>();

function lockOwnerLine(): string {
  return `${process.pid} ${randomHex(8)}\n`;
}

function readLockOwner(lockPath: string): string | undefined {
  try {
    return fs.readFileSync(lockPath, 'utf8');
  } catch {
    return undefined;
  }
}

function isLockStale(lockPath: string, owner: string): boolean {
  const pid = Number(owner.split(' ')[0]);
  return !isPidAlive(pid) || isOlderThan(lockPath, LOCK_STALE_MS);
}

/** Moves a stale lock aside first, so two processes breaking it at once cannot both think they removed it. */
function breakStaleLock(lockPath: string, staleOwner: string): void {
  const aside = `${lockPath}.broken-${process.pid}-${randomHex(4)}`;
  try {
    fs.renameSync(lockPath, aside);
  } catch {
    return;
  }
  if (readLockOwner(aside) !== staleOwner) {
    // Someone else broke it and took the lock in between: put theirs back.
    try {
      fs.linkSync(aside, lockPath);
    } catch {
      // A third process already holds it; nothing left to restore.
    }
  }
  tryUnlink(aside);
}

function cleanLockLeftovers(lockDir: string): void {
  for (const name of fs.readdirSync(lockDir)) {
    const match = /^\.aws-files\.(\d+)-[0-9a-f]+$|\.broken-(\d+)-[0-9a-f]+$/.exec(name);
    if (match === null) continue;
    const pid = Number(match[1] ?? match[2]);
    if (pid !== process.pid && !isPidAlive(pid)) tryUnlink(path.join(lockDir, name));
  }
}

export function acquireLock(dataDir: string): () => void {
  const lockDir = path.join(dataDir, 'locks');
  const lockPath = path.join(lockDir, 'aws-files.lock');
  if (heldLocks.has(lockPath)) return () => undefined;
  try {
    ensurePrivateDir(lockDir);
    cleanLockLeftovers(lockDir);
  } catch (e) {
    throw writeFailed(lockDir, 'Could not create the lock folder', e);
  }
  const owner = lockOwnerLine();
  const staging = path.join(lockDir, `.aws-files.${process.pid}-${randomHex(6)}`);
  try {
    fs.writeFileSync(staging, owner, { mode: 0o600 });
  } catch (e) {
    throw writeFailed(lockDir, 'Could not create the Hatrack write lock', e);
  }
  try {
    waitForLock(lockPath, staging);
  } finally {
    tryUnlink(staging);
  }
  heldLocks.add(lockPath);
  return () => {
    heldLocks.delete(lockPath);
    if (readLockOwner(lockPath) === owner) tryUnlink(lockPath);
  };
}

function waitForLock(lockPath: string, staging: string): void {
  const deadline = Date.now() + LOCK_WAIT_MS;
  for (;;) {
    try {
      fs.linkSync(staging, lockPath);
      return;
    } catch (e) {
      if (errnoOf(e) !== 'EEXIST') throw writeFailed(lockPath, 'Could not take the Hatrack write lock', e);
    }
    const current = readLockOwner(lockPath);
    if (current !== undefined && isLockStale(lockPath, current)) {
      breakStaleLock(lockPath, current);
      continue;
    }
    if (Date.now() > deadline) {
      throw writeFailed(lockPath, 'Another Hatrack process is still writing the AWS files; try again');
    }
    sleepSync(0.5 + Math.random() * 2);
  }
}
