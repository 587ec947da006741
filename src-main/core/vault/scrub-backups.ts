// Removes a vaulted secret from the file store's backups, so `vault add` leaves it in no plain file; plain Node.

import { closeSync, fsyncSync, openSync, readdirSync, readFileSync, renameSync, statSync, writeSync } from 'node:fs';
import path from 'node:path';

/** What replaces the secret in a backup: the rest of the old file stays restorable. */
export const SCRUBBED = 'REDACTED-moved-to-the-system-keychain-by-hatrack-vault';

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

/**
 * Every backup of the credentials file taken while the key was in it holds the secret in plain text. Rewrites each
 * such file (temp + rename, same mode) with the secret replaced; returns how many were rewritten.
 */
export function scrubSecretFromBackups(dataDir: string, secret: string): number {
  if (secret.length < 8) return 0; // never rewrite files for a value so short it could match by chance
  let count = 0;
  for (const file of filesUnder(path.join(dataDir, 'backups'))) {
    let bytes: Buffer;
    try {
      bytes = readFileSync(file);
    } catch {
      continue;
    }
    const text = bytes.toString('latin1');
    if (!text.includes(secret)) continue;
    const mode = statSync(file).mode & 0o777;
    const tmp = `${file}.${process.pid}.scrub`;
    const fd = openSync(tmp, 'w', mode);
    try {
      writeSync(fd, Buffer.from(text.split(secret).join(SCRUBBED), 'latin1'));
      fsyncSync(fd);
    } finally {
      closeSync(fd);
    }
    renameSync(tmp, file);
    count++;
  }
  return count;
}
