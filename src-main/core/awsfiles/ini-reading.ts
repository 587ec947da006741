// How botocore (Python configparser, strict, then raw_config_parse) reads one ini document, with line numbers kept.

import type { IniDocument } from './ini-document.js';
import { firstNonSpace, isPySpace, pyRstrip, pySplitLines, pyStrip } from './python-text.js';

export type LineKind =
  | 'blank'
  | 'comment'
  | 'header'
  | 'option'
  | 'continuation'
  | 'junk' // no delimiter, or an empty key: configparser's ParsingError
  | 'orphan'; // content before any section header: MissingSectionHeaderError

export type NestedValue = Readonly<Record<string, string>>;
export type SettingValue = string | NestedValue;

export interface IniEntry {
  /** Lower-cased, as configparser's optionxform does. */
  readonly key: string;
  readonly rawKey: string;
  readonly delimiter: '=' | ':';
  /** 0-based index of the `key = value` line. */
  readonly line: number;
  /** 0-based index of the last line that belongs to the value (continuation lines and blank lines inside them). */
  readonly lastLine: number;
  /** The value as botocore sees it: continuation lines joined with \n, trailing whitespace removed. */
  readonly value: string;
  /** Set when the value opens a nested block (`s3 =` followed by indented `k = v` lines). */
  readonly nested: NestedValue | undefined;
  /** Line indices of the continuation lines, for nested-block edits. */
  readonly continuationLines: readonly number[];
  readonly indent: number;
  /** A continuation line of a nested block that has no `=`: botocore's _parse_nested raises on it. */
  readonly nestedErrorLine: number | undefined;
}

export interface SectionOccurrence {
  /** The text between the brackets, verbatim (configparser keeps it as is). */
  readonly name: string;
  readonly headerLine: number;
  /** Exclusive end: the next header line or the end of the document. */
  readonly endLine: number;
  /** Every option line in file order, duplicates included. */
  readonly entries: readonly IniEntry[];
  readonly indented: boolean;
}

export type ReadErrorCode =
  | 'MISSING_SECTION_HEADER'
  | 'DUPLICATE_SECTION'
  | 'DUPLICATE_KEY'
  | 'LINE_WITHOUT_DELIMITER'
  | 'EMPTY_KEY'
  | 'NESTED_LINE_WITHOUT_EQUALS'
  | 'INVALID_UTF8'
  | 'BOM';

/** Something that makes botocore raise ConfigParseError, and so makes every AWS CLI command fail. */
export interface ReadError {
  readonly code: ReadErrorCode;
  /** 0-based line index. */
  readonly line: number;
  readonly section: string | undefined;
  readonly key: string | undefined;
  /** For duplicates: where the first one is. */
  readonly firstLine: number | undefined;
}

export interface IniReading {
  readonly doc: IniDocument;
  readonly lineKinds: readonly LineKind[];
  /** Sections other than [DEFAULT], in file order, duplicates included. */
  readonly occurrences: readonly SectionOccurrence[];
  /** [DEFAULT] sections (configparser's defaults, inherited by every section of the file). */
  readonly defaultOccurrences: readonly SectionOccurrence[];
  /** Section names in configparser's order (first occurrence), with their merged botocore values. */
  readonly sections: ReadonlyMap<string, ReadonlyMap<string, SettingValue>>;
  readonly errors: readonly ReadError[];
}

/** An entry while the file is being read; the loop keeps every field's type fixed so V8 never deoptimises it. */
interface EntryBuild {
  readonly key: string;
  readonly rawKey: string;
  readonly delimiter: '=' | ':';
  readonly line: number;
  readonly indent: number;
  lastLine: number;
  /** The first line's value until the entry is finished. */
  value: string;
  // Final fields, filled in place by finishEntry (the same object becomes the IniEntry: no copy per key line).
  nested: NestedValue | undefined;
  continuationLines: readonly number[];
  nestedErrorLine: number | undefined;
  /** Only for values that continue on more lines (rare): the stripped parts and their line numbers. */
  parts: string[];
  partLines: number[];
  /** Blank lines seen after the value; they join it only if a continuation line follows them. */
  pendingBlanks: number[];
}

interface OccurrenceBuild {
  name: string;
  headerLine: number;
  endLine: number;
  entries: EntryBuild[];
  indented: boolean;
}

const DEFAULT_SECTION = 'DEFAULT';
const NO_LINES: readonly number[] = [];
// Shared empty sentinels (compared by identity, never mutated) keep EntryBuild's field types fixed.
const NO_STRINGS: string[] = [];
const NO_NUMBERS: number[] = [];

/** Reads a document the way configparser.RawConfigParser (strict) followed by botocore's raw_config_parse does. */
export function readIni(doc: IniDocument): IniReading {
  const lines = doc.lines;
  const lineKinds: LineKind[] = new Array<LineKind>(lines.length);
  const occurrences: OccurrenceBuild[] = [];
  const defaultOccurrences: OccurrenceBuild[] = [];
  const errors: ReadError[] = [];
  const firstOf = new Map<string, OccurrenceBuild>();
  // Every occurrence of a name that appears more than once ([DEFAULT] included): configparser's strict mode checks
  // (section, key) pairs across them. Unique names, the norm, pay for nothing more than firstOf.
  const repeatsOf = new Map<string, OccurrenceBuild[]>();
  let current: OccurrenceBuild | null = null;
  let earlier: OccurrenceBuild[] | undefined;
  let option: EntryBuild | null = null;
  const multiLine: { entry: EntryBuild; section: string }[] = [];
  let previousHeader: OccurrenceBuild | null = null;
  let indentLevel = 0;

  if (doc.encoding === 'latin1') {
    errors.push({ code: 'INVALID_UTF8', line: firstNonUtf8Line(doc), section: undefined, key: undefined, firstLine: undefined });
  }
  // botocore refuses a leading BOM; we report it and read on as if it were absent, so the profiles still show.
  const bom = lines.length > 0 && lines[0]!.text.charCodeAt(0) === 0xfeff;
  if (bom) errors.push({ code: 'BOM', line: 0, section: undefined, key: undefined, firstLine: undefined });

  for (let i = 0; i < lines.length; i++) {
    const text = i === 0 && bom ? lines[0]!.text.slice(1) : lines[i]!.text;
    const value = pyStrip(text);
    const c0 = value.charCodeAt(0);
    if (c0 === 0x23 /* # */ || c0 === 0x3b /* ; */) {
      lineKinds[i] = 'comment';
      continue;
    }
    if (value === '') {
      lineKinds[i] = 'blank';
      if (option !== null) {
        if (option.pendingBlanks === NO_NUMBERS) option.pendingBlanks = [];
        option.pendingBlanks.push(i);
      }
      continue;
    }
    const indent = value.length === text.length || !isPySpace(text.charCodeAt(0)) ? 0 : firstNonSpace(text);
    if (option !== null && indent > indentLevel) {
      lineKinds[i] = 'continuation';
      if (option.parts === NO_STRINGS) multiLine.push({ entry: option, section: current!.name });
      addContinuation(option, value, i);
      continue;
    }
    indentLevel = indent;
    if (c0 === 0x5b /* [ */) {
      const header = matchHeader(value);
      if (header !== undefined) {
        lineKinds[i] = 'header';
        const occ: OccurrenceBuild = { name: header, headerLine: i, endLine: lines.length, entries: [], indented: indent > 0 };
        if (previousHeader !== null) previousHeader.endLine = i;
        previousHeader = occ;
        const first = firstOf.get(header);
        if (first === undefined) {
          firstOf.set(header, occ);
          earlier = undefined;
        } else {
          // configparser does not count a second [DEFAULT] as a duplicate section, only its repeated keys.
          if (header !== DEFAULT_SECTION) errors.push({ code: 'DUPLICATE_SECTION', line: i, section: header, key: undefined, firstLine: first.headerLine });
          const seen = repeatsOf.get(header) ?? [first];
          earlier = seen.slice();
          seen.push(occ);
          repeatsOf.set(header, seen);
        }
        if (header === DEFAULT_SECTION) defaultOccurrences.push(occ);
        else occurrences.push(occ);
        current = occ;
        option = null;
        continue;
      }
    }
    if (current === null) {
      lineKinds[i] = 'orphan';
      errors.push({ code: 'MISSING_SECTION_HEADER', line: i, section: undefined, key: undefined, firstLine: undefined });
      continue;
    }
    const delimiterAt = findDelimiter(value);
    if (delimiterAt < 0) {
      lineKinds[i] = 'junk';
      errors.push({ code: 'LINE_WITHOUT_DELIMITER', line: i, section: current.name, key: undefined, firstLine: undefined });
      // configparser keeps the previous option open after a bad line, so its continuation lines still attach to it.
      continue;
    }
    // Index arithmetic instead of slice-then-strip: one string per key and per value, not two.
    let keyEnd = delimiterAt;
    while (keyEnd > 0 && isPySpace(value.charCodeAt(keyEnd - 1))) keyEnd--;
    const rawKey = value.slice(0, keyEnd);
    if (rawKey === '') {
      lineKinds[i] = 'junk';
      errors.push({ code: 'EMPTY_KEY', line: i, section: current.name, key: undefined, firstLine: undefined });
      option = null;
      continue;
    }
    lineKinds[i] = 'option';
    const key = hasUpperCase(rawKey) ? rawKey.toLowerCase() : rawKey;
    const firstKey = firstLineOfKey(current.entries, key) ?? firstLineInEarlier(earlier, key);
    if (firstKey !== undefined) errors.push({ code: 'DUPLICATE_KEY', line: i, section: current.name, key, firstLine: firstKey });
    const entry: EntryBuild = {
      key,
      rawKey,
      delimiter: value.charCodeAt(delimiterAt) === 0x3d ? '=' : ':',
      line: i,
      indent,
      lastLine: i,
      value: valueAfter(value, delimiterAt + 1),
      nested: undefined,
      continuationLines: NO_LINES,
      nestedErrorLine: undefined,
      parts: NO_STRINGS,
      partLines: NO_NUMBERS,
      pendingBlanks: NO_NUMBERS,
    };
    current.entries.push(entry);
    option = entry;
  }

  return finishReading(doc, lineKinds, occurrences, defaultOccurrences, errors, multiLine);
}

/** Freezes entries and merges sections once the scan is done; kept apart so the hot scan loop stays small. */
function finishReading(
  doc: IniDocument,
  lineKinds: LineKind[],
  occurrences: readonly OccurrenceBuild[],
  defaultOccurrences: readonly OccurrenceBuild[],
  errors: ReadError[],
  multiLine: readonly { readonly entry: EntryBuild; readonly section: string }[],
): IniReading {
  // Only values that continued on more lines need finishing: a one-line value is complete when it is read.
  for (const { entry, section } of multiLine) {
    finishEntry(entry);
    if (entry.nestedErrorLine !== undefined) {
      errors.push({ code: 'NESTED_LINE_WITHOUT_EQUALS', line: entry.nestedErrorLine, section, key: entry.key, firstLine: entry.line });
    }
  }
  const finalDefaults: readonly SectionOccurrence[] = defaultOccurrences;
  const finalOccurrences: readonly SectionOccurrence[] = occurrences;
  if (errors.length > 1) errors.sort((a, b) => a.line - b.line);
  const defaults = new Map<string, SettingValue>();
  for (const occ of finalDefaults) for (const e of occ.entries) defaults.set(e.key, e.nested ?? e.value);
  const sections = new Map<string, Map<string, SettingValue>>();
  for (const occ of finalOccurrences) {
    let merged = sections.get(occ.name);
    if (merged === undefined) {
      merged = defaults.size === 0 ? new Map() : new Map(defaults);
      sections.set(occ.name, merged);
    }
    for (const e of occ.entries) merged.set(e.key, e.nested ?? e.value);
  }
  return {
    doc,
    lineKinds,
    occurrences: finalOccurrences,
    defaultOccurrences: finalDefaults,
    sections,
    errors,
  };
}

/** The stripped text after the delimiter; `line` is already stripped at its end. */
function valueAfter(line: string, from: number): string {
  let start = from;
  while (start < line.length && isPySpace(line.charCodeAt(start))) start++;
  return line.slice(start);
}

function hasUpperCase(text: string): boolean {
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if ((c >= 0x41 && c <= 0x5a) || c > 0x7f) return true; // non-ASCII: let toLowerCase decide
  }
  return false;
}

function firstLineOfKey(entries: readonly EntryBuild[], key: string): number | undefined {
  for (let j = 0; j < entries.length; j++) if (entries[j]!.key === key) return entries[j]!.line;
  return undefined;
}

function firstLineInEarlier(earlier: readonly OccurrenceBuild[] | undefined, key: string): number | undefined {
  if (earlier === undefined) return undefined;
  for (const occ of earlier) {
    const line = firstLineOfKey(occ.entries, key);
    if (line !== undefined) return line;
  }
  return undefined;
}

function addContinuation(entry: EntryBuild, value: string, line: number): void {
  if (entry.parts === NO_STRINGS) {
    entry.parts = [entry.value];
    entry.partLines = [entry.line];
  }
  if (entry.pendingBlanks !== NO_NUMBERS) {
    // configparser keeps blank lines inside a value; only trailing ones vanish when the value is joined.
    for (const blank of entry.pendingBlanks) {
      entry.parts.push('');
      entry.partLines.push(blank);
    }
    entry.pendingBlanks = NO_NUMBERS;
  }
  entry.parts.push(value);
  entry.partLines.push(line);
  entry.lastLine = line;
}

/** Completes an entry in place once its continuation lines are known (rare work: most values are one line). */
function finishEntry(e: EntryBuild): void {
  if (e.parts === NO_STRINGS) {
    if (!e.value.startsWith('\n')) return;
  } else {
    e.value = pyRstrip(e.parts.join('\n'));
    e.continuationLines = e.partLines.slice(1);
  }
  if (!e.value.startsWith('\n')) return;
  e.nested = parseNested(e.value);
  if (e.nested === undefined) {
    for (let p = 1; p < e.parts.length; p++) {
      if (e.parts[p] !== '' && !e.parts[p]!.includes('=')) {
        e.nestedErrorLine = e.partLines[p];
        break;
      }
    }
    e.nestedErrorLine ??= e.line;
  }
}

/** botocore's _parse_nested: one level of `k = v`; undefined when a line has no `=` (ConfigParseError). */
export function parseNested(value: string): NestedValue | undefined {
  const out: Record<string, string> = {};
  for (const raw of pySplitLines(value)) {
    const line = pyStrip(raw);
    if (line === '') continue;
    const eq = line.indexOf('=');
    if (eq < 0) return undefined;
    out[pyStrip(line.slice(0, eq))] = pyStrip(line.slice(eq + 1));
  }
  return out;
}

/** configparser's SECTCRE `\[(?P<header>.+)\]` matched (not full-matched) against the stripped line. */
export function matchHeader(value: string): string | undefined {
  if (value.charCodeAt(0) !== 0x5b /* [ */) return undefined;
  const close = value.lastIndexOf(']');
  if (close < 2) return undefined;
  return value.slice(1, close);
}

/** Index of the first `=` or `:` (configparser's OPTCRE takes the first delimiter of either kind). */
export function findDelimiter(value: string): number {
  for (let i = 0; i < value.length; i++) {
    const c = value.charCodeAt(i);
    if (c === 0x3d || c === 0x3a) return i;
  }
  return -1;
}

function firstNonUtf8Line(doc: IniDocument): number {
  const decoder = new TextDecoder('utf-8', { fatal: true });
  for (let i = 0; i < doc.lines.length; i++) {
    const text = doc.lines[i]!.text;
    const bytes = new Uint8Array(text.length);
    for (let j = 0; j < text.length; j++) bytes[j] = text.charCodeAt(j) & 0xff;
    try {
      decoder.decode(bytes);
    } catch {
      return i;
    }
  }
  return 0;
}

