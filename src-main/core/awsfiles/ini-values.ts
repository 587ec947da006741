// Value-level helpers of the reading: known-key interning, character scans, botocore's nested values, UTF-8 checks.

import type { IniDocument } from './ini-document.js';
import { lineText } from './ini-document.js';
import type { NestedValue } from './ini-reading-types.js';
import { pySplitLines, skipPySpace, trimPySpaceEnd } from './python-text.js';

/**
 * The keys nearly every profile has. Reusing one string per known key (instead of a fresh copy per line) takes tens of
 * thousands of small strings off the heap when a large file is read.
 */
const KNOWN_KEYS: readonly string[] = [
  'region', 'output', 'role_arn', 'source_profile', 'role_session_name', 'mfa_serial', 'external_id', 'duration_seconds',
  'credential_source', 'credential_process', 'sso_session', 'sso_start_url', 'sso_region', 'sso_account_id',
  'sso_role_name', 'sso_registration_scopes', 'aws_access_key_id', 'aws_secret_access_key', 'aws_session_token',
  'web_identity_token_file', 's3', 'cli_pager', 'max_attempts', 'retry_mode', 'ca_bundle', 'endpoint_url',
  'max_concurrent_requests', 'multipart_threshold', 'services', 'aws_account_id', 'login_session',
];
/** Known keys by length: a lookup is an array index and a few character comparisons, no hashing. */
const KNOWN_KEYS_BY_LENGTH: (string[] | undefined)[] = Array.from({ length: Math.max(...KNOWN_KEYS.map((k) => k.length)) + 1 }, () => undefined);
for (const key of KNOWN_KEYS) (KNOWN_KEYS_BY_LENGTH[key.length] ??= []).push(key);

/** The shared string for text[from, to) when it is a known key, without copying it out first. */
export function knownKeyAt(text: string, from: number, to: number): string | undefined {
  const candidates = KNOWN_KEYS_BY_LENGTH[to - from];
  if (candidates === undefined) return undefined;
  const first = text.charCodeAt(from);
  for (let k = 0; k < candidates.length; k++) {
    const key = candidates[k]!;
    if (key.charCodeAt(0) === first && text.startsWith(key, from)) return key;
  }
  return undefined;
}

export function holdsCommentChar(text: string, from: number, to: number): boolean {
  for (let i = from; i < to; i++) {
    const c = text.charCodeAt(i);
    if (c === 0x23 || c === 0x3b) return true;
  }
  return false;
}

export function hasUpperCase(text: string): boolean {
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if ((c >= 0x41 && c <= 0x5a) || c > 0x7f) return true; // non-ASCII: let toLowerCase decide
  }
  return false;
}

/** Line breaks of Python's str.splitlines() that are not line breaks of a file read with universal newlines. */
// eslint-disable-next-line no-control-regex -- these control characters are exactly the ones in question
export const EXTRA_LINE_BREAK = /[\u000b\u000c\u001c-\u001e\u0085\u2028\u2029]/;

/** botocore's _parse_nested: one level of `k = v`; undefined when a line has no `=` (ConfigParseError). */
export function parseNested(value: string): NestedValue | undefined {
  return nestedFromLines(pySplitLines(value));
}

export function nestedFromLines(lines: readonly string[]): NestedValue | undefined {
  const out: Record<string, string> = {};
  for (let n = 0; n < lines.length; n++) {
    const line = lines[n]!;
    // Bounds by index, then one slice each for key and value (strip, split, strip again would make four strings).
    const from = skipPySpace(line, 0, line.length);
    const to = trimPySpaceEnd(line, from, line.length);
    if (from === to) continue;
    const eq = line.indexOf('=', from);
    if (eq < 0 || eq >= to) return undefined;
    const keyTo = trimPySpaceEnd(line, from, eq);
    const valueFrom = skipPySpace(line, eq + 1, to);
    out[knownKeyAt(line, from, keyTo) ?? line.slice(from, keyTo)] = line.slice(valueFrom, to);
  }
  return out;
}

/** Index of the first `=` or `:` (configparser's OPTCRE takes the first delimiter of either kind). */
export function findDelimiter(value: string): number {
  for (let i = 0; i < value.length; i++) {
    const c = value.charCodeAt(i);
    if (c === 0x3d || c === 0x3a) return i;
  }
  return -1;
}

export function firstNonUtf8Line(doc: IniDocument): number {
  const decoder = new TextDecoder('utf-8', { fatal: true });
  for (let i = 0; i < doc.lineCount; i++) {
    const text = lineText(doc, i);
    const bytes = new Uint8Array(text.length);
    for (let j = 0; j < text.length; j++) bytes[j] = text.charCodeAt(j) & 0xff;
    try {
      decoder.decode(bytes);
    } catch {
      return i;
    }
  }
  return 0;
}
