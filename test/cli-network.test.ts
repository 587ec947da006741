// Integration: every AWS-calling `hatrack` command ends by itself against servers that never (or too late) answer,
// with one `[NETWORK]` line on stderr, exit 1 and the AWS files untouched (issue 13, point 2).
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { runProcess } from './support/cli-runner.js';
import { childEnv } from './support/oracle.js';
import type { RunResult } from './support/cli-runner.js';
import { privateKeyringProblem, startPrivateKeyring } from './support/private-keyring.js';
import type { PrivateKeyring } from './support/private-keyring.js';
import { startStubServer } from './support/stub-aws-server.js';
import type { StubMode, StubServer } from './support/stub-aws-server.js';

const ROOT = path.resolve(import.meta.dirname, '..');
const BIN = path.join(ROOT, 'dist', 'cli', 'hatrack.cjs');
const ID = 'AKIASTUBALICE0000001';
const SECRET = 'stub/alice/secret/0000000000000000000000';

interface Ws {
  readonly home: string;
  readonly config: string;
  readonly credentials: string;
  readonly data: string;
}

const CONFIG =
  '[profile r]\nrole_arn = arn:aws:iam::123456789012:role/r\nsource_profile = alice\nregion = us-east-1\n\n' +
  '[profile dev]\nmfa_serial = arn:aws:iam::123456789012:mfa/me\nregion = us-east-1\n';
// Each profile holds its own key: rotate refuses a key written in two profiles before it calls AWS.
const CREDENTIALS = `[alice]\naws_access_key_id = ${ID}\naws_secret_access_key = ${SECRET}\n\n[dev]\naws_access_key_id = AKIASTUBDEV000000001\naws_secret_access_key = stub/dev/secret/00000000000000000000000\n`;

function workspace(): Ws {
  const home = mkdtempSync(path.join(tmpdir(), 'hatrack-net-'));
  mkdirSync(path.join(home, '.aws'), { mode: 0o700 });
  const ws = { home, config: path.join(home, '.aws', 'config'), credentials: path.join(home, '.aws', 'credentials'), data: path.join(home, 'data') };
  writeFileSync(ws.config, CONFIG, { mode: 0o600 });
  writeFileSync(ws.credentials, CREDENTIALS, { mode: 0o600 });
  return ws;
}

function envFor(ws: Ws, extra: Record<string, string>): NodeJS.ProcessEnv {
  return childEnv(ws.home, ws, {
    HATRACK_DATA_DIR: ws.data,
    HATRACK_KEYCHAIN_SERVICE: `Hatrack-test-${path.basename(ws.home)}`,
    // No keychain unless a test brings its own: MFA sessions then live in memory.
    DBUS_SESSION_BUS_ADDRESS: 'unix:path=/nonexistent',
    // Small per-attempt timeouts keep the suite quick; the default deadline (60 s) still bounds every command.
    HATRACK_HTTP_TIMEOUT_MS: '400',
    ...extra,
  });
}

/** Killed with code 128 by the test's own budget; the assertions are that it ends by itself, not how fast. */
const run = (cmd: string, args: readonly string[], env: NodeJS.ProcessEnv): Promise<RunResult> => runProcess(cmd, args, env);

const hatrack = (ws: Ws, args: readonly string[], extra: Record<string, string>): Promise<RunResult> => run(process.execPath, [BIN, ...args], envFor(ws, extra));

const snapshot = (ws: Ws): string[] => [readFileSync(ws.config, 'latin1'), readFileSync(ws.credentials, 'latin1')];

/**
 * Ended by itself (not killed by the budget), exit 1, exactly one stderr line ending [NETWORK], and nothing on stdout
 * but rotate's step report (whose last line is the step that failed).
 */
function expectNetworkFailure(r: RunResult, service: string, server: StubServer, why: RegExp, progress = false): void {
  expect(r.code, r.code === 128 ? 'killed by the test budget: the command did not end by itself' : r.stderr).toBe(1);
  if (progress) expect(r.stdout).toMatch(/^(ok .*\n)*FAIL .*\n$/);
  else expect(r.stdout).toBe('');
  const lines = r.stderr.split('\n').filter((l) => l !== '');
  expect(lines, r.stderr).toHaveLength(1);
  expect(lines[0]).toMatch(new RegExp(`^hatrack: .*Could not reach ${service} at ${server.host.replace(/\./g, '\\.')}: ${why.source}.* \\[NETWORK\\]$`));
}

/**
 * Per-attempt give-up at HATRACK_HTTP_TIMEOUT_MS=400. On a machine so busy that the child stalls for 400 ms, its
 * connect timer can fire before it has seen the (loopback) connection complete, so either wording may come.
 */
const GAVE_UP = /no (answer|connection) within 400 ms \((connect )?timeout(, \d attempts)?\)/;

/** Each AWS-calling command, the service it reaches first, and how to point it at `server`. */
const COMMANDS: ReadonlyArray<{ readonly name: string; readonly args: readonly string[]; readonly service: 'sts' | 'iam'; readonly progress?: true }> = [
  { name: 'export (role)', args: ['export', 'r'], service: 'sts' },
  { name: 'keys', args: ['keys', 'alice'], service: 'iam' },
  { name: 'use (role)', args: ['use', 'r', '--yes'], service: 'sts' },
  { name: 'console --print (role)', args: ['console', 'r', '--print'], service: 'sts' },
  { name: 'console --print (IAM user)', args: ['console', 'alice', '--print'], service: 'iam' },
  { name: 'rotate', args: ['rotate', 'alice', '--yes'], service: 'sts', progress: true },
];

const servers = new Map<StubMode, StubServer>();
const server = (mode: StubMode): StubServer => servers.get(mode) as StubServer;
const keyrings: PrivateKeyring[] = [];

beforeAll(async () => {
  const build = spawnSync(process.execPath, ['scripts/build.mjs', 'cli'], { cwd: ROOT, encoding: 'utf8' });
  if (build.status !== 0) throw new Error(`build failed: ${build.stderr}`);
  for (const mode of ['silent', 'partial-headers', 'stalled-body', 'late', 'prompt'] as const) servers.set(mode, await startStubServer(mode));
});

afterAll(async () => {
  await Promise.all([...servers.values()].map((s) => s.close()));
  await Promise.all(keyrings.map((k) => k.stop()));
});

describe.each([
  { label: 'accepts and never answers', mode: 'silent' },
  { label: 'answers 30 s later (long past the timeout)', mode: 'late' },
] as const)('against a server that $label', ({ mode }) => {
  it.each(COMMANDS)('$name ends by itself with one [NETWORK] line and writes nothing', async ({ args, service, progress }) => {
    const ws = workspace();
    const before = snapshot(ws);
    const s = server(mode);
    const r = await hatrack(ws, args, { AWS_ENDPOINT_URL: s.endpoint });
    expectNetworkFailure(r, service, s, GAVE_UP, progress);
    expect(snapshot(ws)).toEqual(before);
  });
});

describe('answers that start and stop', () => {
  it.each(['partial-headers', 'stalled-body'] as const)('export gives up on a server that sends %s and then nothing', async (mode) => {
    const ws = workspace();
    const s = server(mode);
    const r = await hatrack(ws, ['export', 'r'], { AWS_ENDPOINT_URL_STS: s.endpoint });
    expectNetworkFailure(r, 'sts', s, GAVE_UP);
  });
});

describe('the deadline and the endpoint each service uses', () => {
  it('ends at HATRACK_NETWORK_DEADLINE_MS even when one attempt alone may take longer', async () => {
    const ws = workspace();
    const s = server('silent');
    const r = await hatrack(ws, ['keys', 'alice'], { AWS_ENDPOINT_URL_IAM: s.endpoint, HATRACK_HTTP_TIMEOUT_MS: '600000', HATRACK_NETWORK_DEADLINE_MS: '1500' });
    expectNetworkFailure(r, 'iam', s, /no answer within the 1\.5 s deadline \(deadline\)/);
  });

  // The working STS must answer within the attempt timeout however busy the machine is, so these two end at the deadline.
  const patient = { HATRACK_HTTP_TIMEOUT_MS: '60000', HATRACK_NETWORK_DEADLINE_MS: '8000' };

  it('console: a working STS, then a sign-in endpoint that never answers', async () => {
    const ws = workspace();
    const signin = server('silent');
    const r = await hatrack(ws, ['console', 'r', '--print'], { ...patient, AWS_ENDPOINT_URL_STS: server('prompt').endpoint, AWS_ENDPOINT_URL_SIGNIN: signin.endpoint });
    expectNetworkFailure(r, 'signin', signin, /no answer within the 8 s deadline \(deadline\)/);
    expect(r.stderr).not.toMatch(/Session|stub-token|federation\?/);
  });

  it('rotate: a working STS, then IAM that never answers, changes nothing', async () => {
    const ws = workspace();
    const before = snapshot(ws);
    const iam = server('silent');
    const r = await hatrack(ws, ['rotate', 'alice', '--yes'], { ...patient, AWS_ENDPOINT_URL_STS: server('prompt').endpoint, AWS_ENDPOINT_URL_IAM: iam.endpoint });
    expectNetworkFailure(r, 'iam', iam, /no answer within the 8 s deadline \(deadline\)/, true);
    expect(r.stdout).toBe('ok    identify the IAM user: alice\nFAIL  list its access keys\n');
    expect(snapshot(ws)).toEqual(before);
  });

  it('a bad override is refused by name, before any call', async () => {
    const ws = workspace();
    const r = await hatrack(ws, ['export', 'r'], { AWS_ENDPOINT_URL: server('silent').endpoint, HATRACK_HTTP_TIMEOUT_MS: '10s' });
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/^hatrack: HATRACK_HTTP_TIMEOUT_MS must be a whole number of milliseconds.* \[INVALID_CONFIG\]\n$/);
  });
});

describe('hatrack as credential_process of the AWS CLI', () => {
  it('the AWS CLI ends too, showing hatrack\'s [NETWORK] line', async () => {
    const ws = workspace();
    const s = server('silent');
    writeFileSync(ws.config, `${CONFIG}\n[profile viaproc]\ncredential_process = ${process.execPath} ${BIN} export r\nregion = us-east-1\n`);
    const r = await run('/usr/bin/aws', ['sts', 'get-caller-identity', '--profile', 'viaproc'], envFor(ws, { AWS_ENDPOINT_URL_STS: s.endpoint }));
    expect(r.code, 'killed by the test budget').not.toBe(128);
    expect(r.code).not.toBe(0);
    expect(r.stderr).toMatch(new RegExp(`Could not reach sts at ${s.host.replace(/\./g, '\\.')}: ${GAVE_UP.source}\\. \\[NETWORK\\]`));
  });
});

const keyringProblem = privateKeyringProblem();
describe('hatrack credential-process (vaulted profile, MFA session)', () => {
  it.skipIf(keyringProblem !== undefined).each(['silent', 'late'] as const)('ends by itself against a %s server', async (mode) => {
    const ws = workspace();
    mkdirSync(path.join(ws.home, 'keyring'));
    const keyring = await startPrivateKeyring(path.join(ws.home, 'keyring'));
    keyrings.push(keyring);
    const bus = { DBUS_SESSION_BUS_ADDRESS: keyring.bus };
    const add = await hatrack(ws, ['vault', 'add', 'dev', '--yes'], bus);
    expect(add.code, add.stderr).toBe(0);
    expect((await hatrack(ws, ['settings', 'set', 'profiles.dev.mfaSession=true'], bus)).code).toBe(0);
    const before = snapshot(ws);
    const s = server(mode);
    const r = await hatrack(ws, ['credential-process', '--profile', 'dev', '--mfa-code', '123456'], { ...bus, AWS_ENDPOINT_URL_STS: s.endpoint });
    expectNetworkFailure(r, 'sts', s, GAVE_UP);
    expect(snapshot(ws)).toEqual(before);
  });
});
