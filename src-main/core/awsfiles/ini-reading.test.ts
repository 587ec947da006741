// The headers-first reading (bodies read on demand) must equal reading every line front to back, and the lazy
// profile model must equal the full one; both on generated files and on every corpus fixture.

import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { iniTextArb, validIniArb } from '../../../test/support/ini-arbitrary.js';
import { documentFromText, parseDocument, replaceLineText, serializeDocument, spliceLines } from './ini-document.js';
import type { IniReading } from './ini-reading.js';
import { readIni } from './ini-reading.js';
import { buildProfileModel } from './profiles.js';
import { findProblems } from './problems.js';

const corpusDir = join(import.meta.dirname, '../../../test/fixtures/corpus');

function corpusTexts(): string[] {
  const out: string[] = [];
  for (const dir of existsSync(corpusDir) ? readdirSync(corpusDir) : []) {
    for (const f of ['config', 'credentials']) if (existsSync(join(corpusDir, dir, f))) out.push(readFileSync(join(corpusDir, dir, f), 'latin1'));
  }
  return out;
}

/** Everything a reading exposes, as plain values (occurrence order, entries, line kinds, errors, merged values). */
function snapshot(reading: IniReading, touchFirst?: string): unknown {
  // Reading one section first (as `set` does) must not change what the rest reads as.
  if (touchFirst !== undefined) for (const occ of reading.occurrencesOf(touchFirst)) void occ.entries;
  const occ = (o: IniReading['occurrences'][number]) => ({ name: o.name, headerLine: o.headerLine, endLine: o.endLine, indented: o.indented, entries: o.entries.map((e) => ({ key: e.key, rawKey: e.rawKey, delimiter: e.delimiter, line: e.line, lastLine: e.lastLine, value: e.value, nested: e.nested, continuationLines: e.continuationLines, indent: e.indent, nestedErrorLine: e.nestedErrorLine })) });
  return {
    occurrences: reading.occurrences.map(occ),
    defaults: reading.defaultOccurrences.map(occ),
    names: reading.sectionNames,
    kinds: reading.lineKinds,
    errors: reading.errors,
    unusual: reading.unusualEntries.map((u) => [u.occurrence.headerLine, u.entry.line]).sort((x, y) => x[1]! - y[1]!),
    sections: [...reading.sections].map(([name, values]) => [name, [...values]]),
  };
}

function sameBothWays(text: string, touchFirst?: string): void {
  const doc = documentFromText(text, 'utf8');
  expect(snapshot(readIni(doc), touchFirst)).toEqual(snapshot(readIni(doc, { frontToBack: true })));
}

describe('headers-first reading', () => {
  it('equals the front-to-back reading on 3,000 generated files, with or without one section read first', () => {
    fc.assert(
      fc.property(iniTextArb, fc.constantFrom(undefined, 'profile dev', 'default', 'DEFAULT', 'dev'), (text, touch) => sameBothWays(text, touch)),
      { numRuns: 3000 },
    );
  });

  it('equals the front-to-back reading on every corpus file', () => {
    const texts = corpusTexts();
    expect(texts.length).toBeGreaterThan(20);
    for (const text of texts) sameBothWays(text);
  });

  it('lists every entry a line-level check could fault, with its own section (3,000 generated files)', () => {
    fc.assert(
      fc.property(iniTextArb, (text) => {
        const reading = readIni(documentFromText(text, 'utf8'));
        const unusual = new Map(reading.unusualEntries.map((u) => [u.entry, u.occurrence]));
        for (const occ of [...reading.occurrences, ...reading.defaultOccurrences]) {
          for (const e of occ.entries) {
            const listed = unusual.get(e);
            if (listed !== undefined) {
              expect(listed).toBe(occ);
              continue;
            }
            expect([e.rawKey, e.delimiter, e.value === '', /[#;]/.test(e.value), e.continuationLines.length, e.nested]).toEqual([e.key, '=', false, false, 0, undefined]);
            expect(e.key).not.toBe('aws_security_token');
          }
        }
      }),
      { numRuns: 3000 },
    );
  });

  it('reads only the asked-for section of a large file', () => {
    const text = Array.from({ length: 200 }, (_, i) => `[profile p${i}]\nregion = r${i}\n`).join('');
    const reading = readIni(documentFromText(text, 'utf8'));
    expect(reading.occurrencesOf('profile p150')[0]!.entries.map((e) => e.value)).toEqual(['r150']);
    // Nothing else was read: only the 200 headers and that one key line have a kind yet.
    const codes = (reading as unknown as { reader: { kindCodes: Uint8Array } }).reader.kindCodes;
    expect(codes.filter((k) => k !== 0)).toHaveLength(201);
  });
});

describe('profile model', () => {
  it('finds one profile by name exactly as the full map has it (2,000 generated pairs)', () => {
    fc.assert(
      fc.property(iniTextArb, iniTextArb, (configText, credText) => {
        const read = () => buildProfileModel(readIni(documentFromText(configText, 'utf8')), readIni(documentFromText(credText, 'utf8')));
        const full = read();
        const view = (p: ReturnType<typeof full.profile>) =>
          p === undefined ? undefined : { name: p.name, kind: p.kind, sources: p.sources, settings: [...p.settings], config: p.configSections.map((o) => o.headerLine), all: p.allConfigSections.map((o) => o.headerLine), cred: p.credentialsSections.map((o) => o.headerLine) };
        for (const name of [...full.byName.keys(), 'missing', 'DEFAULT', 'profile dev']) expect(view(read().profile(name))).toEqual(view(full.byName.get(name)));
      }),
      { numRuns: 2000 },
    );
  });

  it('finds profiles whose headers spell the name with quotes, escapes, extra spaces or another prefix', () => {
    const config = ['[profile "my dev"]', 'region = a', "[profile 'x y']", 'region = b', '[profile d\\ev]', 'region = c', '[profile  spaced ]', 'region = d', '[profilefoo other]', 'region = e', '[profile "x y"]', 'output = json', '[default]', 'region = f', '[profile default]', 'region = g'].join('\n');
    const credentials = '[dev]\naws_access_key_id = AKIAEXAMPLE\n[x y]\nregion = h\n';
    const read = () => buildProfileModel(readIni(documentFromText(config, 'utf8')), readIni(documentFromText(credentials, 'utf8')));
    const full = read();
    expect([...full.byName.keys()]).toEqual(['my dev', 'x y', 'dev', 'spaced', 'other', 'default']);
    for (const name of full.byName.keys()) {
      const one = read().profile(name)!;
      const all = full.byName.get(name)!;
      expect([one.name, [...one.settings], one.sources, one.allConfigSections.map((o) => o.headerLine)]).toEqual([all.name, [...all.settings], all.sources, all.allConfigSections.map((o) => o.headerLine)]);
    }
  });

  it('merged values read like a dict filled in order: last value wins, first position kept', () => {
    const reading = readIni(documentFromText('[a]\nx = 1\ny = 2\nX = 3\n', 'utf8'));
    const values = reading.valuesOf('a')!;
    expect([...values]).toEqual([['x', '3'], ['y', '2']]);
    expect([values.size, values.get('x'), values.has('y'), values.has('z')]).toEqual([2, '3', true, false]);
    expect([...values.keys()]).toEqual(['x', 'y']);
    expect([...values.values()]).toEqual(['3', '2']);
  });
});

describe('edited bytes', () => {
  it('splicing an ASCII file gives exactly the bytes of the edited text (1,000 generated edits)', () => {
    fc.assert(
      fc.property(validIniArb, fc.nat(), fc.nat(), fc.constantFrom('region = x', '', '[profile new]'), ({ text }, a, b, line) => {
        const doc = parseDocument(new TextEncoder().encode(text));
        const start = a % (doc.lineCount + 1);
        const end = start + (b % (doc.lineCount - start + 1));
        for (const next of [spliceLines(doc, start, end, [line]), doc.lineCount === 0 ? doc : replaceLineText(doc, start % doc.lineCount, line)]) {
          expect(Buffer.from(serializeDocument(next)).toString('utf8')).toBe(next.text);
          expect(next.source === undefined || text.length === doc.source!.length).toBe(true);
        }
      }),
      { numRuns: 1000 },
    );
  });
});

describe('a reading that lets values go (as one of a huge file does)', () => {
  it('reads every profile, problem and entry as a reading that keeps everything (2,000 generated pairs)', () => {
    fc.assert(
      fc.property(iniTextArb, iniTextArb, (configText, credText) => {
        // Keeping the values of one section at a time, every other section is read again whenever it is asked for.
        const model = (options: Parameters<typeof readIni>[1]) => buildProfileModel(readIni(documentFromText(configText, 'utf8'), options), readIni(documentFromText(credText, 'utf8'), options));
        const small = model({ keepAllValuesUpTo: 1 });
        const full = model({ frontToBack: true });
        const profiles = (m: typeof full) => m.profiles.map((p) => ({ name: p.name, kind: p.kind, region: p.region, sources: p.sources, settings: [...p.settings], config: p.configSettings === undefined ? undefined : [...p.configSettings] }));
        const expected = profiles(full);
        expect(profiles(small)).toEqual(expected);
        expect(findProblems(small)).toEqual(findProblems(full));
        // Asked again after every section was let go and read once more.
        expect(profiles(small)).toEqual(expected);
        for (const [s, f] of [[small.config, full.config], [small.credentials, full.credentials]] as const) {
          expect([...s.sections].map(([name, values]) => [name, [...values]])).toEqual([...f.sections].map(([name, values]) => [name, [...values]]));
          expect(s.occurrences.map((o) => o.entries.map((e) => [e.line, e.key, e.value]))).toEqual(f.occurrences.map((o) => o.entries.map((e) => [e.line, e.key, e.value])));
          expect(s.lineKinds).toEqual(f.lineKinds);
          const unusual = (r: typeof s) => r.unusualEntries.map((u) => [u.occurrence.headerLine, u.entry.line]).sort((x, y) => x[1]! - y[1]!);
          expect(unusual(s)).toEqual(unusual(f));
        }
      }),
      { numRuns: 2000 },
    );
  });
});
