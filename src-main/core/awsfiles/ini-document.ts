// Lossless line model of an AWS ini file: bytes in, the same bytes out, with line-level edits; plain TS, any runtime.

export type Eol = '\r\n' | '\n' | '\r' | '';

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
  readonly lines: readonly DocLine[];
}

const utf8Strict = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });

export function decodeBytes(bytes: Uint8Array): { text: string; encoding: DocEncoding } {
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

/** Splits on CRLF, LF and lone CR — the breaks Python's universal newlines (and so botocore) honour. */
export function splitLines(text: string): DocLine[] {
  const lines: DocLine[] = [];
  let start = 0;
  if (text.indexOf('\r') < 0) {
    // LF-only files (most of them): the native split is several times faster than a regex walk.
    const parts = text.split('\n');
    const last = parts.length - 1;
    for (let i = 0; i < last; i++) lines.push({ text: parts[i]!, eol: '\n' });
    if (parts[last] !== '') lines.push({ text: parts[last]!, eol: '' });
    return lines;
  } else {
    const re = /\r\n|\n|\r/g;
    let m: RegExpExecArray | null;
    while ((m = re.exec(text)) !== null) {
      lines.push({ text: text.slice(start, m.index), eol: m[0] as Eol });
      start = m.index + m[0].length;
    }
  }
  if (start < text.length) lines.push({ text: text.slice(start), eol: '' });
  return lines;
}

export function parseDocument(bytes: Uint8Array): IniDocument {
  const { text, encoding } = decodeBytes(bytes);
  return { encoding, lines: splitLines(text) };
}

export function documentText(doc: IniDocument): string {
  let out = '';
  for (const line of doc.lines) out += line.text + line.eol;
  return out;
}

export function serializeDocument(doc: IniDocument): Uint8Array {
  const text = documentText(doc);
  if (doc.encoding === 'utf8') return new TextEncoder().encode(text);
  const out = new Uint8Array(text.length);
  for (let i = 0; i < text.length; i++) out[i] = text.charCodeAt(i) & 0xff;
  return out;
}

export const emptyDocument: IniDocument = { encoding: 'utf8', lines: [] };

/** The line ending most lines use; new lines are written with it. LF for a file with none. */
export function dominantEol(doc: IniDocument): Exclude<Eol, ''> {
  let crlf = 0;
  let lf = 0;
  let cr = 0;
  for (const line of doc.lines) {
    if (line.eol === '\r\n') crlf++;
    else if (line.eol === '\n') lf++;
    else if (line.eol === '\r') cr++;
  }
  if (crlf > lf && crlf >= cr) return '\r\n';
  if (cr > lf && cr > crlf) return '\r';
  return '\n';
}

/**
 * Replaces lines [start, end) with `texts`, each ended with the file's line ending. A file without a final newline
 * keeps that property: whatever ends up last carries no line ending, and a line that stops being last gets one.
 */
export function spliceLines(doc: IniDocument, start: number, end: number, texts: readonly string[]): IniDocument {
  const eol = dominantEol(doc);
  const lines = doc.lines.slice();
  const hadNoFinalEol = lines.length > 0 && lines[lines.length - 1]!.eol === '';
  lines.splice(start, end - start, ...texts.map((text) => ({ text, eol })));
  if (hadNoFinalEol) {
    for (let i = 0; i < lines.length - 1; i++) {
      if (lines[i]!.eol === '') lines[i] = { text: lines[i]!.text, eol };
    }
    const last = lines.length - 1;
    if (last >= 0 && lines[last]!.eol !== '') lines[last] = { text: lines[last]!.text, eol: '' };
  }
  return { encoding: doc.encoding, lines };
}

export function replaceLineText(doc: IniDocument, index: number, text: string): IniDocument {
  const lines = doc.lines.slice();
  lines[index] = { text, eol: lines[index]!.eol };
  return { encoding: doc.encoding, lines };
}

export function documentsEqual(a: IniDocument, b: IniDocument): boolean {
  if (a === b) return true;
  if (a.encoding !== b.encoding || a.lines.length !== b.lines.length) return false;
  for (let i = 0; i < a.lines.length; i++) {
    const x = a.lines[i]!;
    const y = b.lines[i]!;
    if (x.text !== y.text || x.eol !== y.eol) return false;
  }
  return true;
}
