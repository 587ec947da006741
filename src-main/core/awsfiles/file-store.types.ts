// Contract of the AWS file store (paths, snapshots, atomic transactional updates, watching); implemented in file-store.ts.

import type { IniDocument } from './ini-document.js';
import type { AwsFileKind } from './profiles.js';

export interface AwsFilePaths {
  /** null when the variable is set but empty: botocore then treats the file as absent (and we refuse to write it). */
  readonly config: string | null;
  readonly credentials: string | null;
}

export interface FileSnapshot {
  readonly kind: AwsFileKind;
  readonly path: string | null;
  readonly exists: boolean;
  readonly bytes: Uint8Array;
  readonly doc: IniDocument;
  /** sha256 hex of bytes ('' hashed when the file is absent). */
  readonly hash: string;
  /** File mode bits (e.g. 0o600) when it exists. */
  readonly mode: number | undefined;
  /**
   * What is at the path when it is not a regular file ('FIFO', 'character device', 'folder'…): botocore then reads
   * the file as absent, and Hatrack neither reads from it nor replaces it.
   */
  readonly special: string | undefined;
}

export interface FilesSnapshot {
  readonly config: FileSnapshot;
  readonly credentials: FileSnapshot;
}

/** What an edit returns: the new document for each file it changes (omit or return the same doc for no change). */
export interface EditOutcome<T> {
  readonly config?: IniDocument;
  readonly credentials?: IniDocument;
  readonly result: T;
}

export interface WrittenFile {
  readonly kind: AwsFileKind;
  readonly path: string;
  readonly backupPath: string | undefined;
}

export interface UpdateResult<T> {
  readonly result: T;
  readonly written: readonly WrittenFile[];
  /** How many times the edit was re-applied because a file changed on disk while it ran. */
  readonly retries: number;
  readonly snapshot: FilesSnapshot;
}

export interface FileChangeEvent {
  readonly kind: AwsFileKind;
  readonly path: string;
}
