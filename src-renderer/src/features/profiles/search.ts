// Profile search: every whitespace-separated term must match; `kind:`, `region:`, `account:`, `role:` narrow a term to one field.
import type { ProfileSummary } from '../../platform/types.js';
import { kindLabel, kindWord } from '../../components/kind-icon.js';

/** One profile prepared for searching; the search fields are built on first use, so the first paint pays only for the sort. */
export class Indexed {
  readonly p: ProfileSummary;
  readonly name: string;
  /** The list row for this profile, built once so a keystroke allocates nothing per profile. */
  readonly row: Row;
  private f: { hay: string; kind: string; region: string; account: string; role: string } | undefined;

  constructor(p: ProfileSummary) {
    this.p = p;
    this.name = p.name.toLowerCase();
    this.row = { type: 'profile', key: p.name, item: this };
  }

  private fields() {
    if (this.f === undefined) {
      const p = this.p;
      const kind = `${p.kind} ${kindLabel(p.kind)} ${kindWord(p.kind)}`.toLowerCase();
      const region = regionText(p).toLowerCase();
      const account = p.accountId ?? '';
      const role = `${roleName(p)} ${p.roleArn ?? ''}`.toLowerCase();
      this.f = { kind, region, account, role, hay: `${this.name}\n${account}\n${role}\n${kind}\n${region}\n${(p.note ?? '').toLowerCase()}` };
    }
    return this.f;
  }
  get hay(): string {
    return this.fields().hay;
  }
  get kind(): string {
    return this.fields().kind;
  }
  get region(): string {
    return this.fields().region;
  }
  get account(): string {
    return this.fields().account;
  }
  get role(): string {
    return this.fields().role;
  }
}

export function regionText(p: ProfileSummary): string {
  return typeof p.region === 'string' ? p.region : '';
}

export function roleName(p: ProfileSummary): string {
  if (p.roleArn === null) return '';
  const i = p.roleArn.indexOf(':role/');
  return i < 0 ? p.roleArn : p.roleArn.slice(i + 6);
}

export function indexProfiles(profiles: readonly ProfileSummary[]): Indexed[] {
  const out = profiles.map((p) => new Indexed(p));
  // Favourites first, then by name; done once per list, never per keystroke.
  out.sort((a, b) => (a.p.favourite !== b.p.favourite ? (a.p.favourite ? -1 : 1) : a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  return out;
}

const FIELDS = ['kind', 'region', 'account', 'role', 'name'] as const;
type Field = (typeof FIELDS)[number];

function parseTerms(query: string) {
  return query
    .toLowerCase()
    .split(/\s+/)
    .filter((t) => t !== '')
    .map((t) => {
      const c = t.indexOf(':');
      if (c > 0) {
        const f = t.slice(0, c) as Field;
        if ((FIELDS as readonly string[]).includes(f)) return { field: f as Field | null, text: t.slice(c + 1) };
      }
      return { field: null as Field | null, text: t };
    });
}

/**
 * Typing usually extends the query, and every result of the longer query is among the results of the shorter one,
 * so the previous result is filtered instead of the whole list (a new last character only narrows each term).
 */
export function createFilter(): (items: readonly Indexed[], query: string, favouritesOnly: boolean) => Indexed[] {
  let last: { items: readonly Indexed[]; query: string; fav: boolean; out: Indexed[] } | null = null;
  return (items, query, favouritesOnly) => {
    const narrows = last !== null && last.items === items && last.fav === favouritesOnly && query.startsWith(last.query) && !/\s/.test(query.slice(last.query.length)) && !query.slice(last.query.length).includes(':');
    const out = filterProfiles(narrows ? last!.out : items, query, favouritesOnly);
    last = { items, query, fav: favouritesOnly, out };
    return out;
  };
}

export function filterProfiles(items: readonly Indexed[], query: string, favouritesOnly: boolean): Indexed[] {
  const terms = parseTerms(query);
  if (terms.length === 0 && !favouritesOnly) return items as Indexed[];
  const out: Indexed[] = [];
  for (const it of items) {
    if (favouritesOnly && !it.p.favourite) continue;
    let ok = true;
    for (const t of terms) {
      const where = t.field === null ? it.hay : it[t.field];
      if (!where.includes(t.text)) {
        ok = false;
        break;
      }
    }
    if (ok) out.push(it);
  }
  return out;
}

export type Row = { readonly type: 'group'; readonly key: string; readonly label: string; readonly count: number } | { readonly type: 'profile'; readonly key: string; readonly item: Indexed };

export function toRows(items: readonly Indexed[], groupByAccount: boolean): Row[] {
  if (!groupByAccount) return items.map((item) => item.row);
  const groups = new Map<string, Indexed[]>();
  for (const it of items) {
    const k = it.p.accountId ?? '';
    let g = groups.get(k);
    if (g === undefined) groups.set(k, (g = []));
    g.push(it);
  }
  const keys = [...groups.keys()].sort((a, b) => (a === '' ? 1 : b === '' ? -1 : a < b ? -1 : a > b ? 1 : 0));
  const rows: Row[] = [];
  for (const k of keys) {
    const g = groups.get(k)!;
    rows.push({ type: 'group', key: `group:${k}`, label: k === '' ? 'No account id' : `Account ${k}`, count: g.length });
    for (const item of g) rows.push(item.row);
  }
  return rows;
}
