// One small HTTP(S) request over node:http with kept-alive connections, for the portal's thousands of calls; plain Node.
//
// undici's fetch costs about a millisecond of CPU per call (web streams, header objects) and leaves an abort
// listener on the caller's signal until the response is collected; 2,000 ListAccountRoles calls paid seconds for it.

import http from 'node:http';
import https from 'node:https';

export interface HttpResponse {
  readonly status: number;
  header(name: string): string | null;
  readonly body: string;
}

export type HttpRequester = (url: string, init: { readonly method: string; readonly headers: Readonly<Record<string, string>>; readonly signal?: AbortSignal | undefined }) => Promise<HttpResponse>;

/** A requester with its own keep-alive pools (node's agent unrefs idle sockets: a pool never keeps the process alive). */
export function createHttpRequester(maxSockets = 16): HttpRequester {
  const agents = {
    'http:': new http.Agent({ keepAlive: true, maxSockets }),
    'https:': new https.Agent({ keepAlive: true, maxSockets }),
  };
  return (url, init) =>
    new Promise<HttpResponse>((resolve, reject) => {
      const u = new URL(url);
      const client = u.protocol === 'https:' ? https : u.protocol === 'http:' ? http : undefined;
      if (client === undefined) {
        reject(new Error(`Unsupported URL scheme ${u.protocol}`));
        return;
      }
      const req = client.request(
        u,
        { method: init.method, headers: { ...init.headers, 'content-length': '0' }, agent: agents[u.protocol as 'http:' | 'https:'], signal: init.signal },
        (res) => {
          const chunks: Buffer[] = [];
          res.on('data', (c: Buffer) => chunks.push(c));
          res.on('error', reject);
          res.on('end', () => {
            const headers = res.headers;
            resolve({
              status: res.statusCode ?? 0,
              header: (name) => {
                const v = headers[name.toLowerCase()];
                return v === undefined ? null : Array.isArray(v) ? v.join(', ') : v;
              },
              body: Buffer.concat(chunks).toString('utf8'),
            });
          });
        },
      );
      req.on('error', reject);
      req.end();
    });
}
