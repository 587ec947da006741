// Files-core benchmarks (issue: foundation): parse vs the JS SDK's loader, list vs AWS CLI v2, set vs a bare write.
import { copyFileSync, existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadSharedConfigFiles } from '@smithy/shared-ini-file-loader';
import { cli, largePair, report, sideBySide, timedSpawn } from './support.mjs';

const lib = await import('../dist/lib/awsfiles.mjs');
const pair = largePair();
const results = [];

// 1. Parse both files: our lossless document + botocore reading + profile model, from the bytes on disk, against
//    the JS SDK's own loader (read + parseIni + profile extraction) — both include reading the two files.
{
  // The model is lazy (sections are read when asked for), so the benchmark asks for everything the SDK's loader
  // returns — every profile's merged settings — plus what only we compute: each profile's kind and the reading of
  // every line (its errors), so nothing is left unread.
  const ours = () => {
    const config = lib.readIni(lib.parseDocument(readFileSync(pair.config)));
    const credentials = lib.readIni(lib.parseDocument(readFileSync(pair.credentials)));
    const model = lib.buildProfileModel(config, credentials);
    for (const profile of model.profiles) if (profile.settings.has('\n') || profile.kind === undefined) throw new Error('unreachable');
    for (const section of model.ssoSessions.values()) void section.settings;
    if (config.errors.length + credentials.errors.length > 0) throw new Error('benchmark pair should read without errors');
    return model;
  };
  const peer = () => loadSharedConfigFiles({ filepath: pair.credentials, configFilepath: pair.config, ignoreCache: true });
  for (let i = 0; i < 15; i++) {
    ours();
    await peer();
  }
  const model = ours();
  if (model.profiles.length < 5000) throw new Error('benchmark pair too small');
  const t = await sideBySide(60, ours, peer);
  results.push(report('parse both files (5,000 profiles)', 'hatrack', t.a, '@smithy/shared-ini-file-loader', t.b, 1.0));
}

// 2. `hatrack list --json` against `aws configure list-profiles` (AWS CLI v2), each a fresh process.
const v2 = '/usr/bin/aws';
const home = mkdtempSync(join(tmpdir(), 'hatrack-bench-'));
const env = { PATH: process.env.PATH, HOME: home, AWS_CONFIG_FILE: pair.config, AWS_SHARED_CREDENTIALS_FILE: pair.credentials, HATRACK_DATA_DIR: join(home, 'data') };
if (existsSync(v2)) {
  timedSpawn(v2, ['configure', 'list-profiles'], env);
  const t = await sideBySide(11, () => timedSpawn(process.execPath, [cli, 'list', '--json'], env), () => timedSpawn(v2, ['configure', 'list-profiles'], env));
  results.push(report('list (5,000 profiles)', 'hatrack list --json', t.a, 'aws configure list-profiles (v2)', t.b, 0.3));
} else {
  console.log('list: skipped — AWS CLI v2 is not at /usr/bin/aws (apt-get install awscli)');
}

// 3. `hatrack set` on the last profile (a real one-line change each time, with backup and atomic rename) against a
//    bare `node` process that reads and rewrites the same file.
{
  const work = mkdtempSync(join(tmpdir(), 'hatrack-bench-set-'));
  const config = join(work, 'config');
  const credentials = join(work, 'credentials');
  copyFileSync(pair.config, config);
  copyFileSync(pair.credentials, credentials);
  const setEnv = { ...env, AWS_CONFIG_FILE: config, AWS_SHARED_CREDENTIALS_FILE: credentials };
  const bare = `const fs=require('fs');fs.writeFileSync(${JSON.stringify(config)},fs.readFileSync(${JSON.stringify(config)}))`;
  const regions = ['eu-west-1', 'us-west-2'];
  const t = await sideBySide(15, (i) => timedSpawn(process.execPath, [cli, 'set', 'p4999', `region=${regions[i % 2]}`], setEnv), () => timedSpawn(process.execPath, ['-e', bare], setEnv));
  const text = readFileSync(config, 'utf8');
  if (!text.includes('[profile p4999]')) throw new Error('set benchmark lost the profile');
  writeFileSync(join(work, 'done'), '');
  results.push(report('set on the last profile', 'hatrack set', t.a, 'bare node read+write', t.b, 3.0));
}

export default results;
