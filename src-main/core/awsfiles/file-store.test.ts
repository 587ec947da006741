// Unit tests for the AWS file store against real temp folders: no-op saves, modes, symlinks, backups, lost-update
// protection, the write lock and watching; plain Node.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';

import { isHatrackError } from '../../../shared/domain/errors.js';
import type { Environment } from '../environment.js';
import { BACKUPS_KEPT } from './file-backups.js';
import { createFileStore } from './file-store.js';
import type { FileStore, FileStoreOptions } from './file-store.js';
import type { AwsFilePaths, FileChangeEvent } from './file-store.types.js';
import type { IniDocument } from './ini-document.js';
import { docLines, documentFromLines, spliceLines } from './ini-document.js';

let root: string;
let home: string;
let dataDir: string;
let paths: AwsFilePaths;

const env: Environment = { vars: {}, platform: process.platform, osHome: '/nonexistent', now: () => new Date() };

beforeEach(() => {
  root = fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), 'hatrack-fs-')));
  home = path.join(root, 'home');
  fs.mkdirSync(home);
  dataDir = path.join(root, 'data');
  paths = { config: path.join(home, '.aws', 'config'), credentials: path.join(home, '.aws', 'credentials') };
});

afterEach(() => {
  fs.rmSync(root, { recursive: true, force: true });
});

function storeWith(overrides: Partial<FileStoreOptions> = {}): FileStore {
  return createFileStore({ paths, dataDir, env, ...overrides });
}

function seed(file: string, text: string, mode = 0o600): void {
  fs.mkdirSync(path.dirname(file), { recursive: true });
  fs.writeFileSync(file, text);
  fs.chmodSync(file, mode);
}

function appendLine(doc: IniDocument, text: string): IniDocument {
  return spliceLines(doc, doc.lineCount, doc.lineCount, [text]);
}

function modeOf(p: string): number {
  return fs.statSync(p).mode & 0o777;
}

function tempFilesIn(dir: string): string[] {
  return fs.readdirSync(dir).filter((name) => name.includes('.hatrack-'));
}

function errorOf(fn: () => unknown): unknown {
  try {
    fn();
  } catch (e) {
    return e;
  }
  throw new Error('expected a throw');
}

const CONFIG = '# my config\r\n[default]\r\nregion = eu-west-1\r\n\r\n[profile dev]\r\n  s3 =\r\n    region = x\r\n';
const CREDS = '[default]\naws_access_key_id = AKIAEXAMPLE\naws_secret_access_key = secret\n';

describe('read', () => {
  it('reads missing files as absent and empty', () => {
    const snap = storeWith().read();
    expect(snap.config).toMatchObject({ kind: 'config', path: paths.config, exists: false, mode: undefined });
    expect(snap.config.bytes.length).toBe(0);
    expect(snap.config.doc.lineCount).toBe(0);
    expect(snap.credentials.hash).toBe('e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855');
  });

  it('reads bytes, mode and document', () => {
    seed(paths.config!, CONFIG, 0o644);
    const snap = storeWith().read();
    expect(Buffer.from(snap.config.bytes).toString()).toBe(CONFIG);
    expect(snap.config.exists).toBe(true);
    expect(snap.config.mode).toBe(0o644);
    expect(docLines(snap.config.doc)[0]).toEqual({ text: '# my config', eol: '\r\n' });
  });

  it('reads a path that is a folder as absent, like botocore, and refuses to write over it', () => {
    fs.mkdirSync(paths.config!, { recursive: true });
    const store = storeWith();
    expect(store.read().config.exists).toBe(false);
    const err = errorOf(() => store.update((s) => ({ config: appendLine(s.config.doc, '[x]'), result: 0 })));
    expect(isHatrackError(err) && err.code).toBe('FILE_WRITE_FAILED');
    expect(isHatrackError(err) && err.location?.path).toBe(paths.config);
  });
});

describe('update: no-op', () => {
  it('writes nothing when the edit changes no bytes: same inode, same mtime, no backup, no temp file', () => {
    seed(paths.config!, CONFIG, 0o644);
    seed(paths.credentials!, CREDS);
    const before = fs.statSync(paths.config!, { bigint: true });
    const beforeCreds = fs.statSync(paths.credentials!, { bigint: true });
    const store = storeWith();
    const result = store.update((s) => ({
      // Same document object, and an equal document rebuilt from scratch: neither is a change.
      config: s.config.doc,
      credentials: documentFromLines(s.credentials.doc.encoding, docLines(s.credentials.doc)),
      result: 'ok',
    }));
    expect(result).toMatchObject({ result: 'ok', written: [], retries: 0 });
    const after = fs.statSync(paths.config!, { bigint: true });
    expect([after.ino, after.mtimeNs]).toEqual([before.ino, before.mtimeNs]);
    const afterCreds = fs.statSync(paths.credentials!, { bigint: true });
    expect([afterCreds.ino, afterCreds.mtimeNs]).toEqual([beforeCreds.ino, beforeCreds.mtimeNs]);
    expect(fs.readFileSync(paths.config!, 'utf8')).toBe(CONFIG);
    expect(fs.existsSync(dataDir)).toBe(false);
    expect(tempFilesIn(path.dirname(paths.config!))).toEqual([]);
  });

  it('creates nothing for absent files left empty', () => {
    storeWith().update(() => ({ result: 0 }));
    expect(fs.existsSync(path.join(home, '.aws'))).toBe(false);
  });
});

describe('update: writing', () => {
  it('writes exactly the serialized bytes and reports the post-write snapshot', () => {
    seed(paths.config!, CONFIG, 0o644);
    const store = storeWith();
    const res = store.update((s) => ({ config: appendLine(s.config.doc, '[profile new]'), result: 7 }));
    const expected = CONFIG + '[profile new]\r\n';
    expect(fs.readFileSync(paths.config!, 'utf8')).toBe(expected);
    expect(res.result).toBe(7);
    expect(res.written).toHaveLength(1);
    expect(res.written[0]).toMatchObject({ kind: 'config', path: paths.config });
    expect(Buffer.from(res.snapshot.config.bytes).toString()).toBe(expected);
    expect(res.snapshot.config.hash).toBe(store.read().config.hash);
    expect(tempFilesIn(path.dirname(paths.config!))).toEqual([]);
  });

  it('keeps an existing 0644 config at 0644 but forces credentials to 0600', () => {
    seed(paths.config!, CONFIG, 0o644);
    seed(paths.credentials!, CREDS, 0o644);
    storeWith().update((s) => ({
      config: appendLine(s.config.doc, 'output = json'),
      credentials: appendLine(s.credentials.doc, 'aws_session_token = t'),
      result: 0,
    }));
    expect(modeOf(paths.config!)).toBe(0o644);
    expect(modeOf(paths.credentials!)).toBe(0o600);
  });

  it('creates a missing ~/.aws as 0700 and new files as 0600', () => {
    storeWith().update((s) => ({
      config: appendLine(s.config.doc, '[default]'),
      credentials: appendLine(s.credentials.doc, '[default]'),
      result: 0,
    }));
    expect(modeOf(path.join(home, '.aws'))).toBe(0o700);
    expect(modeOf(paths.config!)).toBe(0o600);
    expect(modeOf(paths.credentials!)).toBe(0o600);
    expect(fs.readFileSync(paths.credentials!, 'utf8')).toBe('[default]\n');
  });

  it('writes through a symlink to its target and keeps the link', () => {
    const realDir = path.join(root, 'dotfiles');
    seed(path.join(realDir, 'aws-config'), CONFIG, 0o640);
    fs.mkdirSync(path.dirname(paths.config!), { recursive: true });
    fs.symlinkSync('../../dotfiles/aws-config', paths.config!);
    storeWith().update((s) => ({ config: appendLine(s.config.doc, '[x]'), result: 0 }));
    expect(fs.lstatSync(paths.config!).isSymbolicLink()).toBe(true);
    expect(fs.readlinkSync(paths.config!)).toBe('../../dotfiles/aws-config');
    expect(fs.readFileSync(path.join(realDir, 'aws-config'), 'utf8')).toBe(CONFIG + '[x]\r\n');
    expect(modeOf(path.join(realDir, 'aws-config'))).toBe(0o640);
    expect(tempFilesIn(realDir)).toEqual([]);
  });

  it('creates the target of a dangling symlink chain, folder included, and keeps both links', () => {
    fs.mkdirSync(path.dirname(paths.credentials!), { recursive: true });
    const hop = path.join(root, 'hop');
    const finalTarget = path.join(root, 'vault', 'nested', 'creds');
    fs.symlinkSync(hop, paths.credentials!);
    fs.symlinkSync(finalTarget, hop);
    storeWith().update((s) => ({ credentials: appendLine(s.credentials.doc, '[default]'), result: 0 }));
    expect(fs.lstatSync(paths.credentials!).isSymbolicLink()).toBe(true);
    expect(fs.lstatSync(hop).isSymbolicLink()).toBe(true);
    expect(fs.readFileSync(finalTarget, 'utf8')).toBe('[default]\n');
    expect(modeOf(finalTarget)).toBe(0o600);
    expect(modeOf(path.join(root, 'vault'))).toBe(0o700);
  });

  it('keeps the original owner when running as root', { skip: process.getuid?.() !== 0 }, () => {
    seed(paths.config!, CONFIG, 0o644);
    fs.chownSync(paths.config!, 4321, 4322);
    storeWith().update((s) => ({ config: appendLine(s.config.doc, '[x]'), result: 0 }));
    const st = fs.statSync(paths.config!);
    expect([st.uid, st.gid]).toEqual([4321, 4322]);
  });

  it('refuses to write a file whose variable is set but empty, with FILE_DISABLED', () => {
    seed(paths.credentials!, CREDS);
    const store = storeWith({ paths: { config: null, credentials: paths.credentials } });
    expect(store.read().config.exists).toBe(false);
    // Leaving the disabled file alone is fine.
    store.update((s) => ({ credentials: appendLine(s.credentials.doc, 'x = 1'), result: 0 }));
    const err = errorOf(() => store.update((s) => ({ config: appendLine(s.config.doc, '[default]'), result: 0 })));
    expect(isHatrackError(err) && err.code).toBe('FILE_DISABLED');
    expect((err as Error).message).toMatch(/AWS_CONFIG_FILE is set but empty/);
  });
});

describe('update: read-only files and folders', () => {
  const edit = (store: FileStore) => () =>
    store.update((s) => ({ config: appendLine(s.config.doc, '[x]'), credentials: appendLine(s.credentials.doc, 'x = 1'), result: 0 }));

  it.each([
    ['credentials', 0o400],
    ['config', 0o444],
  ] as const)('refuses a read-only %s file (%o) with FILE_READ_ONLY naming it, and writes nothing, no backup', (kind, mode) => {
    seed(paths.config!, CONFIG, kind === 'config' ? mode : 0o644);
    seed(paths.credentials!, CREDS, kind === 'credentials' ? mode : 0o600);
    const err = errorOf(edit(storeWith()));
    expect(isHatrackError(err) && err.code).toBe('FILE_READ_ONLY');
    expect(isHatrackError(err) && err.location?.path).toBe(paths[kind]);
    expect(isHatrackError(err) && err.describe()).toBe(
      `${paths[kind]!}: The file is read-only (0${mode.toString(8)}), so Hatrack left it unchanged; to allow changes: chmod u+w ${paths[kind]!}`,
    );
    // Neither file changed (the writable one neither), no backup, no lock, no temp file.
    expect(fs.readFileSync(paths.config!, 'utf8')).toBe(CONFIG);
    expect(fs.readFileSync(paths.credentials!, 'utf8')).toBe(CREDS);
    expect(modeOf(paths[kind]!)).toBe(mode);
    expect(fs.existsSync(dataDir)).toBe(false);
    expect(tempFilesIn(path.join(home, '.aws'))).toEqual([]);
  });

  it('follows a symlink to a read-only target, and leaves a read-only file alone when the edit changes nothing in it', () => {
    const target = path.join(root, 'elsewhere', 'credentials');
    seed(target, CREDS, 0o400);
    fs.mkdirSync(path.join(home, '.aws'));
    fs.symlinkSync(target, paths.credentials!);
    const store = storeWith();
    const err = errorOf(edit(store));
    expect(isHatrackError(err) && err.code).toBe('FILE_READ_ONLY');
    expect(isHatrackError(err) && err.location?.path).toBe(paths.credentials);
    store.update((s) => ({ config: appendLine(s.config.doc, '[x]'), result: 0 }));
    expect(fs.readFileSync(paths.config!, 'utf8')).toBe('[x]\n');
    expect(fs.readFileSync(target, 'utf8')).toBe(CREDS);
  });

  it('refuses when the folder the file is replaced in is read-only, naming the folder', () => {
    seed(paths.credentials!, CREDS);
    const awsDir = path.dirname(paths.credentials!);
    fs.chmodSync(awsDir, 0o555);
    try {
      const err = errorOf(() => storeWith().update((s) => ({ credentials: appendLine(s.credentials.doc, 'x = 1'), result: 0 })));
      expect(isHatrackError(err) && err.code).toBe('FILE_READ_ONLY');
      expect(isHatrackError(err) && err.location?.path).toBe(awsDir);
      expect((err as Error).message).toContain('folder holding credentials is read-only (0555)');
      expect(fs.readFileSync(paths.credentials!, 'utf8')).toBe(CREDS);
      expect(fs.readdirSync(awsDir)).toEqual(['credentials']);
      expect(fs.existsSync(dataDir)).toBe(false);
    } finally {
      fs.chmodSync(awsDir, 0o700);
    }
  });
});

describe('read: special files', () => {
  afterEach(() => {
    vi.restoreAllMocks();
  });

  it('says what a FIFO at the path is, without opening it (a read would block)', () => {
    fs.mkdirSync(path.join(home, '.aws'));
    const made = spawnSync('mkfifo', [paths.credentials!]);
    expect(made.status).toBe(0);
    const opened: unknown[] = [];
    const realOpen = fs.openSync;
    vi.spyOn(fs, 'openSync').mockImplementation((...args: Parameters<typeof fs.openSync>) => {
      opened.push(args[0]);
      return realOpen(...args);
    });
    const store = storeWith();
    const snap = store.read();
    expect(snap.credentials).toMatchObject({ exists: false, special: 'FIFO (named pipe)' });
    expect(snap.config.special).toBeUndefined();
    expect(opened).not.toContain(paths.credentials);
    const err = errorOf(() => store.update((s) => ({ credentials: appendLine(s.credentials.doc, '[a]'), result: 0 })));
    expect(isHatrackError(err) && err.code).toBe('FILE_WRITE_FAILED');
    expect(opened).not.toContain(paths.credentials);
  });

  it('says what a symlink to a device is', () => {
    fs.mkdirSync(path.join(home, '.aws'));
    fs.symlinkSync('/dev/zero', paths.credentials!);
    expect(storeWith().read().credentials).toMatchObject({ exists: false, special: 'character device' });
  });
});

describe('update: backups', () => {
  it('saves the previous bytes as a 0600 backup in a 0700 folder keyed by file', () => {
    seed(paths.credentials!, CREDS, 0o644);
    const res = storeWith().update((s) => ({ credentials: appendLine(s.credentials.doc, 'x = 1'), result: 0 }));
    const backup = res.written[0]!.backupPath!;
    expect(backup.startsWith(path.join(dataDir, 'backups') + path.sep)).toBe(true);
    expect(path.basename(path.dirname(backup))).toMatch(/^credentials-[0-9a-f]{8}$/);
    expect(path.basename(backup)).toMatch(/^\d{4}-\d\d-\d\dT\d\d-\d\d-\d\d\.\d{3}Z-\d{4}\.bak$/);
    expect(fs.readFileSync(backup, 'utf8')).toBe(CREDS);
    expect(modeOf(backup)).toBe(0o600);
    expect(modeOf(path.dirname(backup))).toBe(0o700);
    expect(modeOf(path.join(dataDir, 'backups'))).toBe(0o700);
  });

  it('takes no backup when creating a new file', () => {
    const res = storeWith().update((s) => ({ credentials: appendLine(s.credentials.doc, '[a]'), result: 0 }));
    expect(res.written[0]!.backupPath).toBeUndefined();
  });

  it(`keeps only the newest ${BACKUPS_KEPT} backups, in write order even with a frozen clock`, () => {
    seed(paths.credentials!, 'v0\n');
    const frozen = new Date('2030-01-02T03:04:05.678Z');
    const store = storeWith({ env: { ...env, now: () => frozen } });
    let last: string | undefined;
    for (let i = 1; i <= BACKUPS_KEPT + 5; i++) {
      last = store.update(() => ({ credentials: documentFromLines('utf8', [{ text: `v${i}`, eol: '\n' }]), result: 0 }))
        .written[0]!.backupPath;
    }
    const dir = path.dirname(last!);
    const names = fs.readdirSync(dir).sort();
    expect(names).toHaveLength(BACKUPS_KEPT);
    expect(fs.readFileSync(last!, 'utf8')).toBe(`v${BACKUPS_KEPT + 4}\n`);
    // The oldest five (v0..v4) were pruned; v5 is the oldest kept.
    const contents = names.map((n) => fs.readFileSync(path.join(dir, n), 'utf8'));
    expect(contents).toContain('v5\n');
    expect(contents).not.toContain('v4\n');
  });
});

describe('update: backup cap at every kill point', () => {
  afterEach(() => {
    vi.restoreAllMocks();
  });

  it(`never has more than ${BACKUPS_KEPT} backups on disk, even between adding one and pruning`, () => {
    seed(paths.credentials!, 'v0\n');
    const store = storeWith();
    const write = (i: number): string =>
      store.update(() => ({ credentials: documentFromLines('utf8', [{ text: `v${i}`, eol: '\n' }]), result: 0 })).written[0]!
        .backupPath!;
    let last = '';
    for (let i = 1; i <= BACKUPS_KEPT; i++) last = write(i);
    const dir = path.dirname(last);
    const count = (): number => fs.readdirSync(dir).filter((n) => n.endsWith('.bak')).length;
    expect(count()).toBe(BACKUPS_KEPT);
    // A SIGKILL can land after any single file-system change; what is on disk right after each one is what it leaves.
    const seen: number[] = [];
    for (const name of ['linkSync', 'renameSync', 'unlinkSync'] as const) {
      const real = fs[name] as (...args: unknown[]) => unknown;
      vi.spyOn(fs, name).mockImplementation((...args: unknown[]) => {
        const out = real(...args);
        seen.push(count());
        return out as never;
      });
    }
    for (let i = BACKUPS_KEPT + 1; i <= BACKUPS_KEPT + 3; i++) write(i);
    expect(seen.length).toBeGreaterThan(0);
    expect(Math.max(...seen)).toBeLessThanOrEqual(BACKUPS_KEPT);
    expect(count()).toBe(BACKUPS_KEPT);
  });
});

describe('update: concurrency', () => {
  it('re-applies the edit when the file changes on disk between read and write', () => {
    seed(paths.credentials!, CREDS);
    let runs = 0;
    const res = storeWith().update((s) => {
      runs++;
      // Someone else (an in-place writer, like the AWS CLI) edits the file while our edit runs, the first time only.
      if (runs === 1) fs.appendFileSync(paths.credentials!, 'outside = 1\n');
      return { credentials: appendLine(s.credentials.doc, 'hatrack = 1'), result: runs };
    });
    expect(fs.readFileSync(paths.credentials!, 'utf8')).toBe(CREDS + 'outside = 1\nhatrack = 1\n');
    expect(res).toMatchObject({ retries: 1, result: 2 });
  });

  it('notices a file created meanwhile where there was none, and keeps it', () => {
    let runs = 0;
    storeWith().update((s) => {
      runs++;
      if (runs === 1) seed(paths.config!, '[profile made-outside]\n');
      return { config: appendLine(s.config.doc, '[profile ours]'), result: 0 };
    });
    expect(fs.readFileSync(paths.config!, 'utf8')).toBe('[profile made-outside]\n[profile ours]\n');
  });

  it('never replaces a file created just before a new file is put in place', () => {
    const store = storeWith({
      beforeReplace: (target) => {
        if (!fs.existsSync(target)) fs.writeFileSync(target, '[profile raced]\n');
      },
    });
    const res = store.update((s) => ({ config: appendLine(s.config.doc, '[profile ours]'), result: 0 }));
    expect(fs.readFileSync(paths.config!, 'utf8')).toBe('[profile raced]\n[profile ours]\n');
    expect(res.retries).toBe(1);
  });

  it('re-applies the edit to an in-place write that slipped in just before the rename', () => {
    seed(paths.credentials!, CREDS);
    let slipped = false;
    const store = storeWith({
      beforeReplace: (target) => {
        if (slipped) return;
        slipped = true;
        // Like Python's open(path, 'w'): same inode, truncated and rewritten.
        fs.writeFileSync(target, CREDS + 'outside = late\n');
      },
    });
    const res = store.update((s) => ({ credentials: appendLine(s.credentials.doc, 'hatrack = 1'), result: 0 }));
    expect(fs.readFileSync(paths.credentials!, 'utf8')).toBe(CREDS + 'outside = late\nhatrack = 1\n');
    expect(res.retries).toBe(1);
    expect(res.written).toHaveLength(1);
    // The last backup holds what the re-applied edit replaced: the outside writer's version.
    expect(fs.readFileSync(res.written[0]!.backupPath!, 'utf8')).toBe(CREDS + 'outside = late\n');
  });

  it('gives up with FILE_CHANGED_ON_DISK when the file never holds still, leaving the outside change', () => {
    seed(paths.credentials!, CREDS);
    let n = 0;
    const err = errorOf(() =>
      storeWith().update((s) => {
        fs.appendFileSync(paths.credentials!, `outside = ${n++}\n`);
        return { credentials: appendLine(s.credentials.doc, 'hatrack = 1'), result: 0 };
      }),
    );
    expect(isHatrackError(err) && err.code).toBe('FILE_CHANGED_ON_DISK');
    expect(isHatrackError(err) && err.location?.path).toBe(paths.credentials);
    expect(n).toBe(11);
    expect(fs.readFileSync(paths.credentials!, 'utf8')).not.toContain('hatrack');
  });

  it('restores the first file when the second write fails, then throws', () => {
    seed(paths.config!, CONFIG, 0o644);
    // The credentials path runs through a regular file, so its folder cannot be created.
    fs.writeFileSync(path.join(root, 'blocker'), '');
    const credentials = path.join(root, 'blocker', 'credentials');
    const store = storeWith({ paths: { config: paths.config, credentials } });
    const err = errorOf(() =>
      store.update((s) => ({
        config: appendLine(s.config.doc, '[profile both]'),
        credentials: appendLine(s.credentials.doc, '[both]'),
        result: 0,
      })),
    );
    expect(isHatrackError(err) && err.code).toBe('FILE_WRITE_FAILED');
    expect(isHatrackError(err) && err.location?.path).toBe(credentials);
    expect(fs.readFileSync(paths.config!, 'utf8')).toBe(CONFIG);
    expect(modeOf(paths.config!)).toBe(0o644);
  });

  it('breaks a lock left by a dead process instead of waiting for it', () => {
    const dead = spawnSync(process.execPath, ['-e', '0']).pid!;
    fs.mkdirSync(path.join(dataDir, 'locks'), { recursive: true });
    const lock = path.join(dataDir, 'locks', 'aws-files.lock');
    fs.writeFileSync(lock, `${dead} deadbeef\n`);
    // Dated an hour ahead, the lock never looks stale by age: only seeing its holder dead lets the update through
    // (otherwise it waits out the lock and fails), so no clock reading is needed here.
    const future = new Date(Date.now() + 3_600_000);
    fs.utimesSync(lock, future, future);
    storeWith().update((s) => ({ credentials: appendLine(s.credentials.doc, '[a]'), result: 0 }));
    expect(fs.readdirSync(path.join(dataDir, 'locks'))).toEqual([]);
  });

  it('removes temp files a dead Hatrack left beside the target, but not a live one', () => {
    seed(paths.credentials!, CREDS);
    const dead = spawnSync(process.execPath, ['-e', '0']).pid!;
    const dir = path.dirname(paths.credentials!);
    const stale = path.join(dir, `.credentials.hatrack-${dead}-0123456789ab.tmp`);
    const live = path.join(dir, `.credentials.hatrack-${process.ppid}-0123456789ab.tmp`);
    const unrelated = path.join(dir, `.config.hatrack-${dead}-0123456789ab.tmp`);
    for (const f of [stale, live, unrelated]) fs.writeFileSync(f, 'partial');
    storeWith().update((s) => ({ credentials: appendLine(s.credentials.doc, 'x = 1'), result: 0 }));
    expect(fs.existsSync(stale)).toBe(false);
    expect(fs.existsSync(live)).toBe(true);
    expect(fs.existsSync(unrelated)).toBe(true);
  });
});

describe('watch', () => {
  function collect(store: FileStore): { events: FileChangeEvent[]; stop: () => void } {
    const events: FileChangeEvent[] = [];
    const stop = store.watch((e) => events.push(e));
    return { events, stop };
  }

  async function until(check: () => boolean, ms = 10 * 60_000): Promise<void> {
    const deadline = Date.now() + ms;
    while (!check()) {
      if (Date.now() > deadline) throw new Error('timed out waiting');
      await new Promise((r) => setTimeout(r, 20));
    }
  }

  const settle = (): Promise<void> => new Promise((r) => setTimeout(r, 300));

  it("reports an outside write but not the store's own", async () => {
    seed(paths.config!, CONFIG);
    seed(paths.credentials!, CREDS);
    const store = storeWith();
    store.read();
    const { events, stop } = collect(store);
    try {
      store.update((s) => ({ credentials: appendLine(s.credentials.doc, 'ours = 1'), result: 0 }));
      await settle();
      expect(events).toEqual([]);
      fs.writeFileSync(paths.config!, CONFIG + '[profile theirs]\n');
      await until(() => events.length > 0);
      await settle();
      expect(events).toEqual([{ kind: 'config', path: paths.config }]);
    } finally {
      stop();
    }
  });

  it('stays silent after unsubscribing', async () => {
    seed(paths.config!, CONFIG);
    const store = storeWith();
    const { events, stop } = collect(store);
    stop();
    fs.writeFileSync(paths.config!, '[x]\n');
    await settle();
    expect(events).toEqual([]);
  });

  it('copes with a missing ~/.aws and reports the file once it appears', async () => {
    const store = storeWith();
    const { events, stop } = collect(store);
    try {
      await settle();
      seed(paths.credentials!, CREDS);
      await until(() => events.some((e) => e.kind === 'credentials'));
      expect(events.every((e) => e.kind === 'credentials')).toBe(true);
    } finally {
      stop();
    }
  });
});
