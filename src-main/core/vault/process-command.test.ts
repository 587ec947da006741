// The credential_process line: which program is written when, and quoting both botocore and a shell read alike.

import { execFileSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { HatrackError } from '../../../shared/domain/errors.js';
import { shlexSplit } from '../awsfiles/python-text.js';
import type { HatrackRuntime } from './process-command.js';
import { credentialProcessArgv, credentialProcessCommand, quoteArg } from './process-command.js';

const node: HatrackRuntime = { platform: 'linux', execPath: '/usr/bin/node', cliEntry: '/home/me/src/hatrack/dist/cli/hatrack.cjs', electron: false, packaged: false };

describe('credential_process command', () => {
  it('runs node + the CLI entry for a plain Node run, and the app binary in CLI mode when packaged', () => {
    expect(credentialProcessCommand(node, 'dev')).toBe('/usr/bin/node /home/me/src/hatrack/dist/cli/hatrack.cjs credential-process --profile dev');
    const app: HatrackRuntime = { platform: 'linux', execPath: '/opt/Hatrack/hatrack', cliEntry: undefined, electron: true, packaged: true };
    expect(credentialProcessCommand(app, 'dev')).toBe('/opt/Hatrack/hatrack --hatrack-cli credential-process --profile dev');
    expect(credentialProcessArgv({ ...app, packaged: false, appPath: '/src/app' }, 'p').paths).toEqual(['/opt/Hatrack/hatrack', '/src/app']);
  });

  it('double-quotes paths with spaces, and botocore (shlex) and /bin/sh split the line into the same words', () => {
    const rt: HatrackRuntime = { ...node, execPath: '/Applications/My Tools/node', cliEntry: '/Users/me/hat rack/hatrack.cjs' };
    const line = credentialProcessCommand(rt, 'team@acct+1:x/y.z%');
    expect(line).toBe('"/Applications/My Tools/node" "/Users/me/hat rack/hatrack.cjs" credential-process --profile team@acct+1:x/y.z%');
    const argv = ['/Applications/My Tools/node', '/Users/me/hat rack/hatrack.cjs', 'credential-process', '--profile', 'team@acct+1:x/y.z%'];
    expect(shlexSplit(line)).toEqual(argv);
    const viaShell = execFileSync('/bin/sh', ['-c', `printf '%s\\n' ${line}`], { encoding: 'utf8' }).split('\n').slice(0, -1);
    expect(viaShell).toEqual(argv);
  });

  it('refuses relative paths, shell and shlex metacharacters, and unknown CLI paths', () => {
    for (const bad of ['/opt/it$s/node', '/opt/a"b/node', "/opt/a'b/node", '/opt/a;b', '/opt/a`b', '/opt/ä/node', '/opt/a\\b']) {
      expect(() => quoteArg(bad, 'path', 'linux'), bad).toThrow(HatrackError);
    }
    expect(() => quoteArg('relative/node', 'path', 'linux')).toThrow(/absolute/);
    expect(() => quoteArg('a b', 'word', 'linux')).toThrow(HatrackError);
    expect(quoteArg('C:\\Program Files\\Hatrack\\Hatrack.exe', 'path', 'win32')).toBe('"C:\\Program Files\\Hatrack\\Hatrack.exe"');
    expect(() => credentialProcessCommand({ ...node, cliEntry: undefined }, 'dev')).toThrow(/CLI is unknown/);
  });
});
