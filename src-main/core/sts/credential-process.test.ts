import { describe, expect, it } from 'vitest';

import type { Environment } from '../environment.js';
import { parseProcessOutput, runCredentialProcess, windowsSplit } from './credential-process.js';

const NOW = new Date('2026-03-01T12:00:00Z');
const env = (platform: NodeJS.Platform = 'linux'): Environment => ({ vars: {}, platform, osHome: '/h', now: () => NOW });

describe('credential_process', () => {
  it('parses Version 1 output with Expiration', () => {
    const c = parseProcessOutput(
      '{"Version":1,"AccessKeyId":"ASIA1","SecretAccessKey":"s","SessionToken":"t","Expiration":"2026-03-01T13:00:00Z","AccountId":"1"}',
      'p',
      NOW,
    );
    expect(c).toEqual({ accessKeyId: 'ASIA1', secretAccessKey: 's', sessionToken: 't', expiration: new Date('2026-03-01T13:00:00Z'), accountId: '1' });
  });
  it.each([
    ['not json', /did not print JSON/],
    ['{"Version":2,"AccessKeyId":"a","SecretAccessKey":"s"}', /Version 1/],
    ['{"Version":1,"AccessKeyId":"a"}', /SecretAccessKey/],
    ['{"Version":1,"AccessKeyId":"a","SecretAccessKey":"s","Expiration":"soon"}', /ISO 8601/],
    ['{"Version":1,"AccessKeyId":"a","SecretAccessKey":"s","Expiration":"2026-03-01T11:00:00Z"}', /already expired/],
    ['{"Version":1,"AccessKeyId":"ASIAX","SecretAccessKey":"s"}', /without a SessionToken/],
  ])('rejects %s', (out, msg) => {
    expect(() => parseProcessOutput(out, 'p', NOW)).toThrow(msg);
  });
  it('never echoes the secret it rejected', () => {
    expect(() => parseProcessOutput('{"Version":1,"AccessKeyId":"ASIAX","SecretAccessKey":"TOPSECRET"}', 'p', NOW)).not.toThrow(/TOPSECRET/);
  });
  it('splits with shlex on POSIX and MSVC rules on Windows, and passes argv to the runner', async () => {
    const seen: (readonly string[])[] = [];
    const runner = (argv: readonly string[]) => {
      seen.push(argv);
      return Promise.resolve({ exitCode: 0, stdout: '{"Version":1,"AccessKeyId":"A","SecretAccessKey":"s"}', stderr: '' });
    };
    await runCredentialProcess(`/opt/my tool/bin 'a b' "c d"`, 'p', { env: env(), runner });
    await runCredentialProcess(String.raw`"C:\Program Files\t.exe" --x C:\dir\ "q\"x"`, 'p', { env: env('win32'), runner });
    expect(seen[0]).toEqual(['/opt/my', 'tool/bin', 'a b', 'c d']);
    expect(seen[1]).toEqual(['C:\\Program Files\\t.exe', '--x', 'C:\\dir\\', 'q"x']);
    expect(windowsSplit('a\tb  c')).toEqual(['a', 'b', 'c']);
  });
  it('reports a non-zero exit with stderr but not stdout', async () => {
    const runner = () => Promise.resolve({ exitCode: 2, stdout: 'SECRET', stderr: 'line1\nplease log in\n' });
    const err = await runCredentialProcess('/bin/x', 'p', { env: env(), runner }).catch((e: unknown) => e);
    expect(err).toMatchObject({ code: 'CREDENTIAL_PROCESS_FAILED', message: 'credential_process of profile "p" exited with status 2: please log in.' });
  });
  it('refuses an unbalanced quote', async () => {
    await expect(runCredentialProcess(`/bin/x 'oops`, 'p', { env: env(), runner: () => Promise.reject(new Error('no')) })).rejects.toMatchObject({
      code: 'CREDENTIAL_PROCESS_FAILED',
    });
  });
});
