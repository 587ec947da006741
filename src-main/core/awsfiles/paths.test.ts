// Unit tests for AWS file and data folder resolution (botocore and Electron rules); plain Node, no files touched.
import path from 'node:path';

import { describe, expect, it } from 'vitest';

import type { Environment } from '../environment.js';
import { expandUserPath, resolveAwsPaths, resolveDataDir, resolveHomeDir } from './paths.js';

function envOf(platform: NodeJS.Platform, vars: Record<string, string | undefined>, osHome = '/os/home'): Environment {
  return { vars, platform, osHome, now: () => new Date(0) };
}

describe('resolveAwsPaths on POSIX', () => {
  it('defaults to ~/.aws under HOME', () => {
    expect(resolveAwsPaths(envOf('linux', { HOME: '/home/ann' }))).toEqual({
      config: '/home/ann/.aws/config',
      credentials: '/home/ann/.aws/credentials',
    });
  });

  it('falls back to the OS home when HOME is unset or empty', () => {
    expect(resolveAwsPaths(envOf('darwin', {})).config).toBe('/os/home/.aws/config');
    expect(resolveAwsPaths(envOf('linux', { HOME: '' })).credentials).toBe('/os/home/.aws/credentials');
  });

  it('ignores USERPROFILE off Windows', () => {
    expect(resolveAwsPaths(envOf('linux', { HOME: '/h', USERPROFILE: '/u' })).config).toBe('/h/.aws/config');
  });

  it('honours the override variables, expanding ~, $VAR and ${VAR}', () => {
    const env = envOf('linux', {
      HOME: '/home/ann/',
      AWS_CONFIG_FILE: '~/alt/config',
      AWS_SHARED_CREDENTIALS_FILE: '${XDIR}/creds-$SUFFIX',
      XDIR: '/srv/x',
      SUFFIX: 'prod',
    });
    expect(resolveAwsPaths(env)).toEqual({ config: '/home/ann/alt/config', credentials: '/srv/x/creds-prod' });
  });

  it('expands $HOME through the variable, then ~ (expandvars before expanduser)', () => {
    const env = envOf('linux', { HOME: '/home/ann', AWS_CONFIG_FILE: '$HOME/cfg', WHERE: '~/w' });
    expect(resolveAwsPaths(env).config).toBe('/home/ann/cfg');
    expect(expandUserPath('$WHERE/x', env)).toBe('/home/ann/w/x');
  });

  it('treats a set-but-empty override as an absent file, not the default', () => {
    const paths = resolveAwsPaths(envOf('linux', { HOME: '/h', AWS_CONFIG_FILE: '', AWS_SHARED_CREDENTIALS_FILE: '' }));
    expect(paths).toEqual({ config: null, credentials: null });
  });

  it('leaves unknown variables and ~otheruser as written, like Python', () => {
    const env = envOf('linux', { HOME: '/h' });
    expect(expandUserPath('/a/$NOPE/${NOPE2}/b', env)).toBe('/a/$NOPE/${NOPE2}/b');
    expect(expandUserPath('~bob/x', env)).toBe('~bob/x');
    expect(expandUserPath('~', env)).toBe('/h');
  });

  it('anchors a relative override at the working directory', () => {
    const env = envOf(process.platform, { HOME: '/h', AWS_CONFIG_FILE: 'rel/config' });
    expect(resolveAwsPaths(env).config).toBe(path.resolve('rel/config'));
  });
});

describe('resolveAwsPaths on Windows', () => {
  it('uses USERPROFILE and ignores HOME, like CLI v2', () => {
    const env = envOf('win32', { HOME: '/c/Users/msys', USERPROFILE: 'C:\\Users\\ann' }, 'C:\\Users\\os');
    expect(resolveAwsPaths(env)).toEqual({
      config: 'C:\\Users\\ann\\.aws\\config',
      credentials: 'C:\\Users\\ann\\.aws\\credentials',
    });
  });

  it('falls back to HOMEDRIVE+HOMEPATH, then the OS home', () => {
    expect(resolveHomeDir(envOf('win32', { HOMEDRIVE: 'D:', HOMEPATH: '\\Users\\ann' }))).toBe('D:\\Users\\ann');
    expect(resolveHomeDir(envOf('win32', { HOME: 'C:\\msys' }, 'C:\\Users\\os'))).toBe('C:\\Users\\os');
  });

  it('expands %VAR%, $VAR and ~ in overrides, with case-insensitive names', () => {
    const env = envOf('win32', {
      UserProfile: 'C:\\Users\\ann',
      AWS_CONFIG_FILE: '%userprofile%\\cfg\\config',
      AWS_SHARED_CREDENTIALS_FILE: '~\\creds',
    });
    expect(resolveAwsPaths(env)).toEqual({ config: 'C:\\Users\\ann\\cfg\\config', credentials: 'C:\\Users\\ann\\creds' });
    expect(expandUserPath("'$USERPROFILE'\\x", env)).toBe("'$USERPROFILE'\\x");
    expect(expandUserPath('${USERPROFILE}\\x', env)).toBe('C:\\Users\\ann\\x');
  });

  it('treats an empty override as absent there too', () => {
    expect(resolveAwsPaths(envOf('win32', { USERPROFILE: 'C:\\u', AWS_CONFIG_FILE: '' })).config).toBeNull();
  });
});

describe('resolveDataDir', () => {
  it('prefers HATRACK_DATA_DIR', () => {
    expect(resolveDataDir(envOf('linux', { HOME: '/h', HATRACK_DATA_DIR: '~/data' }))).toBe('/h/data');
  });

  it('matches Electron userData on Linux (XDG_CONFIG_HOME or ~/.config)', () => {
    expect(resolveDataDir(envOf('linux', { HOME: '/h' }))).toBe('/h/.config/Hatrack');
    expect(resolveDataDir(envOf('linux', { HOME: '/h', XDG_CONFIG_HOME: '/x' }))).toBe('/x/Hatrack');
  });

  it('matches Electron userData on macOS and Windows', () => {
    expect(resolveDataDir(envOf('darwin', { HOME: '/Users/ann' }))).toBe('/Users/ann/Library/Application Support/Hatrack');
    expect(resolveDataDir(envOf('win32', { APPDATA: 'C:\\Users\\ann\\AppData\\Roaming' }))).toBe(
      'C:\\Users\\ann\\AppData\\Roaming\\Hatrack',
    );
    expect(resolveDataDir(envOf('win32', { USERPROFILE: 'C:\\Users\\ann' }))).toBe(
      'C:\\Users\\ann\\AppData\\Roaming\\Hatrack',
    );
  });
});
