// Profile search: every whitespace-separated term must match; `kind:`, `region:`, `account:`, `role:` narrow a term to one field.
import type { ProfileSummary } from '../../platform/types.js';
import { kindLabel } from '../../components/badges.js';

export interface Indexed {
  readonly p: ProfileSummary;
  readonly hay: string;
  readonly name: string;
  readonly kind: string;
  readonly region: string;
  readonly account: string;
  readonly role: string;
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
  const out = profiles.map((p) => {
    const name = p.name.toLowerCase();
    const kind = `${p.kind} ${kindLabel(p.kind)}`.toLowerCase();
    const region = regionText(p).toLowerCase();
    const account = p.accountId ?? '';
    const role = `${roleName(p)} ${p.roleArn ?? ''}`.toLowerCase();
    return { p, name, kind, region, account, role, hay: `${name}\n${account}\n${role}\n${kind}\n${region}` };
  });
  // Favourites first, then by name; done once per list, never per keystroke.
  out.sort((a, b) => (a.p.favourite !== b.p.favourite ? (a.p.favourite ? -1 : 1) : a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  return out;
}

const FIELDS = ['kind', 'region', 'account', 'role', 'name'] as const;
type Field = (typeof FIELDS)[number];

export function filterProfiles(items: readonly Indexed[], query: string, favouritesOnly: boolean): Indexed[] {
  const terms = query
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
  if (!groupByAccount) return items.map((item) => ({ type: 'profile', key: item.p.name, item }));
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
    for (const item of g) rows.push({ type: 'profile', key: item.p.name, item });
  }
  return rows;
}
