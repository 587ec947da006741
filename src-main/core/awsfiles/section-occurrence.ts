// One section occurrence, made on request over the line reader's per-header arrays, and the shared section bodies.

import type { EntryBuild } from './entry-build.js';
import type { IniEntry, SectionOccurrence } from './ini-reading-types.js';

/** The body of every section read and found empty (frozen: compared by identity, never written to). */
export const NO_ENTRIES: EntryBuild[] = [];
/** The body of every section not read yet; never written to (a section gets its own array when it is read). */
export const UNREAD_BODY: EntryBuild[] = [];
/**
 * The body of a section that was read for its values (or its errors), not for its entries, and had no error: its
 * entries were not kept, only its values, and are read again if something asks for them. A 50 MB file has over a
 * million entries; keeping one object per entry made a full listing take 800 MB.
 */
export const DROPPED_BODY: EntryBuild[] = [];

/** What an occurrence reads from the LineReader that made it (an interface, so this module needs no import of it). */
export interface OccurrenceSource {
  readonly bodies: readonly EntryBuild[][];
  readonly headerNames: readonly string[];
  readonly headerLines: readonly number[];
  readonly indentedHeaders: ReadonlySet<number>;
  earlierOf(index: number): Occurrence[] | undefined;
  endLineOf(index: number): number;
  readBody(index: number, keep: boolean): void;
}

/** One section occurrence, made when first asked for; its body is read the first time its entries are. */
export class Occurrence implements SectionOccurrence {
  // Two fields, set in the constructor alone (see EntryBuild): everything else is kept in the reader's per-header
  // arrays, so reading every section of a large file makes no object per section.
  private declare readonly reader: OccurrenceSource;
  declare readonly index: number;

  constructor(reader: OccurrenceSource, index: number) {
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
