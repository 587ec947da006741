// The public shape of a botocore reading of one ini document: line kinds, entries, section occurrences, errors.

import type { IniDocument } from './ini-document.js';

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
