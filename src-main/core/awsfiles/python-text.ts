// Python text primitives that botocore's reading depends on (str.isspace, str.strip, shlex.split); plain TS, any runtime.

// Characters for which Python's str.isspace() is true. JS's \s differs (it has U+FEFF, lacks U+001C–U+001F and U+0085),
// so a JS trim() would read some lines differently from configparser.
const PY_SPACE = new Set<number>([
  0x09, 0x0a, 0x0b, 0x0c, 0x0d, 0x1c, 0x1d, 0x1e, 0x1f, 0x20, 0x85, 0xa0, 0x1680, 0x2000, 0x2001, 0x2002, 0x2003,
  0x2004, 0x2005, 0x2006, 0x2007, 0x2008, 0x2009, 0x200a, 0x2028, 0x2029, 0x202f, 0x205f, 0x3000,
]);

export function isPySpace(code: number): boolean {
  if (code > 0x20 && code < 0x7f) return false; // printable ASCII: the overwhelmingly common case
  return code === 0x20 || (code <= 0x0d && code >= 0x09) || (code > 0x0d && PY_SPACE.has(code));
}

/**
 * Where text[from, to) starts once Python's strip() has removed leading whitespace. Reading a file calls this for
 * every line, so printable ASCII is tested before isPySpace is called.
 */
export function skipPySpace(text: string, from: number, to: number): number {
  let a = from;
  while (a < to) {
    const c = text.charCodeAt(a);
    if ((c > 0x20 && c < 0x7f) || !isPySpace(c)) break;
    a++;
  }
  return a;
}

/** Where text[from, to) ends once Python's strip() has removed trailing whitespace. */
export function trimPySpaceEnd(text: string, from: number, to: number): number {
  let b = to;
  while (b > from) {
    const c = text.charCodeAt(b - 1);
    if ((c > 0x20 && c < 0x7f) || !isPySpace(c)) break;
    b--;
  }
  return b;
}

export function pyStrip(text: string): string {
  const start = skipPySpace(text, 0, text.length);
  const end = trimPySpaceEnd(text, start, text.length);
  return start === 0 && end === text.length ? text : text.slice(start, end);
}

export function pyRstrip(text: string): string {
  const end = trimPySpaceEnd(text, 0, text.length);
  return end === text.length ? text : text.slice(0, end);
}

/** Python's str.splitlines() (no keepends): the line boundaries botocore's nested-block parser uses. */
export function pySplitLines(text: string): string[] {
  const out: string[] = [];
  let start = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    const isBreak =
      c === 0x0a || c === 0x0d || c === 0x0b || c === 0x0c || c === 0x1c || c === 0x1d || c === 0x1e || c === 0x85 ||
      c === 0x2028 || c === 0x2029;
    if (!isBreak) continue;
    out.push(text.slice(start, i));
    if (c === 0x0d && text.charCodeAt(i + 1) === 0x0a) i++;
    start = i + 1;
  }
  if (start < text.length) out.push(text.slice(start));
  return out;
}

export class ShlexError extends Error {}

const SHLEX_SPACE = ' \t\r\n';

/**
 * Python's shlex.split(s) (POSIX mode, no comments). botocore uses it to name profiles from section headers and to
 * run credential_process, so both must split exactly as it does.
 */
export function shlexSplit(input: string): string[] {
  const tokens: string[] = [];
  let token = '';
  let inToken = false;
  let i = 0;
  while (i < input.length) {
    const ch = input[i]!;
    if (SHLEX_SPACE.includes(ch)) {
      if (inToken) {
        tokens.push(token);
        token = '';
        inToken = false;
      }
      i++;
    } else if (ch === '\\') {
      if (i + 1 >= input.length) throw new ShlexError('No escaped character');
      token += input[i + 1];
      inToken = true;
      i += 2;
    } else if (ch === "'") {
      const close = input.indexOf("'", i + 1);
      if (close < 0) throw new ShlexError('No closing quotation');
      token += input.slice(i + 1, close);
      inToken = true;
      i = close + 1;
    } else if (ch === '"') {
      inToken = true;
      i++;
      let closed = false;
      while (i < input.length) {
        const c = input[i]!;
        if (c === '"') {
          closed = true;
          i++;
          break;
        }
        if (c === '\\' && i + 1 < input.length && (input[i + 1] === '"' || input[i + 1] === '\\')) {
          token += input[i + 1];
          i += 2;
          continue;
        }
        if (c === '\\' && i + 1 >= input.length) throw new ShlexError('No escaped character');
        token += c;
        i++;
      }
      if (!closed) throw new ShlexError('No closing quotation');
    } else {
      token += ch;
      inToken = true;
      i++;
    }
  }
  if (inToken) tokens.push(token);
  return tokens;
}

/** Quote one argument so that shlex.split and a POSIX shell both read it back unchanged. */
export function shlexQuote(arg: string): string {
  if (arg !== '' && /^[A-Za-z0-9_@%+=:,./-]+$/.test(arg)) return arg;
  return "'" + arg.replace(/'/g, `'"'"'`) + "'";
}
