// Exactly which lines an edit changes, for previews and for "changed exactly one line" checks; plain TS.

import type { DocLine, IniDocument } from './ini-document.js';

export interface DiffLine {
  readonly op: 'keep' | 'add' | 'remove';
  readonly text: string;
  /** 1-based line in the old document (remove/keep) or the new one (add). */
  readonly line: number;
}

export interface DiffHunk {
  readonly oldStart: number;
  readonly newStart: number;
  readonly lines: readonly DiffLine[];
}

const CONTEXT = 2;

/** Line diff that treats a changed line ending as a change (CRLF → LF would be a real change to the file). */
export function diffDocuments(before: IniDocument, after: IniDocument): DiffHunk[] {
  // Edits keep untouched DocLine objects, so the common prefix and suffix are found by identity, without copying.
  const x = before.lines;
  const y = after.lines;
  const same = (l: DocLine, r: DocLine) => l === r || (l.text === r.text && l.eol === r.eol);
  let prefix = 0;
  while (prefix < x.length && prefix < y.length && same(x[prefix]!, y[prefix]!)) prefix++;
  let suffix = 0;
  while (suffix < x.length - prefix && suffix < y.length - prefix && same(x[x.length - 1 - suffix]!, y[y.length - 1 - suffix]!)) suffix++;
  if (prefix === x.length && prefix === y.length) return [];
  const from = Math.max(0, prefix - CONTEXT);
  const a = x.slice(from, x.length - suffix + Math.min(suffix, CONTEXT)).map((l) => l.text + l.eol);
  const b = y.slice(from, y.length - suffix + Math.min(suffix, CONTEXT)).map((l) => l.text + l.eol);
  return shift(diffStrings(a, b, prefix - from, Math.min(suffix, CONTEXT)), from);
}

function shift(hunks: DiffHunk[], by: number): DiffHunk[] {
  if (by === 0) return hunks;
  return hunks.map((h) => ({ oldStart: h.oldStart + by, newStart: h.newStart + by, lines: h.lines.map((l) => ({ ...l, line: l.line + by })) }));
}

function diffStrings(a: readonly string[], b: readonly string[], prefix: number, suffix: number): DiffHunk[] {
  const ops = middleOps(a.slice(prefix, a.length - suffix), b.slice(prefix, b.length - suffix));
  const all: DiffLine[] = [];
  for (let i = 0; i < prefix; i++) all.push({ op: 'keep', text: strip(a[i]!), line: i + 1 });
  let ai = prefix;
  let bi = prefix;
  for (const op of ops) {
    if (op === 'keep') {
      all.push({ op, text: strip(a[ai]!), line: ai + 1 });
      ai++;
      bi++;
    } else if (op === 'remove') {
      all.push({ op, text: strip(a[ai]!), line: ai + 1 });
      ai++;
    } else {
      all.push({ op, text: strip(b[bi]!), line: bi + 1 });
      bi++;
    }
  }
  for (let i = a.length - suffix; i < a.length; i++) all.push({ op: 'keep', text: strip(a[i]!), line: i + 1 });
  return toHunks(all);
}

function strip(s: string): string {
  return s.replace(/\r?\n$|\r$/, '');
}

/** LCS over the changed middle; edits are local, so the middle is small. Falls back to remove-all/add-all if not. */
function middleOps(a: readonly string[], b: readonly string[]): ('keep' | 'add' | 'remove')[] {
  if (a.length * b.length > 4_000_000) return [...a.map(() => 'remove' as const), ...b.map(() => 'add' as const)];
  const n = a.length;
  const m = b.length;
  const lcs: Uint32Array[] = Array.from({ length: n + 1 }, () => new Uint32Array(m + 1));
  for (let i = n - 1; i >= 0; i--) {
    for (let j = m - 1; j >= 0; j--) {
      lcs[i]![j] = a[i] === b[j] ? lcs[i + 1]![j + 1]! + 1 : Math.max(lcs[i + 1]![j]!, lcs[i]![j + 1]!);
    }
  }
  const ops: ('keep' | 'add' | 'remove')[] = [];
  let i = 0;
  let j = 0;
  while (i < n && j < m) {
    if (a[i] === b[j]) {
      ops.push('keep');
      i++;
      j++;
    } else if (lcs[i + 1]![j]! >= lcs[i]![j + 1]!) {
      ops.push('remove');
      i++;
    } else {
      ops.push('add');
      j++;
    }
  }
  while (i++ < n) ops.push('remove');
  while (j++ < m) ops.push('add');
  return ops;
}

function toHunks(all: readonly DiffLine[]): DiffHunk[] {
  let oldLine = 1;
  let newLine = 1;
  const positions = all.map((l) => {
    const pos = { oldLine, newLine };
    if (l.op !== 'add') oldLine++;
    if (l.op !== 'remove') newLine++;
    return pos;
  });
  const ranges: [number, number][] = [];
  for (let i = 0; i < all.length; i++) {
    if (all[i]!.op === 'keep') continue;
    let j = i;
    while (j < all.length && all[j]!.op !== 'keep') j++;
    const start = Math.max(0, i - CONTEXT);
    const stop = Math.min(all.length, j + CONTEXT);
    const last = ranges[ranges.length - 1];
    if (last !== undefined && start <= last[1]) last[1] = stop;
    else ranges.push([start, stop]);
    i = j - 1;
  }
  return ranges.map(([s, e]) => ({ oldStart: positions[s]!.oldLine, newStart: positions[s]!.newLine, lines: all.slice(s, e) }));
}

export function changedLineCount(hunks: readonly DiffHunk[]): { added: number; removed: number } {
  let added = 0;
  let removed = 0;
  for (const h of hunks) for (const l of h.lines) if (l.op === 'add') added++;
  else if (l.op === 'remove') removed++;
  return { added, removed };
}
