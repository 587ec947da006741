// The process facts core depends on (env vars, platform, home, clock), passed in so tests can set them.
import { homedir } from 'node:os';

export interface Environment {
  readonly vars: Readonly<Record<string, string | undefined>>;
  readonly platform: NodeJS.Platform;
  /** The OS home directory (os.homedir()), used when HOME/USERPROFILE are unset. */
  readonly osHome: string;
  readonly now: () => Date;
  /** Absolute path of the running `hatrack` entry script, for writing credential_process commands. */
  readonly cliEntry?: string | undefined;
}

export function processEnvironment(cliEntry?: string): Environment {
  return { vars: process.env, platform: process.platform, osHome: homedir(), now: () => new Date(), cliEntry };
}
