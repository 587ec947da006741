// File-system primitives for the AWS file store: hashing, errno and pid checks, symlink targets, private folders,
// fsynced temp files; plain Node (CLI and Electron main).
import type * as NodeCrypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';

import { HatrackError } from '../../../shared/domain/errors.js';

/** sha256 of no bytes. */
export const EMPTY_HASH = 'e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855';
const STALE_TEMP_AGE_MS = 60 * 60 * 1000;
const MAX_SYMLINK_HOPS = 40;

/**
 * node:crypto, loaded on first use: a read that only lists the files never hashes them, and loading crypto is a
 * noticeable part of a short CLI run.
 */
function nodeCrypto(): typeof NodeCrypto {
  return process.getBuiltinModule('node:crypto');
}

export function sha256Hex(bytes: Uint8Array | string): string {
  return nodeCrypto().createHash('sha256').update(bytes).digest('hex');
}

export function randomHex(byteCount: number): string {
  return nodeCrypto().randomBytes(byteCount).toString('hex');
}

export function bytesEqual(a: Uint8Array, b: Uint8Array): boolean {
  return a.length === b.length && Buffer.compare(a, b) === 0;
}

export function errnoOf(e: unknown): string | undefined {
  return typeof e === 'object' && e !== null && 'code' in e && typeof e.code === 'string' ? e.code : undefined;
}

const sleepCell = new Int32Array(new SharedArrayBuffer(4));

/** update() is synchronous end to end (the CLI's hot path), so waits block the thread briefly instead of yielding. */
export function sleepSync(ms: number): void {
  Atomics.wait(sleepCell, 0, 0, ms);
}

export function isPidAlive(pid: number): boolean {
  if (!Number.isInteger(pid) || pid <= 0) return false;
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    // EPERM: it exists but belongs to someone else.
    return errnoOf(e) === 'EPERM';
  }
}

export function isRoot(): boolean {
  return typeof process.getuid === 'function' && process.getuid() === 0;
}

export function writeFailed(filePath: string, what: string, e?: unknown): HatrackError {
  const code = errnoOf(e);
  return new HatrackError('FILE_WRITE_FAILED', code === undefined ? `${what}.` : `${what} (${code}).`, { path: filePath });
}

export function unreadable(filePath: string, e: unknown): HatrackError {
  const code = errnoOf(e) ?? 'unknown error';
  return new HatrackError('FILE_UNREADABLE', `Could not read the file (${code}).`, { path: filePath });
}

/** Reads everything from offset 0 through `fd`, however the size changes meanwhile. */
export function readAllAt(fd: number): Uint8Array {
  const chunks: Buffer[] = [];
  let total = 0;
  let chunk = Buffer.allocUnsafe(Math.max(fs.fstatSync(fd).size + 1, 4096));
  for (;;) {
    const n = fs.readSync(fd, chunk, 0, chunk.length, total);
    if (n === 0) break;
    chunks.push(chunk.subarray(0, n));
    total += n;
    if (n === chunk.length) chunk = Buffer.allocUnsafe(chunk.length * 2);
    else chunk = Buffer.allocUnsafe(Math.max(chunk.length - n, 4096));
  }
  return chunks.length === 1 ? chunks[0]! : Buffer.concat(chunks, total);
}

/** Follows a symlink chain to the file a write must replace, even when the last link dangles. */
export function resolveWriteTarget(filePath: string): string {
  let current = path.resolve(filePath);
  for (let hop = 0; hop < MAX_SYMLINK_HOPS; hop++) {
    let stat: fs.Stats;
    try {
      stat = fs.lstatSync(current);
    } catch (e) {
      if (errnoOf(e) === 'ENOENT' || errnoOf(e) === 'ENOTDIR') return current;
      throw unreadable(filePath, e);
    }
    if (!stat.isSymbolicLink()) return current;
    current = path.resolve(path.dirname(current), fs.readlinkSync(current));
  }
  throw new HatrackError('FILE_UNREADABLE', 'The path goes through too many symbolic links.', { path: filePath });
}

/** The stable identity of a file for backup folders: its real path, or the resolved one if it does not exist yet. */
export function canonicalPath(target: string): string {
  try {
    return fs.realpathSync(target);
  } catch {
    try {
      return path.join(fs.realpathSync(path.dirname(target)), path.basename(target));
    } catch {
      return target;
    }
  }
}

export interface Owner {
  readonly uid: number;
  readonly gid: number;
}

export function ownerOf(p: string): Owner | undefined {
  try {
    const st = fs.statSync(p);
    return { uid: st.uid, gid: st.gid };
  } catch {
    return undefined;
  }
}

/** Creates `dir` and missing parents as 0700 (mkdir's mode is filtered by umask, so it is set again explicitly). */
export function ensurePrivateDir(dir: string): void {
  try {
    if (fs.statSync(dir).isDirectory()) return;
  } catch {
    // Missing: create below; a non-directory makes mkdir fail with a clear code.
  }
  const first = fs.mkdirSync(dir, { recursive: true, mode: 0o700 });
  if (first === undefined) return;
  // As root (sudo), hand created folders to whoever owns the folder they were created in, not to root.
  const owner = isRoot() ? ownerOf(path.dirname(first)) : undefined;
  const created: string[] = [];
  for (let p = dir; ; p = path.dirname(p)) {
    created.push(p);
    if (p === first || path.dirname(p) === p) break;
  }
  for (const p of created) {
    fs.chmodSync(p, 0o700);
    if (owner !== undefined) fs.chownSync(p, owner.uid, owner.gid);
  }
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

function tempPathFor(target: string): string {
  const name = `.${path.basename(target)}.hatrack-${process.pid}-${randomHex(6)}.tmp`;
  return path.join(path.dirname(target), name);
}

/** Removes temp files a crashed Hatrack left beside `target` (their pid is gone, or they are an hour old). */
export function cleanStaleTemps(target: string): void {
  const pattern = new RegExp(`^\\.${escapeRegExp(path.basename(target))}\\.hatrack-(\\d+)-[0-9a-f]+\\.tmp$`);
  const dir = path.dirname(target);
  let names: string[];
  try {
    names = fs.readdirSync(dir);
  } catch {
    return;
  }
  for (const name of names) {
    const match = pattern.exec(name);
    if (match === null) continue;
    const pid = Number(match[1]);
    const full = path.join(dir, name);
    if (pid === process.pid || (isPidAlive(pid) && !isOlderThan(full, STALE_TEMP_AGE_MS))) continue;
    tryUnlink(full);
  }
}

export function isOlderThan(p: string, ms: number): boolean {
  try {
    return Date.now() - fs.statSync(p).mtimeMs > ms;
  } catch {
    return false;
  }
}

export function tryUnlink(p: string): void {
  try {
    fs.unlinkSync(p);
  } catch {
    // Already gone, or not ours to remove: either way nothing more to do.
  }
}

function writeAll(fd: number, bytes: Uint8Array): void {
  let offset = 0;
  while (offset < bytes.length) offset += fs.writeSync(fd, bytes, offset, bytes.length - offset);
}

/** A complete, fsynced sibling of `target` holding `bytes`, ready to be renamed over it. */
export function writeTempFile(target: string, bytes: Uint8Array, mode: number, owner: Owner | undefined): string {
  const temp = tempPathFor(target);
  const fd = fs.openSync(temp, fs.constants.O_WRONLY | fs.constants.O_CREAT | fs.constants.O_EXCL, 0o600);
  try {
    if (owner !== undefined) fs.fchownSync(fd, owner.uid, owner.gid);
    fs.fchmodSync(fd, mode);
    writeAll(fd, bytes);
    fs.fsyncSync(fd);
  } catch (e) {
    fs.closeSync(fd);
    tryUnlink(temp);
    throw e;
  }
  fs.closeSync(fd);
  return temp;
}

/** Makes a rename durable; some platforms cannot fsync a directory, which only weakens durability, not atomicity. */
export function fsyncDir(dir: string): void {
  let fd: number | undefined;
  try {
    fd = fs.openSync(dir, 'r');
    fs.fsyncSync(fd);
  } catch (e) {
    const code = errnoOf(e);
    if (code !== 'EINVAL' && code !== 'EISDIR' && code !== 'EPERM' && code !== 'EBADF' && code !== 'EACCES') throw e;
  } finally {
    if (fd !== undefined) fs.closeSync(fd);
  }
}

/** A file, or the folder a write must rename it in, without its owner's write permission. */
export interface WriteProtection {
  readonly what: 'file' | 'folder';
  readonly path: string;
  /** Permission bits (st_mode & 0o777). */
  readonly mode: number;
}

/**
 * Whether `target` (a write target, symlinks resolved) or its folder lacks the owner's write bit. Decided from the
 * mode, not access(2), so that it means the same for root, who may write anything. Windows folders are skipped:
 * there the read-only attribute of a folder does not stop files in it from being written.
 */
export function writeProtection(target: string): WriteProtection | undefined {
  const protectedMode = (p: string): number | undefined => {
    try {
      const mode = fs.statSync(p).mode & 0o777;
      return (mode & 0o200) === 0 ? mode : undefined;
    } catch {
      return undefined; // Missing: created as needed, and a real failure is reported when the write happens.
    }
  };
  const fileMode = protectedMode(target);
  if (fileMode !== undefined) return { what: 'file', path: target, mode: fileMode };
  if (process.platform === 'win32') return undefined;
  const dir = path.dirname(target);
  const dirMode = protectedMode(dir);
  return dirMode === undefined ? undefined : { what: 'folder', path: dir, mode: dirMode };
}
