import { describe, expect, it } from 'vitest';
import { pickerRows, selectionState, toggleAll, visiblePairs } from './picker-model.js';

const ACCOUNTS = [
  { accountId: '111111111111', accountName: 'Acme Prod', emailAddress: 'ops@acme.example', roles: ['AdministratorAccess', 'ReadOnly'] },
  { accountId: '222222222222', accountName: 'Sandbox', emailAddress: null, roles: ['ReadOnly'] },
];

describe('discovery picker model', () => {
  it('lists each account, then its roles', () => {
    expect(pickerRows(ACCOUNTS, '').map((r) => r.key)).toEqual(['a:111111111111', 'r:111111111111/AdministratorAccess', 'r:111111111111/ReadOnly', 'a:222222222222', 'r:222222222222/ReadOnly']);
  });

  it('searches account name, id and role; every term must match', () => {
    expect(visiblePairs(pickerRows(ACCOUNTS, 'acme'))).toEqual(['111111111111/AdministratorAccess', '111111111111/ReadOnly']);
    expect(visiblePairs(pickerRows(ACCOUNTS, '2222'))).toEqual(['222222222222/ReadOnly']);
    expect(visiblePairs(pickerRows(ACCOUNTS, 'readonly'))).toEqual(['111111111111/ReadOnly', '222222222222/ReadOnly']);
    expect(visiblePairs(pickerRows(ACCOUNTS, 'ACME admin'))).toEqual(['111111111111/AdministratorAccess']);
    expect(pickerRows(ACCOUNTS, 'nothing-like-this')).toEqual([]);
  });

  it('an account checkbox selects all its roles, then clears them; partial selections are "some"', () => {
    const keys = ['111111111111/AdministratorAccess', '111111111111/ReadOnly'];
    const one = new Set([keys[0]!]);
    expect(selectionState(one, keys)).toBe('some');
    const all = toggleAll(one, keys);
    expect([...all].sort()).toEqual(keys);
    expect(selectionState(all, keys)).toBe('all');
    expect(selectionState(toggleAll(all, keys), keys)).toBe('none');
  });

  it('keeps 2,000 accounts cheap to filter', () => {
    const many = Array.from({ length: 2000 }, (_, i) => ({ accountId: String(100000000000 + i), accountName: `Team ${i}`, emailAddress: null, roles: ['ReadOnly', 'Admin'] }));
    expect(pickerRows(many, '').length).toBe(6000);
    expect(visiblePairs(pickerRows(many, 'team 1999 admin'))).toEqual(['100000001999/Admin']);
  });
});
