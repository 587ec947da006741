// How botocore (Python configparser, strict, then raw_config_parse) reads one ini document, with line numbers kept.

import type { EntryBuild } from './entry-build.js';
import { NO_SETTINGS } from './entry-settings.js';
import type { IniDocument } from './ini-document.js';
import type { IniEntry, IniReading, LineKind, ReadError, SectionOccurrence, SettingValue, UnusualEntry } from './ini-reading-types.js';
import { DEFAULT_SECTION, KEEP_ALL_VALUES_UP_TO, LINE_KINDS, LineReader, NO_OCCURRENCES } from './line-reader.js';
import type { Occurrence } from './section-occurrence.js';
import { NO_ENTRIES } from './section-occurrence.js';

// Everything this module exported before it was split by job, so importers need not know the parts.
export type { IniEntry, IniReading, LineKind, NestedValue, ReadError, ReadErrorCode, SectionOccurrence, SettingValue, UnusualEntry } from './ini-reading-types.js';
export { mergedValues } from './entry-settings.js';
export { findDelimiter, parseNested } from './ini-values.js';

/**
 * Lines whose first non-blank character is `[` after indentation. Whether configparser takes such a line for a header
 * or for part of the value above depends on the lines before it, so a file with one is read front to back at once.
 */
// eslint-disable-next-line no-control-regex -- the Python whitespace set includes U+000B, U+000C and U+001C–U+001F
const INDENTED_BRACKET = /(?:^|[\n\r])[\t\u000b\u000c\u001c-\u001f \u0085\u00a0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000]+\[/;

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
