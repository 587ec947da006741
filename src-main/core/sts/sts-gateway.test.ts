// The SDK adapter's network policy against real loopback servers that accept and never (fully) answer.
import { createServer } from 'node:net';
import type { Server, Socket } from 'node:net';

import { afterEach, describe, expect, it, vi } from 'vitest';

import { createDeadline } from './deadline.js';
import { createSdkGateway } from './sts-gateway.js';
import type { CallTarget } from './sts-gateway.js';

interface Loopback {
  readonly endpoint: string;
  readonly host: string;
  /** Requests received so far (one per attempt). */
  readonly requests: () => number;
  /** Resolves when the server has received request number `n`. */
  readonly received: (n: number) => Promise<void>;
  close(): Promise<void>;
}

const servers: Loopback[] = [];
afterEach(async () => {
  vi.restoreAllMocks();
  await Promise.all(servers.splice(0).map((s) => s.close()));
});

/** `silent`: reads the request, never answers. `stalled-body`: sends headers and half the body, then nothing. */
async function loopback(mode: 'silent' | 'stalled-body'): Promise<Loopback> {
  const sockets = new Set<Socket>();
  let count = 0;
  const waiters: { n: number; resolve: () => void }[] = [];
  const server: Server = createServer((socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
    socket.once('data', () => {
      count++;
      for (const w of waiters.filter((x) => x.n <= count)) w.resolve();
      if (mode === 'stalled-body') socket.write('HTTP/1.1 200 OK\r\nContent-Type: text/xml\r\nContent-Length: 500\r\n\r\n<GetCallerIdentityResponse>');
    });
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const port = (server.address() as { port: number }).port;
  const lb: Loopback = {
    endpoint: `http://127.0.0.1:${port}`,
    host: `127.0.0.1:${port}`,
    requests: () => count,
    received: (n) => (count >= n ? Promise.resolve() : new Promise((resolve) => waiters.push({ n, resolve }))),
    close: () =>
      new Promise((r) => {
        for (const s of sockets) s.destroy();
        server.close(() => r());
      }),
  };
  servers.push(lb);
  return lb;
}

const creds = { accessKeyId: 'AKIAIOSFODNN7EXAMPLE', secretAccessKey: 'wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY' };
const target = (lb: Loopback, signal?: AbortSignal): CallTarget => ({ credentials: creds, region: 'us-east-1', endpoint: lb.endpoint, signal });
// A generous connect timeout: under load it could fire before a stalled test process sees the loopback connect.
const quick = { requestTimeoutMs: 150, connectTimeoutMs: 60_000, maxAttempts: 2, baseBackoffMs: 1, maxBackoffMs: 1 };

describe('createSdkGateway network policy', () => {
  it('throws on a request timeout, retries, and says which endpoint did not answer, without SDK warnings', async () => {
    const lb = await loopback('silent');
    const warn = vi.spyOn(console, 'warn');
    const stderr = vi.spyOn(process.stderr, 'write');
    const e = await createSdkGateway(quick).getCallerIdentity(target(lb)).catch((x: unknown) => x);
    expect(e).toMatchObject({ code: 'NETWORK', message: `Could not reach sts at ${lb.host}: no answer within 150 ms (timeout, 2 attempts).` });
    expect(warn).not.toHaveBeenCalled();
    // (The SDK's once-per-process "upgrade Node" notice is a process warning the CLI filters; it is not the logger.)
    expect(stderr.mock.calls.map((c) => String(c[0])).filter((t) => /\[WARN\]|node-http-handler/.test(t))).toEqual([]);
  });

  it('catches a body that stops halfway (idle socket), not only a late header', async () => {
    const lb = await loopback('stalled-body');
    const e = await createSdkGateway({ ...quick, maxAttempts: 1 }).getUser(target(lb)).catch((x: unknown) => x);
    expect(e).toMatchObject({ code: 'NETWORK', message: `Could not reach iam at ${lb.host}: no answer within 150 ms (timeout).` });
  });

  it('does not send CreateAccessKey again after a timeout (it could make a second key)', async () => {
    const lb = await loopback('silent');
    const e = await createSdkGateway({ ...quick, maxAttempts: 3 }).createAccessKey(target(lb), 'alice').catch((x: unknown) => x);
    expect(e).toMatchObject({ code: 'NETWORK', message: `Could not reach iam at ${lb.host}: no answer within 150 ms (timeout).` });
  });

  it('ends a call cancelled by the caller with CANCELLED, without waiting for the timeout', async () => {
    const lb = await loopback('silent');
    const ctl = new AbortController();
    const call = createSdkGateway({ requestTimeoutMs: 600_000 }).listAccessKeys(target(lb, ctl.signal)).catch((x: unknown) => x);
    await lb.received(1);
    ctl.abort();
    expect(await call).toMatchObject({ code: 'CANCELLED', message: `Cancelled while waiting for iam at ${lb.host}.` });
    expect(lb.requests()).toBe(1);
  });

  it('ends a call at the operation deadline with NETWORK naming the deadline', async () => {
    const lb = await loopback('silent');
    const d = createDeadline(200);
    try {
      const e = await createSdkGateway({ requestTimeoutMs: 600_000 }).assumeRole(target(lb, d.signal), { roleArn: 'arn:aws:iam::123456789012:role/r', roleSessionName: 's' }).catch((x: unknown) => x);
      expect(e).toMatchObject({ code: 'NETWORK', message: `Could not reach sts at ${lb.host}: no answer within the 200 ms deadline (deadline).` });
    } finally {
      d.end();
    }
  });

  it('names a refused connection', async () => {
    const lb = await loopback('silent');
    await lb.close();
    const e = await createSdkGateway(quick).getCallerIdentity(target(lb)).catch((x: unknown) => x);
    expect(e).toMatchObject({ code: 'NETWORK', message: `Could not reach sts at ${lb.host}: connection refused (ECONNREFUSED, 2 attempts).` });
  });
});
