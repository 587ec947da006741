// Why the keychain is out of reach, in plain words: core's reason is written for a log ("no D-Bus session:
// DBUS_SESSION_BUS_ADDRESS is not set"); the Keychain screen says which service is missing and what to install or do.

export interface KeychainHelp {
  /** What is missing, in a sentence anyone can follow. */
  readonly missing: string;
  /** What to do about it. */
  readonly fix: string;
}

const SECRET_SERVICE = 'the Secret Service (GNOME Keyring or KWallet)';

/** The plain-words explanation for core's reason (see src-main/core/vault/keyring-secret-store.ts for the wording). */
export function keychainHelp(reason: string | null): KeychainHelp {
  const text = reason ?? '';
  if (/no D-Bus session|DBUS_SESSION_BUS_ADDRESS/i.test(text)) {
    return {
      missing: `On Linux, Hatrack keeps keys in ${SECRET_SERVICE}, which it reaches through your desktop session. This session has none: that happens over SSH, in containers and under minimal window managers.`,
      fix: 'Start Hatrack from your desktop session. On a system without a keyring, install the gnome-keyring package, then log out and in again.',
    };
  }
  if (/cannot be reached|connect/i.test(text)) {
    return {
      missing: `Your desktop session is there, but ${SECRET_SERVICE} is not running in it.`,
      fix: 'Install the gnome-keyring package (or turn KWallet on), log out and in again, then check again.',
    };
  }
  if (/locked/i.test(text)) {
    return {
      missing: 'Your login keyring is locked, and Hatrack could not unlock it.',
      fix: 'Unlock it in Passwords and Keys (Seahorse) or KWallet Manager, then check again.',
    };
  }
  if (/module could not be loaded/i.test(text)) {
    return {
      missing: 'The part of Hatrack that talks to the keychain could not be loaded.',
      fix: 'Reinstall Hatrack: the keychain module ships with it.',
    };
  }
  return {
    missing: 'The system keychain did not answer Hatrack.',
    fix: 'Make sure the keychain is running and unlocked (Keychain Access on macOS, Credential Manager on Windows, GNOME Keyring or KWallet on Linux), then check again.',
  };
}
