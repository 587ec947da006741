// Removes a vaulted profile's secrets from the file store's backups, so `vault add` leaves none in a plain file; plain
// Node.

import { closeSync, fsyncSync, openSync, readdirSync, readFileSync, renameSync, statSync, writeSync } from 'node:fs';
import path from 'node:path';

import { backupKindOf, backupsRoot } from '../awsfiles/file-backups.js';
import { parseDocument } from '../awsfiles/ini-document.js';
import { readIni } from '../awsfiles/ini-reading.js';
import type { AwsFileKind } from '../awsfiles/profiles.js';
import { classifyConfigSection } from '../awsfiles/profiles.js';

/** What replaces the secret in a backup: the rest of the old file stays restorable. */
export const SCRUBBED = 'REDACTED-moved-to-the-system-keychain-by-hatrack-vault';

const SECRET_KEYS: ReadonlySet<string> = new Set(['aws_secret_access_key', 'aws_session_token', 'aws_security_token']);

/** Shorter values could match by chance, and rewriting a file for them would damage it. */
const MIN_SECRET_LENGTH = 8;

function filesUnder(dir: string): string[] {
  let names: string[];
  try {
    names = readdirSync(dir);
  } catch {
    return [];
  }
  const out: string[] = [];
  for (const name of names) {
    const full = path.join(dir, name);
    let st;
    try {
      st = statSync(full);
    } catch {
      continue;
    }
    if (st.isDirectory()) out.push(...filesUnder(full));
    else if (st.isFile()) out.push(full);
  }
  return out;
}

function readOrUndefined(file: string): Buffer | undefined {
  try {
    return readFileSync(file);
  } catch {
    return undefined;
  }
}

/** Every secret value in `profile`'s sections of one version of a file (duplicate sections and keys included). */
function profileSecretsIn(bytes: Uint8Array, kind: AwsFileKind, profile: string): string[] {
  const doc = parseDocument(bytes);
  const isProfile = (section: string): boolean => {
    if (kind === 'credentials') return section === profile;
    const c = classifyConfigSection(section);
    return c.type === 'profile' && c.name === profile;
  };
  const out: string[] = [];
  for (const occurrence of readIni(doc).occurrences) {
    if (!isProfile(occurrence.name)) continue;
    for (const entry of occurrence.entries) {
      // As the bytes appear in the file, which the scrub compares as latin1 text.
      if (SECRET_KEYS.has(entry.key)) out.push(Buffer.from(entry.value, doc.encoding).toString('latin1'));
    }
  }
  return out;
}

/** Rewrites `file` (temp + rename, same mode) with every secret in it replaced; false when it held none. */
function scrubFile(file: string, bytes: Buffer, secrets: readonly string[]): boolean {
  let text = bytes.toString('latin1');
  const found = secrets.filter((s) => text.includes(s));
  if (found.length === 0) return false;
  for (const secret of found) text = text.split(secret).join(SCRUBBED);
  const mode = statSync(file).mode & 0o777;
  const tmp = `${file}.${process.pid}.scrub`;
  const fd = openSync(tmp, 'w', mode);
  try {
    writeSync(fd, Buffer.from(text, 'latin1'));
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
  renameSync(tmp, file);
  return true;
}

/**
 * Every backup taken while one of the profile's secrets was in a file holds it in plain text, including secrets it
 * had before the current one (replaced by `set` or `rotate`). Gathers every secret value the profile's sections
 * hold in any backup, plus `current`, then rewrites each backup holding any of them; returns how many were
 * rewritten. Files in the backup folders that are not backups (a crashed writer's temp file) are scrubbed too.
 */
export function scrubProfileSecretsFromBackups(dataDir: string, profile: string, current: readonly string[]): number {
  const files = filesUnder(backupsRoot(dataDir));
  const secrets = new Set(current);
  for (const file of files) {
    const kind = backupKindOf(path.dirname(file));
    if (kind === undefined || !file.endsWith('.bak')) continue;
    const bytes = readOrUndefined(file);
    if (bytes !== undefined) for (const s of profileSecretsIn(bytes, kind, profile)) secrets.add(s);
  }
  // Longest first, so a secret that contains another is replaced whole.
  const wanted = [...secrets].filter((s) => s.length >= MIN_SECRET_LENGTH).sort((a, b) => b.length - a.length);
  if (wanted.length === 0) return 0;
  let count = 0;
  for (const file of files) {
    const bytes = readOrUndefined(file);
    if (bytes !== undefined && scrubFile(file, bytes, wanted)) count++;
  }
  return count;
}
