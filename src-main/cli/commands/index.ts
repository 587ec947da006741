// The registry of `hatrack` commands, in the order `hatrack --help` lists them.

import type { CliCommand } from '../command.js';
import { listCommand } from './list.js';
import { showCommand } from './show.js';
import { addCommand, renameCommand, rmCommand, setCommand, unsetCommand } from './edit.js';
import { fixCommand } from './fix.js';
import { exportCommand } from './export.js';
import { useCommand } from './use.js';
import { consoleCommand } from './console.js';
import { keysCommand } from './keys.js';
import { rotateCommand } from './rotate.js';
import { vaultCommand } from './vault.js';
import { credentialProcessCommand } from './credential-process.js';
import { doctorCommand } from './doctor.js';
import { roleSetupCommand } from './role-setup.js';
import { settingsCommand } from './settings.js';

export const COMMANDS: readonly CliCommand[] = [
  listCommand,
  showCommand,
  setCommand,
  unsetCommand,
  addCommand,
  rmCommand,
  renameCommand,
  fixCommand,
  exportCommand,
  useCommand,
  consoleCommand,
  keysCommand,
  rotateCommand,
  vaultCommand,
  credentialProcessCommand,
  doctorCommand,
  roleSetupCommand,
  settingsCommand,
];
