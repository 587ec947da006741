// Profile names for discovered account/role pairs: a template filled in and made safe for both SDKs (spec §8.1); pure.

import { HatrackError } from '../../../shared/domain/errors.js';

export const DEFAULT_NAME_TEMPLATE = '{account_name}/{role_name}';

const PLACEHOLDERS = ['account_name', 'account_id', 'role_name', 'session'] as const;
type Placeholder = (typeof PLACEHOLDERS)[number];

export interface NameParts {
  readonly accountId: string;
  readonly accountName: string | undefined;
  readonly roleName: string;
  readonly session: string;
}

/** Letters with no Unicode decomposition to ASCII that still have a usual ASCII spelling. */
const SPELLED: Readonly<Record<string, string>> = {
  ß: 'ss', ẞ: 'SS', æ: 'ae', Æ: 'AE', œ: 'oe', Œ: 'OE', ø: 'o', Ø: 'O', đ: 'd', Đ: 'D', ð: 'd', Ð: 'D',
  ł: 'l', Ł: 'L', þ: 'th', Þ: 'Th', ı: 'i', ħ: 'h', Ħ: 'H',
};

/** Non-ASCII letters to their plain ASCII form where one exists (é → e, ß → ss); others are left as they are. */
export function transliterate(text: string): string {
  if (!/[\u0080-\uffff]/.test(text)) return text;
  return text
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[\u0080-\uffff]/g, (c) => SPELLED[c] ?? c);
}

/**
 * A name both SDKs read: the JS SDK reads only sections named with `[A-Za-z0-9_\-@+.%:/]`, so everything else
 * (spaces, `&`, `(`, `,`, `#`, quotes, letters with no ASCII form) becomes `-`; runs of `-` collapse; no `-` at
 * either end.
 */
export function sdkSafeName(text: string): string {
  return transliterate(text)
    .replace(/[^A-Za-z0-9_\-@+.%:/]/g, '-')
    .replace(/-{2,}/g, '-')
    .replace(/^-+|-+$/g, '');
}

/** A template's placeholders checked once, before any account is named. */
export function checkNameTemplate(template: string): void {
  const unknown = [...template.matchAll(/\{([^}]*)\}/g)].map((m) => m[1]!).filter((p) => !(PLACEHOLDERS as readonly string[]).includes(p));
  if (unknown.length > 0) {
    throw new HatrackError('INVALID_VALUE', `The name template uses {${unknown[0]}}; use only ${PLACEHOLDERS.map((p) => `{${p}}`).join(', ')}.`);
  }
  if (!template.includes('{role_name}')) {
    throw new HatrackError('INVALID_VALUE', 'The name template must contain {role_name}, or every role of an account would get the same name.');
  }
}

const SAFE = /^[A-Za-z0-9_\-@+.%:/]+$/;

/** The template filled in, each value made safe on its own first (so its edges cannot glue onto the template's). */
export function fillNameTemplate(template: string, parts: NameParts, safe: (text: string) => string = sdkSafeName): string {
  const values: Record<Placeholder, string> = {
    account_name: safe(parts.accountName ?? '') || parts.accountId,
    account_id: parts.accountId,
    role_name: safe(parts.roleName) || 'role',
    session: safe(parts.session),
  };
  const filled = template.replace(/\{([a-z_]+)\}/g, (m, p: string) => values[p as Placeholder] ?? m);
  // Safe values in a safe template usually need nothing more; the full pass is for the joins and the template text.
  return SAFE.test(filled) && !filled.includes('--') && !filled.startsWith('-') && !filled.endsWith('-') ? filled : sdkSafeName(filled);
}

/** sdkSafeName remembered per input: 6,000 pairs repeat 2,000 account names and a handful of role names. */
function memoSafeName(): (text: string) => string {
  const seen = new Map<string, string>();
  return (text) => {
    let out = seen.get(text);
    if (out === undefined) {
      out = sdkSafeName(text);
      seen.set(text, out);
    }
    return out;
  };
}

export interface NamedAssignment<T extends NameParts> {
  readonly name: string;
  readonly item: T;
}

const RESERVED = new Set(['default', 'DEFAULT', '__proto__']);

/**
 * Names for every pair, collisions resolved the same way whatever the input order: every pair whose name is
 * shared gets `-{account_id}`; pairs still alike after that (roles of one account that sanitise alike) get
 * `-1`, `-2`, … in the order of their original role names. Reserved names are treated as shared.
 */
export function nameAssignments<T extends NameParts>(template: string, items: readonly T[]): NamedAssignment<T>[] {
  const safe = memoSafeName();
  const first = items.map((item) => ({ name: fillNameTemplate(template, item, safe), item }));
  const groups = groupBy(first);
  const second = first.map((n) => (groups.get(n.name)!.length > 1 || RESERVED.has(n.name) ? { name: `${n.name}-${n.item.accountId}`, item: n.item } : n));
  const again = groupBy(second);
  const out: NamedAssignment<T>[] = [];
  for (const [name, group] of again) {
    if (group.length === 1) {
      out.push(group[0]!);
      continue;
    }
    const sorted = [...group].sort((a, b) => cmp(a.item.accountId, b.item.accountId) || cmp(a.item.roleName, b.item.roleName));
    sorted.forEach((n, i) => out.push({ name: `${name}-${i + 1}`, item: n.item }));
  }
  return out.sort((a, b) => cmp(a.name, b.name));
}

function cmp(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

function groupBy<T extends NameParts>(named: readonly NamedAssignment<T>[]): Map<string, NamedAssignment<T>[]> {
  const m = new Map<string, NamedAssignment<T>[]>();
  for (const n of named) {
    const g = m.get(n.name);
    if (g === undefined) m.set(n.name, [n]);
    else g.push(n);
  }
  return m;
}

/**
 * An account name as a value the AWS files can hold (display only): ASCII, one line, and without a ` #`/` ;` the
 * JS SDK would cut off as a comment.
 */
export function displayValue(text: string): string {
  return transliterate(text)
    .replace(/[^\x20-\x7e]/g, '?')
    .replace(/(^|\s)[#;]/g, '$1-')
    .trim();
}
