// Watching the AWS files: their folders are watched (files are replaced by rename) and changes debounced; plain Node
// (CLI and Electron main).
import fs from 'node:fs';
import path from 'node:path';

import { EMPTY_HASH, errnoOf, resolveWriteTarget, sha256Hex } from './fs-primitives.js';

const WATCH_DEBOUNCE_MS = 50;

export interface KindWatch {
  close(): void;
}

function nearestExistingDir(dir: string): string {
  for (let p = dir; ; p = path.dirname(p)) {
    try {
      if (fs.statSync(p).isDirectory()) return p;
    } catch {
      // Keep climbing until something exists; the root always does.
    }
    if (path.dirname(p) === p) return p;
  }
}

export function currentHash(filePath: string): string {
  try {
    return sha256Hex(fs.readFileSync(filePath));
  } catch (e) {
    return errnoOf(e) === 'ENOENT' || errnoOf(e) === 'ENOTDIR' ? EMPTY_HASH : `unreadable:${errnoOf(e) ?? ''}`;
  }
}

/**
 * Files are replaced by rename, which a watch on the file itself would miss, so the folders are watched: the one
 * holding the path and, for a symlink, the one holding its target. A folder that does not exist yet is waited for
 * by watching its nearest existing ancestor.
 */
export function watchKind(filePath: string, onSettled: () => void): KindWatch {
  let watchers: fs.FSWatcher[] = [];
  let watchedDirs = '';
  let timer: NodeJS.Timeout | undefined;
  let closed = false;

  const wantedDirs = (): string[] => {
    let target = filePath;
    try {
      target = resolveWriteTarget(filePath);
    } catch {
      // An unreadable link still lets us watch the folder holding it.
    }
    const dirs = new Set([path.dirname(path.resolve(filePath)), path.dirname(target)].map(nearestExistingDir));
    return [...dirs].sort();
  };

  const schedule = (): void => {
    if (closed) return;
    if (timer !== undefined) clearTimeout(timer);
    timer = setTimeout(() => {
      timer = undefined;
      if (closed) return;
      arm();
      onSettled();
    }, WATCH_DEBOUNCE_MS);
  };

  const arm = (): void => {
    const dirs = wantedDirs();
    const key = dirs.join('\0');
    if (key === watchedDirs) return;
    for (const w of watchers) w.close();
    watchers = [];
    watchedDirs = key;
    for (const dir of dirs) {
      try {
        const watcher = fs.watch(dir, () => schedule());
        // The folder itself went away: re-arm on whatever ancestor is left.
        watcher.on('error', () => {
          watchedDirs = '';
          schedule();
        });
        watchers.push(watcher);
      } catch {
        watchedDirs = '';
      }
    }
  };

  arm();
  return {
    close: () => {
      closed = true;
      if (timer !== undefined) clearTimeout(timer);
      for (const w of watchers) w.close();
      watchers = [];
    },
  };
}
