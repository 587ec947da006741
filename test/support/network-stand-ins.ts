// Loopback stand-ins for a network that misbehaves (integration and browser specs): a server that accepts and never
// answers, a port that refuses, and a proxy to moto that holds one kind of request until the test lets it go.
import http from 'node:http';
import net from 'node:net';
import type { AddressInfo } from 'node:net';

export interface HangingServer {
  readonly url: string;
  /** Connections held without an answer so far. */
  readonly accepted: () => number;
  /** Held connections the client closed (an abort reached the socket). */
  readonly closedByClient: () => number;
  /** From now on, hold every new connection. */
  readonly hang: () => void;
  readonly close: () => Promise<void>;
}

/**
 * A TCP server that accepts every connection and never answers; counts the connections the client closed. With
 * `forwardTo` it first passes every connection through to that server (moto) and starts hanging only on `hang()`, so a
 * session can be obtained for real before its refresh is held.
 */
export async function hangingServer(options: { readonly forwardTo?: string } = {}): Promise<HangingServer> {
  const sockets = new Set<net.Socket>();
  let accepted = 0;
  let closedByClient = 0;
  let forward = options.forwardTo === undefined ? undefined : new URL(options.forwardTo);
  const server = net.createServer((socket) => {
    sockets.add(socket);
    socket.on('error', () => undefined);
    if (forward !== undefined) {
      const upstream = net.connect(Number(forward.port), forward.hostname);
      upstream.on('error', () => socket.destroy());
      socket.on('close', () => {
        sockets.delete(socket);
        upstream.destroy();
      });
      socket.pipe(upstream).pipe(socket);
      return;
    }
    accepted += 1;
    socket.on('close', () => {
      closedByClient += 1;
      sockets.delete(socket);
    });
    // Read (and drop) the request: an unread socket never sees the client's FIN, so 'close' would never come.
    socket.resume();
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    accepted: () => accepted,
    closedByClient: () => closedByClient,
    hang: () => {
      forward = undefined;
    },
    close: async () => {
      for (const s of sockets) s.destroy();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

/** A port nothing listens on: bound once to learn a free number, then released, so connecting is refused. */
export async function refusedUrl(): Promise<string> {
  const server = net.createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return `http://127.0.0.1:${port}`;
}

export interface HoldingProxy {
  readonly url: string;
  /** How many requests for `action` have arrived since the proxy started (held or not). */
  readonly seen: (action: string) => number;
  /** Lets the held requests for `action` (and any later one) through to the target. */
  release(action: string): void;
  close(): Promise<void>;
}

const HOP_BY_HOP = new Set(['host', 'connection', 'content-length', 'transfer-encoding', 'keep-alive']);

/**
 * Forwards AWS query-protocol requests to `target` (moto with auth off: the signature is not checked, so the changed
 * host does not matter), holding those whose form body names one of `held` until release(action).
 */
export async function holdingProxy(target: string, held: readonly string[]): Promise<HoldingProxy> {
  const seen = new Map<string, number>();
  const gates = new Map(
    held.map((action) => {
      let open!: () => void;
      const opened = new Promise<void>((resolve) => (open = resolve));
      return [action, { opened, open }] as const;
    }),
  );
  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const body = Buffer.concat(chunks);
      const action = new URLSearchParams(body.toString('utf8')).get('Action') ?? '';
      seen.set(action, (seen.get(action) ?? 0) + 1);
      const headers = Object.fromEntries(Object.entries(req.headers).filter(([k, v]) => !HOP_BY_HOP.has(k) && typeof v === 'string')) as Record<string, string>;
      void (gates.get(action)?.opened ?? Promise.resolve())
        .then(() => fetch(`${target}${req.url ?? '/'}`, { method: req.method ?? 'POST', headers, body: req.method === 'GET' ? undefined : body }))
        .then(async (answer) => {
          res.writeHead(answer.status, { 'content-type': answer.headers.get('content-type') ?? 'text/xml' });
          res.end(Buffer.from(await answer.arrayBuffer()));
        })
        // The client gave up (a cancel closed its connection): nothing to answer.
        .catch(() => res.destroy());
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    seen: (action) => seen.get(action) ?? 0,
    release: (action) => gates.get(action)?.open(),
    close: async () => {
      for (const g of gates.values()) g.open();
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
