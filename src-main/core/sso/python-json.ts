// Python's json.dumps for the cache files and cache keys the AWS CLI and botocore share (spec §4.2, §9.1); pure.

export interface PythonJsonOptions {
  /** sort_keys=True (cache keys); otherwise insertion order, as botocore writes its token files. */
  readonly sortKeys?: boolean;
  /** `compact` is separators=(',', ':') (the CLI credential-cache key); default is Python's (', ', ': '). */
  readonly compact?: boolean;
}

/** ensure_ascii=True: every non-ASCII UTF-16 unit as \uXXXX, as Python escapes it. */
function pyString(s: string): string {
  return JSON.stringify(s).replace(/[\u007f-\uffff]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

/** json.dumps(value) for JSON-shaped data (null, booleans, finite numbers, strings, arrays, plain objects). */
export function pythonJson(value: unknown, options: PythonJsonOptions = {}): string {
  const item = options.compact === true ? ',' : ', ';
  const colon = options.compact === true ? ':' : ': ';
  const dump = (v: unknown): string => {
    if (v === null || v === undefined) return 'null';
    if (typeof v === 'string') return pyString(v);
    if (typeof v === 'number' || typeof v === 'boolean') return JSON.stringify(v);
    if (Array.isArray(v)) return `[${v.map(dump).join(item)}]`;
    const entries = Object.entries(v as Record<string, unknown>).filter(([, x]) => x !== undefined);
    if (options.sortKeys === true) entries.sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, x]) => `${pyString(k)}${colon}${dump(x)}`).join(item)}}`;
  };
  return dump(value);
}
