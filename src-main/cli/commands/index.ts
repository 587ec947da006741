// The registry of `hatrack` commands, in the order `hatrack --help` lists them. The file commands are bundled with
// the entry; every other command lives in on-demand.ts, loaded only when one of them runs (and built as a file of
// its own), so `hatrack list` and `hatrack set` neither load nor compile the STS, keychain or prompt code.

import type { CliCommand } from '../command.js';
import { listCommand } from './list.js';
import { showCommand } from './show.js';
import { addCommand, renameCommand, rmCommand, setCommand, unsetCommand } from './edit.js';
import { fixCommand } from './fix.js';

export interface CommandEntry {
  readonly name: string;
  readonly summary: string;
  readonly load: () => Promise<CliCommand>;
}

export const COMMANDS: readonly CommandEntry[] = [
  {
    name: 'list',
    summary: 'List every profile with its kind and region, and any problems in the files',
    load: () => Promise.resolve(listCommand),
  },
  {
    name: 'show',
    summary: 'Show one profile: merged settings (secrets masked), sections, references, problems',
    load: () => Promise.resolve(showCommand),
  },
  {
    name: 'set',
    summary: 'Set keys of a profile (creates the profile if needed), changing only those lines',
    load: () => Promise.resolve(setCommand),
  },
  {
    name: 'unset',
    summary: 'Remove keys from a profile (in both files)',
    load: () => Promise.resolve(unsetCommand),
  },
  {
    name: 'add',
    summary: 'Add a new profile (fails if it exists)',
    load: () => Promise.resolve(addCommand),
  },
  {
    name: 'rm',
    summary: 'Remove a profile from both files (refuses while others use it as source_profile)',
    load: () => Promise.resolve(rmCommand),
  },
  {
    name: 'rename',
    summary: 'Rename a profile in both files and update every source_profile that names it',
    load: () => Promise.resolve(renameCommand),
  },
  {
    name: 'fix',
    summary: 'Apply the safe fix for a problem (by id from `hatrack list`), or --all',
    load: () => Promise.resolve(fixCommand),
  },
  {
    name: 'export',
    summary: 'Print a profile\'s credentials (credential_process JSON, shell exports or JSON), assuming roles as needed',
    load: async () => (await import('./on-demand.js')).exportCommand,
  },
  {
    name: 'use',
    summary: 'Make a profile the default identity (writes [default]; your own default is kept as default-original)',
    load: async () => (await import('./on-demand.js')).useCommand,
  },
  {
    name: 'console',
    summary: 'Open the AWS console signed in as a profile (role session, or a federation token for an IAM user)',
    load: async () => (await import('./on-demand.js')).consoleCommand,
  },
  {
    name: 'keys',
    summary: 'Show the age, status and last use of a profile\'s access key',
    load: async () => (await import('./on-demand.js')).keysCommand,
  },
  {
    name: 'rotate',
    summary: 'Rotate a profile\'s IAM access key: create, save at once, verify, retire the old key',
    load: async () => (await import('./on-demand.js')).rotateCommand,
  },
  {
    name: 'vault',
    summary: 'Move long-term keys into the system keychain (add/remove/list); files then use credential_process',
    load: async () => (await import('./on-demand.js')).vaultCommand,
  },
  {
    name: 'credential-process',
    summary: 'Print a vaulted profile\'s credentials as credential_process JSON (what `vault add` wires up)',
    load: async () => (await import('./on-demand.js')).credentialProcessCommand,
  },
  {
    name: 'doctor',
    summary: 'Check the AWS files, keys and settings against best practice; --fix applies the safe fixes',
    load: async () => (await import('./on-demand.js')).doctorCommand,
  },
  {
    name: 'role-setup',
    summary: 'Print the trust and IAM policies for a cross-account role and add its profile',
    load: async () => (await import('./on-demand.js')).roleSetupCommand,
  },
  {
    name: 'sso',
    summary: 'IAM Identity Center: setup, login, logout (tokens shared with the aws CLI and the SDKs)',
    load: async () => (await import('./on-demand.js')).ssoCommand,
  },
  {
    name: 'settings',
    summary: 'Show or change Hatrack settings (production flags, colours, theme, …)',
    load: async () => (await import('./on-demand.js')).settingsCommand,
  },
];
