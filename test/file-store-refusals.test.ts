// The CLI end to end on files it must leave alone: a read-only file or folder is refused with FILE_READ_ONLY and
// nothing written, and a FIFO or device at a file's path is a problem in `list` and a `doctor` finding, never read.

import { spawnSync } from 'node:child_process';
import { chmodSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { HATRACK_BIN, hatrackBuilt } from './support/cli-runner.js';
import { HANG_MS } from './support/deadlines.js';
import { REPO_ROOT } from './support/oracle.js';

const CONFIG = '[profile dev]\nregion = eu-west-1\n';
const CREDS = '[dev]\naws_access_key_id = AKIADEVDEVDEVDEVDEV1\naws_secret_access_key = dev-secret-value\n';

interface Finding {
  readonly code: string;
  readonly severity: string;
  readonly message: string;
  readonly fix: string | null;
}

interface ListJson {
  readonly profiles: readonly { readonly name: string }[];
  readonly problems: readonly { readonly code: string; readonly file: string; readonly path: string; readonly severity: string; readonly message: string }[];
}

function workspace() {
  const home = mkdtempSync(join(tmpdir(), 'hatrack-refusals-'));
  const aws = join(home, '.aws');
  mkdirSync(aws, { mode: 0o700 });
  const config = join(aws, 'config');
  const credentials = join(aws, 'credentials');
  writeFileSync(config, CONFIG, { mode: 0o600 });
  writeFileSync(credentials, CREDS, { mode: 0o600 });
  const dataDir = join(home, 'data');
  const env: NodeJS.ProcessEnv = { PATH: process.env['PATH'], HOME: home, HATRACK_DATA_DIR: dataDir, LC_ALL: 'C.UTF-8', DBUS_SESSION_BUS_ADDRESS: 'unix:path=/nonexistent' };
  return { home, aws, config, credentials, dataDir, env };
}

// The limit only ends a run that hangs (the FIFO case before the fix); a healthy run takes a second.
function hatrack(env: NodeJS.ProcessEnv, ...args: string[]) {
  const r = spawnSync(process.execPath, [HATRACK_BIN, ...args], { env, cwd: REPO_ROOT, encoding: 'utf8', timeout: HANG_MS });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

function doctorFindings(env: NodeJS.ProcessEnv): Finding[] {
  const r = hatrack(env, 'doctor', '--json');
  return (JSON.parse(r.stdout) as { findings: Finding[] }).findings;
}

describe.skipIf(!hatrackBuilt())('files hatrack must leave alone', () => {
  it.each([
    ['credentials', '0400', 'aws_secret_access_key=new-secret-value'],
    ['config', '0444', 'region=us-west-2'],
  ] as const)('a read-only %s file (%s): set refuses in one line with FILE_READ_ONLY, writes nothing, doctor explains', (kind, octal, assignment) => {
    const mode = parseInt(octal, 8);
    const w = workspace();
    chmodSync(w[kind], mode);
    const r = hatrack(w.env, 'set', 'dev', assignment);
    expect(r.code).not.toBe(0);
    expect(r.stdout).toBe('');
    expect(r.stderr).toBe(`hatrack: ${w[kind]}: The file is read-only (${octal}), so Hatrack left it unchanged; to allow changes: chmod u+w ${w[kind]} [FILE_READ_ONLY]\n`);
    expect(readFileSync(w.config, 'utf8')).toBe(CONFIG);
    expect(readFileSync(w.credentials, 'utf8')).toBe(CREDS);
    expect(statSync(w[kind]).mode & 0o777).toBe(mode);
    expect(existsSync(join(w.dataDir, 'backups'))).toBe(false);
    expect(readdirSync(w.aws).sort()).toEqual(['config', 'credentials']);

    const finding = doctorFindings(w.env).find((f) => f.code === 'FILE_READ_ONLY');
    expect(finding).toMatchObject({ severity: 'warning', fix: `If changes are welcome: chmod u+w ${w[kind]}` });
    expect(finding?.message).toContain(`${w[kind]} is read-only`);
  });

  it('a read-only ~/.aws folder: set refuses naming the folder, writes nothing', () => {
    const w = workspace();
    chmodSync(w.aws, 0o500);
    try {
      const r = hatrack(w.env, 'set', 'dev', 'region=us-west-2');
      expect(r.code).not.toBe(0);
      expect(r.stderr).toMatch(new RegExp(`^hatrack: ${w.aws}: The folder holding config is read-only \\(0500\\).*\\[FILE_READ_ONLY\\]\\n$`));
      expect(readFileSync(w.config, 'utf8')).toBe(CONFIG);
      expect(readdirSync(w.aws).sort()).toEqual(['config', 'credentials']);
      expect(doctorFindings(w.env).map((f) => f.code)).toContain('FILE_READ_ONLY');
    } finally {
      chmodSync(w.aws, 0o700);
    }
  });

  it.each([
    ['a symlink to /dev/zero', 'character device', (p: string) => symlinkSync('/dev/zero', p)],
    ['a FIFO', 'FIFO (named pipe)', (p: string) => expect(spawnSync('mkfifo', [p]).status).toBe(0)],
  ] as const)('credentials that are %s: a problem in list and list --json, a doctor finding, set still refuses', (_, what, make) => {
    const w = workspace();
    rmSync(w.credentials);
    make(w.credentials);

    const text = hatrack(w.env, 'list');
    expect(text.code).toBe(0);
    expect(text.stdout).toContain(`${w.credentials}:1: error NOT_A_REGULAR_FILE: The credentials path is a ${what}, not a regular file`);

    const json = JSON.parse(hatrack(w.env, 'list', '--json').stdout) as ListJson;
    expect(json.profiles.map((p) => p.name)).toEqual(['dev']);
    expect(json.problems).toEqual([expect.objectContaining({ code: 'NOT_A_REGULAR_FILE', file: 'credentials', path: w.credentials, severity: 'error' })]);

    const findings = doctorFindings(w.env);
    expect(findings.find((f) => f.code === 'FILE_NOT_REGULAR')).toMatchObject({ severity: 'error', message: expect.stringContaining(`${w.credentials} is a ${what}`) });

    const set = hatrack(w.env, 'set', 'dev', 'aws_access_key_id=AKIANEWNEWNEWNEWNEW1', 'aws_secret_access_key=x-secret-value');
    expect(set.code).not.toBe(0);
    expect(set.stderr).toMatch(/not a regular file.*\[FILE_WRITE_FAILED\]\n$/);
  });
});
