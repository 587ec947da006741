// Builds the credential_process line the vault writes: which program runs, and quoting both readers agree on; pure.

import path from 'node:path';

import { HatrackError } from '../../../shared/domain/errors.js';
import { SDK_SAFE_NAME } from '../awsfiles/problems.js';

/** The facts about the running Hatrack that decide which command a profile's credential_process should run. */
export interface HatrackRuntime {
  readonly platform: NodeJS.Platform;
  /** process.execPath: node for the CLI, the app binary under Electron. */
  readonly execPath: string;
  /** Absolute path of the CLI entry (dist/cli/hatrack.cjs) when running as a plain Node script. */
  readonly cliEntry: string | undefined;
  /** process.versions.electron is set. */
  readonly electron: boolean;
  /** Electron's app.isPackaged (in CLI mode: !process.defaultApp). */
  readonly packaged: boolean;
  /** For an unpackaged Electron run: the app folder Electron was started with. */
  readonly appPath?: string | undefined;
}

/** A command line: leading absolute paths (program, script or app folder), then plain words. */
export interface ProcessArgv {
  readonly paths: readonly string[];
  readonly words: readonly string[];
}

/**
 * The argv credential_process runs for `profile`. Which one is written:
 *  - packaged desktop app → `<app executable> --hatrack-cli credential-process --profile P`: the app binary in CLI
 *    mode, so no Node or checkout needs to exist on the machine;
 *  - unpackaged Electron (developing the app) → `<electron> <app folder> --hatrack-cli credential-process --profile P`;
 *  - plain Node (a dev checkout, or an npm install of the CLI) → `<node> <abs path of hatrack.cjs> credential-process
 *    --profile P`: the absolute node binary, so neither PATH nor a shebang matters when botocore runs it without a shell.
 */
export function credentialProcessArgv(rt: HatrackRuntime, profile: string): ProcessArgv {
  const tail = ['credential-process', '--profile', profile];
  if (rt.electron && rt.packaged) return { paths: [rt.execPath], words: ['--hatrack-cli', ...tail] };
  if (rt.electron) {
    if (rt.appPath === undefined) throw new HatrackError('NOT_SUPPORTED', 'An unpackaged Electron run needs its app folder to write a credential_process command.');
    return { paths: [rt.execPath, rt.appPath], words: ['--hatrack-cli', ...tail] };
  }
  if (rt.cliEntry === undefined) {
    throw new HatrackError('NOT_SUPPORTED', 'The path of the hatrack CLI is unknown, so no credential_process command can be written; run the built CLI (dist/cli/hatrack.cjs).');
  }
  return { paths: [rt.execPath, rt.cliEntry], words: tail };
}

const POSIX_PATH = /^[A-Za-z0-9\-_./ ]+$/;
// Windows paths need a drive colon and backslashes; botocore's Windows splitter keeps backslashes literally, and
// cmd.exe gives neither a meaning.
const WINDOWS_PATH = /^[A-Za-z0-9\-_./ \\:]+$/;

function isAbsolute(p: string, platform: NodeJS.Platform): boolean {
  return platform === 'win32' ? /^[A-Za-z]:[\\/]/.test(p) : p.startsWith('/');
}

/**
 * Quotes one argument so botocore's split (shlex on POSIX, the MSVC rules on Windows) and the JS SDK's shell
 * (`/bin/sh -c`, cmd.exe) read the same word: only the characters AWS documents for credential_process paths, and
 * double quotes only when there is a space (inside them none of these characters means anything to either reader).
 */
export function quoteArg(arg: string, kind: 'path' | 'word', platform: NodeJS.Platform): string {
  if (kind === 'path') {
    if (!isAbsolute(arg, platform)) throw new HatrackError('INVALID_VALUE', `"${arg}" is not an absolute path; credential_process needs one (no ~, no variables).`);
    const allowed = platform === 'win32' ? WINDOWS_PATH : POSIX_PATH;
    if (!allowed.test(arg)) {
      throw new HatrackError(
        'INVALID_VALUE',
        `The path "${arg}" has characters other than letters, digits, "-", "_", ".", "/" and space; botocore (no shell) and the JS SDK (a shell) could read it differently in credential_process, so Hatrack will not write it. Install Hatrack under a plainer path.`,
      );
    }
  } else if (!SDK_SAFE_NAME.test(arg)) {
    throw new HatrackError('INVALID_NAME', `"${arg}" cannot be used in credential_process: use letters, digits and _-@+.%:/ only.`);
  }
  return arg.includes(' ') ? `"${arg}"` : arg;
}

/** The credential_process value to write for `profile`. */
export function credentialProcessCommand(rt: HatrackRuntime, profile: string): string {
  const argv = credentialProcessArgv(rt, profile);
  return [...argv.paths.map((a) => quoteArg(a, 'path', rt.platform)), ...argv.words.map((a) => quoteArg(a, 'word', rt.platform))].join(' ');
}

/** The runtime of this process (`cliEntry` from the Environment; Electron facts from `process`). */
export function currentRuntime(cliEntry: string | undefined): HatrackRuntime {
  const electron = process.versions.electron !== undefined;
  const defaultApp = (process as NodeJS.Process & { defaultApp?: boolean }).defaultApp === true;
  // `electron <app folder> --hatrack-cli …`: the folder is argv[1] of an unpackaged run.
  const appPath = electron && defaultApp && process.argv[1] !== undefined ? path.resolve(process.argv[1]) : undefined;
  return { platform: process.platform, execPath: process.execPath, cliEntry, electron, packaged: electron && !defaultApp, appPath };
}
