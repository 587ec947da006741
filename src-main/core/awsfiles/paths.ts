// Where the AWS files and Hatrack's own data live, resolved from an Environment the way botocore and Electron do; plain Node.
import path from 'node:path';

import type { Environment } from '../environment.js';
import type { AwsFilePaths } from './file-store.types.js';

const APP_NAME = 'Hatrack';

type PathApi = typeof path.posix;

function pathApi(env: Environment): PathApi {
  return env.platform === 'win32' ? path.win32 : path.posix;
}

/** A variable that is set to a non-empty value; empty counts as unset for home and folder lookups. */
function nonEmpty(env: Environment, name: string): string | undefined {
  const value = lookupVar(env, name);
  return value === undefined || value === '' ? undefined : value;
}

/** Windows variable names are case-insensitive; POSIX ones are not. */
function lookupVar(env: Environment, name: string): string | undefined {
  const exact = env.vars[name];
  if (exact !== undefined || env.platform !== 'win32') return exact;
  const upper = name.toUpperCase();
  for (const [key, value] of Object.entries(env.vars)) {
    if (key.toUpperCase() === upper) return value;
  }
  return undefined;
}

/**
 * The user's home as botocore sees it. Python's expanduser reads HOME on POSIX but USERPROFILE (then
 * HOMEDRIVE+HOMEPATH) on Windows, where HOME is ignored. An empty value falls back to the OS home rather than
 * pointing the files at the filesystem root.
 */
export function resolveHomeDir(env: Environment): string {
  if (env.platform !== 'win32') return nonEmpty(env, 'HOME') ?? env.osHome;
  const profile = nonEmpty(env, 'USERPROFILE');
  if (profile !== undefined) return profile;
  const homePath = nonEmpty(env, 'HOMEPATH');
  if (homePath !== undefined) return path.win32.join(lookupVar(env, 'HOMEDRIVE') ?? '', homePath);
  return env.osHome;
}

/** Python's os.path.expandvars: `$NAME` and `${NAME}` (and `%NAME%` on Windows); unknown names stay as written. */
export function expandVars(raw: string, env: Environment): string {
  return env.platform === 'win32' ? expandVarsWindows(raw, env) : expandVarsPosix(raw, env);
}

function expandVarsPosix(raw: string, env: Environment): string {
  if (!raw.includes('$')) return raw;
  return raw.replace(/\$(\w+|\{[^}]*\})/g, (match, name: string) => {
    const bare = name.startsWith('{') ? name.slice(1, -1) : name;
    const value = env.vars[bare];
    return value === undefined ? match : value;
  });
}

/** ntpath.expandvars: 'quoted' text is literal, %% and $$ escape, names are letters, digits, `_` and `-`. */
function expandVarsWindows(raw: string, env: Environment): string {
  if (!raw.includes('$') && !raw.includes('%')) return raw;
  let out = '';
  let i = 0;
  while (i < raw.length) {
    const c = raw[i]!;
    if (c === "'") {
      const close = raw.indexOf("'", i + 1);
      if (close < 0) return out + raw.slice(i);
      out += raw.slice(i, close + 1);
      i = close + 1;
    } else if (c === '%') {
      const step = expandPercent(raw, i, env);
      out += step.text;
      i = step.next;
    } else if (c === '$') {
      const step = expandDollarWindows(raw, i, env);
      out += step.text;
      i = step.next;
    } else {
      out += c;
      i++;
    }
  }
  return out;
}

interface ExpansionStep {
  readonly text: string;
  readonly next: number;
}

function expandPercent(raw: string, at: number, env: Environment): ExpansionStep {
  if (raw[at + 1] === '%') return { text: '%', next: at + 2 };
  const close = raw.indexOf('%', at + 1);
  if (close < 0) return { text: raw.slice(at), next: raw.length };
  const name = raw.slice(at + 1, close);
  const value = lookupVar(env, name);
  return { text: value ?? `%${name}%`, next: close + 1 };
}

function expandDollarWindows(raw: string, at: number, env: Environment): ExpansionStep {
  if (raw[at + 1] === '$') return { text: '$', next: at + 2 };
  if (raw[at + 1] === '{') {
    const close = raw.indexOf('}', at + 2);
    if (close < 0) return { text: raw.slice(at), next: raw.length };
    const name = raw.slice(at + 2, close);
    return { text: lookupVar(env, name) ?? `\${${name}}`, next: close + 1 };
  }
  const match = /^[A-Za-z0-9_-]+/.exec(raw.slice(at + 1));
  if (match === null) return { text: '$', next: at + 1 };
  const name = match[0];
  return { text: lookupVar(env, name) ?? `$${name}`, next: at + 1 + name.length };
}

/**
 * Python's os.path.expanduser. On POSIX `~otheruser` needs the password database, which an Environment does not
 * carry, so it is left as written (Python does the same for an unknown user).
 */
export function expandHome(raw: string, env: Environment): string {
  if (!raw.startsWith('~')) return raw;
  const separators = env.platform === 'win32' ? /[\\/]/ : /\//;
  const match = separators.exec(raw.slice(1));
  const end = match === null ? raw.length : match.index + 1;
  if (env.platform === 'win32') return expandHomeWindows(raw, end, env);
  if (end !== 1) return raw;
  return resolveHomeDir(env).replace(/\/+$/, '') + raw.slice(1) || '/';
}

/** ntpath (Python >= 3.8): `~name` works only for the current USERNAME, or as a sibling of the current home. */
function expandHomeWindows(raw: string, end: number, env: Environment): string {
  const home = resolveHomeDir(env);
  if (end === 1) return home + raw.slice(1);
  const target = raw.slice(1, end);
  const current = lookupVar(env, 'USERNAME');
  if (target === current) return home + raw.slice(end);
  if (current !== path.win32.basename(home)) return raw;
  return path.win32.join(path.win32.dirname(home), target) + raw.slice(end);
}

/** os.path.expandvars then os.path.expanduser, the order botocore applies to AWS_CONFIG_FILE and friends. */
export function expandUserPath(raw: string, env: Environment): string {
  return expandHome(expandVars(raw, env), env);
}

/**
 * Relative overrides are relative to the working directory, as in botocore; anchoring them once keeps every later
 * error message and backup key absolute. Only meaningful when the Environment describes this very process.
 */
function absolutize(p: string, env: Environment): string {
  const api = pathApi(env);
  if (api.isAbsolute(p) || env.platform !== process.platform) return p;
  return path.resolve(p);
}

function resolveOne(env: Environment, variable: string, fileName: string): string | null {
  const override = lookupVar(env, variable);
  // botocore treats a set-but-empty variable as "no such file" instead of falling back to the default.
  if (override === '') return null;
  if (override !== undefined) return absolutize(expandUserPath(override, env), env);
  return pathApi(env).join(resolveHomeDir(env), '.aws', fileName);
}

export function resolveAwsPaths(env: Environment): AwsFilePaths {
  return {
    config: resolveOne(env, 'AWS_CONFIG_FILE', 'config'),
    credentials: resolveOne(env, 'AWS_SHARED_CREDENTIALS_FILE', 'credentials'),
  };
}

/** The folder Electron's app.getPath('userData') gives for an app named "Hatrack", so CLI and desktop app share it. */
export function resolveDataDir(env: Environment): string {
  const override = nonEmpty(env, 'HATRACK_DATA_DIR');
  if (override !== undefined) return absolutize(expandUserPath(override, env), env);
  const api = pathApi(env);
  const home = resolveHomeDir(env);
  switch (env.platform) {
    case 'win32':
      return api.join(nonEmpty(env, 'APPDATA') ?? api.join(home, 'AppData', 'Roaming'), APP_NAME);
    case 'darwin':
      return api.join(home, 'Library', 'Application Support', APP_NAME);
    default:
      return api.join(nonEmpty(env, 'XDG_CONFIG_HOME') ?? api.join(home, '.config'), APP_NAME);
  }
}
