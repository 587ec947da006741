// Scale benchmarks (issue 13.11): `list --json` and `set` on a 50 MB config, side by side with a bare read of it.
import { copyFileSync, mkdtempSync, readFileSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { cli, measuredSpawn, median, scalePair } from './support.mjs';

const pair = scalePair();
const work = mkdtempSync(join(tmpdir(), 'hatrack-bench-scale-'));
const config = join(work, 'config');
const credentials = join(work, 'credentials');
copyFileSync(pair.config, config);
copyFileSync(pair.credentials, credentials);
const env = { PATH: process.env.PATH, HOME: work, AWS_CONFIG_FILE: config, AWS_SHARED_CREDENTIALS_FILE: credentials, HATRACK_DATA_DIR: join(work, 'data') };
const megabytes = ((statSync(config).size + statSync(credentials).size) / 1e6).toFixed(0);
const results = [];

/** Runs ours and the bare peer alternately; medians of time and of peak RSS. */
function sideBySide(rounds, ours, peer) {
  const a = [];
  const b = [];
  for (let i = 0; i < rounds; i++) {
    a.push(ours(i));
    b.push(peer(i));
  }
  const med = (xs, key) => median(xs.map((x) => x[key]));
  return { ours: { ms: med(a, 'ms'), rssMb: med(a, 'rssMb') }, peer: { ms: med(b, 'ms'), rssMb: med(b, 'rssMb') } };
}

function line(name, t, peerLabel, goals) {
  const ok = t.ours.ms <= goals.ms && (goals.rssMb === undefined || t.ours.rssMb <= goals.rssMb);
  const goal = `goal ≤ ${goals.ms / 1000} s${goals.rssMb === undefined ? '' : ` and ≤ ${goals.rssMb} MB`}`;
  console.log(
    `${name}: hatrack ${(t.ours.ms / 1000).toFixed(2)} s, ${t.ours.rssMb.toFixed(0)} MB peak vs ${peerLabel} ${(t.peer.ms / 1000).toFixed(2)} s, ` +
      `${t.peer.rssMb.toFixed(0)} MB → ${(t.ours.ms / t.peer.ms).toFixed(2)}× time, ${(t.ours.rssMb / t.peer.rssMb).toFixed(2)}× memory (${goal}) ${ok ? 'OK' : 'MISSED'}`,
  );
  results.push({ name, ours: t.ours.ms, peer: t.peer.ms, ratio: t.ours.ms / t.peer.ms, rssMb: t.ours.rssMb, ok });
}

// 1. `hatrack list --json` against a bare node that reads both files and prints them as JSON (output of the same order
//    of size: the listing of a 50 MB config is about 60 MB of JSON).
{
  const bare = `const fs=require('fs');const c=fs.readFileSync(${JSON.stringify(config)},'utf8'),k=fs.readFileSync(${JSON.stringify(credentials)},'utf8');process.stdout.write(JSON.stringify({config:c,credentials:k}))`;
  const ours = () => measuredSpawn(process.execPath, [cli, 'list', '--json'], env);
  const first = ours();
  const listed = JSON.parse(first.stdout.toString());
  if (listed.profiles.length < 380000 || listed.problems.length !== 0) throw new Error('scale benchmark: the listing is incomplete');
  const t = sideBySide(3, ours, () => measuredSpawn(process.execPath, ['-e', bare], env));
  line(`list --json (${megabytes} MB, ${listed.profiles.length.toLocaleString('en')} profiles)`, t, 'bare node read + JSON.stringify', { ms: 10_000, rssMb: 400 });
}

// 2. `hatrack set` on the last profile (a real one-line change each time, with backup and atomic rename) against a
//    bare node that reads and rewrites the config.
{
  const bare = `const fs=require('fs');fs.writeFileSync(${JSON.stringify(config)},fs.readFileSync(${JSON.stringify(config)}))`;
  // Regions the generator never writes, so every round changes the line.
  const regions = ['xx-bench-1', 'xx-bench-2'];
  const t = sideBySide(5, (i) => measuredSpawn(process.execPath, [cli, 'set', 'p379999', `region=${regions[i % 2]}`], env), () => measuredSpawn(process.execPath, ['-e', bare], env));
  if (!readFileSync(config, 'utf8').includes('[profile p379999]\nregion = xx-bench-1\n')) throw new Error('scale benchmark: set did not write');
  line(`set on the last of ${megabytes} MB`, t, 'bare node read+write', { ms: 3_000 });
}

export default results;
