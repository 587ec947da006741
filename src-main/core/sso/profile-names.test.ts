import { describe, expect, it } from 'vitest';

import { checkNameTemplate, displayValue, fillNameTemplate, nameAssignments, sdkSafeName } from './profile-names.js';

const pair = (accountId: string, accountName: string | undefined, roleName: string) => ({ accountId, accountName, roleName, session: 'corp' });

describe('SSO profile names', () => {
  it('makes names both SDKs read: other characters to "-", accents dropped, runs collapsed, ends trimmed', () => {
    expect(sdkSafeName("Acme & Sons (Prod), 'EU' #1")).toBe('Acme-Sons-Prod-EU-1');
    expect(sdkSafeName('Café Müller Straße Øst')).toBe('Cafe-Muller-Strasse-Ost');
    expect(sdkSafeName('日本 Team')).toBe('Team');
    expect(sdkSafeName('Power+User=Dev,x.y@z')).toBe('Power+User-Dev-x.y@z');
  });

  it('fills the template from safe parts, falling back to the account id for a nameless account', () => {
    expect(fillNameTemplate('{account_name}/{role_name}', pair('111111111111', ' -Sandbox- ', 'Admin'))).toBe('Sandbox/Admin');
    expect(fillNameTemplate('{account_name}/{role_name}', pair('111111111111', undefined, 'Admin'))).toBe('111111111111/Admin');
    expect(fillNameTemplate('sso {session}:{account_id}/{role_name}', pair('111111111111', 'x', 'R'))).toBe('sso-corp:111111111111/R');
  });

  it('rejects unknown placeholders and templates without the role', () => {
    expect(() => checkNameTemplate('{account}/{role_name}')).toThrow(/\{account\}/);
    expect(() => checkNameTemplate('{account_name}')).toThrow(/role_name/);
  });

  it('resolves collisions with -<account id> whatever the input order, then by role name, and never uses reserved names', () => {
    const items = [pair('222222222222', 'Acme Prod', 'ReadOnly'), pair('111111111111', 'Acme (Prod)', 'ReadOnly'), pair('111111111111', 'Acme (Prod)', 'Admin'), pair('333333333333', 'x', 'A+B'), pair('333333333333', 'x', 'A,B')];
    const names = nameAssignments('{account_name}/{role_name}', items).map((n) => `${n.name}=${n.item.accountId}:${n.item.roleName}`);
    expect(names).toEqual([
      'Acme-Prod/Admin=111111111111:Admin',
      'Acme-Prod/ReadOnly-111111111111=111111111111:ReadOnly',
      'Acme-Prod/ReadOnly-222222222222=222222222222:ReadOnly',
      'x/A+B=333333333333:A+B',
      'x/A-B=333333333333:A,B',
    ]);
    expect(nameAssignments('{account_name}/{role_name}', [...items].reverse())).toEqual(nameAssignments('{account_name}/{role_name}', items));
    expect(nameAssignments('{role_name}', [pair('111111111111', 'a', 'default')]).map((n) => n.name)).toEqual(['default-111111111111']);
    const same = nameAssignments('{account_name}/{role_name}', [pair('333333333333', 'x', 'A;B'), pair('333333333333', 'x', 'A,B')]);
    expect(same.map((n) => `${n.name}=${n.item.roleName}`)).toEqual(['x/A-B-333333333333-1=A,B', 'x/A-B-333333333333-2=A;B']);
  });

  it('keeps a display value ASCII and free of what the JS SDK cuts as a comment', () => {
    expect(displayValue('R&D #1; Café')).toBe('R&D -1; Cafe');
    expect(displayValue('# top')).toBe('- top');
  });
});
