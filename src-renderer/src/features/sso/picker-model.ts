// The discovery picker's pure model: accounts and roles as flat list rows, search, and the selection of role pairs.
import type { SsoAccount } from '../../platform/types.js';

/** `accountId/roleName`: what sso.populate takes and the selection holds. */
export function pairKey(accountId: string, role: string): string {
  return `${accountId}/${role}`;
}

export type PickerRow =
  | { readonly type: 'account'; readonly key: string; readonly account: SsoAccount; readonly roles: readonly string[] }
  | { readonly type: 'role'; readonly key: string; readonly account: SsoAccount; readonly role: string };

/**
 * One row per account, then one per role, keeping only what matches every whitespace-separated term. A term that
 * matches the account (name or id) keeps all its roles; otherwise only the roles it names are kept.
 */
export function pickerRows(accounts: readonly SsoAccount[], query: string): PickerRow[] {
  const terms = query.toLowerCase().split(/\s+/).filter((t) => t !== '');
  const rows: PickerRow[] = [];
  for (const account of accounts) {
    const accountText = `${account.accountName ?? ''} ${account.accountId} ${account.emailAddress ?? ''}`.toLowerCase();
    const roles = account.roles.filter((role) => {
      const text = `${accountText} ${role.toLowerCase()}`;
      return terms.every((t) => text.includes(t));
    });
    if (roles.length === 0) continue;
    rows.push({ type: 'account', key: `a:${account.accountId}`, account, roles });
    for (const role of roles) rows.push({ type: 'role', key: `r:${pairKey(account.accountId, role)}`, account, role });
  }
  return rows;
}

/** Whether all, some or none of `keys` are selected (the account checkbox's checked / mixed / empty). */
export function selectionState(selected: ReadonlySet<string>, keys: readonly string[]): 'all' | 'some' | 'none' {
  let n = 0;
  for (const k of keys) if (selected.has(k)) n++;
  return n === 0 ? 'none' : n === keys.length ? 'all' : 'some';
}

/** Selects `keys` unless all of them are selected already, in which case they are all cleared. */
export function toggleAll(selected: ReadonlySet<string>, keys: readonly string[]): Set<string> {
  const next = new Set(selected);
  if (selectionState(selected, keys) === 'all') for (const k of keys) next.delete(k);
  else for (const k of keys) next.add(k);
  return next;
}

/** The role pairs of the rows in view (the "select all shown" action). */
export function visiblePairs(rows: readonly PickerRow[]): string[] {
  return rows.flatMap((r) => (r.type === 'role' ? [pairKey(r.account.accountId, r.role)] : []));
}
