// Starts a private moto server (python3 -m moto.server) for one integration test file; plain Node, tests only.
//
// What moto 5.2.1 actually does about auth, found by probing it (keep this note current when moto changes):
// * INITIAL_NO_AUTH_ACTION_COUNT=n: the first n actions (any service, counted server-wide) skip all auth; after that
//   every request is signature-checked (SigV4 with the key's real secret) and authorised against IAM policies.
//   POST /moto-api/reset-auth with a number as the body sets a new n AND zeroes the counter, so `setAuth(false)` (n=inf)
//   for setup followed by `setAuth(true)` (n=0) is the reliable way to switch enforcement on; counting calls is not.
//   POST /moto-api/reset clears all state but not the auth counter.
// * With auth on: unknown key → InvalidClientTokenId (403); right key, wrong secret → SignatureDoesNotMatch;
//   an ASIA key with a wrong session token → InvalidClientTokenId. sts:GetCallerIdentity is always allowed; every
//   other action, including sts:GetSessionToken and sts:GetFederationToken, needs an Allow in the caller's policies.
// * Only keys moto created (IAM users' keys, AssumeRole sessions) can sign. GetSessionToken and GetFederationToken
//   return the fixed AWS doc example key AKIAIOSFODNN7EXAMPLE, which cannot sign anything with auth on. So MFA-session
//   flows (GetSessionToken → AssumeRole) are testable only with auth off.
// * Trust policies are checked for sts:AssumeRole: Principal must be "*" (as {"AWS":"*"}) or the caller's exact ARN
//   (string or list); `arn:aws:iam::<acct>:root` does NOT match a user. Conditions: only StringEquals, and only the
//   sts:ExternalId key. A wrong ExternalId is denied; a MISSING ExternalId passes (moto bug). Other operators (Bool
//   aws:MultiFactorAuthPresent, …) are ignored, and any TokenCode is accepted, so MFA is never really enforced.
// * Moto does not enforce the 1 h role-chaining cap: Expiration is simply now + DurationSeconds.
// * AssumeRoleWithWebIdentity (unsigned) and SSO GetRoleCredentials answer HTTP 500 with auth on.
import { spawn } from 'node:child_process';
import type { ChildProcess } from 'node:child_process';
import { createServer } from 'node:net';

import { CreateAccessKeyCommand, CreateRoleCommand, CreateUserCommand, IAMClient, PutRolePolicyCommand, PutUserPolicyCommand } from '@aws-sdk/client-iam';

import { parseDocument } from '../../src-main/core/awsfiles/ini-document.js';
import { readIni } from '../../src-main/core/awsfiles/ini-reading.js';
import { buildProfileModel } from '../../src-main/core/awsfiles/profiles.js';
import type { ProfileModel } from '../../src-main/core/awsfiles/profiles.js';
import type { Environment } from '../../src-main/core/environment.js';
import { HANG_MS } from './deadlines.js';

export interface Moto {
  readonly endpoint: string;
  /** Clears every backend (POST /moto-api/reset). */
  reset(): Promise<void>;
  /** Switches signature/policy enforcement on or off from the next request (POST /moto-api/reset-auth). */
  setAuth(enforced: boolean): Promise<void>;
  stop(): Promise<void>;
}

export interface StartMotoOptions {
  /** Requests allowed without auth before enforcement starts; default: never enforce until setAuth(true). */
  readonly initialNoAuthActionCount?: number;
}

export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = createServer();
    srv.unref();
    srv.on('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const addr = srv.address();
      const port = typeof addr === 'object' && addr !== null ? addr.port : 0;
      srv.close(() => resolve(port));
    });
  });
}

async function waitUntilUp(endpoint: string, child: ChildProcess, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`moto exited early with status ${child.exitCode}`);
    try {
      const res = await fetch(`${endpoint}/moto-api/`);
      if (res.ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`moto did not answer on ${endpoint} within ${timeoutMs / 1000} s`);
}

export async function startMoto(options: StartMotoOptions = {}): Promise<Moto> {
  const port = await freePort();
  const endpoint = `http://127.0.0.1:${port}`;
  const env: NodeJS.ProcessEnv = { ...process.env };
  env['INITIAL_NO_AUTH_ACTION_COUNT'] = options.initialNoAuthActionCount === undefined ? 'inf' : String(options.initialNoAuthActionCount);
  const child = spawn('python3', ['-m', 'moto.server', '-H', '127.0.0.1', '-p', String(port)], {
    env,
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  let stderr = '';
  child.stderr?.on('data', (b: Buffer) => {
    stderr = (stderr + b.toString('utf8')).slice(-4000);
  });
  try {
    await waitUntilUp(endpoint, child, HANG_MS);
  } catch (e) {
    child.kill('SIGKILL');
    throw new Error(`${(e as Error).message}\n${stderr}`);
  }
  const post = async (path: string, body?: string): Promise<void> => {
    const res = await fetch(`${endpoint}${path}`, { method: 'POST', body });
    if (!res.ok) throw new Error(`moto ${path} answered ${res.status}`);
  };
  return {
    endpoint,
    reset: () => post('/moto-api/reset'),
    setAuth: (enforced) => post('/moto-api/reset-auth', enforced ? '0' : 'inf'),
    stop: () =>
      new Promise<void>((resolve) => {
        if (child.exitCode !== null) {
          resolve();
          return;
        }
        const force = setTimeout(() => child.kill('SIGKILL'), 5000);
        child.once('exit', () => {
          clearTimeout(force);
          resolve();
        });
        child.kill('SIGTERM');
      }),
  };
}

// ---- Fixture helpers shared by the test/sts-*.test.ts files (setup calls run with auth off). ----

export const ACCOUNT = '123456789012';

/** Any key works while auth is off; this is AWS's documented example key. */
export function adminIam(moto: Moto): IAMClient {
  return new IAMClient({
    endpoint: moto.endpoint,
    region: 'us-east-1',
    credentials: { accessKeyId: 'AKIAIOSFODNN7EXAMPLE', secretAccessKey: 'setup' },
  });
}

export interface TestUser {
  readonly userName: string;
  readonly arn: string;
  readonly accessKeyId: string;
  readonly secretAccessKey: string;
  readonly keyCreateDate: Date;
}

export async function createUser(moto: Moto, userName: string, allow: readonly string[]): Promise<TestUser> {
  const iam = adminIam(moto);
  try {
    const u = await iam.send(new CreateUserCommand({ UserName: userName }));
    const k = await iam.send(new CreateAccessKeyCommand({ UserName: userName }));
    if (allow.length > 0) {
      await iam.send(
        new PutUserPolicyCommand({
          UserName: userName,
          PolicyName: 'test',
          PolicyDocument: JSON.stringify({ Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: allow, Resource: '*' }] }),
        }),
      );
    }
    return {
      userName,
      arn: u.User!.Arn!,
      accessKeyId: k.AccessKey!.AccessKeyId!,
      secretAccessKey: k.AccessKey!.SecretAccessKey!,
      keyCreateDate: k.AccessKey!.CreateDate!,
    };
  } finally {
    iam.destroy();
  }
}

export async function createRole(
  moto: Moto,
  roleName: string,
  opts: { readonly externalId?: string; readonly allow?: readonly string[] } = {},
): Promise<string> {
  const iam = adminIam(moto);
  try {
    const statement: Record<string, unknown> = { Effect: 'Allow', Principal: { AWS: '*' }, Action: 'sts:AssumeRole' };
    if (opts.externalId !== undefined) statement['Condition'] = { StringEquals: { 'sts:ExternalId': opts.externalId } };
    const r = await iam.send(
      new CreateRoleCommand({
        RoleName: roleName,
        AssumeRolePolicyDocument: JSON.stringify({ Version: '2012-10-17', Statement: [statement] }),
        MaxSessionDuration: 43200,
      }),
    );
    if (opts.allow !== undefined) {
      await iam.send(
        new PutRolePolicyCommand({
          RoleName: roleName,
          PolicyName: 'test',
          PolicyDocument: JSON.stringify({ Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: opts.allow, Resource: '*' }] }),
        }),
      );
    }
    return r.Role!.Arn!;
  } finally {
    iam.destroy();
  }
}

export function profileModel(config: string, credentials = ''): ProfileModel {
  return buildProfileModel(
    readIni(parseDocument(new TextEncoder().encode(config))),
    readIni(parseDocument(new TextEncoder().encode(credentials))),
  );
}

/** An Environment pointing every AWS service at moto, with no ambient credentials. */
export function motoEnv(moto: Moto, home: string, extra: Record<string, string> = {}): Environment {
  return {
    vars: { HOME: home, USER: 'tester', AWS_ENDPOINT_URL: moto.endpoint, ...extra },
    platform: process.platform,
    osHome: home,
    now: () => new Date(),
  };
}
