// Integration: console sign-in URLs for role and plain-IAM-user profiles, moto for STS/IAM and a stand-in sign-in server.
import { createServer } from 'node:http';
import type { Server } from 'node:http';
import { mkdtemp, rm } from 'node:fs/promises';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';

import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';

import { createCredentialsEngine, createSdkGateway } from '../src-main/core/sts/index.js';
import type { CredentialsEngine } from '../src-main/core/sts/index.js';
import { ACCOUNT, createRole, createUser, motoEnv, profileModel, startMoto } from './support/moto.js';
import type { Moto, TestUser } from './support/moto.js';

interface Captured {
  readonly action: string | null;
  readonly sessionDuration: string | null;
  readonly session: { sessionId: string; sessionKey: string; sessionToken: string };
}

let moto: Moto;
let home: string;
let signin: Server;
let signinBase: string;
let captured: Captured[] = [];
let alice: TestUser;
let longName: TestUser;
let engine: CredentialsEngine;
const roleArn = `arn:aws:iam::${ACCOUNT}:role/console-role`;

beforeAll(async () => {
  moto = await startMoto();
  home = await mkdtemp(path.join(tmpdir(), 'hatrack-console-'));
  signin = createServer((req, res) => {
    const u = new URL(req.url ?? '/', 'http://x');
    if (u.pathname !== '/federation' || u.searchParams.get('Action') !== 'getSigninToken') {
      res.writeHead(400).end('bad request');
      return;
    }
    captured.push({
      action: u.searchParams.get('Action'),
      sessionDuration: u.searchParams.get('SessionDuration'),
      session: JSON.parse(u.searchParams.get('Session') ?? '{}') as Captured['session'],
    });
    res.writeHead(200, { 'content-type': 'application/json' }).end('{"SigninToken":"tok/with+chars="}');
  });
  await new Promise<void>((r) => signin.listen(0, '127.0.0.1', r));
  signinBase = `http://127.0.0.1:${(signin.address() as AddressInfo).port}`;
  await moto.setAuth(false);
  // alice may not call iam:GetUser, so the user name must come from the AccessDenied text (aws-vault's fallback).
  alice = await createUser(moto, 'alice', ['sts:AssumeRole', 'sts:GetFederationToken']);
  longName = await createUser(moto, 'a-very-long-user-name-that-exceeds-32', ['sts:GetFederationToken', 'iam:GetUser']);
  await createRole(moto, 'console-role', { allow: ['sts:AssumeRole'] });
  await moto.setAuth(true);
  engine = createCredentialsEngine({
    env: motoEnv(moto, home, { AWS_ENDPOINT_URL_SIGNIN: `${signinBase}/ignored/path` }),
    dataDir: home,
    gateway: createSdkGateway({ maxAttempts: 1 }),
  });
});

afterAll(async () => {
  await moto?.stop();
  await new Promise<void>((r) => (signin ? signin.close(() => r()) : r()));
  if (home !== undefined) await rm(home, { recursive: true, force: true });
});

beforeEach(() => {
  captured = [];
});

const model = () =>
  profileModel(
    `[profile admin]\nrole_arn = ${roleArn}\nsource_profile = alice\nregion = eu-west-1\n` +
      `[profile chained]\nrole_arn = ${roleArn}\nsource_profile = admin\n` +
      `[profile gov]\nregion = us-gov-west-1\n[profile iso]\nregion = us-iso-east-1\n`,
    `[alice]\naws_access_key_id = ${alice.accessKeyId}\naws_secret_access_key = ${alice.secretAccessKey}\n` +
      `[long]\naws_access_key_id = ${longName.accessKeyId}\naws_secret_access_key = ${longName.secretAccessKey}\n` +
      `[iso]\naws_access_key_id = ${alice.accessKeyId}\naws_secret_access_key = ${alice.secretAccessKey}\n`,
  );

describe('console sign-in URL', () => {
  it('sends role credentials straight to getSigninToken and deep-links the region and service', async () => {
    const login = await engine.consoleUrl(model(), 'admin', { service: 'ec2', sessionDurationSeconds: 7200 });
    expect(login).toMatchObject({ kind: 'role', partition: 'aws' });
    expect(captured).toHaveLength(1);
    expect(captured[0]!.session.sessionId).toMatch(/^ASIA/);
    expect(captured[0]!.session.sessionToken).not.toBe('');
    expect(captured[0]!.sessionDuration).toBe('7200');
    const url = new URL(login.url);
    expect(url.origin).toBe(signinBase);
    expect(url.pathname).toBe('/federation');
    expect(url.searchParams.get('Action')).toBe('login');
    expect(url.searchParams.get('Issuer')).toBe('hatrack');
    expect(url.searchParams.get('SigninToken')).toBe('tok/with+chars=');
    expect(url.searchParams.get('Destination')).toBe('https://eu-west-1.console.aws.amazon.com/ec2/home?region=eu-west-1');
    expect(login.expiresAt.getTime()).toBeGreaterThan(Date.now() + 14 * 60_000);
  });

  it('caps SessionDuration at 3600 for chained role credentials', async () => {
    await engine.consoleUrl(model(), 'chained', { sessionDurationSeconds: 43200 });
    expect(captured[0]!.sessionDuration).toBe('3600');
  });

  it('federates a plain IAM user with GetFederationToken, parsing the name from AccessDenied, and sends no SessionDuration', async () => {
    const login = await engine.consoleUrl(model(), 'alice', { region: 'us-east-1', path: '/s3/buckets', sessionDurationSeconds: 7200 });
    expect(login).toMatchObject({ kind: 'federation', federatedUserName: 'alice' });
    expect(captured).toHaveLength(1);
    expect(captured[0]!.sessionDuration).toBeNull();
    // Moto answers GetFederationToken with AWS's documented example key.
    expect(captured[0]!.session.sessionId).toBe('AKIAIOSFODNN7EXAMPLE');
    expect(captured[0]!.session.sessionId).not.toBe(alice.accessKeyId);
    expect(new URL(login.url).searchParams.get('Destination')).toBe('https://us-east-1.console.aws.amazon.com/s3/buckets?region=us-east-1');
  });

  it('truncates a long user name to 32 characters for the federation Name', async () => {
    const login = await engine.consoleUrl(model(), 'long');
    expect(login.federatedUserName).toBe('a-very-long-user-name-that-excee');
    expect(new URL(login.url).searchParams.get('Destination')).toBe('https://console.aws.amazon.com/');
  });

  it('refuses regions outside aws, aws-cn and aws-us-gov', async () => {
    await expect(engine.consoleUrl(model(), 'iso')).rejects.toMatchObject({ code: 'UNKNOWN_PARTITION' });
    expect(captured).toHaveLength(0);
  });

  it('reports a refusing sign-in endpoint without the URL', async () => {
    const e = createCredentialsEngine({
      env: motoEnv(moto, home, { AWS_ENDPOINT_URL_SIGNIN: moto.endpoint }),
      dataDir: home,
      gateway: createSdkGateway({ maxAttempts: 1 }),
    });
    const err = await e.consoleUrl(model(), 'admin').catch((x: unknown) => x);
    expect(err).toMatchObject({ code: 'SIGNIN_FAILED' });
    expect((err as Error).message).not.toMatch(/http|Session|ASIA/);
  });
});
