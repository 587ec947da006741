// Loopback HTTP servers that misbehave the ways real networks do (never answer, answer late, stop halfway); tests only.
import { createServer } from 'node:net';
import type { Socket } from 'node:net';

/**
 * silent          accepts, reads the request, never answers
 * partial-headers sends a status line, then nothing
 * stalled-body    sends full headers and half the body, then nothing
 * late            sends a valid answer for the action asked, after `lateMs` (long past any client timeout)
 * prompt          sends a valid answer at once (a working STS in front of a broken sign-in endpoint)
 */
export type StubMode = 'silent' | 'partial-headers' | 'stalled-body' | 'late' | 'prompt';

export interface StubServer {
  /** http://127.0.0.1:PORT */
  readonly endpoint: string;
  readonly host: string;
  close(): Promise<void>;
}

const ACCOUNT = '123456789012';
const STS_NS = 'https://sts.amazonaws.com/doc/2011-06-15/';
const IAM_NS = 'https://iam.amazonaws.com/doc/2010-05-08/';
const CREDS =
  '<Credentials><AccessKeyId>ASIASTUBSTUBSTUBSTUB</AccessKeyId><SecretAccessKey>stub-secret</SecretAccessKey>' +
  '<SessionToken>stub-token</SessionToken><Expiration>2099-01-01T00:00:00Z</Expiration></Credentials>';

const RESULTS: Readonly<Record<string, readonly [string, string]>> = {
  AssumeRole: [STS_NS, `${CREDS}<AssumedRoleUser><Arn>arn:aws:sts::${ACCOUNT}:assumed-role/r/s</Arn><AssumedRoleId>AROASTUB:s</AssumedRoleId></AssumedRoleUser>`],
  GetSessionToken: [STS_NS, CREDS],
  GetFederationToken: [STS_NS, `${CREDS}<FederatedUser><Arn>arn:aws:sts::${ACCOUNT}:federated-user/alice</Arn><FederatedUserId>${ACCOUNT}:alice</FederatedUserId></FederatedUser>`],
  GetCallerIdentity: [STS_NS, `<Arn>arn:aws:iam::${ACCOUNT}:user/alice</Arn><UserId>AIDASTUB</UserId><Account>${ACCOUNT}</Account>`],
  GetUser: [IAM_NS, `<User><Path>/</Path><UserName>alice</UserName><UserId>AIDASTUB</UserId><Arn>arn:aws:iam::${ACCOUNT}:user/alice</Arn><CreateDate>2020-01-01T00:00:00Z</CreateDate></User>`],
  ListAccessKeys: [IAM_NS, '<AccessKeyMetadata/><IsTruncated>false</IsTruncated>'],
};

/** A valid AWS query-protocol answer for the Action in the form body (GetCallerIdentity when unknown). */
export function stubAnswer(body: string): string {
  const action = new URLSearchParams(body).get('Action') ?? 'GetCallerIdentity';
  const [ns, result] = RESULTS[action] ?? (RESULTS['GetCallerIdentity'] as readonly [string, string]);
  const xml = `<${action}Response xmlns="${ns}"><${action}Result>${result}</${action}Result><ResponseMetadata><RequestId>stub</RequestId></ResponseMetadata></${action}Response>`;
  return `HTTP/1.1 200 OK\r\nContent-Type: text/xml\r\nContent-Length: ${Buffer.byteLength(xml)}\r\nConnection: close\r\n\r\n${xml}`;
}

export async function startStubServer(mode: StubMode, lateMs = 30_000): Promise<StubServer> {
  const sockets = new Set<Socket>();
  const timers = new Set<NodeJS.Timeout>();
  const server = createServer((socket) => {
    sockets.add(socket);
    let request = '';
    let answered = false;
    socket.on('error', () => undefined);
    socket.on('close', () => sockets.delete(socket));
    socket.on('data', (chunk: Buffer) => {
      request += chunk.toString('latin1');
      const headEnd = request.indexOf('\r\n\r\n');
      if (answered || headEnd === -1) return;
      const length = Number(/\r\ncontent-length:\s*(\d+)/i.exec(request.slice(0, headEnd))?.[1] ?? '0');
      const body = request.slice(headEnd + 4);
      if (Buffer.byteLength(body, 'latin1') < length) return;
      answered = true;
      const answer = stubAnswer(body);
      switch (mode) {
        case 'silent':
          return;
        case 'partial-headers':
          socket.write('HTTP/1.1 200 OK\r\n');
          return;
        case 'stalled-body':
          socket.write(answer.slice(0, answer.indexOf('\r\n\r\n') + 4 + 40));
          return;
        case 'prompt':
          socket.end(answer);
          return;
        case 'late': {
          const t = setTimeout(() => {
            timers.delete(t);
            if (!socket.destroyed) socket.end(answer);
          }, lateMs);
          timers.add(t);
          socket.on('close', () => {
            clearTimeout(t);
            timers.delete(t);
          });
          return;
        }
      }
    });
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const host = `127.0.0.1:${(server.address() as { port: number }).port}`;
  return {
    endpoint: `http://${host}`,
    host,
    close: () =>
      new Promise<void>((r) => {
        for (const t of timers) clearTimeout(t);
        for (const s of sockets) s.destroy();
        server.close(() => r());
      }),
  };
}
