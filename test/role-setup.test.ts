// `hatrack role-setup` end to end: both policies are valid JSON with the right contents, and botocore reads the
// written profile as an assume-role profile.

import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { HATRACK_BIN, hatrackBuilt } from './support/cli-runner.js';
import { REPO_ROOT } from './support/oracle.js';

const BOTOCORE = `
import json, botocore.session
s = botocore.session.Session(profile='deploy-prod')
c = s.get_credentials()
cfg = s.get_scoped_config()
print(json.dumps({"method": c.method, "role_arn": cfg.get("role_arn"), "source_profile": cfg.get("source_profile"), "mfa_serial": cfg.get("mfa_serial"), "external_id": cfg.get("external_id")}))
`;

describe.skipIf(!hatrackBuilt())('hatrack role-setup', () => {
  it('prints trust and source policies and writes a role profile botocore assumes', () => {
    const home = mkdtempSync(join(tmpdir(), 'hatrack-role-setup-'));
    mkdirSync(join(home, '.aws'));
    writeFileSync(join(home, '.aws', 'config'), '[profile me]\nregion = eu-west-1\naws_account_id = 111111111111\nmfa_serial = arn:aws:iam::111111111111:mfa/me\n');
    writeFileSync(join(home, '.aws', 'credentials'), '[me]\naws_access_key_id = AKIAIOSFODNN7EXAMPLE\naws_secret_access_key = wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY\n', { mode: 0o600 });
    const env: NodeJS.ProcessEnv = { PATH: process.env['PATH'], HOME: home, HATRACK_DATA_DIR: join(home, 'data'), LC_ALL: 'C.UTF-8', AWS_EC2_METADATA_DISABLED: 'true' };
    const args = ['role-setup', '--source', 'me', '--account', '222222222222', '--role', 'Deploy', '--mfa', '--external-id', 'ci-pipeline-7', '--profile-name', 'deploy-prod', '--json'];
    const r = spawnSync(process.execPath, [HATRACK_BIN, ...args], { env, cwd: REPO_ROOT, encoding: 'utf8' });
    expect(r.status, r.stderr).toBe(0);
    const out = JSON.parse(r.stdout) as { trustPolicy: unknown; sourcePolicy: unknown; roleArn: string; profile: string };
    expect(out.trustPolicy).toEqual({
      Version: '2012-10-17',
      Statement: [
        {
          Effect: 'Allow',
          Principal: { AWS: 'arn:aws:iam::111111111111:root' },
          Action: 'sts:AssumeRole',
          Condition: { Bool: { 'aws:MultiFactorAuthPresent': 'true' }, StringEquals: { 'sts:ExternalId': 'ci-pipeline-7' } },
        },
      ],
    });
    expect(out.sourcePolicy).toEqual({ Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: 'sts:AssumeRole', Resource: 'arn:aws:iam::222222222222:role/Deploy' }] });
    expect(readFileSync(join(home, '.aws', 'config'), 'utf8')).toContain('[profile deploy-prod]\nrole_arn = arn:aws:iam::222222222222:role/Deploy\nsource_profile = me\n');

    const boto = spawnSync('python3', ['-c', BOTOCORE], { env, encoding: 'utf8' });
    expect(boto.status, boto.stderr).toBe(0);
    expect(JSON.parse(boto.stdout)).toEqual({
      method: 'assume-role',
      role_arn: 'arn:aws:iam::222222222222:role/Deploy',
      source_profile: 'me',
      mfa_serial: 'arn:aws:iam::111111111111:mfa/me',
      external_id: 'ci-pipeline-7',
    });

    const again = spawnSync(process.execPath, [HATRACK_BIN, ...args], { env, cwd: REPO_ROOT, encoding: 'utf8' });
    expect(again.status).toBe(1);
    expect(again.stderr).toMatch(/already exists/);
    const bad = spawnSync(process.execPath, [HATRACK_BIN, 'role-setup', '--source', 'me', '--account', '2222', '--role', 'Deploy'], { env, cwd: REPO_ROOT, encoding: 'utf8' });
    expect(bad.status).toBe(1);
    expect(bad.stderr).toMatch(/12 digits/);
  });
});
