// Human-readable output for the CLI: aligned tables, problem lines, diffs.

import type { FileChange } from '../core/awsfiles/aws-files.js';
import type { ProblemJson } from '../core/profile-views.js';
import type { Output } from './json-stream.js';

/**
 * Writes rows as an aligned table in ~64 KB pieces. `rows` is called twice (once to size the columns, once to write),
 * so a table of half a million rows never exists as one array or one string.
 */
export async function writeTable(out: Output, rows: () => Iterable<readonly string[]>): Promise<void> {
  const widths: number[] = [];
  for (const row of rows()) row.forEach((cell, i) => (widths[i] = Math.max(widths[i] ?? 0, cell.length)));
  let piece = '';
  for (const row of rows()) {
    piece += row.map((cell, i) => (i === row.length - 1 ? cell : cell.padEnd(widths[i]!))).join('  ').trimEnd() + '\n';
    if (piece.length >= 64 * 1024) {
      out.out(piece);
      piece = '';
      await out.drained?.();
    }
  }
  if (piece !== '' || widths.length === 0) out.out(piece === '' ? '\n' : piece);
}

export function problemLine(p: ProblemJson): string {
  const fix = p.fix === null ? '' : ` (fix: ${p.fix}; hatrack fix ${p.id})`;
  return `${p.path ?? p.file}:${p.line}: ${p.severity} ${p.code}: ${p.message}${fix}`;
}

export function diffText(files: readonly FileChange[]): string {
  let out = '';
  for (const f of files) {
    out += `--- ${f.path ?? f.kind}\n+++ ${f.path ?? f.kind}\n`;
    for (const h of f.diff) {
      const oldCount = h.lines.filter((l) => l.op !== 'add').length;
      const newCount = h.lines.filter((l) => l.op !== 'remove').length;
      out += `@@ -${h.oldStart},${oldCount} +${h.newStart},${newCount} @@\n`;
      for (const l of h.lines) out += `${l.op === 'add' ? '+' : l.op === 'remove' ? '-' : ' '}${l.text}\n`;
    }
  }
  return out;
}

/** One line per changed file, naming the first changed line, e.g. "config:12 updated". */
export function changeSummary(files: readonly FileChange[]): string {
  if (files.length === 0) return 'No change: the files already say that.\n';
  return files
    .map((f) => {
      const first = f.diff[0]?.lines.find((l) => l.op !== 'keep');
      const where = first === undefined ? '' : `:${first.line}`;
      const backup = f.backupPath === undefined ? '' : ` (backup: ${f.backupPath})`;
      return `Saved ${f.path ?? f.kind}${where}${backup}\n`;
    })
    .join('');
}
