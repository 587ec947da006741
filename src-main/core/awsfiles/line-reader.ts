// configparser's per-line state machine: finds headers, reads section bodies on demand, records kinds and errors.

import { EntryBuild, finishEntry, firstLineOfKey } from './entry-build.js';
import { EntrySettings, NO_SETTINGS } from './entry-settings.js';
import type { IniDocument } from './ini-document.js';
import type { LineKind, ReadError, SettingValue } from './ini-reading-types.js';
import { firstNonUtf8Line, hasUpperCase, holdsCommentChar, knownKeyAt } from './ini-values.js';
import { skipPySpace, trimPySpaceEnd } from './python-text.js';
import type { OccurrenceSource } from './section-occurrence.js';
import { DROPPED_BODY, NO_ENTRIES, Occurrence, UNREAD_BODY } from './section-occurrence.js';

export const DEFAULT_SECTION = 'DEFAULT';
// Line kinds as codes while reading; 0 is a line not read yet (it never survives readAll).
export const LINE_KINDS: readonly (LineKind | undefined)[] = [undefined, 'blank', 'comment', 'header', 'option', 'continuation', 'junk', 'orphan'];
const BLANK = 1;
const COMMENT = 2;
const HEADER = 3;
const OPTION = 4;
const CONTINUATION = 5;
const JUNK = 6;
const ORPHAN = 7;
export const NO_OCCURRENCES: readonly Occurrence[] = [];
/**
 * A file with up to this many sections keeps every value it read. A larger one keeps the values of the VALUES_KEPT
 * sections read last and reads a section again when its values were let go, so reading every profile of a huge file
 * needs memory for a few thousand sections, not for all of them. Few enough that values die young: kept across tens
 * of thousands of sections, each outlived a young-generation collection and left the old generation to grow by
 * hundreds of megabytes before V8 collected it.
 */
export const KEEP_ALL_VALUES_UP_TO = 50_000;
const VALUES_KEPT = 4_000;

/**
 * configparser's line loop over a range of lines. A whole file is read in one range when it must be (see
 * INDENTED_BRACKET in ini-reading.ts, a BOM, invalid UTF-8); otherwise the headers are found with a fast scan first
 * and each section's body is read by the same loop when it is first needed, so `hatrack set` on one profile reads one
 * section. Headers are kept as two arrays, and an object for a section is made only when something asks for that
 * section.
 */
export class LineReader implements OccurrenceSource {
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
