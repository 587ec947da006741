// Backups of the AWS files in the data folder: complete copies under time-ordered names, the newest BACKUPS_KEPT
// kept; plain Node (CLI and Electron main).
import fs from 'node:fs';
import path from 'node:path';

import { canonicalPath, cleanStaleTemps, ensurePrivateDir, errnoOf, sha256Hex, tryUnlink, writeTempFile } from './fs-primitives.js';
import type { AwsFileKind } from './profiles.js';

export const BACKUPS_KEPT = 50;

/** Fixed-width, filename-safe UTC time, so names sort in time order on every platform. */
function backupStamp(now: Date): string {
  return now.toISOString().replace(/:/g, '-');
}

const BACKUP_NAME = /^(\d{4}-\d{2}-\d{2}T\d{2}-\d{2}-\d{2}\.\d{3}Z)-(\d{4,})\.bak$/;

/** The folder holding every backup folder. */
export function backupsRoot(dataDir: string): string {
  return path.join(dataDir, 'backups');
}

export function backupDirFor(dataDir: string, kind: AwsFileKind, target: string): string {
  return path.join(backupsRoot(dataDir), `${kind}-${sha256Hex(canonicalPath(target)).slice(0, 8)}`);
}

/** Which AWS file a backup folder (named by backupDirFor) holds copies of. */
export function backupKindOf(dir: string): AwsFileKind | undefined {
  const match = /^(config|credentials)-[0-9a-f]{8}$/.exec(path.basename(dir));
  return match === null ? undefined : (match[1] as AwsFileKind);
}

/** Backups oldest first: by time, then by sequence number (which may outgrow its padding). */
export function listBackups(dir: string): string[] {
  const parsed: { name: string; stamp: string; seq: number }[] = [];
  for (const name of fs.readdirSync(dir)) {
    const m = BACKUP_NAME.exec(name);
    if (m !== null) parsed.push({ name, stamp: m[1]!, seq: Number(m[2]) });
  }
  parsed.sort((a, b) => (a.stamp !== b.stamp ? (a.stamp < b.stamp ? -1 : 1) : a.seq - b.seq));
  return parsed.map((p) => p.name);
}

function nextBackupName(existing: readonly string[], stamp: string): string {
  let seq = 0;
  for (const name of existing) {
    const match = BACKUP_NAME.exec(name);
    if (match !== null && match[1] === stamp) seq = Math.max(seq, Number(match[2]) + 1);
  }
  return `${stamp}-${String(seq).padStart(4, '0')}.bak`;
}

/**
 * A backup appears complete or not at all (a crash mid-copy must not leave a truncated "previous version"), and room
 * is made before it appears: pruning afterwards would leave one backup over the cap if the process died in between.
 */
export function writeBackup(dir: string, bytes: Uint8Array, now: Date): string {
  ensurePrivateDir(dir);
  const stagingTarget = path.join(dir, 'backup');
  cleanStaleTemps(stagingTarget);
  const staged = writeTempFile(stagingTarget, bytes, 0o600, undefined);
  try {
    const stamp = backupStamp(now);
    const existing = listBackups(dir);
    for (;;) {
      const name = nextBackupName(existing, stamp);
      const full = path.join(dir, name);
      pruneBackups(dir, BACKUPS_KEPT - 1);
      if (placeUnderNewName(staged, full)) return full;
      existing.push(name);
    }
  } finally {
    tryUnlink(staged);
  }
}

/** Hard-links `source` to `destination` unless that name is taken; false when it is. */
function placeUnderNewName(source: string, destination: string): boolean {
  try {
    fs.linkSync(source, destination);
    return true;
  } catch (e) {
    if (errnoOf(e) === 'EEXIST') return false;
  }
  // Filesystems without hard links: the write lock keeps Hatrack processes from picking the same name.
  if (fs.existsSync(destination)) return false;
  fs.renameSync(source, destination);
  return true;
}

/** Removes the oldest backups until at most `keep` are left. */
function pruneBackups(dir: string, keep: number): void {
  const names = listBackups(dir);
  for (const name of names.slice(0, Math.max(0, names.length - keep))) tryUnlink(path.join(dir, name));
}
