// The AWS files service: read both files as botocore does, apply an edit transactionally, preview its diff.

import { maskSecretLine } from '../../../shared/domain/secrets.js';
import type { AwsDocs } from './aws-docs.js';
import { modelOf } from './aws-docs.js';
import { serializeDocument } from './ini-document.js';
import type { DiffHunk } from './line-diff.js';
import { diffDocuments } from './line-diff.js';
import type { AwsFileKind, ProfileModel } from './profiles.js';
import type { Problem } from './problems.js';
import { findProblems } from './problems.js';
import type { AwsFilePaths, FileChangeEvent, FilesSnapshot } from './file-store.types.js';
import { createFileStore } from './file-store.js';
import type { Environment } from '../environment.js';
import { resolveAwsPaths, resolveDataDir } from './paths.js';

export interface AwsFilesView {
  readonly paths: AwsFilePaths;
  readonly snapshot: FilesSnapshot;
  readonly docs: AwsDocs;
  readonly model: ProfileModel;
  readonly problems: readonly Problem[];
}

export interface FileChange {
  readonly kind: AwsFileKind;
  readonly path: string | null;
  readonly diff: readonly DiffHunk[];
  readonly backupPath: string | undefined;
}

export interface EditReport<T> {
  readonly changed: boolean;
  readonly files: readonly FileChange[];
  readonly result: T;
}

export type DocsEdit<T> = (docs: AwsDocs, view: AwsFilesView) => { readonly docs: AwsDocs; readonly result: T };

export interface AwsFilesService {
  readonly paths: AwsFilePaths;
  readonly dataDir: string;
  view(): AwsFilesView;
  /** Applies `edit` to the current files and writes what changed; with `dryRun` only reports the diff. */
  edit<T>(edit: DocsEdit<T>, options?: { readonly dryRun?: boolean }): EditReport<T>;
  watch(onChange: (event: FileChangeEvent) => void): () => void;
}

/** A FIFO, device or folder where a file belongs: botocore reads it as absent without a word, so say it here. */
function pathProblems(snapshot: FilesSnapshot): Problem[] {
  const out: Problem[] = [];
  for (const kind of ['config', 'credentials'] as const) {
    const special = snapshot[kind].special;
    if (special === undefined) continue;
    out.push({
      id: `NOT_A_REGULAR_FILE:${kind}:1`,
      code: 'NOT_A_REGULAR_FILE',
      severity: 'error',
      breaksCli: false,
      // The CLI reads it as absent rather than failing, but no profile in it can work.
      effect: 'profile-broken',
      causeId: undefined,
      file: kind,
      line: 1,
      profile: undefined,
      key: undefined,
      message: `The ${kind} path is a ${special}, not a regular file: the AWS CLI reads it as absent, so no profile in it is used, and Hatrack will not read or replace it.`,
      fix: undefined,
    });
  }
  return out;
}

function viewOf(paths: AwsFilePaths, snapshot: FilesSnapshot): AwsFilesView {
  const docs: AwsDocs = { config: snapshot.config.doc, credentials: snapshot.credentials.doc };
  const model = modelOf(docs);
  // Problems are computed on first use: an edit that does not look at them does not pay for them.
  return {
    paths,
    snapshot,
    docs,
    model,
    get problems() {
      return [...pathProblems(snapshot), ...findProblems(model)];
    },
  };
}

function changesBetween(before: AwsDocs, after: AwsDocs, paths: AwsFilePaths): FileChange[] {
  const out: FileChange[] = [];
  for (const kind of ['config', 'credentials'] as const) {
    if (before[kind] === after[kind]) continue;
    // Secret values never leave core in a diff, not even as context lines.
    const diff = diffDocuments(before[kind], after[kind]).map((h) => ({ ...h, lines: h.lines.map((l) => ({ ...l, text: maskSecretLine(l.text) })) }));
    if (diff.length > 0) out.push({ kind, path: paths[kind], diff, backupPath: undefined });
  }
  return out;
}

function sameBytes(a: Uint8Array, b: Uint8Array): boolean {
  return a.length === b.length && Buffer.from(a.buffer, a.byteOffset, a.byteLength).equals(b);
}

export function createAwsFiles(env: Environment, options: { readonly dataDir?: string } = {}): AwsFilesService {
  const paths = resolveAwsPaths(env);
  const dataDir = options.dataDir ?? resolveDataDir(env);
  const store = createFileStore({ paths, dataDir, env });
  return {
    paths,
    dataDir,
    view: () => viewOf(paths, store.read()),
    edit<T>(edit: DocsEdit<T>, opts: { readonly dryRun?: boolean } = {}): EditReport<T> {
      if (opts.dryRun === true) {
        const view = viewOf(paths, store.read());
        const { docs, result } = edit(view.docs, view);
        const files = changesBetween(view.docs, docs, paths);
        return { changed: files.length > 0, files, result };
      }
      let files: FileChange[] = [];
      const outcome = store.update((snapshot) => {
        const view = viewOf(paths, snapshot);
        const { docs, result } = edit(view.docs, view);
        files = changesBetween(view.docs, docs, paths);
        // Hand back only documents whose bytes differ, so a no-op never touches the disk.
        const config = docs.config === view.docs.config || sameBytes(serializeDocument(docs.config), snapshot.config.bytes) ? undefined : docs.config;
        const credentials = docs.credentials === view.docs.credentials || sameBytes(serializeDocument(docs.credentials), snapshot.credentials.bytes) ? undefined : docs.credentials;
        return { config, credentials, result };
      });
      const backups = new Map(outcome.written.map((w) => [w.kind, w.backupPath] as const));
      files = files.map((f) => ({ ...f, backupPath: backups.get(f.kind) }));
      return { changed: outcome.written.length > 0, files, result: outcome.result };
    },
    watch: (onChange) => store.watch(onChange),
  };
}
