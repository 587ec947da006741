// SSO benchmarks (issue 11): `hatrack sso populate` for 2,000 accounts × 3 roles against the loopback stand-in
// (goal ≤ 5 s end to end), then `hatrack list` over the result against `aws configure list-profiles`.
import { spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { build } from 'esbuild';
import { cli, median, report, root, sideBySide, timedSpawn } from './support.mjs';

const results = [];
const work = mkdtempSync(join(tmpdir(), 'hatrack-bench-sso-'));
const ACCOUNTS = 2000;
const ROLES = 3;
const TOKEN = 'bench-access-token';

// The stand-in is test code in TypeScript: bundle it once for this process.
const bundle = join(work, 'standin.mjs');
await build({
  stdin: {
    contents: "export { startSsoStandin } from './test/support/sso-standin/server.ts'; export { createPortalRoutes, generatedAccounts } from './test/support/sso-standin/portal-routes.ts';",
    resolveDir: root,
    loader: 'ts',
  },
  bundle: true,
  platform: 'node',
  format: 'esm',
  outfile: bundle,
  logLevel: 'error',
});
const { startSsoStandin, createPortalRoutes, generatedAccounts } = await import(bundle);
const portal = createPortalRoutes({ accounts: generatedAccounts(ACCOUNTS, ROLES), tokens: [TOKEN] });
const standin = await startSsoStandin({ routes: [portal.route] });

const config = join(work, 'config');
const credentials = join(work, 'credentials');
const SESSION = '[sso-session corp]\nsso_start_url = https://d-1234567890.awsapps.com/start\nsso_region = us-east-1\n';
const tokenDir = join(work, '.aws', 'sso', 'cache');
mkdirSync(tokenDir, { recursive: true });
const expiresAt = new Date(Date.now() + 8 * 3600_000).toISOString().slice(0, 19) + 'Z';
writeFileSync(join(tokenDir, `${createHash('sha1').update('corp').digest('hex')}.json`), JSON.stringify({ accessToken: TOKEN, expiresAt }), { mode: 0o600 });
const env = {
  PATH: process.env.PATH,
  HOME: work,
  AWS_CONFIG_FILE: config,
  AWS_SHARED_CREDENTIALS_FILE: credentials,
  HATRACK_DATA_DIR: join(work, 'data'),
  AWS_ENDPOINT_URL_SSO: standin.url,
  AWS_PAGER: '',
  AWS_EC2_METADATA_DISABLED: 'true',
};

/** Async: the stand-in answers from this process, so a blocking spawn would deadlock it. */
function run(args) {
  return new Promise((resolve, reject) => {
    const t = performance.now();
    const child = spawn(process.execPath, [cli, ...args], { env, stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    let err = '';
    child.stdout.on('data', (d) => (out += d));
    child.stderr.on('data', (d) => (err += d));
    child.on('error', reject);
    child.on('close', (code) => (code === 0 ? resolve({ ms: performance.now() - t, out, err }) : reject(new Error(`hatrack ${args.join(' ')} failed: ${err}`))));
  });
}

// 1. A first populate into a config holding only the session (6,000 profiles written), three fresh rounds.
{
  const times = [];
  let last;
  for (let i = 0; i < 3; i++) {
    writeFileSync(config, SESSION);
    last = await run(['sso', 'populate', '--sso-session', 'corp']);
    times.push(last.ms);
  }
  const written = (readFileSync(config, 'utf8').match(/^\[profile /gm) ?? []).length;
  if (written < ACCOUNTS * ROLES) throw new Error(`populate wrote ${written} profiles: ${last.err}`);
  const ms = median(times);
  const ok = ms <= 5000;
  console.log(`sso populate (${ACCOUNTS} accounts × ${ROLES} roles, ${written} profiles): ${ms.toFixed(0)} ms end to end (goal ≤ 5000 ms) ${ok ? 'OK' : 'MISSED'}`);
  results.push({ name: 'sso populate', ours: ms, ok });
  const again = await run(['sso', 'populate', '--sso-session', 'corp']);
  console.log(`sso populate, second run (nothing to write): ${again.ms.toFixed(0)} ms; portal 429s sent: ${portal.control.throttled}`);
}

await standin.close();

// 2. `hatrack list --json` over the populated config against `aws configure list-profiles`, each a fresh process.
const v2 = '/usr/bin/aws';
if (existsSync(v2)) {
  timedSpawn(v2, ['configure', 'list-profiles'], env);
  const t = await sideBySide(7, () => timedSpawn(process.execPath, [cli, 'list', '--json'], env), () => timedSpawn(v2, ['configure', 'list-profiles'], env));
  results.push(report(`list after populate (${ACCOUNTS * ROLES} SSO profiles)`, 'hatrack list --json', t.a, 'aws configure list-profiles (v2)', t.b, 0.3));
} else {
  console.log('list after populate: skipped — AWS CLI v2 is not at /usr/bin/aws (apt-get install awscli)');
}

export default results;
