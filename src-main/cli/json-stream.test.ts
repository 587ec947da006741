// The streamed JSON writer must print exactly what JSON.stringify prints, compact and pretty.

import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { StreamedArray, writeJsonObject } from './json-stream.js';

describe('writeJsonObject', () => {
  it('equals JSON.stringify of the same object, compact and pretty (1,000 generated objects)', async () => {
    // Keys that are not array indices: an object lists those first, whatever order they were given in.
    const field = fc.tuple(fc.string().map((k) => `k${k}`), fc.oneof(fc.jsonValue(), fc.array(fc.jsonValue()), fc.constant(undefined)), fc.boolean());
    await fc.assert(
      fc.asyncProperty(fc.uniqueArray(field, { selector: ([key]) => key, maxLength: 5 }), fc.boolean(), async (fields, pretty) => {
        // An array field is given either as it is or as a StreamedArray of its items.
        const streamed = fields.map(([key, value, stream]) => [key, stream && Array.isArray(value) ? new StreamedArray(value, (item) => item) : value] as const);
        const plain = Object.fromEntries(fields.map(([key, value]) => [key, value]));
        let text = '';
        await writeJsonObject({ out: (piece) => (text += piece) }, streamed, pretty);
        expect(text).toBe(pretty ? JSON.stringify(plain, null, 2) : JSON.stringify(plain));
      }),
      { numRuns: 1000 },
    );
  });

  it('writes a long array in pieces, waiting for each to be taken, rather than as one string', async () => {
    const pieces: string[] = [];
    let waits = 0;
    const items = Array.from({ length: 20_000 }, (_, i) => ({ name: `p${i}`, region: 'us-east-1' }));
    const output = { out: (piece: string) => pieces.push(piece), drained: async () => void waits++ };
    await writeJsonObject(output, [['profiles', new StreamedArray(items, (item) => item)]], false);
    expect(waits).toBe(pieces.length);
    expect(pieces.join('')).toBe(JSON.stringify({ profiles: items }));
    expect(pieces.length).toBeGreaterThan(5);
    expect(Math.max(...pieces.map((p) => p.length))).toBeLessThan(70 * 1024);
  });
});
