// One `key = value` entry as the line reader builds it, and its completion once its continuation lines are known.

import type { IniEntry, NestedValue } from './ini-reading-types.js';
import { EXTRA_LINE_BREAK, nestedFromLines, parseNested } from './ini-values.js';
import { pyRstrip } from './python-text.js';

const NO_LINES: readonly number[] = [];

/** What only a value that continues on more lines has (rare: most values are one line). */
interface EntryExtra {
  readonly lastLine: number;
  readonly nested: NestedValue | undefined;
  readonly continuationLines: readonly number[];
  readonly nestedErrorLine: number | undefined;
}

/**
 * One `key = value` line. Six fields, with the rare parts behind `extra` and the delimiter and indentation packed in
 * one number: a large file has tens of thousands of these, and their size is most of what reading allocates.
 */
export class EntryBuild implements IniEntry {
  // Fields are declared, not initialised, and set in the constructor alone: class-field initialisers would run a
  // second function per entry, which an unoptimised CLI run pays 25,000 times for a large file.
  declare readonly key: string;
  declare readonly rawKey: string;
  declare readonly line: number;
  /** indent * 2, plus 1 for a `:` delimiter. */
  private declare readonly shape: number;
  /** The first line's value until a multi-line value is finished. */
  declare value: string;
  declare extra: EntryExtra | undefined;

  constructor(key: string, rawKey: string, line: number, shape: number, value: string) {
    this.key = key;
    this.rawKey = rawKey;
    this.line = line;
    this.shape = shape;
    this.value = value;
    this.extra = undefined;
  }

  get delimiter(): '=' | ':' {
    return (this.shape & 1) === 1 ? ':' : '=';
  }
  get indent(): number {
    return this.shape >> 1;
  }
  get lastLine(): number {
    return this.extra === undefined ? this.line : this.extra.lastLine;
  }
  get nested(): NestedValue | undefined {
    return this.extra?.nested;
  }
  get continuationLines(): readonly number[] {
    return this.extra === undefined ? NO_LINES : this.extra.continuationLines;
  }
  get nestedErrorLine(): number | undefined {
    return this.extra?.nestedErrorLine;
  }
}

export function firstLineOfKey(entries: readonly EntryBuild[], key: string): number | undefined {
  for (let j = 0; j < entries.length; j++) if (entries[j]!.key === key) return entries[j]!.line;
  return undefined;
}

/** Completes an entry in place once its continuation lines are known (rare work: most values are one line). */
export function finishEntry(e: EntryBuild, parts: readonly string[], partLines: readonly number[]): void {
  e.value = pyRstrip(parts.join('\n'));
  const lastLine = partLines[partLines.length - 1]!;
  const continuationLines = partLines.slice(1);
  if (!e.value.startsWith('\n')) {
    e.extra = { lastLine, nested: undefined, continuationLines, nestedErrorLine: undefined };
    return;
  }
  // The parts are the value's lines already, unless one holds a character Python's splitlines also breaks at.
  const nested = parts.some((part) => EXTRA_LINE_BREAK.test(part)) ? parseNested(e.value) : nestedFromLines(parts);
  let nestedErrorLine: number | undefined;
  if (nested === undefined) {
    for (let p = 1; p < parts.length; p++) {
      if (parts[p] !== '' && !parts[p]!.includes('=')) {
        nestedErrorLine = partLines[p];
        break;
      }
    }
    nestedErrorLine ??= e.line;
  }
  e.extra = { lastLine, nested, continuationLines, nestedErrorLine };
}
