// Writes a large JSON object to the CLI's output in pieces, byte for byte what JSON.stringify would give; plain Node.
//
// `hatrack list --json` over half a million profiles is ~60 MB of JSON: built as one string (and then one Buffer) it
// doubled the process's peak memory. Here each array item is stringified on its own and written in ~64 KB pieces,
// waiting for each to be taken, so only one piece and the items it holds are alive at a time.

/** An array field whose items are made one at a time while the output is written. */
export class StreamedArray<T> {
  constructor(
    readonly items: Iterable<T>,
    readonly toJson: (item: T) => unknown,
  ) {}
}

const PIECE = 64 * 1024;

/** Where pieces go (the CLI's io has this shape). */
export interface Output {
  readonly out: (text: string) => void;
  readonly drained?: () => Promise<void>;
}

/**
 * Writes `{ key: value, ... }` as JSON.stringify(object) (compact) or JSON.stringify(object, null, 2) (pretty) would,
 * except that a StreamedArray value is written item by item. Fields whose value is undefined are left out, as
 * JSON.stringify leaves them out.
 */
export async function writeJsonObject(out: Output, fields: readonly (readonly [string, unknown])[], pretty: boolean): Promise<void> {
  // JSON.stringify never puts a raw line break inside a value, so indenting every line of a nested value is safe.
  const nested = (value: unknown, indent: string): string => {
    // JSON.stringify gives undefined for what JSON cannot express; in an array that is written as null.
    const text = (pretty ? JSON.stringify(value, null, 2) : JSON.stringify(value)) as string | undefined;
    if (text === undefined) return 'null';
    return pretty ? text.replaceAll('\n', `\n${indent}`) : text;
  };
  const present = fields.filter(([, value]) => value !== undefined);
  if (present.length === 0) {
    out.out('{}');
    return;
  }
  let piece = pretty ? '{\n' : '{';
  const flush = async () => {
    out.out(piece);
    piece = '';
    await out.drained?.();
  };
  for (let n = 0; n < present.length; n++) {
    const [key, value] = present[n]!;
    piece += pretty ? `  ${JSON.stringify(key)}: ` : `${JSON.stringify(key)}:`;
    if (value instanceof StreamedArray) {
      let count = 0;
      for (const item of value.items as Iterable<unknown>) {
        const json = nested(value.toJson(item), '    ');
        piece += count === 0 ? (pretty ? `[\n    ${json}` : `[${json}`) : pretty ? `,\n    ${json}` : `,${json}`;
        count++;
        if (piece.length >= PIECE) await flush();
      }
      piece += count === 0 ? '[]' : pretty ? '\n  ]' : ']';
    } else {
      piece += nested(value, '  ');
    }
    if (n < present.length - 1) piece += pretty ? ',\n' : ',';
    if (piece.length >= PIECE) await flush();
  }
  piece += pretty ? '\n}' : '}';
  await flush();
}
