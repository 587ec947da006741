// Lossless line model of an AWS ini file: bytes in, the same bytes out, with line-level edits; plain TS, any runtime.
//
// A document is its decoded text plus two offset arrays, not one object per line: a 5,000-profile file has 30,000
// lines, and a short-lived CLI process that allocated an object and a string for each spent a quarter of its time in
// the garbage collector. Lines become strings only when something reads them.

export type Eol = '\r\n' | '\n' | '\r' | '';

/** One line with its ending, for code that wants lines as values (tests, previews, vault restores). */
export interface DocLine {
  readonly text: string;
  readonly eol: Eol;
}

/**
 * `latin1` is used only for bytes that are not valid UTF-8: every byte maps to one char and back, so the round trip
 * stays exact even though such a file is refused by botocore.
 */
export type DocEncoding = 'utf8' | 'latin1';

export interface IniDocument {
  readonly encoding: DocEncoding;
  /** The whole file, decoded. */
  readonly text: string;
  readonly lineCount: number;
  /** `starts[i]` is where line i begins; `starts[lineCount]` is the text's length. */
  readonly starts: Int32Array;
  /** `ends[i]` is where line i's ending (CRLF, LF, CR or nothing) begins. */
  readonly ends: Int32Array;
  /**
   * The document's bytes when they are known without encoding the text: the bytes it was read from, or, after edits
   * of a pure-ASCII file, those bytes spliced. Serializing hands them back as they are.
   */
  readonly source: Uint8Array | undefined;
}

const utf8Strict = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });
const utf8Encoder = new TextEncoder();

function decodeBytes(bytes: Uint8Array): { text: string; encoding: DocEncoding } {
  try {
    return { text: utf8Strict.decode(bytes), encoding: 'utf8' };
  } catch {
    return { text: latin1Decode(bytes), encoding: 'latin1' };
  }
}

function latin1Decode(bytes: Uint8Array): string {
  // TextDecoder('latin1') is windows-1252 per the WHATWG spec, which is not a byte bijection; build it by hand.
  let out = '';
  const chunk = 0x8000;
  for (let i = 0; i < bytes.length; i += chunk) {
    out += String.fromCharCode.apply(null, Array.from(bytes.subarray(i, i + chunk)));
  }
  return out;
}

/**
 * Line offsets for CRLF, LF and lone CR — the breaks Python's universal newlines (and so botocore) honour. A last
 * line without an ending counts; an empty text after the final break does not. The lines are counted first, so the
 * two arrays are allocated once at their exact size (a 50 MB file has 2.5 million lines: growing arrays by doubling
 * and copying them out again cost more than the scan).
 */
function indexLines(text: string): { starts: Int32Array; ends: Int32Array; lineCount: number } {
  const lineCount = scanLines(text, undefined, undefined);
  const starts = new Int32Array(lineCount + 1);
  const ends = new Int32Array(lineCount);
  scanLines(text, starts, ends);
  starts[lineCount] = text.length;
  return { starts, ends, lineCount };
}

/** Counts the lines and, given the arrays, records where each starts and where its ending begins. */
function scanLines(text: string, starts: Int32Array | undefined, ends: Int32Array | undefined): number {
  const length = text.length;
  let count = 0;
  let start = 0;
  let lf = text.indexOf('\n');
  let cr = text.indexOf('\r');
  while (lf >= 0 || cr >= 0) {
    let end: number;
    if (cr < 0 || (lf >= 0 && lf < cr)) {
      end = lf;
      start = lf + 1;
    } else {
      end = cr;
      start = text.charCodeAt(cr + 1) === 0x0a ? cr + 2 : cr + 1;
      cr = text.indexOf('\r', cr + 1);
    }
    if (starts !== undefined) {
      ends![count] = end;
      starts[count + 1] = start;
    }
    count++;
    if (lf >= 0 && lf < start) lf = text.indexOf('\n', start);
  }
  if (start < length) {
    if (ends !== undefined) ends[count] = length;
    count++;
  }
  return count;
}

export function documentFromText(text: string, encoding: DocEncoding, source?: Uint8Array): IniDocument {
  const { starts, ends, lineCount } = indexLines(text);
  return { encoding, text, lineCount, starts, ends, source };
}

export function parseDocument(bytes: Uint8Array): IniDocument {
  const { text, encoding } = decodeBytes(bytes);
  return documentFromText(text, encoding, bytes);
}

/** A document from line values (tests and restores); a line's ending may not appear inside its text. */
export function documentFromLines(encoding: DocEncoding, lines: readonly DocLine[]): IniDocument {
  let text = '';
  for (const line of lines) text += line.text + line.eol;
  return documentFromText(text, encoding);
}

export function lineText(doc: IniDocument, index: number): string {
  return doc.text.slice(doc.starts[index]!, doc.ends[index]!);
}

export function lineEol(doc: IniDocument, index: number): Eol {
  return doc.text.slice(doc.ends[index]!, doc.starts[index + 1]!) as Eol;
}

/** Every line as a value; for code off the hot paths. */
export function docLines(doc: IniDocument, from = 0, to = doc.lineCount): DocLine[] {
  const out: DocLine[] = [];
  for (let i = from; i < to; i++) out.push({ text: lineText(doc, i), eol: lineEol(doc, i) });
  return out;
}

/** The line that holds text offset `offset` (the last line for the text's end). */
export function lineAt(doc: IniDocument, offset: number): number {
  let lo = 0;
  let hi = doc.lineCount - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (doc.starts[mid]! <= offset) lo = mid;
    else hi = mid - 1;
  }
  return lo;
}

export function serializeDocument(doc: IniDocument): Uint8Array {
  if (doc.source !== undefined) return doc.source;
  const text = doc.text;
  if (doc.encoding === 'utf8') return utf8Encoder.encode(text);
  const out = new Uint8Array(text.length);
  for (let i = 0; i < text.length; i++) out[i] = text.charCodeAt(i) & 0xff;
  return out;
}

function countOf(text: string, needle: string): number {
  let n = 0;
  for (let at = text.indexOf(needle); at >= 0; at = text.indexOf(needle, at + needle.length)) n++;
  return n;
}

/** The line ending most lines use; new lines are written with it. LF for a file with none. */
export function dominantEol(doc: IniDocument): Exclude<Eol, ''> {
  const text = doc.text;
  if (text.indexOf('\r') < 0) return '\n';
  const crlf = countOf(text, '\r\n');
  const lf = countOf(text, '\n') - crlf;
  const cr = countOf(text, '\r') - crlf;
  if (crlf > lf && crlf >= cr) return '\r\n';
  if (cr > lf && cr > crlf) return '\r';
  return '\n';
}

function hasFinalEol(doc: IniDocument): boolean {
  return doc.lineCount === 0 || doc.ends[doc.lineCount - 1]! < doc.text.length;
}

/**
 * Replaces lines [start, end) with `texts`, each ended with the file's line ending. A file without a final newline
 * keeps that property: whatever ends up last carries no line ending, and a line that stops being last gets one.
 */
export function spliceLines(doc: IniDocument, start: number, end: number, texts: readonly string[]): IniDocument {
  if (start === end && texts.length === 0) return doc;
  const eol = dominantEol(doc);
  const { text, starts, ends, lineCount } = doc;
  const inserted = texts.length === 0 ? '' : texts.join(eol) + eol;
  if (!hasFinalEol(doc)) {
    // Rare: rebuild from line values so the "last line has no ending" rule is applied in one place.
    const lines = docLines(doc, 0, start);
    for (const t of texts) lines.push({ text: t, eol });
    lines.push(...docLines(doc, end, lineCount));
    for (let i = 0; i < lines.length; i++) {
      const last = i === lines.length - 1;
      const line = lines[i]!;
      if (last ? line.eol !== '' : line.eol === '') lines[i] = { text: line.text, eol: last ? '' : eol };
    }
    return documentFromLines(doc.encoding, lines);
  }
  const from = starts[start]!;
  const to = starts[end]!;
  const nextText = text.slice(0, from) + inserted + text.slice(to);
  const source = splicedSource(doc, from, to, inserted);
  const nextCount = lineCount - (end - start) + texts.length;
  const nextStarts = new Int32Array(nextCount + 1);
  const nextEnds = new Int32Array(nextCount);
  nextStarts.set(starts.subarray(0, start));
  nextEnds.set(ends.subarray(0, start));
  let at = from;
  for (let i = 0; i < texts.length; i++) {
    nextStarts[start + i] = at;
    nextEnds[start + i] = at + texts[i]!.length;
    at += texts[i]!.length + eol.length;
  }
  const shift = inserted.length - (to - from);
  for (let i = end, j = start + texts.length; i < lineCount; i++, j++) {
    nextStarts[j] = starts[i]! + shift;
    nextEnds[j] = ends[i]! + shift;
  }
  nextStarts[nextCount] = nextText.length;
  return { encoding: doc.encoding, text: nextText, lineCount: nextCount, starts: nextStarts, ends: nextEnds, source };
}

/**
 * In a pure-ASCII UTF-8 file every character is one byte, so an edit's bytes are the old bytes around the new
 * text's bytes: a copy instead of re-encoding (and first flattening) a 600 KB string on every save.
 */
function splicedSource(doc: IniDocument, from: number, to: number, inserted: string): Uint8Array | undefined {
  const source = doc.source;
  if (source === undefined || doc.encoding !== 'utf8' || source.length !== doc.text.length) return undefined;
  const middle = utf8Encoder.encode(inserted);
  if (middle.length !== inserted.length) return undefined;
  const out = new Uint8Array(source.length - (to - from) + middle.length);
  out.set(source.subarray(0, from), 0);
  out.set(middle, from);
  out.set(source.subarray(to), from + middle.length);
  return out;
}

/** Replaces the text of one line, keeping its line ending. */
export function replaceLineText(doc: IniDocument, index: number, replacement: string): IniDocument {
  const from = doc.starts[index]!;
  const to = doc.ends[index]!;
  if (doc.text.slice(from, to) === replacement) return doc;
  const shift = replacement.length - (to - from);
  const starts = doc.starts.slice();
  const ends = doc.ends.slice();
  ends[index] = to + shift;
  for (let i = index + 1; i < doc.lineCount; i++) {
    starts[i] = starts[i]! + shift;
    ends[i] = ends[i]! + shift;
  }
  const text = doc.text.slice(0, from) + replacement + doc.text.slice(to);
  starts[doc.lineCount] = text.length;
  return { encoding: doc.encoding, text, lineCount: doc.lineCount, starts, ends, source: splicedSource(doc, from, to, replacement) };
}
