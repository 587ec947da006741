import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';

import { describe, expect, it } from 'vitest';

import type { Environment } from '../environment.js';
import {
  consoleDestination,
  consoleKindFromArn,
  consoleKindOf,
  loginUrl,
  requestSigninToken,
  signinBase,
  signinSessionDuration,
} from './console-url.js';
import type { FetchLike } from './console-url.js';
import { DEFAULT_NETWORK_POLICY } from './network-policy.js';
import { partitionOf } from './partitions.js';

const env = (vars: Record<string, string> = {}): Environment => ({ vars, platform: 'linux', osHome: '/h', now: () => new Date() });
const temp = { accessKeyId: 'ASIAX', secretAccessKey: 'sec', sessionToken: 'tok' };

describe('console destination', () => {
  const aws = partitionOf('us-east-1');
  it('home without region, regional home with region', () => {
    expect(consoleDestination(aws, {})).toBe('https://console.aws.amazon.com/');
    expect(consoleDestination(aws, { region: 'eu-west-1' })).toBe('https://eu-west-1.console.aws.amazon.com/console/home?region=eu-west-1');
  });
  it('service and path deep links keep fragments and queries', () => {
    expect(consoleDestination(aws, { region: 'us-east-2', service: 'ec2' })).toBe('https://us-east-2.console.aws.amazon.com/ec2/home?region=us-east-2');
    expect(consoleDestination(aws, { region: 'us-east-2', path: '/ec2/home#Instances:' })).toBe(
      'https://us-east-2.console.aws.amazon.com/ec2/home?region=us-east-2#Instances:',
    );
    expect(consoleDestination(aws, { region: 'us-east-2', path: 'cloudwatch/home?x=1' })).toBe(
      'https://us-east-2.console.aws.amazon.com/cloudwatch/home?x=1&region=us-east-2',
    );
  });
  it('aws-cn has no regional console host; us-gov does', () => {
    expect(consoleDestination(partitionOf('cn-north-1'), { region: 'cn-north-1' })).toBe(
      'https://console.amazonaws.cn/console/home?region=cn-north-1',
    );
    expect(consoleDestination(partitionOf('us-gov-west-1'), { region: 'us-gov-west-1', service: 's3' })).toBe(
      'https://us-gov-west-1.console.amazonaws-us-gov.com/s3/home?region=us-gov-west-1',
    );
  });
});

describe('sign-in endpoint', () => {
  it('uses the partition host unless AWS_ENDPOINT_URL_SIGNIN gives scheme+host', () => {
    expect(signinBase(partitionOf('us-east-1'), env())).toBe('https://signin.aws.amazon.com');
    expect(signinBase(partitionOf('cn-north-1'), env())).toBe('https://signin.amazonaws.cn');
    expect(signinBase(partitionOf('us-east-1'), env({ AWS_ENDPOINT_URL_SIGNIN: 'https://proxy.example:8443/some/path' }))).toBe(
      'https://proxy.example:8443',
    );
    expect(() => signinBase(partitionOf('us-east-1'), env({ AWS_ENDPOINT_URL_SIGNIN: 'ftp://x' }))).toThrow(
      expect.objectContaining({ code: 'INVALID_CONFIG' }),
    );
  });

  it('SessionDuration: omitted for federation, clamped for roles, ≤3600 when chained', () => {
    expect(signinSessionDuration('federation', false, 7200)).toBeUndefined();
    expect(signinSessionDuration('role', false, undefined)).toBeUndefined();
    expect(signinSessionDuration('role', false, 60)).toBe(900);
    expect(signinSessionDuration('role', false, 99999)).toBe(43200);
    expect(signinSessionDuration('role', true, 7200)).toBe(3600);
    expect(signinSessionDuration('role', true, 1200)).toBe(1200);
  });

  it('requests getSigninToken with the Session JSON and builds the login URL', async () => {
    const seen: string[] = [];
    const fetchFn: FetchLike = (url) => {
      seen.push(url);
      return Promise.resolve({ status: 200, text: () => Promise.resolve('{"SigninToken":"T+/="}') });
    };
    const token = await requestSigninToken(fetchFn, 'https://signin.aws.amazon.com', temp, 1800);
    expect(token).toBe('T+/=');
    const u = new URL(seen[0]!);
    expect(u.pathname).toBe('/federation');
    expect(u.searchParams.get('Action')).toBe('getSigninToken');
    expect(u.searchParams.get('SessionDuration')).toBe('1800');
    expect(JSON.parse(u.searchParams.get('Session')!)).toEqual({ sessionId: 'ASIAX', sessionKey: 'sec', sessionToken: 'tok' });
    const login = new URL(loginUrl('https://signin.aws.amazon.com', token, 'https://console.aws.amazon.com/'));
    expect(login.searchParams.get('Action')).toBe('login');
    expect(login.searchParams.get('SigninToken')).toBe('T+/=');
    expect(login.searchParams.get('Destination')).toBe('https://console.aws.amazon.com/');
  });

  it('fails without leaking the URL or credentials', async () => {
    const bad: FetchLike = () => Promise.resolve({ status: 400, text: () => Promise.resolve('Bad Request') });
    const e1 = await requestSigninToken(bad, 'https://signin.aws.amazon.com', temp, undefined).catch((e: unknown) => e);
    expect(e1).toMatchObject({ code: 'SIGNIN_FAILED' });
    expect((e1 as Error).message).not.toMatch(/signin\.aws|ASIAX|tok|sec/);
    const noToken: FetchLike = () => Promise.resolve({ status: 200, text: () => Promise.resolve('{}') });
    await expect(requestSigninToken(noToken, 'https://x', temp, undefined)).rejects.toMatchObject({ code: 'SIGNIN_FAILED' });
    const down: FetchLike = () => Promise.reject(new Error('getaddrinfo ENOTFOUND https://x/federation?Session=secret'));
    const e2 = await requestSigninToken(down, 'https://x', temp, undefined).catch((e: unknown) => e);
    expect(e2).toMatchObject({ code: 'NETWORK' });
    expect((e2 as Error).message).not.toContain('secret');
    await expect(requestSigninToken(down, 'https://x', { accessKeyId: 'AKIA', secretAccessKey: 's' }, undefined)).rejects.toMatchObject({
      code: 'NOT_SUPPORTED',
    });
  });

  it('classifies credentials for console use', () => {
    const base = { ...temp, profile: 'p', chained: false, hops: [] };
    expect(consoleKindOf({ ...base, source: 'role' })).toBe('role');
    expect(consoleKindOf({ ...base, source: 'sso' })).toBe('role');
    expect(consoleKindOf({ ...base, source: 'process' })).toBe('unknown');
    expect(consoleKindOf({ ...base, sessionToken: undefined, source: 'static' })).toBe('long-term');
    expect(consoleKindFromArn('arn:aws:sts::1:assumed-role/R/s')).toBe('role');
    expect(consoleKindFromArn('arn:aws:sts::1:federated-user/bob')).toBe('federation');
    expect(consoleKindFromArn('arn:aws:iam::1:user/bob')).toBeUndefined();
  });
});

describe('the sign-in request under the network policy', () => {
  /** An HTTP server that reads every request and never answers; `seen` resolves on the first one. */
  async function silentServer() {
    let seenFirst!: () => void;
    const seen = new Promise<void>((r) => (seenFirst = r));
    const server = createServer(() => seenFirst());
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    const host = `127.0.0.1:${(server.address() as AddressInfo).port}`;
    const close = () => {
      server.closeAllConnections();
      server.close();
    };
    return { base: `http://${host}`, host, seen, close };
  }
  const quick = { ...DEFAULT_NETWORK_POLICY, requestTimeoutMs: 150, maxAttempts: 2, baseBackoffMs: 1, maxBackoffMs: 1 };
  const realFetch: FetchLike = (url, init) => fetch(url, init);

  it('gives up after the request timeout, retries, and names the host but never the query', async () => {
    const s = await silentServer();
    try {
      const e = await requestSigninToken(realFetch, s.base, temp, undefined, { policy: quick }).catch((x: unknown) => x);
      expect(e).toMatchObject({ code: 'NETWORK', message: `Could not reach signin at ${s.host}: no answer within 150 ms (timeout, 2 attempts).` });
    } finally {
      s.close();
    }
  });

  it('stops at once when the caller cancels', async () => {
    const s = await silentServer();
    try {
      const ctl = new AbortController();
      const call = requestSigninToken(realFetch, s.base, temp, undefined, { policy: { ...quick, requestTimeoutMs: 600_000 }, signal: ctl.signal }).catch((x: unknown) => x);
      await s.seen;
      ctl.abort();
      expect(await call).toMatchObject({ code: 'CANCELLED', message: `Cancelled while waiting for signin at ${s.host}.` });
    } finally {
      s.close();
    }
  });
});
