// Vault benchmark (issue 4): `hatrack credential-process` for a vaulted profile (keys from the Secret Service) against
// `aws configure export-credentials --format process` (AWS CLI v2) for a plaintext one, each a fresh process.
import { spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { cli, report, root, sideBySide, timedSpawn } from './support.mjs';

const v2 = '/usr/bin/aws';
const results = [];

/** Why no keychain can be used here, or undefined: a real write, since a locked keyring still lists. */
function keychainProblem() {
  if (process.platform === 'linux' && !process.env.DBUS_SESSION_BUS_ADDRESS) return 'DBUS_SESSION_BUS_ADDRESS is not set (run inside dbus-run-session with an unlocked gnome-keyring)';
  const probe = `const { Entry } = await import('@napi-rs/keyring');
    const e = new Entry('Hatrack-probe', 'bench', { linux: { store: 'secret-service' } });
    e.setPassword('x'); if (e.getPassword() !== 'x') throw new Error('read back failed'); e.deletePassword();`;
  const r = spawnSync(process.execPath, ['--input-type=module', '-e', probe], { cwd: root, encoding: 'utf8' });
  return r.status === 0 ? undefined : r.stderr.trim().split('\n').find((l) => l.startsWith('Error')) ?? 'keychain probe failed';
}

const problem = keychainProblem() ?? (existsSync(v2) ? undefined : `AWS CLI v2 is not at ${v2} (apt-get install awscli)`);
if (problem !== undefined) {
  console.log(`vault credential-process: skipped — ${problem}`);
} else {
  const home = mkdtempSync(join(tmpdir(), 'hatrack-bench-vault-'));
  mkdirSync(join(home, '.aws'), { mode: 0o700 });
  const secret = randomBytes(30).toString('base64').slice(0, 40);
  writeFileSync(join(home, '.aws', 'config'), '[profile vaulted]\nregion = us-east-1\n\n[profile plain]\nregion = us-east-1\n');
  writeFileSync(
    join(home, '.aws', 'credentials'),
    `[vaulted]\naws_access_key_id = AKIAIOSFODNN7EXAMPLE\naws_secret_access_key = ${secret}\n\n[plain]\naws_access_key_id = AKIAIOSFODNN7EXAMPLE\naws_secret_access_key = ${secret}\n`,
    { mode: 0o600 },
  );
  const env = {
    PATH: process.env.PATH,
    HOME: home,
    DBUS_SESSION_BUS_ADDRESS: process.env.DBUS_SESSION_BUS_ADDRESS,
    HATRACK_DATA_DIR: join(home, 'data'),
    HATRACK_KEYCHAIN_SERVICE: `Hatrack-bench-${randomBytes(4).toString('hex')}`,
    AWS_PAGER: '',
    AWS_EC2_METADATA_DISABLED: 'true',
  };
  timedSpawn(process.execPath, [cli, 'vault', 'add', 'vaulted', '--yes'], env);
  try {
    const ours = () => timedSpawn(process.execPath, [cli, 'credential-process', '--profile', 'vaulted'], env);
    const peer = () => timedSpawn(v2, ['configure', 'export-credentials', '--profile', 'plain', '--format', 'process'], env);
    const a = JSON.parse(ours().stdout.toString());
    const b = JSON.parse(peer().stdout.toString());
    if (a.SecretAccessKey !== secret || b.SecretAccessKey !== secret) throw new Error('the two commands printed different keys');
    const t = await sideBySide(7, ours, peer);
    results.push(report('credential_process helper', 'hatrack credential-process (keychain)', t.a, 'aws configure export-credentials (v2, plaintext)', t.b, 0.3));
  } finally {
    timedSpawn(process.execPath, [cli, 'vault', 'remove', 'vaulted', '--yes'], env);
  }
}

export default results;
