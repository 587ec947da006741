// Unit tests of the contract's own data: which channels mutate, and one role setup request for plan and apply.
import { describe, expect, it } from 'vitest';
import { CHANNELS, CONTRACT, mutates } from './contract.js';

describe('CONTRACT', () => {
  it('marks exactly the channels that change files, keychain, settings or the SSO token cache as mutating', () => {
    expect(CHANNELS.filter(mutates).sort()).toEqual(
      [
        'console.open',
        'console.clearRecents',
        'credentials.use',
        'credentials.restoreDefault',
        'doctor.fix',
        'keys.rotate',
        'profiles.apply',
        'roleSetup.apply',
        'settings.update',
        'vault.add',
        'vault.remove',
        'sso.setup',
        'sso.signIn.wait',
        'sso.signOut',
        'sso.populate.apply',
        // Refresh of the managed default rewrites [default]; Forget of an MFA session deletes it from the keychain.
        'sessions.refresh',
        'sessions.forget',
      ].sort(),
    );
  });

  it('checks roleSetup.plan and roleSetup.apply with one schema, friendly messages included', () => {
    expect(CONTRACT['roleSetup.apply'].request).toBe(CONTRACT['roleSetup.plan'].request);
    const bad = CONTRACT['roleSetup.apply'].request.safeParse({ source: 'dev', account: '123', role: 'a b', mfa: false });
    expect(bad.success).toBe(false);
    expect(bad.error?.issues.map((i) => i.message)).toEqual(['an AWS account id is 12 digits', 'a role name uses letters, digits and +=,.@_-']);
  });
});
