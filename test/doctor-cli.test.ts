// `hatrack doctor` end to end on crafted files: findings as JSON, `--fix --yes` repairs modes and CLI-breaking lines.

import { spawnSync } from 'node:child_process';
import { chmodSync, mkdirSync, mkdtempSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { HATRACK_BIN, hatrackBuilt } from './support/cli-runner.js';
import { REPO_ROOT } from './support/oracle.js';

interface Finding {
  readonly code: string;
  readonly severity: string;
  readonly profile: string | null;
  readonly message: string;
  readonly fix: string | null;
}

const CONFIG = `[profile prod-admin]
role_arn = arn:aws:iam::111111111111:role/Admin
source_profile = me

[profile readonly]
role_arn = arn:aws:iam::111111111111:role/ReadOnly
source_profile = me
mfa_serial = arn:aws:iam::999999999999:mfa/me

[profile dev]
region = eu-west-1
region = eu-west-1
`;
const CREDS = `[default]
aws_access_key_id = AKIAPRODPRODPRODPROD
aws_secret_access_key = prod-secret

[me]
aws_access_key_id = AKIAMEMEMEMEMEMEMEME
aws_secret_access_key = me-secret

[copy]
aws_access_key_id = AKIAMEMEMEMEMEMEMEME
aws_secret_access_key = me-secret

[billing-prd]
aws_access_key_id = AKIAPRODPRODPRODPROD
aws_secret_access_key = prod-secret

[temp]
aws_access_key_id = ASIATEMPTEMPTEMPTEMP
aws_secret_access_key = t
aws_session_token = tok
aws_security_token = tok
`;

function workspace() {
  const home = mkdtempSync(join(tmpdir(), 'hatrack-doctor-'));
  const aws = join(home, '.aws');
  mkdirSync(aws);
  chmodSync(aws, 0o755);
  writeFileSync(join(aws, 'config'), CONFIG);
  writeFileSync(join(aws, 'credentials'), CREDS);
  chmodSync(join(aws, 'credentials'), 0o644);
  const dataDir = join(home, 'data');
  mkdirSync(dataDir);
  // The key-facts cache: IAM once said this key was created long ago.
  const facts = { createDate: '2024-01-01T00:00:00.000Z', status: 'Active', userName: 'me', lastUsedDate: null, lastUsedService: null, lastUsedRegion: null, accountId: null, checkedAt: '2024-06-01T00:00:00.000Z' };
  writeFileSync(join(dataDir, 'key-facts.json'), JSON.stringify({ version: 1, keys: { AKIAMEMEMEMEMEMEMEME: facts }, accounts: {} }));
  const env: NodeJS.ProcessEnv = { PATH: process.env['PATH'], HOME: home, HATRACK_DATA_DIR: dataDir, LC_ALL: 'C.UTF-8', DBUS_SESSION_BUS_ADDRESS: 'unix:path=/nonexistent' };
  return { home, aws, env, credentials: join(aws, 'credentials'), config: join(aws, 'config') };
}

function doctor(env: NodeJS.ProcessEnv, ...args: string[]) {
  const r = spawnSync(process.execPath, [HATRACK_BIN, 'doctor', ...args], { env, cwd: REPO_ROOT, encoding: 'utf8' });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

describe.skipIf(!hatrackBuilt())('hatrack doctor', () => {
  it('reports every crafted problem as JSON findings', () => {
    const w = workspace();
    const r = doctor(w.env, '--json');
    expect(r.code).toBe(1); // error-level findings remain
    const out = JSON.parse(r.stdout) as { findings: Finding[]; notes: string[] };
    const got = out.findings.map((f) => `${f.code}:${f.profile ?? ''}`);
    for (const f of out.findings) expect(Object.keys(f)).toEqual(expect.arrayContaining(['code', 'severity', 'profile', 'message', 'fix']));
    expect(got).toEqual(
      expect.arrayContaining([
        'CREDENTIALS_FILE_PERMISSIONS:',
        'AWS_DIR_PERMISSIONS:',
        'FILE_BREAKS_CLI:dev',
        'SECURITY_TOKEN_LEFTOVER:temp',
        'PLAINTEXT_KEYS:me',
        'KEY_TOO_OLD:me',
        'KEY_AGE_UNKNOWN:billing-prd',
        'SHARED_ACCESS_KEY:me',
        'PRODUCTION_DEFAULT:default',
        'PRODUCTION_ROLE_WITHOUT_MFA:prod-admin',
      ]),
    );
    expect(got).not.toContain('PRODUCTION_ROLE_WITHOUT_MFA:readonly');
    expect(out.findings.find((f) => f.code === 'PLAINTEXT_KEYS')?.fix).toBe('hatrack vault add default');
    expect(out.notes.join()).toMatch(/Vault checks skipped: No system keychain is reachable/);
    expect(r.stdout).not.toContain('me-secret');
  });

  it('--fix needs --yes without a terminal; --fix --yes makes the credentials file 0600 and repairs what breaks the CLI', () => {
    const w = workspace();
    const refused = doctor(w.env, '--fix');
    expect(refused.code).toBe(1);
    expect(refused.stderr).toMatch(/--yes/);
    expect(statSync(w.credentials).mode & 0o777).toBe(0o644);

    const fixed = doctor(w.env, '--fix', '--yes', '--json');
    const out = JSON.parse(fixed.stdout) as { findings: Finding[]; fixed: Finding[] };
    expect(out.fixed.map((f) => f.code)).toEqual(expect.arrayContaining(['CREDENTIALS_FILE_PERMISSIONS', 'AWS_DIR_PERMISSIONS', 'FILE_BREAKS_CLI', 'SECURITY_TOKEN_LEFTOVER']));
    expect(statSync(w.credentials).mode & 0o777).toBe(0o600);
    expect(statSync(w.aws).mode & 0o777).toBe(0o700);
    expect(readFileSync(w.config, 'utf8')).toContain('[profile dev]\nregion = eu-west-1\n');
    expect(readFileSync(w.config, 'utf8').match(/region = eu-west-1/g)).toHaveLength(1);
    expect(readFileSync(w.credentials, 'utf8')).not.toContain('aws_security_token');
    const left = out.findings.map((f) => f.code);
    expect(left).not.toContain('CREDENTIALS_FILE_PERMISSIONS');
    expect(left).not.toContain('FILE_BREAKS_CLI');
    expect(left).toContain('PLAINTEXT_KEYS');
    expect(fixed.code).toBe(0);
  });
});
