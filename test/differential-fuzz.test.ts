// Randomized differential test: our profile model against real botocore on 1,500 generated file pairs.

import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import { parseDocument } from '../src-main/core/awsfiles/ini-document.js';
import { readIni } from '../src-main/core/awsfiles/ini-reading.js';
import { buildProfileModel } from '../src-main/core/awsfiles/profiles.js';
import { findProblems } from '../src-main/core/awsfiles/problems.js';
import { iniTextArb } from './support/ini-arbitrary.js';

interface OracleResult {
  ok: boolean;
  profiles?: string[];
  kinds?: Record<string, string>;
  settings?: Record<string, Record<string, unknown>>;
  error?: string;
  line?: number | null;
}

const dir = mkdtempSync(join(tmpdir(), 'hatrack-fuzz-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function sortDeep(x: unknown): unknown {
  if (x !== null && typeof x === 'object') return Object.fromEntries(Object.keys(x).sort().map((k) => [k, sortDeep((x as Record<string, unknown>)[k])]));
  return x;
}

describe('differential fuzz against botocore', () => {
  it('agrees on names, order, kinds, merged settings and on refusing a file (with its line)', () => {
    const samples = fc.sample(fc.tuple(iniTextArb, iniTextArb), { numRuns: 1500, seed: 20261129 });
    const pairs = samples.map(([config, credentials], i) => {
      const c = join(dir, `${i}.config`);
      const k = join(dir, `${i}.credentials`);
      writeFileSync(c, config);
      writeFileSync(k, credentials);
      return { config: c, credentials: k, texts: [config, credentials] as const };
    });
    const out = execFileSync('python3', [join(import.meta.dirname, 'support/botocore-batch.py')], {
      input: JSON.stringify(pairs.map(({ config, credentials }) => ({ config, credentials }))),
      maxBuffer: 256 * 1024 * 1024,
      env: { PATH: process.env['PATH'], HOME: dir, LANG: 'C.UTF-8' },
    });
    const results = JSON.parse(out.toString()) as OracleResult[];
    let refused = 0;
    const mismatches: string[] = [];
    results.forEach((oracle, i) => {
      const [configText, credText] = pairs[i]!.texts;
      const model = buildProfileModel(readIni(parseDocument(new TextEncoder().encode(configText))), readIni(parseDocument(new TextEncoder().encode(credText))));
      const breaking = findProblems(model).filter((p) => p.breaksCli);
      const label = `sample ${i}: ${JSON.stringify(configText)} / ${JSON.stringify(credText)}`;
      if (!oracle.ok) {
        refused++;
        if (breaking.length === 0) mismatches.push(`${label}: botocore refuses (${oracle.error} line ${oracle.line}) but no breaking problem`);
        else if (oracle.line != null && !breaking.some((p) => p.line === oracle.line)) mismatches.push(`${label}: botocore refuses at line ${oracle.line}, we say ${breaking.map((p) => `${p.file}:${p.line}`).join(',')}`);
        return;
      }
      if (breaking.length > 0) mismatches.push(`${label}: botocore accepts but we report ${breaking.map((p) => p.code).join(',')}`);
      const names = model.profiles.map((p) => p.name);
      if (JSON.stringify(names) !== JSON.stringify(oracle.profiles)) mismatches.push(`${label}: names ${JSON.stringify(names)} vs ${JSON.stringify(oracle.profiles)}`);
      for (const p of model.profiles) {
        if (oracle.kinds?.[p.name] !== p.kind) mismatches.push(`${label}: kind of ${p.name} ${p.kind} vs ${oracle.kinds?.[p.name]}`);
        const ours = JSON.stringify(sortDeep(Object.fromEntries(p.settings)));
        const theirs = JSON.stringify(sortDeep(oracle.settings?.[p.name]));
        if (ours !== theirs) mismatches.push(`${label}: settings of ${p.name} ${ours} vs ${theirs}`);
      }
    });
    expect(mismatches.slice(0, 5)).toEqual([]);
    // The generator must exercise both outcomes, or this test proves little.
    expect(refused).toBeGreaterThan(100);
    expect(results.length - refused).toBeGreaterThan(100);
  });
});
