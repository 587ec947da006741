// How this launch of the app was asked to run (pure): CLI mode, started hidden at login, test-only switches.

export const CLI_FLAG = '--hatrack-cli';
export const HIDDEN_FLAG = '--hatrack-hidden';
/** Test-only: a temporary HOME for the AWS files and app data. Ignored in a packaged app. */
export const TEST_HOME_VAR = 'HATRACK_TEST_HOME';

export interface LaunchOptions {
  /** The arguments for `runCli` when the app runs as the `hatrack` CLI, else null. */
  readonly cliArgs: readonly string[] | null;
  readonly startHidden: boolean;
  /** Honoured only when `!app.isPackaged`: a shipped app can never be pointed at other files by its environment. */
  readonly testHome: string | null;
}

export function launchOptions(argv: readonly string[], env: Readonly<Record<string, string | undefined>>, isPackaged: boolean): LaunchOptions {
  const cliAt = argv.indexOf(CLI_FLAG);
  const testHome = env[TEST_HOME_VAR];
  return {
    cliArgs: cliAt < 0 ? null : argv.slice(cliAt + 1),
    startHidden: cliAt < 0 && argv.includes(HIDDEN_FLAG),
    testHome: !isPackaged && testHome !== undefined && testHome.trim() !== '' ? testHome : null,
  };
}

/** The environment core sees: the process's, with HOME (and USERPROFILE) moved to the test home when there is one. */
export function coreVars(env: Readonly<Record<string, string | undefined>>, testHome: string | null): Readonly<Record<string, string | undefined>> {
  if (testHome === null) return env;
  return { ...env, HOME: testHome, USERPROFILE: testHome, AWS_CONFIG_FILE: undefined, AWS_SHARED_CREDENTIALS_FILE: undefined };
}
