// How botocore (Python configparser, strict, then raw_config_parse) reads one ini document, with line numbers kept.

import type { IniDocument } from './ini-document.js';
import { lineText } from './ini-document.js';
import { pyRstrip, pySplitLines, skipPySpace, trimPySpaceEnd } from './python-text.js';

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
  /** Forces every section to be read. */
  readonly lineKinds: readonly LineKind[];
  /** One line's kind; reads only the section that holds it (no array of every line is built). */
  lineKind(index: number): LineKind;
  /** Sections other than [DEFAULT], in file order, duplicates included. Their entries are read on first access. */
  readonly occurrences: readonly SectionOccurrence[];
  /** [DEFAULT] sections (configparser's defaults, inherited by every section of the file). */
  readonly defaultOccurrences: readonly SectionOccurrence[];
  /** Names of the sections other than [DEFAULT] in configparser's order (first occurrence); no body is read. */
  readonly sectionNames: readonly string[];
  /** Every occurrence of one section name, in file order (empty if none). */
  occurrencesOf(name: string): readonly SectionOccurrence[];
  /** One section's merged botocore values ([DEFAULT] keys, then every occurrence in order); undefined if absent. */
  valuesOf(name: string): ReadonlyMap<string, SettingValue> | undefined;
  /**
   * Sections by the index of their first header, for code that walks every section of a large file: no name is looked
   * up and no object is made per section. firstHeaderOf(name) is -1 for a name not in the file.
   */
  firstHeaderOf(name: string): number;
  firstHeaderOfSection(position: number): number;
  /** occurrencesOf and valuesOf the name whose first header is `first`. */
  occurrencesAtHeader(first: number): readonly SectionOccurrence[];
  valuesAtHeader(first: number): ReadonlyMap<string, SettingValue>;
  /** Every header in file order ([DEFAULT] ones included) with its index, without making an occurrence for each. */
  forEachHeader(visit: (name: string, headerLine: number, indented: boolean, index: number) => void): void;
  /** Every section's merged values, in configparser's order. Forces every section to be read. */
  readonly sections: ReadonlyMap<string, ReadonlyMap<string, SettingValue>>;
  /** Forces every section to be read. */
  readonly errors: readonly ReadError[];
  /**
   * Every entry that is not a plain one-line `key = value` (lower-case key, `=`, a value holding no `#` or `;`, not
   * aws_security_token), with its section: the only ones a line-level check can find fault with. Forces every
   * section to be read.
   */
  readonly unusualEntries: readonly UnusualEntry[];
  /**
   * Visits what unusualEntries lists, in the same order, without keeping every section's entries: for checks over a
   * whole large file. Forces every section to be read.
   */
  forEachUnusualEntry(visit: (entry: IniEntry, occurrence: SectionOccurrence) => void): void;
}

export interface UnusualEntry {
  readonly entry: IniEntry;
  readonly occurrence: SectionOccurrence;
}

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
class EntryBuild implements IniEntry {
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

const DEFAULT_SECTION = 'DEFAULT';
// Line kinds as codes while reading; 0 is a line not read yet (it never survives readAll).
const LINE_KINDS: readonly (LineKind | undefined)[] = [undefined, 'blank', 'comment', 'header', 'option', 'continuation', 'junk', 'orphan'];
const BLANK = 1;
const COMMENT = 2;
const HEADER = 3;
const OPTION = 4;
const CONTINUATION = 5;
const JUNK = 6;
const ORPHAN = 7;
const NO_LINES: readonly number[] = [];
const NO_OCCURRENCES: readonly Occurrence[] = [];
/** The body of every section read and found empty (frozen: compared by identity, never written to). */
const NO_ENTRIES: EntryBuild[] = [];
/** The body of every section not read yet; never written to (a section gets its own array when it is read). */
const UNREAD_BODY: EntryBuild[] = [];
/**
 * The body of a section that was read for its values (or its errors), not for its entries, and had no error: its
 * entries were not kept, only its values, and are read again if something asks for them. A 50 MB file has over a
 * million entries; keeping one object per entry made a full listing take 800 MB.
 */
const DROPPED_BODY: EntryBuild[] = [];
/**
 * A file with up to this many sections keeps every value it read. A larger one keeps the values of the VALUES_KEPT
 * sections read last and reads a section again when its values were let go, so reading every profile of a huge file
 * needs memory for a few thousand sections, not for all of them. Few enough that values die young: kept across tens
 * of thousands of sections, each outlived a young-generation collection and left the old generation to grow by
 * hundreds of megabytes before V8 collected it.
 */
const KEEP_ALL_VALUES_UP_TO = 50_000;
const VALUES_KEPT = 4_000;

/**
 * Lines whose first non-blank character is `[` after indentation. Whether configparser takes such a line for a header
 * or for part of the value above depends on the lines before it, so a file with one is read front to back at once.
 */
// eslint-disable-next-line no-control-regex -- the Python whitespace set includes U+000B, U+000C and U+001C–U+001F
const INDENTED_BRACKET = /(?:^|[\n\r])[\t\u000b\u000c\u001c-\u001f \u0085\u00a0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000]+\[/;

/** One section occurrence, made when first asked for; its body is read the first time its entries are. */
class Occurrence implements SectionOccurrence {
  // Two fields, set in the constructor alone (see EntryBuild): everything else is kept in the reader's per-header
  // arrays, so reading every section of a large file makes no object per section.
  private declare readonly reader: LineReader;
  declare readonly index: number;

  constructor(reader: LineReader, index: number) {
    this.reader = reader;
    this.index = index;
  }

  /** Shared and empty until the body is read, or after it was read and not kept (DROPPED_BODY). */
  get body(): EntryBuild[] {
    return this.reader.bodies[this.index]!;
  }

  get name(): string {
    return this.reader.headerNames[this.index]!;
  }
  get headerLine(): number {
    return this.reader.headerLines[this.index]!;
  }
  get indented(): boolean {
    return this.reader.indentedHeaders.has(this.index);
  }
  get read(): boolean {
    return this.reader.bodies[this.index] !== UNREAD_BODY;
  }
  /** Earlier occurrences of the same name: configparser's strict mode checks keys across them. */
  get earlier(): readonly Occurrence[] | undefined {
    return this.reader.earlierOf(this.index);
  }

  /** Exclusive end: the next header line or the end of the document. */
  get endLine(): number {
    return this.reader.endLineOf(this.index);
  }

  get entries(): readonly IniEntry[] {
    const body = this.reader.bodies[this.index]!;
    if (body !== UNREAD_BODY && body !== DROPPED_BODY) return body;
    this.reader.readBody(this.index, true);
    return this.reader.bodies[this.index]!;
  }
}

/**
 * configparser's line loop over a range of lines. A whole file is read in one range when it must be (see
 * INDENTED_BRACKET, a BOM, invalid UTF-8); otherwise the headers are found with a fast scan first and each section's
 * body is read by the same loop when it is first needed, so `hatrack set` on one profile reads one section. Headers
 * are kept as two arrays, and an object for a section is made only when something asks for that section.
 */
class LineReader {
  readonly text: string;
  readonly starts: Int32Array;
  readonly ends: Int32Array;
  /** Each line's kind as a code (see LINE_KINDS); a typed array costs nothing to the garbage collector. */
  readonly kindCodes: Uint8Array;
  readonly errors: ReadError[] = [];
  /** Unusual entries (see IniReading.unusualEntries) as line and header index: no object is kept for them. */
  readonly unusualLines: number[] = [];
  readonly unusualHeaders: number[] = [];
  readonly headerLines: number[] = [];
  readonly headerNames: string[] = [];
  /** Header indices of indented headers (a file with any is read whole). */
  readonly indentedHeaders = new Set<number>();
  /** Names other than [DEFAULT] in configparser's order (first occurrence); see `indexed`. */
  private readonly names: string[] = [];
  /** The header index of each of `names`' first occurrence. */
  private readonly firsts: number[] = [];
  private readonly firstIndex = new Map<string, number>();
  /**
   * Headers [0, indexed) are in `names`, `firstIndex` and `repeats`. The headers-first scan leaves them out: `set` on
   * one profile of a 500,000-section file needs no map of every name (building it was most of the scan's time).
   */
  private indexed = 0;
  /** Names looked up by scanning the headers, before building the index is the cheaper way. */
  private scans = 0;
  /** Every header index of a name that appears more than once ([DEFAULT] included). */
  private readonly repeats = new Map<string, number[]>();
  private readonly objects: (Occurrence | undefined)[] = [];
  /** occurrencesOf's answers, at the index of each name's first header (an array: cheaper than a map). */
  private readonly occurrencesByFirst: (readonly Occurrence[] | undefined)[] = [];
  /** Each header's body (UNREAD_BODY, DROPPED_BODY or its entries) and own values (once read, unless let go). */
  readonly bodies: EntryBuild[][] = [];
  private readonly values: (EntrySettings | undefined)[] = [];
  /** Header index of the section being read; -1 before the first header. */
  private current = -1;
  /** The current section's entries while it is read; copied to an exact-size array when it is done. */
  private readonly section: EntryBuild[] = [];
  // A count instead of `length = 0`, which would hand the array's storage back and make it grow again every section.
  private sectionSize = 0;
  private currentEarlier: readonly number[] | undefined = undefined;
  /** Whether the section being read has a name that repeats (looked up once, before anything is reported). */
  private currentRepeats = false;
  private option: EntryBuild | null = null;
  /** The open option, once a continuation line joined it; its parts (first line included) are collected below. */
  private continued: EntryBuild | null = null;
  private readonly parts: string[] = [];
  private readonly partLines: number[] = [];
  /** Blank lines since the open option's last line: they join its value only if a continuation line follows. */
  private readonly blanks: number[] = [];
  // A count instead of `length = 0` (which frees the storage): nearly every section ends with a blank line.
  private blankCount = 0;
  private indentLevel = 0;
  private readCount = 0;
  /** Whether the section being read keeps its entries (see DROPPED_BODY); reading front to back keeps them all. */
  private keepBody = true;
  private errorsAtOpen = 0;
  /** Sections a file can have and keep every value read (see KEEP_ALL_VALUES_UP_TO; smaller in tests). */
  readonly keepAllUpTo: number;
  /** Header indices of dropped sections whose values are kept, oldest first from `recentAt` (a ring). */
  private readonly recent: number[] = [];
  private recentAt = 0;
  /** The entries of the section last read, kept or not, for a caller that reads one without keeping it. */
  private lastEntries: EntryBuild[] = NO_ENTRIES;
  /** Key, value, key, value… of the section being read, before it is copied out at its exact size. */
  private readonly pairs: (string | SettingValue)[] = [];
  private sorted = false;
  private readonly hasCr: boolean;
  private lfBracket = -2;
  private crBracket = -2;
  /** Offset of line 0's first character: 1 past a byte-order mark. */
  private firstLineStart = 0;

  constructor(
    readonly doc: IniDocument,
    keepAllUpTo: number,
  ) {
    this.keepAllUpTo = keepAllUpTo;
    this.text = doc.text;
    this.starts = doc.starts;
    this.ends = doc.ends;
    this.kindCodes = new Uint8Array(doc.lineCount);
    this.hasCr = this.text.indexOf('\r') >= 0;
  }

  readWhole(): void {
    const doc = this.doc;
    if (doc.encoding === 'latin1') {
      this.errors.push({ code: 'INVALID_UTF8', line: firstNonUtf8Line(doc), section: undefined, key: undefined, firstLine: undefined });
    }
    // botocore refuses a leading BOM; we report it and read on as if it were absent, so the profiles still show.
    if (doc.lineCount > 0 && this.text.charCodeAt(0) === 0xfeff) {
      this.errors.push({ code: 'BOM', line: 0, section: undefined, key: undefined, firstLine: undefined });
      this.firstLineStart = 1;
    }
    this.readRange(0, doc.lineCount);
    this.finishValue();
    this.closeSection();
  }

  /** Finds the headers only: lines that start with `[` (none is indented, see INDENTED_BRACKET). */
  scanHeaders(): void {
    const text = this.text;
    const lineCount = this.doc.lineCount;
    let line = 0;
    let firstHeader = lineCount;
    for (let at = text.charCodeAt(0) === 0x5b ? 0 : this.nextBracketLine(0); at >= 0; at = this.nextBracketLine(at + 1)) {
      line = this.lineFrom(line, at);
      const header = this.headerIn(this.starts[line]!, this.ends[line]!);
      if (header === undefined) continue;
      if (firstHeader === lineCount) firstHeader = line;
      this.kindCodes[line] = HEADER;
      this.recordHeader(header, line, false, false);
    }
    // Lines before the first header: comments, blanks, or content configparser refuses.
    this.readRange(0, firstHeader);
  }

  /** Offset of the next `[` that starts a line, from `from` on; -1 if none. */
  private nextBracketLine(from: number): number {
    const text = this.text;
    const after = from - 1 < 0 ? 0 : from - 1;
    // Each search result is kept until passed, so a file with no lone CR is not rescanned for one per header.
    if (this.lfBracket !== -1 && this.lfBracket < after) this.lfBracket = text.indexOf('\n[', after);
    if (this.crBracket !== -1 && this.crBracket < after) this.crBracket = this.hasCr ? text.indexOf('\r[', after) : -1;
    const lf = this.lfBracket;
    const cr = this.crBracket;
    if (lf < 0 && cr < 0) return -1;
    return (lf < 0 ? cr : cr < 0 ? lf : Math.min(lf, cr)) + 1;
  }

  /** The line holding offset `at`, searching forward from line `from` (headers are a few lines apart). */
  private lineFrom(from: number, at: number): number {
    const starts = this.starts;
    let line = from;
    while (starts[line + 1]! <= at) line++;
    return line;
  }

  get headerCount(): number {
    return this.headerLines.length;
  }

  endLineOf(index: number): number {
    return index + 1 < this.headerLines.length ? this.headerLines[index + 1]! : this.doc.lineCount;
  }

  occurrenceAt(index: number): Occurrence {
    let occ = this.objects[index];
    if (occ === undefined) {
      occ = new Occurrence(this, index);
      this.objects[index] = occ;
    }
    return occ;
  }

  /** Every occurrence of a name, in file order; one array per name however often it is asked for. */
  occurrencesOf(name: string): readonly Occurrence[] {
    const first = this.firstHeaderOf(name);
    return first < 0 ? NO_OCCURRENCES : this.occurrencesAtFirst(first, name);
  }

  get sectionNames(): readonly string[] {
    this.index();
    return this.names;
  }

  get sectionFirsts(): readonly number[] {
    this.index();
    return this.firsts;
  }

  /** Completes the name index (and reports the duplicate sections it finds). */
  private index(): void {
    for (; this.indexed < this.headerNames.length; this.indexed++) {
      const index = this.indexed;
      const header = this.headerNames[index]!;
      const first = this.firstIndex.get(header);
      if (first === undefined) {
        this.firstIndex.set(header, index);
        if (header !== DEFAULT_SECTION) {
          this.names.push(header);
          this.firsts.push(index);
        }
        continue;
      }
      // configparser does not count a second [DEFAULT] as a duplicate section, only its repeated keys.
      const line = this.headerLines[index]!;
      if (header !== DEFAULT_SECTION) this.errors.push({ code: 'DUPLICATE_SECTION', line, section: header, key: undefined, firstLine: this.headerLines[first] });
      const repeated = this.repeats.get(header);
      if (repeated === undefined) this.repeats.set(header, [first, index]);
      else repeated.push(index);
    }
  }

  /** Whether a lookup by name should build the index (after a few, or once it exists) rather than scan the headers. */
  private useIndex(): boolean {
    if (this.indexed === this.headerNames.length || this.scans >= 8) {
      this.index();
      return true;
    }
    this.scans++;
    return false;
  }

  /** Every occurrence of the name whose first header is `first`. */
  occurrencesAtFirst(first: number, name: string): readonly Occurrence[] {
    let occs = this.occurrencesByFirst[first];
    if (occs === undefined) {
      const repeated = this.repeatsOf(name);
      occs = repeated !== undefined ? repeated.map((k) => this.occurrenceAt(k)) : [this.occurrenceAt(first)];
      this.occurrencesByFirst[first] = occs;
    }
    return occs;
  }

  firstHeaderOf(name: string): number {
    if (this.useIndex()) return this.firstIndex.get(name) ?? -1;
    return this.headerNames.indexOf(name);
  }

  isRepeated(name: string): boolean {
    return this.repeatsOf(name) !== undefined;
  }

  /** Every header index of a name that appears more than once; undefined for the others (nearly all). */
  private repeatsOf(name: string): number[] | undefined {
    if (!this.useIndex()) {
      const out: number[] = [];
      for (let k = this.headerNames.indexOf(name); k >= 0; k = this.headerNames.indexOf(name, k + 1)) out.push(k);
      return out.length > 1 ? out : undefined;
    }
    // Most files repeat no name: skip hashing a name that cannot be there.
    return this.repeats.size === 0 ? undefined : this.repeats.get(name);
  }

  earlierOf(index: number): Occurrence[] | undefined {
    return this.earlierIndices(index)?.map((k) => this.occurrenceAt(k));
  }

  /** Header indices of the earlier occurrences of the same name. */
  private earlierIndices(index: number): number[] | undefined {
    const repeated = this.repeatsOf(this.headerNames[index]!);
    if (repeated === undefined || repeated[0] === index) return undefined;
    return repeated.filter((k) => k < index);
  }

  /** Occurrences in file order, [DEFAULT] ones only or all the others. */
  occurrencesWhere(isDefault: boolean): Occurrence[] {
    const out: Occurrence[] = [];
    for (let k = 0; k < this.headerNames.length; k++) {
      if ((this.headerNames[k] === DEFAULT_SECTION) === isDefault) out.push(this.occurrenceAt(k));
    }
    return out;
  }

  /**
   * Reads one section's body. With `keep` false the entries are dropped once the values are taken from them, unless
   * the section had an error (errors point into its entries). A dropped body read again yields what it did the first
   * time and reports nothing twice.
   */
  readBody(index: number, keep: boolean): void {
    const repeated = this.repeatsOf(this.headerNames[index]!);
    const earlier = repeated === undefined || repeated[0] === index ? undefined : repeated.filter((k) => k < index);
    // A repeated section's keys are checked against the earlier ones' entries, so those are read (and kept) first.
    if (earlier !== undefined) {
      for (const k of earlier) if (this.bodies[k] === UNREAD_BODY || this.bodies[k] === DROPPED_BODY) this.readBody(k, true);
    }
    const again = this.bodies[index] === DROPPED_BODY;
    if (!again) this.readCount++;
    const errorsBefore = this.errors.length;
    const unusualBefore = this.unusualLines.length;
    this.bodies[index] = NO_ENTRIES;
    this.keepBody = keep;
    this.errorsAtOpen = errorsBefore;
    this.current = index;
    this.currentEarlier = earlier;
    this.currentRepeats = repeated !== undefined;
    this.openOption(null);
    this.indentLevel = 0;
    this.readRange(this.headerLines[index]! + 1, this.endLineOf(index));
    this.finishValue();
    this.closeSection();
    this.keepBody = true;
    if (again) {
      // What this read found was reported the first time.
      this.errors.length = errorsBefore;
      this.unusualLines.length = unusualBefore;
      this.unusualHeaders.length = unusualBefore;
    }
  }

  /** A section's own values, reading its body (without keeping its entries) if they are not at hand. */
  settingsOf(index: number): EntrySettings {
    if (this.values[index] === undefined) this.readBody(index, false);
    return this.values[index]!;
  }

  /** A section's entries for one look, read again if they were dropped, without keeping them. */
  entriesOnce(index: number): readonly EntryBuild[] {
    const body = this.bodies[index]!;
    if (body !== UNREAD_BODY && body !== DROPPED_BODY) return body;
    this.readBody(index, false);
    return this.lastEntries;
  }

  /** Keeps a dropped section's values among the VALUES_KEPT most recent, letting the oldest one's go. */
  private remember(index: number): void {
    if (this.headerLines.length <= this.keepAllUpTo) return;
    const old = this.recent[this.recentAt];
    // A section whose entries were kept since keeps its values with them.
    if (old !== undefined && this.bodies[old] === DROPPED_BODY) this.values[old] = undefined;
    this.recent[this.recentAt] = index;
    this.recentAt = this.recentAt + 1 === Math.min(VALUES_KEPT, this.keepAllUpTo) ? 0 : this.recentAt + 1;
  }

  /** The kind of one line, reading the section it belongs to if needed. */
  lineKind(index: number): LineKind {
    if (this.kindCodes[index] === 0) {
      const k = this.headerAtOrBefore(index);
      if (k >= 0) this.settingsOf(k);
    }
    return LINE_KINDS[this.kindCodes[index]!]!;
  }

  /** Index of the last header at or before `line`; -1 if none. */
  private headerAtOrBefore(line: number): number {
    const lines = this.headerLines;
    let lo = -1;
    let hi = lines.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (lines[mid]! <= line) lo = mid;
      else hi = mid - 1;
    }
    return lo;
  }

  readAll(): void {
    this.index();
    if (this.readCount < this.headerCount) {
      for (let k = 0; k < this.headerCount; k++) if (this.bodies[k] === UNREAD_BODY) this.readBody(k, false);
    }
    if (!this.sorted) {
      this.errors.sort((a, b) => a.line - b.line);
      this.sorted = true;
    }
  }

  /** configparser's SECTCRE `\[(?P<header>.+)\]` matched against the stripped line [from, to). */
  private headerIn(from: number, to: number): string | undefined {
    const text = this.text;
    const a = skipPySpace(text, from, to);
    const b = trimPySpaceEnd(text, a, to);
    if (text.charCodeAt(a) !== 0x5b /* [ */) return undefined;
    const close = text.lastIndexOf(']', b - 1);
    if (close < a + 2) return undefined;
    return text.slice(a + 1, close);
  }

  /** Adds a header; `index` also adds it to the name index (reading front to back needs it as it goes). */
  private recordHeader(header: string, line: number, indented: boolean, index: boolean): number {
    const at = this.headerLines.length;
    this.headerLines.push(line);
    this.headerNames.push(header);
    this.objects.push(undefined);
    this.occurrencesByFirst.push(undefined);
    this.bodies.push(UNREAD_BODY);
    this.values.push(undefined);
    if (indented) this.indentedHeaders.add(at);
    if (index) this.index();
    return at;
  }

  private readRange(from: number, to: number): void {
    const text = this.text;
    const starts = this.starts;
    const ends = this.ends;
    const kinds = this.kindCodes;
    for (let i = from; i < to; i++) {
      const lineStart = i === 0 ? this.firstLineStart : starts[i]!;
      const a = skipPySpace(text, lineStart, ends[i]!);
      const b = trimPySpaceEnd(text, a, ends[i]!);
      const c0 = text.charCodeAt(a);
      if (a < b && (c0 === 0x23 /* # */ || c0 === 0x3b) /* ; */) {
        kinds[i] = COMMENT;
        continue;
      }
      const option = this.option;
      if (a === b) {
        kinds[i] = BLANK;
        if (option !== null) this.blanks[this.blankCount++] = i;
        continue;
      }
      const indent = a - lineStart;
      if (option !== null && indent > this.indentLevel) {
        kinds[i] = CONTINUATION;
        this.addContinuation(option, text.slice(a, b), i);
        continue;
      }
      this.indentLevel = indent;
      if (c0 === 0x5b /* [ */) {
        const header = this.headerIn(a, b);
        if (header !== undefined) {
          kinds[i] = HEADER;
          this.finishValue(); // while `current` is still the section the value belongs to
          this.closeSection();
          const index = this.recordHeader(header, i, indent > 0, true);
          this.bodies[index] = NO_ENTRIES;
          this.readCount++;
          this.current = index;
          this.currentEarlier = this.earlierIndices(index);
          this.currentRepeats = this.repeatsOf(header) !== undefined;
          this.openOption(null);
          continue;
        }
      }
      const current = this.current;
      if (current < 0) {
        kinds[i] = ORPHAN;
        this.errors.push({ code: 'MISSING_SECTION_HEADER', line: i, section: undefined, key: undefined, firstLine: undefined });
        continue;
      }
      // configparser's OPTCRE takes the first `=` or `:`; the same scan notes whether the key may need lower-casing.
      let delimiterAt = -1;
      let mayHaveUpper = false;
      for (let j = a; j < b; j++) {
        const c = text.charCodeAt(j);
        if (c === 0x3d || c === 0x3a) {
          delimiterAt = j;
          break;
        }
        if ((c >= 0x41 && c <= 0x5a) || c > 0x7f) mayHaveUpper = true;
      }
      if (delimiterAt < 0) {
        kinds[i] = JUNK;
        this.errors.push({ code: 'LINE_WITHOUT_DELIMITER', line: i, section: this.headerNames[current], key: undefined, firstLine: undefined });
        // configparser keeps the previous option open after a bad line, so its continuation lines still attach to it.
        continue;
      }
      const keyEnd = trimPySpaceEnd(text, a, delimiterAt);
      if (keyEnd === a) {
        kinds[i] = JUNK;
        this.errors.push({ code: 'EMPTY_KEY', line: i, section: this.headerNames[current], key: undefined, firstLine: undefined });
        this.openOption(null);
        continue;
      }
      kinds[i] = OPTION;
      const rawKey = (mayHaveUpper ? undefined : knownKeyAt(text, a, keyEnd)) ?? text.slice(a, keyEnd);
      const key = mayHaveUpper && hasUpperCase(rawKey) ? rawKey.toLowerCase() : rawKey;
      const section = this.section;
      let firstKey: number | undefined;
      for (let j = 0; j < this.sectionSize; j++) {
        if (section[j]!.key === key) {
          firstKey = section[j]!.line;
          break;
        }
      }
      if (firstKey === undefined && this.currentEarlier !== undefined) firstKey = this.firstLineInEarlier(this.currentEarlier, key);
      if (firstKey !== undefined) this.errors.push({ code: 'DUPLICATE_KEY', line: i, section: this.headerNames[current], key, firstLine: firstKey });
      const valueStart = skipPySpace(text, delimiterAt + 1, b);
      const colon = text.charCodeAt(delimiterAt) !== 0x3d;
      const entry = new EntryBuild(key, rawKey, i, indent * 2 + (colon ? 1 : 0), text.slice(valueStart, b));
      section[this.sectionSize++] = entry;
      if (mayHaveUpper || colon || valueStart === b || key === 'aws_security_token' || holdsCommentChar(text, valueStart, b)) {
        this.unusualLines.push(i);
        this.unusualHeaders.push(current);
      }
      if (this.continued !== null) this.finishValue();
      this.option = entry;
      this.blankCount = 0;
    }
  }

  /**
   * Gives the section just read its values and, when they are kept, its entries (copied out at their exact size:
   * arrays grown by push would keep a dozen empty slots each).
   */
  private closeSection(): void {
    const current = this.current;
    if (current < 0) return;
    const size = this.sectionSize;
    const made = this.values[current] === undefined;
    if (made) this.values[current] = size === 0 ? NO_SETTINGS : new EntrySettings(this.valuePairs());
    // A repeated section's entries are compared with the next one's keys (duplicate keys), so they are kept too.
    const keep = this.keepBody || this.errors.length !== this.errorsAtOpen || this.currentRepeats;
    this.lastEntries = size === 0 ? NO_ENTRIES : this.section.slice(0, size);
    this.bodies[current] = size === 0 || keep ? this.lastEntries : DROPPED_BODY;
    if (made && this.bodies[current] === DROPPED_BODY) this.remember(current);
    this.sectionSize = 0;
  }

  private firstLineInEarlier(earlier: readonly number[], key: string): number | undefined {
    for (const k of earlier) {
      const line = firstLineOfKey(this.bodies[k]!, key);
      if (line !== undefined) return line;
    }
    return undefined;
  }

  /** The section's entries as a dict would hold them after assigning each in order: key, value, key, value… */
  private valuePairs(): readonly (string | SettingValue)[] {
    const section = this.section;
    const pairs = this.pairs;
    let n = 0;
    for (let j = 0; j < this.sectionSize; j++) {
      const e = section[j]!;
      const value = e.extra === undefined ? e.value : (e.extra.nested ?? e.value);
      let at = 0;
      while (at < n && pairs[at] !== e.key) at += 2;
      if (at === n) {
        pairs[n] = e.key;
        n += 2;
      }
      pairs[at + 1] = value;
    }
    return pairs.slice(0, n);
  }

  private openOption(entry: EntryBuild | null): void {
    this.finishValue();
    this.option = entry;
    this.blankCount = 0;
  }

  private addContinuation(entry: EntryBuild, value: string, line: number): void {
    if (this.continued !== entry) {
      this.continued = entry;
      this.parts.length = 0;
      this.partLines.length = 0;
      this.parts.push(entry.value);
      this.partLines.push(entry.line);
    }
    // configparser keeps blank lines inside a value; only trailing ones vanish when the value is joined.
    for (let k = 0; k < this.blankCount; k++) {
      const blank = this.blanks[k]!;
      this.parts.push('');
      this.partLines.push(blank);
    }
    this.blankCount = 0;
    this.parts.push(value);
    this.partLines.push(line);
  }

  /** Completes the open option's value once no more lines can join it (only values that continued need it). */
  private finishValue(): void {
    const entry = this.continued;
    if (entry === null) return;
    this.continued = null;
    finishEntry(entry, this.parts, this.partLines);
    // A value on more lines is unusual too (it may hold an indented header, or read differently in the JS SDK).
    if (this.unusualLines[this.unusualLines.length - 1] !== entry.line) {
      this.unusualLines.push(entry.line);
      this.unusualHeaders.push(this.current);
    }
    if (entry.nestedErrorLine !== undefined) {
      const section = this.sectionOfLine(entry.line);
      this.errors.push({ code: 'NESTED_LINE_WITHOUT_EQUALS', line: entry.nestedErrorLine, section, key: entry.key, firstLine: entry.line });
    }
  }

  private sectionOfLine(line: number): string | undefined {
    const k = this.headerAtOrBefore(line);
    return k < 0 ? undefined : this.headerNames[k];
  }
}

/** botocore's reading of the whole file, built from a LineReader; merged values are computed on request. */
class Reading implements IniReading {
  private readonly merged = new Map<string, ReadonlyMap<string, SettingValue>>();
  private defaults: ReadonlyMap<string, SettingValue> | undefined;
  private allSections: ReadonlyMap<string, ReadonlyMap<string, SettingValue>> | undefined;
  private others: readonly SectionOccurrence[] | undefined;
  private kinds: readonly LineKind[] | undefined;
  private defaultsList: readonly SectionOccurrence[] | undefined;
  private unusual: readonly UnusualEntry[] | undefined;

  constructor(private readonly reader: LineReader) {}

  get doc(): IniDocument {
    return this.reader.doc;
  }
  get occurrences(): readonly SectionOccurrence[] {
    this.others ??= this.reader.occurrencesWhere(false);
    return this.others;
  }
  get defaultOccurrences(): readonly SectionOccurrence[] {
    this.defaultsList ??= this.reader.occurrencesWhere(true);
    return this.defaultsList;
  }
  get sectionNames(): readonly string[] {
    return this.reader.sectionNames;
  }
  lineKind(index: number): LineKind {
    return this.reader.lineKind(index);
  }
  get lineKinds(): readonly LineKind[] {
    if (this.kinds === undefined) {
      this.reader.readAll();
      const codes = this.reader.kindCodes;
      const kinds = new Array<LineKind>(codes.length);
      for (let i = 0; i < codes.length; i++) kinds[i] = LINE_KINDS[codes[i]!]!;
      this.kinds = kinds;
    }
    return this.kinds;
  }
  get errors(): readonly ReadError[] {
    this.reader.readAll();
    return this.reader.errors;
  }
  /** Keeps the entries of every section that has an unusual one (checks over a large file use forEachUnusualEntry). */
  get unusualEntries(): readonly UnusualEntry[] {
    if (this.unusual === undefined) {
      const out: UnusualEntry[] = [];
      this.forEachUnusualEntry((entry, occurrence) => out.push({ entry: occurrence.entries.find((e) => e.line === entry.line)!, occurrence }));
      this.unusual = out;
    }
    return this.unusual;
  }

  forEachUnusualEntry(visit: (entry: IniEntry, occurrence: SectionOccurrence) => void): void {
    const reader = this.reader;
    reader.readAll();
    const lines = reader.unusualLines;
    const headers = reader.unusualHeaders;
    let occ: Occurrence | undefined;
    let entries: readonly EntryBuild[] = NO_ENTRIES;
    let at = 0;
    for (let k = 0; k < lines.length; k++) {
      if (occ === undefined || occ.index !== headers[k]) {
        occ = reader.occurrenceAt(headers[k]!);
        entries = reader.entriesOnce(occ.index);
        at = 0;
      }
      // Listed mostly in line order within a section, so the search goes on from the last one found.
      if (entries[at]!.line > lines[k]!) at = 0;
      while (entries[at]!.line !== lines[k]) at++;
      visit(entries[at]!, occ);
    }
  }

  occurrencesOf(name: string): readonly SectionOccurrence[] {
    return this.reader.occurrencesOf(name);
  }

  firstHeaderOf(name: string): number {
    return this.reader.firstHeaderOf(name);
  }

  firstHeaderOfSection(position: number): number {
    return this.reader.sectionFirsts[position]!;
  }

  occurrencesAtHeader(first: number): readonly SectionOccurrence[] {
    return this.reader.occurrencesAtFirst(first, this.reader.headerNames[first]!);
  }

  valuesAtHeader(first: number): ReadonlyMap<string, SettingValue> {
    const name = this.reader.headerNames[first]!;
    if (name !== DEFAULT_SECTION && !this.reader.isRepeated(name) && this.defaultValues().size === 0) return this.reader.settingsOf(first);
    return this.valuesOf(name) ?? NO_SETTINGS;
  }

  forEachHeader(visit: (name: string, headerLine: number, indented: boolean, index: number) => void): void {
    const { headerNames, headerLines, indentedHeaders } = this.reader;
    for (let k = 0; k < headerNames.length; k++) visit(headerNames[k]!, headerLines[k]!, indentedHeaders.size > 0 && indentedHeaders.has(k), k);
  }

  valuesOf(name: string): ReadonlyMap<string, SettingValue> | undefined {
    const occs = name === DEFAULT_SECTION ? NO_OCCURRENCES : this.reader.occurrencesOf(name);
    if (occs.length === 0) return undefined;
    const defaults = this.defaultValues();
    // The usual case: one section, nothing inherited. Its own values are the values; no map is copied out of them.
    if (defaults.size === 0 && occs.length === 1) return this.reader.settingsOf((occs[0] as Occurrence).index);
    let values = this.merged.get(name);
    if (values === undefined) {
      const map = defaults.size === 0 ? new Map<string, SettingValue>() : new Map(defaults);
      this.setEntries(map, occs);
      values = map;
      // Bounded as the sections' own values are (see VALUES_KEPT): a file with [DEFAULT] merges every section.
      if (this.merged.size >= this.reader.keepAllUpTo) this.merged.clear();
      this.merged.set(name, values);
    }
    return values;
  }

  get sections(): ReadonlyMap<string, ReadonlyMap<string, SettingValue>> {
    if (this.allSections === undefined) {
      const out = new Map<string, ReadonlyMap<string, SettingValue>>();
      for (const name of this.reader.sectionNames) out.set(name, this.valuesOf(name)!);
      this.allSections = out;
    }
    return this.allSections;
  }

  private defaultValues(): ReadonlyMap<string, SettingValue> {
    if (this.defaults === undefined) {
      const map = new Map<string, SettingValue>();
      this.setEntries(map, this.defaultOccurrences);
      this.defaults = map;
    }
    return this.defaults;
  }

  /** Assigns every entry of the occurrences in order, as configparser fills a section's dict. */
  private setEntries(map: Map<string, SettingValue>, occs: readonly SectionOccurrence[]): void {
    // A section's own values are its entries assigned in order, so assigning them gives the same dict.
    for (const occ of occs) for (const [key, value] of this.reader.settingsOf((occ as Occurrence).index)) map.set(key, value);
  }
}

/**
 * One section's values as a map, the way assigning its entries in order to a dict would read: the last value of a key
 * wins, keys keep their first position. Held as one array of key, value, key, value…: sections hold a handful of
 * keys, so a scan is as quick as hashing, and a 500,000-section file does not build 500,000 maps.
 */
class EntrySettings implements ReadonlyMap<string, SettingValue> {
  private declare readonly pairs: readonly (string | SettingValue)[];
  /** The last merge of these values onto others (see mergedValues), kept as long as these values are. */
  declare lastMerge: { readonly base: ReadonlyMap<string, SettingValue>; readonly merged: EntrySettings } | undefined;

  constructor(pairs: readonly (string | SettingValue)[]) {
    this.pairs = pairs;
    this.lastMerge = undefined;
  }

  private indexOf(key: string): number {
    const pairs = this.pairs;
    for (let i = 0; i < pairs.length; i += 2) if (pairs[i] === key) return i;
    return -1;
  }

  get(key: string): SettingValue | undefined {
    const at = this.indexOf(key);
    return at < 0 ? undefined : (this.pairs[at + 1] as SettingValue);
  }

  has(key: string): boolean {
    return this.indexOf(key) >= 0;
  }

  get size(): number {
    return this.pairs.length >> 1;
  }

  entries(): MapIterator<[string, SettingValue]> {
    const out: [string, SettingValue][] = [];
    for (let i = 0; i < this.pairs.length; i += 2) out.push([this.pairs[i] as string, this.pairs[i + 1] as SettingValue]);
    return out[Symbol.iterator]() as MapIterator<[string, SettingValue]>;
  }

  keys(): MapIterator<string> {
    const out: string[] = [];
    for (let i = 0; i < this.pairs.length; i += 2) out.push(this.pairs[i] as string);
    return out[Symbol.iterator]() as MapIterator<string>;
  }

  values(): MapIterator<SettingValue> {
    const out: SettingValue[] = [];
    for (let i = 1; i < this.pairs.length; i += 2) out.push(this.pairs[i] as SettingValue);
    return out[Symbol.iterator]() as MapIterator<SettingValue>;
  }

  forEach(callback: (value: SettingValue, key: string, map: ReadonlyMap<string, SettingValue>) => void, thisArg?: unknown): void {
    for (let i = 0; i < this.pairs.length; i += 2) callback.call(thisArg, this.pairs[i + 1] as SettingValue, this.pairs[i] as string, this);
  }

  [Symbol.iterator](): MapIterator<[string, SettingValue]> {
    return this.entries();
  }
}

/** The values of every section with no entries (never written to). */
const NO_SETTINGS = new EntrySettings([]);

/**
 * `over`'s values assigned onto `base`'s, as dict.update does (botocore merges a profile's two sections so). The
 * result lives as long as `over`'s values do, so a profile does not hold its merged values for ever.
 */
export function mergedValues(base: ReadonlyMap<string, SettingValue>, over: ReadonlyMap<string, SettingValue>): ReadonlyMap<string, SettingValue> {
  const memo = over instanceof EntrySettings ? over : undefined;
  if (memo?.lastMerge !== undefined && memo.lastMerge.base === base) return memo.lastMerge.merged;
  const pairs: (string | SettingValue)[] = [];
  for (const [key, value] of base) pairs.push(key, value);
  for (const [key, value] of over) {
    let at = 0;
    while (at < pairs.length && pairs[at] !== key) at += 2;
    if (at === pairs.length) pairs.push(key, value);
    else pairs[at + 1] = value;
  }
  const merged = new EntrySettings(pairs);
  if (memo !== undefined && memo !== NO_SETTINGS) memo.lastMerge = { base, merged };
  return merged;
}

/**
 * Reads a document the way configparser.RawConfigParser (strict) followed by botocore's raw_config_parse does.
 * `frontToBack` reads every line at once instead of headers first; the result is the same (tests check that).
 * `keepAllValuesUpTo` lowers KEEP_ALL_VALUES_UP_TO, so tests can show that values let go and read again are the same.
 */
export function readIni(doc: IniDocument, options: { readonly frontToBack?: boolean; readonly keepAllValuesUpTo?: number } = {}): IniReading {
  const reader = new LineReader(doc, options.keepAllValuesUpTo ?? KEEP_ALL_VALUES_UP_TO);
  const text = doc.text;
  if (options.frontToBack === true || doc.encoding === 'latin1' || text.charCodeAt(0) === 0xfeff || INDENTED_BRACKET.test(text)) reader.readWhole();
  else reader.scanHeaders();
  return new Reading(reader);
}

/**
 * The keys nearly every profile has. Reusing one string per known key (instead of a fresh copy per line) takes tens of
 * thousands of small strings off the heap when a large file is read.
 */
const KNOWN_KEYS: readonly string[] = [
  'region', 'output', 'role_arn', 'source_profile', 'role_session_name', 'mfa_serial', 'external_id', 'duration_seconds',
  'credential_source', 'credential_process', 'sso_session', 'sso_start_url', 'sso_region', 'sso_account_id',
  'sso_role_name', 'sso_registration_scopes', 'aws_access_key_id', 'aws_secret_access_key', 'aws_session_token',
  'web_identity_token_file', 's3', 'cli_pager', 'max_attempts', 'retry_mode', 'ca_bundle', 'endpoint_url',
  'max_concurrent_requests', 'multipart_threshold', 'services', 'aws_account_id', 'login_session',
];
/** Known keys by length: a lookup is an array index and a few character comparisons, no hashing. */
const KNOWN_KEYS_BY_LENGTH: (string[] | undefined)[] = Array.from({ length: Math.max(...KNOWN_KEYS.map((k) => k.length)) + 1 }, () => undefined);
for (const key of KNOWN_KEYS) (KNOWN_KEYS_BY_LENGTH[key.length] ??= []).push(key);

/** The shared string for text[from, to) when it is a known key, without copying it out first. */
function knownKeyAt(text: string, from: number, to: number): string | undefined {
  const candidates = KNOWN_KEYS_BY_LENGTH[to - from];
  if (candidates === undefined) return undefined;
  const first = text.charCodeAt(from);
  for (let k = 0; k < candidates.length; k++) {
    const key = candidates[k]!;
    if (key.charCodeAt(0) === first && text.startsWith(key, from)) return key;
  }
  return undefined;
}

function holdsCommentChar(text: string, from: number, to: number): boolean {
  for (let i = from; i < to; i++) {
    const c = text.charCodeAt(i);
    if (c === 0x23 || c === 0x3b) return true;
  }
  return false;
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


/** Completes an entry in place once its continuation lines are known (rare work: most values are one line). */
function finishEntry(e: EntryBuild, parts: readonly string[], partLines: readonly number[]): void {
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

/** Line breaks of Python's str.splitlines() that are not line breaks of a file read with universal newlines. */
// eslint-disable-next-line no-control-regex -- these control characters are exactly the ones in question
const EXTRA_LINE_BREAK = /[\u000b\u000c\u001c-\u001e\u0085\u2028\u2029]/;

/** botocore's _parse_nested: one level of `k = v`; undefined when a line has no `=` (ConfigParseError). */
export function parseNested(value: string): NestedValue | undefined {
  return nestedFromLines(pySplitLines(value));
}

function nestedFromLines(lines: readonly string[]): NestedValue | undefined {
  const out: Record<string, string> = {};
  for (let n = 0; n < lines.length; n++) {
    const line = lines[n]!;
    // Bounds by index, then one slice each for key and value (strip, split, strip again would make four strings).
    const from = skipPySpace(line, 0, line.length);
    const to = trimPySpaceEnd(line, from, line.length);
    if (from === to) continue;
    const eq = line.indexOf('=', from);
    if (eq < 0 || eq >= to) return undefined;
    const keyTo = trimPySpaceEnd(line, from, eq);
    const valueFrom = skipPySpace(line, eq + 1, to);
    out[knownKeyAt(line, from, keyTo) ?? line.slice(from, keyTo)] = line.slice(valueFrom, to);
  }
  return out;
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
  for (let i = 0; i < doc.lineCount; i++) {
    const text = lineText(doc, i);
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

