import { describe, expect, it } from 'vitest';
import { keychainHelp } from './keychain-help.js';

describe('keychain help', () => {
  it('names the Secret Service and the package when the session has no D-Bus (core’s wording)', () => {
    const help = keychainHelp('No system keychain is reachable (no D-Bus session: DBUS_SESSION_BUS_ADDRESS is not set); Hatrack will not store keys in plaintext.');
    expect(help.missing).toContain('GNOME Keyring or KWallet');
    expect(help.fix).toContain('gnome-keyring package');
    expect(`${help.missing} ${help.fix}`).not.toContain('DBUS_SESSION_BUS_ADDRESS');
  });

  it('tells a bus with no keyring on it from a locked keyring and a missing module', () => {
    expect(keychainHelp('No system keychain is reachable (the D-Bus session at unix:path=/x cannot be reached: Failed to connect)').missing).toContain('not running');
    expect(keychainHelp('No system keychain is reachable (the Secret Service keyring is locked and could not be unlocked: prompt dismissed)').fix).toContain('Unlock it');
    expect(keychainHelp('No system keychain is reachable (the keychain module could not be loaded: ENOENT)').fix).toContain('Reinstall Hatrack');
  });

  it('falls back to naming each platform’s keychain for a reason it does not know', () => {
    for (const reason of [null, 'Keychain Services: errSecInteractionNotAllowed']) {
      const help = keychainHelp(reason);
      expect(help.fix).toContain('Keychain Access on macOS');
      expect(help.fix).toContain('Credential Manager on Windows');
    }
  });
});
