// Exactly which lines an edit changes, for previews and for "changed exactly one line" checks; plain TS.

import type { IniDocument } from './ini-document.js';
import { docLines, lineAt, lineEol, lineText } from './ini-document.js';

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
  if (before.text === after.text) return [];
  const x = before;
  const y = after;
  const same = (i: number, j: number) => lineText(x, i) === lineText(y, j) && lineEol(x, i) === lineEol(y, j);
  // Edits touch a few lines of a long file: skip the equal head and tail by comparing text, then settle line by line
  // (one line back from the first differing character, which may have changed only that line's ending).
  const head = commonPrefixLength(x.text, y.text);
  let prefix = Math.max(0, lineAt(x, head) - 1);
  while (prefix < x.lineCount && prefix < y.lineCount && same(prefix, prefix)) prefix++;
  const tail = commonSuffixLength(x.text, y.text, x.text.length - x.starts[prefix]!, y.text.length - y.starts[prefix]!);
  let suffix = Math.max(0, x.lineCount - 1 - lineAt(x, x.text.length - tail) - 1);
  suffix = Math.min(suffix, x.lineCount - prefix, y.lineCount - prefix);
  while (suffix < x.lineCount - prefix && suffix < y.lineCount - prefix && same(x.lineCount - 1 - suffix, y.lineCount - 1 - suffix)) suffix++;
  if (prefix === x.lineCount && prefix === y.lineCount) return [];
  const from = Math.max(0, prefix - CONTEXT);
  const a = docLines(x, from, x.lineCount - suffix + Math.min(suffix, CONTEXT)).map((l) => l.text + l.eol);
  const b = docLines(y, from, y.lineCount - suffix + Math.min(suffix, CONTEXT)).map((l) => l.text + l.eol);
  return shift(diffStrings(a, b, prefix - from, Math.min(suffix, CONTEXT)), from);
}

/** Length of the longest common prefix, by halving: each probe is one native string comparison. */
function commonPrefixLength(a: string, b: string): number {
  let lo = 0;
  let hi = Math.min(a.length, b.length);
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (a.slice(lo, mid) === b.slice(lo, mid)) lo = mid;
    else hi = mid - 1;
  }
  return lo;
}

/** Length of the longest common suffix, at most `maxA`/`maxB` characters long. */
function commonSuffixLength(a: string, b: string, maxA: number, maxB: number): number {
  let lo = 0;
  let hi = Math.min(maxA, maxB);
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (a.slice(a.length - mid, a.length - lo) === b.slice(b.length - mid, b.length - lo)) lo = mid;
    else hi = mid - 1;
  }
  return lo;
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
