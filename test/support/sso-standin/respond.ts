// How the stand-in answers: JSON bodies, and service errors with AWS's `x-amzn-ErrorType` header.
import type { ServerResponse } from 'node:http';

/** Sends a service error the way AWS does: status, `x-amzn-ErrorType`, and a JSON body. */
export function sendError(res: ServerResponse, status: number, shape: string, body: Record<string, unknown>): void {
  res.writeHead(status, { 'content-type': 'application/json', 'x-amzn-ErrorType': `${shape}:http://internal.amazon.com/coral/com.amazonaws.sso.standin/` });
  res.end(JSON.stringify(body));
}

export function sendJson(res: ServerResponse, body: unknown, status = 200): void {
  res.writeHead(status, { 'content-type': 'application/json' });
  res.end(JSON.stringify(body));
}
