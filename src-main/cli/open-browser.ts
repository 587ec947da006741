// Opens a URL in the user's default browser from the CLI (plain Node): no shell, detached, never logs the URL.

import { spawn } from 'node:child_process';

import { HatrackError } from '../../shared/domain/errors.js';
import type { Environment } from '../core/environment.js';

/**
 * The opener for the platform. `BROWSER` (a program path, as many Unix tools honour it) wins. On Windows,
 * `start` is a cmd.exe built-in that would re-parse the URL's `&`s, so the URL goes to the shell's URL handler
 * through rundll32 without any command interpreter.
 */
export function browserCommand(env: Environment, url: string): { command: string; args: string[] } {
  const browser = env.vars['BROWSER'];
  if (browser !== undefined && browser.trim() !== '') return { command: browser.trim(), args: [url] };
  switch (env.platform) {
    case 'darwin':
      return { command: 'open', args: [url] };
    case 'win32':
      return { command: 'rundll32.exe', args: ['url.dll,FileProtocolHandler', url] };
    default:
      return { command: 'xdg-open', args: [url] };
  }
}

/** Resolves once the opener started; its own output is discarded (some print the URL they were given). */
export function openBrowser(env: Environment, url: string): Promise<void> {
  const { command, args } = browserCommand(env, url);
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { detached: true, stdio: 'ignore', shell: false, windowsHide: true });
    child.once('error', () => {
      reject(new HatrackError('NOT_SUPPORTED', `Could not start a web browser (${command}); use --print to get the sign-in URL instead.`));
    });
    child.once('spawn', () => {
      child.unref();
      resolve();
    });
  });
}
