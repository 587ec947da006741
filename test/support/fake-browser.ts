// A stand-in browser for console launches: a shell script that appends its argv to a file, put first on the core's
// PATH so browser detection finds it. Firefox's `-CreateProfile "name dir"` makes the dir, as Firefox does.
import { existsSync, readFileSync } from 'node:fs';
import { chmod, writeFile } from 'node:fs/promises';
import path from 'node:path';

/** Writes `<bin>/<name>`; answers the file its runs are recorded in (one argument a line, `---` after each run). */
export async function fakeBrowser(bin: string, name: string): Promise<string> {
  const record = path.join(bin, `${name}.argv`);
  const script = [
    '#!/bin/sh',
    `{ for a in "$@"; do printf '%s\\n' "$a"; done; echo ---; } >> '${record}'`,
    // The dir is everything after the first space, as Firefox reads it (PATH may hold only the fakes: /bin/mkdir).
    'if [ "$1" = "-CreateProfile" ]; then /bin/mkdir -p "${2#* }"; fi',
    '',
  ].join('\n');
  await writeFile(path.join(bin, name), script);
  await chmod(path.join(bin, name), 0o755);
  return record;
}

/** Each recorded run's argv, oldest first. */
export function browserRuns(record: string): string[][] {
  if (!existsSync(record)) return [];
  return readFileSync(record, 'utf8')
    .split('---\n')
    .filter((r) => r !== '')
    .map((r) => r.split('\n').filter((l) => l !== ''));
}
