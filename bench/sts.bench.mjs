// Credentials benchmarks (issue 3): `hatrack export` vs `aws configure export-credentials`, engine AssumeRole vs bare SDK.
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { build } from 'esbuild';
import { cli, report, root, sideBySide, timedSpawn } from './support.mjs';

// The SDK's "Node 22 soon" notice would interleave with the report lines.
process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED = 'true';
const results = [];
const work = mkdtempSync(join(tmpdir(), 'hatrack-bench-sts-'));

// 1. `hatrack export` of a profile with long-term keys (what a credential_process helper does before every AWS
//    call) against AWS CLI v2 printing the same JSON, each a fresh process.
{
  const v2 = '/usr/bin/aws';
  const config = join(work, 'config');
  const credentials = join(work, 'credentials');
  writeFileSync(config, '[profile dev]\nregion = eu-west-1\n');
  writeFileSync(credentials, '[dev]\naws_access_key_id = AKIAIOSFODNN7EXAMPLE\naws_secret_access_key = wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY\n');
  const env = { PATH: process.env.PATH, HOME: work, AWS_CONFIG_FILE: config, AWS_SHARED_CREDENTIALS_FILE: credentials, HATRACK_DATA_DIR: join(work, 'data'), AWS_PAGER: '', AWS_EC2_METADATA_DISABLED: 'true' };
  if (existsSync(v2)) {
    const ours = () => timedSpawn(process.execPath, [cli, 'export', 'dev', '--format', 'process'], env);
    const peer = () => timedSpawn(v2, ['configure', 'export-credentials', '--profile', 'dev', '--format', 'process'], env);
    const a = JSON.parse(ours().stdout.toString());
    const b = JSON.parse(peer().stdout.toString());
    if (a.AccessKeyId !== b.AccessKeyId || a.SecretAccessKey !== b.SecretAccessKey) throw new Error('export benchmark: outputs differ');
    const t = await sideBySide(9, ours, peer);
    results.push(report('export long-term keys', 'hatrack export --format process', t.a, 'aws configure export-credentials (v2)', t.b, 0.3));
  } else {
    console.log('export: skipped — AWS CLI v2 is not at /usr/bin/aws (apt-get install awscli)');
  }
}

// 2. One AssumeRole through Hatrack's engine (profile model, validation, gateway) against the bare SDK's
//    AssumeRoleCommand, in-process on moto with the same user's keys. Both build a fresh client per call, as the
//    engine does (no ambient SDK config may leak into a call).
{
  const freePort = () =>
    new Promise((resolve, reject) => {
      const srv = createServer();
      srv.on('error', reject);
      srv.listen(0, '127.0.0.1', () => {
        const { port } = srv.address();
        srv.close(() => resolve(port));
      });
    });
  const port = await freePort();
  const endpoint = `http://127.0.0.1:${port}`;
  const moto = spawn('python3', ['-m', 'moto.server', '-H', '127.0.0.1', '-p', String(port)], { stdio: 'ignore', env: { ...process.env, INITIAL_NO_AUTH_ACTION_COUNT: 'inf' } });
  try {
    for (let i = 0; ; i++) {
      try {
        if ((await fetch(`${endpoint}/moto-api/`)).ok) break;
      } catch {
        // not up yet
      }
      if (i > 300) throw new Error('moto did not start');
      await new Promise((r) => setTimeout(r, 100));
    }
    // The engine and the files model as one ESM bundle (dependencies external, as in the CLI).
    const bundle = join(root, '.bench', 'sts-engine.mjs'); // inside the project, so the SDK resolves from node_modules
    await build({
      stdin: {
        contents: "export * from './src-main/core/sts/index.ts';\nexport { buildProfileModel } from './src-main/core/awsfiles/profiles.ts';\nexport { readIni } from './src-main/core/awsfiles/ini-reading.ts';\nexport { parseDocument } from './src-main/core/awsfiles/ini-document.ts';\n",
        resolveDir: root,
        loader: 'ts',
      },
      bundle: true,
      platform: 'node',
      format: 'esm',
      target: 'node20',
      packages: 'external',
      outfile: bundle,
      logLevel: 'warning',
    });
    const lib = await import(bundle);
    // Resolve the SDK from the project, as the engine bundle does.
    const { STSClient, AssumeRoleCommand } = await import('@aws-sdk/client-sts');
    const { IAMClient, CreateUserCommand, CreateAccessKeyCommand, CreateRoleCommand } = await import('@aws-sdk/client-iam');
    const iam = new IAMClient({ endpoint, region: 'us-east-1', credentials: { accessKeyId: 'AKIAIOSFODNN7EXAMPLE', secretAccessKey: 'setup' } });
    await iam.send(new CreateUserCommand({ UserName: 'bench' }));
    const key = (await iam.send(new CreateAccessKeyCommand({ UserName: 'bench' }))).AccessKey;
    const trust = { Version: '2012-10-17', Statement: [{ Effect: 'Allow', Principal: { AWS: '*' }, Action: 'sts:AssumeRole' }] };
    const roleArn = (await iam.send(new CreateRoleCommand({ RoleName: 'bench-role', AssumeRolePolicyDocument: JSON.stringify(trust) }))).Role.Arn;
    iam.destroy();

    const text = (s) => new TextEncoder().encode(s);
    const model = lib.buildProfileModel(
      lib.readIni(lib.parseDocument(text(`[profile bench-role]\nrole_arn = ${roleArn}\nsource_profile = bench\nrole_session_name = bench\nregion = us-east-1\n`))),
      lib.readIni(lib.parseDocument(text(`[bench]\naws_access_key_id = ${key.AccessKeyId}\naws_secret_access_key = ${key.SecretAccessKey}\n`))),
    );
    const env = { vars: { AWS_ENDPOINT_URL: endpoint, USER: 'bench' }, platform: process.platform, osHome: work, now: () => new Date() };
    const engine = lib.createCredentialsEngine({ env, dataDir: join(work, 'data') });
    const ours = async () => {
      const c = await engine.resolve(model, 'bench-role');
      if (!c.sessionToken) throw new Error('no session');
    };
    const peer = async () => {
      const client = new STSClient({ region: 'us-east-1', endpoint, credentials: { accessKeyId: key.AccessKeyId, secretAccessKey: key.SecretAccessKey } });
      try {
        const out = await client.send(new AssumeRoleCommand({ RoleArn: roleArn, RoleSessionName: 'bench', DurationSeconds: undefined }));
        if (!out.Credentials?.SessionToken) throw new Error('no session');
      } finally {
        client.destroy();
      }
    };
    for (let i = 0; i < 20; i++) {
      await ours();
      await peer();
    }
    const t = await sideBySide(150, ours, peer);
    results.push(report('AssumeRole (moto, in-process)', 'hatrack engine.resolve', t.a, 'bare SDK AssumeRoleCommand', t.b, 1.15));
  } finally {
    moto.kill('SIGTERM');
  }
}

export default results;
