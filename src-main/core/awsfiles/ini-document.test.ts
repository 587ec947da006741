// Property tests: serialize(parse(bytes)) is the identity for any bytes, valid, mutated or random.

import { readFileSync, readdirSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { iniTextArb } from '../../../test/support/ini-arbitrary.js';
import { dominantEol, parseDocument, serializeDocument, spliceLines } from './ini-document.js';

const corpusDir = join(import.meta.dirname, '../../../test/fixtures/corpus');

function corpusFiles(): Uint8Array[] {
  const dirs = existsSync(corpusDir) ? readdirSync(corpusDir) : [];
  const files: Uint8Array[] = [];
  for (const d of dirs) for (const f of ['config', 'credentials']) if (existsSync(join(corpusDir, d, f))) files.push(readFileSync(join(corpusDir, d, f)));
  return files;
}

function roundTrips(bytes: Uint8Array): boolean {
  return Buffer.compare(Buffer.from(serializeDocument(parseDocument(bytes))), Buffer.from(bytes)) === 0;
}

describe('lossless document', () => {
  it('round-trips 4,000 arbitrary byte strings, invalid UTF-8 included', () => {
    fc.assert(fc.property(fc.uint8Array({ maxLength: 300 }), (b) => roundTrips(b)), { numRuns: 4000 });
  });

  it('round-trips 4,000 generated ini files (BOM, CRLF/LF/CR mixes, no final newline, tabs, junk)', () => {
    fc.assert(
      fc.property(iniTextArb, fc.boolean(), (text, bom) => roundTrips(new TextEncoder().encode((bom ? '\uFEFF' : '') + text))),
      { numRuns: 4000 },
    );
  });

  it('round-trips 3,000 random mutations of the corpus files', () => {
    const files = corpusFiles();
    expect(files.length).toBeGreaterThan(10);
    const mutation = fc.tuple(fc.nat(), fc.array(fc.tuple(fc.nat(), fc.constantFrom('insert', 'delete', 'replace'), fc.integer({ min: 0, max: 255 })), { maxLength: 8 }));
    fc.assert(
      fc.property(mutation, ([pick, ops]) => {
        const bytes = Array.from(files[pick % files.length]!);
        for (const [pos, op, byte] of ops) {
          const at = bytes.length === 0 ? 0 : pos % bytes.length;
          if (op === 'insert') bytes.splice(at, 0, byte);
          else if (op === 'delete') bytes.splice(at, 1);
          else bytes[at] = byte;
        }
        return roundTrips(Uint8Array.from(bytes));
      }),
      { numRuns: 3000 },
    );
  });

  it('keeps a UTF-8 BOM, invalid bytes and a missing final newline byte for byte', () => {
    for (const sample of [[0xef, 0xbb, 0xbf, 0x5b, 0x61, 0x5d], [0x5b, 0x61, 0x5d, 0x0a, 0x6b, 0x3d, 0xff, 0xfe], [0x61, 0x0d, 0x0a, 0x62, 0x0d, 0x63]]) {
      expect(roundTrips(Uint8Array.from(sample))).toBe(true);
    }
  });

  it('writes new lines with the file line ending and keeps "no final newline"', () => {
    const doc = parseDocument(new TextEncoder().encode('[a]\r\nk = v'));
    expect(dominantEol(doc)).toBe('\r\n');
    const next = spliceLines(doc, 2, 2, ['n = 1']);
    expect(new TextDecoder().decode(serializeDocument(next))).toBe('[a]\r\nk = v\r\nn = 1');
  });
});
