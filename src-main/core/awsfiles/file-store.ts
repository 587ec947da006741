// The AWS file store: synchronous snapshots, atomic transactional updates with backups and lost-update protection, and
// watching for ~/.aws/config and ~/.aws/credentials; plain Node (CLI and Electron main). Locking, backups, watching and
// the fs primitives live in file-lock.ts, file-backups.ts, file-watch.ts and fs-primitives.ts.
import fs from 'node:fs';
import path from 'node:path';

import { HatrackError, isHatrackError } from '../../../shared/domain/errors.js';
import type { Environment } from '../environment.js';
import type {
  AwsFilePaths,
  EditOutcome,
  FileChangeEvent,
  FileSnapshot,
  FilesSnapshot,
  UpdateResult,
  WrittenFile,
} from './file-store.types.js';
import { backupDirFor, writeBackup } from './file-backups.js';
import { acquireLock } from './file-lock.js';
import type { KindWatch } from './file-watch.js';
import { currentHash, watchKind } from './file-watch.js';
import type { Owner } from './fs-primitives.js';
import {
  bytesEqual,
  cleanStaleTemps,
  EMPTY_HASH,
  ensurePrivateDir,
  errnoOf,
  fsyncDir,
  isRoot,
  ownerOf,
  readAllAt,
  resolveWriteTarget,
  sha256Hex,
  sleepSync,
  tryUnlink,
  unreadable,
  writeFailed,
  writeProtection,
  writeTempFile,
} from './fs-primitives.js';
import type { IniDocument } from './ini-document.js';
import { parseDocument, serializeDocument } from './ini-document.js';
import type { AwsFileKind } from './profiles.js';

export interface FileStoreOptions {
  readonly paths: AwsFilePaths;
  readonly dataDir: string;
  readonly env: Environment;
  /** Test seam: runs after the final on-disk check and right before the rename, where an outside write can slip in. */
  readonly beforeReplace?: ((target: string) => void) | undefined;
}

export interface FileStore {
  readonly paths: AwsFilePaths;
  readonly dataDir: string;
  /** Both files as they are now; a missing file reads as empty. Synchronous because the CLI reads on every command. */
  read(): FilesSnapshot;
  /**
   * Runs `edit` on a fresh snapshot and atomically writes each file whose bytes it changed. `edit` may run more than
   * once (when a file changes on disk meanwhile), so it must be a pure function of the snapshot.
   */
  update<T>(edit: (snapshot: FilesSnapshot) => EditOutcome<T>): UpdateResult<T>;
  /** Calls `onChange` when a file's content changes from what this store last read or wrote; returns unsubscribe. */
  watch(onChange: (event: FileChangeEvent) => void): () => void;
}

const MAX_REAPPLIES = 10;
/** An in-place writer truncates then writes; its content counts as settled once unchanged for this long. */
const SETTLE_QUIET_MS = 3;
const FRESH_WRITE_MS = 5;
/**
 * An empty file may be one truncated by an in-place writer whose write is still queued behind a journal commit,
 * which can take tens of milliseconds; basing an edit on it would drop the whole file, so it must hold longer.
 */
const EMPTY_SETTLE_MS = 60;
const SETTLE_MAX_MS = 1_000;
/** After a lost race, wait for the files to be this quiet before re-reading, so a burst of writes can finish. */
const CONFLICT_QUIET_MS = 3;
const CONFLICT_WAIT_MAX_MS = 100;
const KINDS: readonly AwsFileKind[] = ['config', 'credentials'];
const EMPTY = new Uint8Array(0);
const VARIABLE_FOR: Readonly<Record<AwsFileKind, string>> = {
  config: 'AWS_CONFIG_FILE',
  credentials: 'AWS_SHARED_CREDENTIALS_FILE',
};

// ---------------------------------------------------------------------------------------------------------------
// Small helpers

function disabled(kind: AwsFileKind): HatrackError {
  const variable = VARIABLE_FOR[kind];
  return new HatrackError(
    'FILE_DISABLED',
    `${variable} is set but empty, so the AWS CLI treats the ${kind} file as absent and Hatrack will not write it; unset it or set it to a path.`,
  );
}

/**
 * A file (or its folder) without its owner's write permission is the user saying "leave it alone", as `aws configure
 * set` respects: refused before anything is written, backups included.
 */
function refuseReadOnly(filePath: string, target: string): void {
  const prot = writeProtection(target);
  if (prot === undefined) return;
  const mode = `0${prot.mode.toString(8)}`;
  const where = prot.what === 'file' ? filePath : prot.path;
  const message =
    prot.what === 'file'
      ? `The file is read-only (${mode}), so Hatrack left it unchanged; to allow changes: chmod u+w ${prot.path}`
      : `The folder holding ${path.basename(target)} is read-only (${mode}), so Hatrack left the file unchanged; to allow changes: chmod u+w ${prot.path}`;
  throw new HatrackError('FILE_READ_ONLY', message, { path: where });
}

/** Thrown inside a commit when the disk no longer holds what the edit was based on; the update loop re-applies. */
class ChangedOnDisk extends Error {}

// ---------------------------------------------------------------------------------------------------------------
// Reading

/** What is on disk for one file at one moment; `fd` stays open on the inode during an update. */
interface DiskState {
  readonly kind: AwsFileKind;
  readonly path: string | null;
  /** Final path after following symlinks; where writes land. */
  readonly target: string | null;
  readonly exists: boolean;
  /** What is there when not a regular file (a folder, /dev/null…): reads as absent, like botocore; never replaced. */
  readonly special: string | undefined;
  readonly bytes: Uint8Array;
  readonly hash: string;
  readonly mode: number | undefined;
  readonly stat: fs.BigIntStats | undefined;
  readonly fd: number | undefined;
}

function absentState(kind: AwsFileKind, filePath: string | null, target: string | null, special?: string): DiskState {
  return {
    kind,
    path: filePath,
    target,
    exists: false,
    special,
    bytes: EMPTY,
    hash: EMPTY_HASH,
    mode: undefined,
    stat: undefined,
    fd: undefined,
  };
}

/** What a path that is not a regular file holds, in words for a message. */
function specialType(stat: fs.Stats | fs.BigIntStats): string {
  if (stat.isDirectory()) return 'folder';
  if (stat.isFIFO()) return 'FIFO (named pipe)';
  if (stat.isCharacterDevice()) return 'character device';
  if (stat.isBlockDevice()) return 'block device';
  if (stat.isSocket()) return 'socket';
  return 'special file';
}

// O_NONBLOCK keeps a FIFO that replaced the file after the stat from hanging the open; harmless for regular files.
const OPEN_FOR_READ = fs.constants.O_RDONLY | (fs.constants.O_NONBLOCK ?? 0);

function readDisk(kind: AwsFileKind, filePath: string | null, target: string | null, keepFd: boolean): DiskState {
  if (filePath === null) return absentState(kind, null, null);
  const openPath = target ?? filePath;
  // Looked at before it is opened: opening a FIFO or a device can block or act on the device.
  let found: fs.Stats;
  try {
    found = fs.statSync(openPath);
  } catch (e) {
    // botocore checks os.path.isfile first: a missing file, or a path through a non-directory, is simply absent.
    if (errnoOf(e) === 'ENOENT' || errnoOf(e) === 'ENOTDIR') return absentState(kind, filePath, target);
    throw unreadable(filePath, e);
  }
  if (!found.isFile()) return absentState(kind, filePath, target, specialType(found));
  let fd: number;
  try {
    fd = fs.openSync(openPath, OPEN_FOR_READ);
  } catch (e) {
    if (errnoOf(e) === 'ENOENT' || errnoOf(e) === 'ENOTDIR') return absentState(kind, filePath, target);
    throw unreadable(filePath, e);
  }
  let handedOver = false;
  try {
    const stat = fs.fstatSync(fd, { bigint: true });
    // Replaced between the stat and the open.
    if (!stat.isFile()) return absentState(kind, filePath, target, specialType(stat));
    const bytes = readAllAt(fd);
    handedOver = keepFd;
    let hash: string | undefined;
    return {
      kind,
      path: filePath,
      target,
      exists: true,
      special: undefined,
      bytes,
      // Hashed when first compared (an edit does; a listing never does).
      get hash() {
        return (hash ??= sha256Hex(bytes));
      },
      mode: Number(stat.mode & 0o7777n),
      stat,
      fd: keepFd ? fd : undefined,
    };
  } catch (e) {
    throw unreadable(filePath, e);
  } finally {
    if (!handedOver) fs.closeSync(fd);
  }
}

function closeDisk(state: DiskState): void {
  if (state.fd !== undefined) fs.closeSync(state.fd);
}

function toSnapshot(state: DiskState, content: Uint8Array, exists: boolean, doc?: IniDocument): FileSnapshot {
  return lazySnapshot(state.kind, state.path, exists, content, state.mode, state.special, doc, content === state.bytes ? () => state.hash : undefined);
}

/**
 * A snapshot whose document and hash are made on first use: after a `set` on a 50 MB file, parsing and hashing the
 * written bytes again cost a third of the command, and most callers never look.
 */
function lazySnapshot(kind: AwsFileKind, filePath: string | null, exists: boolean, bytes: Uint8Array, mode: number | undefined, special: string | undefined, doc?: IniDocument, knownHash?: () => string): FileSnapshot {
  let parsed = doc;
  let hashed: string | undefined;
  return {
    kind,
    path: filePath,
    exists,
    bytes,
    get doc() {
      return (parsed ??= parseDocument(bytes));
    },
    get hash() {
      return (hashed ??= knownHash === undefined ? sha256Hex(bytes) : knownHash());
    },
    mode,
    special,
  };
}

// ---------------------------------------------------------------------------------------------------------------
// Committing one file

interface WritePlan {
  readonly disk: DiskState;
  readonly target: string;
  readonly path: string;
  /** What the edit saw as this file's current content: the "previous bytes" a backup and a rollback restore. */
  readonly content: Uint8Array;
  readonly contentExisted: boolean;
  readonly desired: Uint8Array;
  readonly desiredDoc: IniDocument | undefined;
  readonly mode: number;
}

interface CommitOutcome {
  readonly backupPath: string | undefined;
  /** Content an in-place writer put into the old inode after our check; the edit must be re-applied to it. */
  readonly slipped: Uint8Array | undefined;
}

function modeFor(kind: AwsFileKind, disk: DiskState): number {
  // Credentials are secrets whatever the old mode; config keeps what the user chose.
  if (kind === 'credentials' || disk.mode === undefined) return 0o600;
  return disk.mode;
}

function ownerForWrite(disk: DiskState, target: string): Owner | undefined {
  if (!isRoot()) return undefined;
  if (disk.stat !== undefined) return { uid: Number(disk.stat.uid), gid: Number(disk.stat.gid) };
  return ownerOf(path.dirname(target));
}

/** The disk still holds exactly what the edit was based on: same symlink target, same inode, same bytes. */
function assertUnchanged(plan: WritePlan): fs.BigIntStats | undefined {
  const disk = plan.disk;
  if (disk.path === null || resolveWriteTarget(disk.path) !== plan.target) throw new ChangedOnDisk();
  let current: fs.BigIntStats;
  try {
    current = fs.statSync(plan.target, { bigint: true });
  } catch (e) {
    if (errnoOf(e) === 'ENOENT' && !disk.exists) return undefined;
    throw new ChangedOnDisk();
  }
  if (!disk.exists || disk.fd === undefined || disk.stat === undefined) throw new ChangedOnDisk();
  if (current.ino !== disk.stat.ino || current.dev !== disk.stat.dev) throw new ChangedOnDisk();
  const viaFd = fs.fstatSync(disk.fd, { bigint: true });
  // Same bytes but a new mtime means writes happened in between (truncated, then rewritten): the bytes we read may
  // have been a half-written state that merely looks the same now.
  if (viaFd.mtimeNs !== disk.stat.mtimeNs || viaFd.size !== disk.stat.size) throw new ChangedOnDisk();
  if (looksMidRewrite(viaFd)) throw new ChangedOnDisk();
  if (sha256Hex(readAllAt(disk.fd)) !== disk.hash) throw new ChangedOnDisk();
  return viaFd;
}

/** Puts the temp file in place. A new file is hard-linked so that one created meanwhile is never replaced. */
function placeFile(temp: string, target: string, replacing: boolean): void {
  if (replacing) {
    fs.renameSync(temp, target);
    return;
  }
  try {
    fs.linkSync(temp, target);
    tryUnlink(temp);
    return;
  } catch (e) {
    if (errnoOf(e) === 'EEXIST') throw new ChangedOnDisk();
    // Filesystems without hard links (FAT, some network shares) fall back to a plain rename.
  }
  if (fs.existsSync(target)) throw new ChangedOnDisk();
  fs.renameSync(temp, target);
}

interface FdContent {
  readonly size: bigint;
  readonly mtimeNs: bigint;
  readonly bytes: Uint8Array;
}

function fdContent(fd: number): FdContent {
  const stat = fs.fstatSync(fd, { bigint: true });
  return { size: stat.size, mtimeNs: stat.mtimeNs, bytes: readAllAt(fd) };
}

function sameContent(a: FdContent, b: FdContent): boolean {
  return a.size === b.size && a.mtimeNs === b.mtimeNs && bytesEqual(a.bytes, b.bytes);
}

/**
 * The AWS CLI rewrites files in place (truncate + write). If it opened the old inode before our rename, its write
 * lands there and would vanish with it; reading the old inode through our fd shows whether that happened.
 */
function detectSlippedWrite(disk: DiskState, verified: fs.BigIntStats): Uint8Array | undefined {
  if (disk.fd === undefined) return undefined;
  let last = fdContent(disk.fd);
  if (last.mtimeNs === verified.mtimeNs && bytesEqual(last.bytes, disk.bytes)) return undefined;
  const deadline = Date.now() + SETTLE_MAX_MS;
  let quietSince = Date.now();
  const quietNeeded = (): number => (last.bytes.length === 0 ? EMPTY_SETTLE_MS : SETTLE_QUIET_MS);
  while (Date.now() - quietSince < quietNeeded() && Date.now() < deadline) {
    sleepSync(1);
    const next = fdContent(disk.fd);
    if (!sameContent(next, last)) {
      last = next;
      quietSince = Date.now();
    }
  }
  return last.bytes;
}

function backUp(plan: WritePlan, dataDir: string, env: Environment): string {
  const dir = backupDirFor(dataDir, plan.disk.kind, plan.target);
  try {
    return writeBackup(dir, plan.content, env.now());
  } catch (e) {
    throw writeFailed(dir, 'Could not save a backup, so the file was left unchanged', e);
  }
}

function commitFile(plan: WritePlan, options: FileStoreOptions): CommitOutcome {
  const { target } = plan;
  let temp: string | undefined;
  let backupPath: string | undefined;
  try {
    ensurePrivateDir(path.dirname(target));
    cleanStaleTemps(target);
    temp = writeTempFile(target, plan.desired, plan.mode, ownerForWrite(plan.disk, target));
    if (plan.disk.exists) backupPath = backUp(plan, options.dataDir, options.env);
    const verified = assertUnchanged(plan);
    options.beforeReplace?.(target);
    placeFile(temp, target, plan.disk.exists);
    temp = undefined;
    const slipped = verified === undefined ? undefined : detectSlippedWrite(plan.disk, verified);
    fsyncDir(path.dirname(target));
    return { backupPath, slipped };
  } catch (e) {
    if (temp !== undefined) tryUnlink(temp);
    if (e instanceof ChangedOnDisk) {
      if (backupPath !== undefined) tryUnlink(backupPath);
      throw e;
    }
    if (isHatrackError(e)) throw e;
    throw writeFailed(target, 'Could not write the file', e);
  }
}

// ---------------------------------------------------------------------------------------------------------------
// The update transaction

/** A file this update already replaced: what the edit must keep seeing, and how to tell our bytes are still there. */
interface Written {
  readonly file: WrittenFile;
  readonly target: string;
  readonly content: Uint8Array;
  readonly contentExisted: boolean;
  readonly writtenHash: string;
  readonly mode: number;
}

interface Attempt {
  readonly disks: Readonly<Record<AwsFileKind, DiskState>>;
  readonly contents: Readonly<Record<AwsFileKind, { readonly bytes: Uint8Array; readonly exists: boolean }>>;
}

function msSince(stat: fs.BigIntStats): number {
  return Date.now() - Number(stat.mtimeNs / 1_000_000n);
}

/**
 * Reads a file for an edit. An in-place writer truncates before it writes, so a file modified a moment ago may be
 * half-written (even empty), and an edit based on it would drop most of the file: such a file is read again once
 * the writer had time to finish.
 */
function readSettledDisk(kind: AwsFileKind, filePath: string | null): DiskState {
  const read = (): DiskState => readDisk(kind, filePath, filePath === null ? null : resolveWriteTarget(filePath), true);
  const deadline = Date.now() + SETTLE_MAX_MS;
  for (;;) {
    const disk = read();
    if (!disk.exists || disk.stat === undefined || Date.now() > deadline) return disk;
    const settleMs = disk.bytes.length === 0 ? EMPTY_SETTLE_MS : FRESH_WRITE_MS;
    const waitMs = settleMs - msSince(disk.stat);
    if (waitMs <= 0) return disk;
    closeDisk(disk);
    sleepSync(Math.min(waitMs, settleMs));
  }
}

/** An empty file this young may be mid-rewrite; committing on it could drop the writer's whole file. */
function looksMidRewrite(stat: fs.BigIntStats): boolean {
  return stat.size === 0n && msSince(stat) < EMPTY_SETTLE_MS;
}

function readForUpdate(paths: AwsFilePaths, written: ReadonlyMap<AwsFileKind, Written>): Attempt {
  const disks = {} as Record<AwsFileKind, DiskState>;
  const contents = {} as Record<AwsFileKind, { bytes: Uint8Array; exists: boolean }>;
  try {
    for (const kind of KINDS) {
      const filePath = paths[kind];
      const disk = readSettledDisk(kind, filePath);
      disks[kind] = disk;
      // While our own bytes are still on disk, the edit keeps seeing what it saw before, so it is not applied twice.
      const ours = written.get(kind);
      contents[kind] =
        ours !== undefined && disk.hash === ours.writtenHash
          ? { bytes: ours.content, exists: ours.contentExisted }
          : { bytes: disk.bytes, exists: disk.exists };
    }
  } catch (e) {
    for (const disk of Object.values(disks)) closeDisk(disk);
    throw e;
  }
  return { disks, contents };
}

function attemptSnapshot(attempt: Attempt): FilesSnapshot {
  const one = (kind: AwsFileKind): FileSnapshot =>
    toSnapshot(attempt.disks[kind], attempt.contents[kind].bytes, attempt.contents[kind].exists);
  return { config: one('config'), credentials: one('credentials') };
}

function planWrites<T>(attempt: Attempt, snapshot: FilesSnapshot, outcome: EditOutcome<T>): WritePlan[] {
  const plans: WritePlan[] = [];
  for (const kind of KINDS) {
    const disk = attempt.disks[kind];
    const content = attempt.contents[kind];
    const doc = outcome[kind];
    const changedDoc = doc !== undefined && doc !== snapshot[kind].doc;
    const desired = changedDoc ? serializeDocument(doc) : content.bytes;
    if (bytesEqual(desired, disk.bytes)) continue;
    if (disk.path === null || disk.target === null) throw disabled(kind);
    if (disk.special !== undefined) {
      throw writeFailed(disk.path, 'The path is not a regular file, so Hatrack will not replace it');
    }
    refuseReadOnly(disk.path, disk.target);
    plans.push({
      disk,
      target: disk.target,
      path: disk.path,
      content: content.bytes,
      contentExisted: content.exists,
      desired,
      desiredDoc: changedDoc ? doc : undefined,
      mode: modeFor(kind, disk),
    });
  }
  return plans;
}

/** Puts back what the edit saw in each file this update replaced, wherever our bytes are still the ones on disk. */
function rollBack(written: ReadonlyMap<AwsFileKind, Written>): void {
  for (const entry of written.values()) {
    try {
      const current = fs.readFileSync(entry.target);
      if (sha256Hex(current) !== entry.writtenHash) continue;
      if (!entry.contentExisted) {
        fs.unlinkSync(entry.target);
        continue;
      }
      const temp = writeTempFile(entry.target, entry.content, entry.mode, ownerOf(entry.target));
      fs.renameSync(temp, entry.target);
      fsyncDir(path.dirname(entry.target));
    } catch {
      // Best effort: the backup stays in place and the caller gets the original error.
    }
  }
}

type CommitStatus = 'done' | 'changed' | 'slipped';

function statKey(filePath: string | null): string {
  if (filePath === null) return '';
  try {
    const st = fs.statSync(filePath, { bigint: true });
    return `${st.ino}:${st.size}:${st.mtimeNs}`;
  } catch (e) {
    return errnoOf(e) ?? 'error';
  }
}

/**
 * Another writer is active. Re-reading at once would likely race it again, so wait (briefly, with jitter that grows
 * per attempt) until neither file has changed for a few milliseconds.
 */
function waitUntilQuiet(paths: AwsFilePaths, attempt: number): void {
  sleepSync(Math.random() * Math.min(2 ** attempt, 16));
  const deadline = Date.now() + CONFLICT_WAIT_MAX_MS;
  let last = statKey(paths.config) + statKey(paths.credentials);
  let quietSince = Date.now();
  while (Date.now() - quietSince < CONFLICT_QUIET_MS && Date.now() < deadline) {
    sleepSync(1);
    const next = statKey(paths.config) + statKey(paths.credentials);
    if (next !== last) {
      last = next;
      quietSince = Date.now();
    }
  }
}

function finalSnapshot(attempt: Attempt, plans: readonly WritePlan[]): FilesSnapshot {
  const one = (kind: AwsFileKind): FileSnapshot => {
    const disk = attempt.disks[kind];
    const plan = plans.find((p) => p.disk.kind === kind);
    if (plan === undefined) return toSnapshot(disk, disk.bytes, disk.exists);
    return lazySnapshot(kind, disk.path, true, plan.desired, plan.mode, undefined, plan.desiredDoc);
  };
  return { config: one('config'), credentials: one('credentials') };
}

// ---------------------------------------------------------------------------------------------------------------
// The store

export function createFileStore(options: FileStoreOptions): FileStore {
  const { paths, dataDir } = options;
  // What each file last held as far as this store knows: a snapshot (hashed only when a watch compares) or a hash.
  const lastKnown = new Map<AwsFileKind, { readonly hash: string }>();

  const remember = (snapshot: FilesSnapshot): void => {
    for (const kind of KINDS) lastKnown.set(kind, snapshot[kind]);
  };

  const read = (): FilesSnapshot => {
    const one = (kind: AwsFileKind): FileSnapshot => {
      const disk = readDisk(kind, paths[kind], null, false);
      return toSnapshot(disk, disk.bytes, disk.exists);
    };
    const snapshot = { config: one('config'), credentials: one('credentials') };
    remember(snapshot);
    return snapshot;
  };

  const update = <T>(edit: (snapshot: FilesSnapshot) => EditOutcome<T>): UpdateResult<T> => {
    const written = new Map<AwsFileKind, Written>();
    let releaseLock: (() => void) | undefined;
    let finished = false;
    try {
      for (let attempt = 0; attempt <= MAX_REAPPLIES; attempt++) {
        const state = readForUpdate(paths, written);
        try {
          const snapshot = attemptSnapshot(state);
          const outcome = edit(snapshot);
          const plans = planWrites(state, snapshot, outcome);
          if (plans.length === 0) {
            const final = finalSnapshot(state, []);
            remember(final);
            finished = true;
            return { result: outcome.result, written: [...written.values()].map((w) => w.file), retries: attempt, snapshot: final };
          }
          releaseLock ??= acquireLock(dataDir);
          const committed = commitPlans(plans, written);
          if (committed === 'done') {
            const final = finalSnapshot(state, plans);
            remember(final);
            finished = true;
            return { result: outcome.result, written: [...written.values()].map((w) => w.file), retries: attempt, snapshot: final };
          }
          // The first lost race is usually another Hatrack that just released the lock: retry at once.
          if (committed === 'changed' && attempt > 0) waitUntilQuiet(paths, attempt);
        } finally {
          for (const kind of KINDS) closeDisk(state.disks[kind]);
        }
      }
      const where = paths.credentials ?? paths.config;
      throw new HatrackError(
        'FILE_CHANGED_ON_DISK',
        `The AWS files kept changing on disk while Hatrack was saving (${MAX_REAPPLIES} attempts); try again.`,
        where === null ? undefined : { path: where },
      );
    } finally {
      if (!finished) rollBack(written);
      releaseLock?.();
    }
  };

  /** Writes every plan; anything but 'done' means the edit must be re-applied to newer content. */
  const commitPlans = (plans: readonly WritePlan[], written: Map<AwsFileKind, Written>): CommitStatus => {
    let status: CommitStatus = 'done';
    for (const plan of plans) {
      let outcome: CommitOutcome;
      try {
        outcome = commitFile(plan, options);
      } catch (e) {
        if (e instanceof ChangedOnDisk) return 'changed';
        throw e;
      }
      const kind = plan.disk.kind;
      const slipped = outcome.slipped;
      // The outside version now lives only in memory (its inode is unlinked): keep a copy before anything else.
      const slippedBackup = slipped === undefined ? undefined : backUp({ ...plan, content: slipped }, dataDir, options.env);
      written.set(kind, {
        file: { kind, path: plan.path, backupPath: slippedBackup ?? outcome.backupPath ?? written.get(kind)?.file.backupPath },
        target: plan.target,
        content: slipped ?? plan.content,
        contentExisted: slipped !== undefined || plan.contentExisted,
        writtenHash: sha256Hex(plan.desired),
        mode: plan.mode,
      });
      if (slipped !== undefined) status = 'slipped';
    }
    return status;
  };

  const watch = (onChange: (event: FileChangeEvent) => void): (() => void) => {
    const watches: KindWatch[] = [];
    for (const kind of KINDS) {
      const filePath = paths[kind];
      if (filePath === null) continue;
      if (!lastKnown.has(kind)) lastKnown.set(kind, { hash: currentHash(filePath) });
      watches.push(
        watchKind(filePath, () => {
          const hash = currentHash(filePath);
          if (hash === lastKnown.get(kind)?.hash) return;
          lastKnown.set(kind, { hash });
          onChange({ kind, path: filePath });
        }),
      );
    }
    return () => {
      for (const w of watches) w.close();
    };
  };

  return { paths, dataDir, read, update, watch };
}
