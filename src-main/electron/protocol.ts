// The app:// protocol (Electron main): serves dist/renderer read-only, with the CSP header, and refuses path traversal.

import { readFile, realpath } from 'node:fs/promises';
import { extname, isAbsolute, relative, resolve, sep } from 'node:path';
import type { CustomScheme, Protocol } from 'electron';
import { APP_HOST, APP_SCHEME, CONTENT_SECURITY_POLICY } from './security.js';

/** Registered before `app.ready`: a standard, secure scheme so module scripts, relative URLs and `'self'` work. */
export const APP_SCHEME_PRIVILEGES: CustomScheme = {
  scheme: APP_SCHEME,
  privileges: { standard: true, secure: true, supportFetchAPI: true, corsEnabled: true, codeCache: true },
};

const CONTENT_TYPES: Readonly<Record<string, string>> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.woff': 'font/woff',
  '.txt': 'text/plain; charset=utf-8',
};

/**
 * The file an app:// URL names inside `root`, or null when it must not be served: another host or scheme, an
 * encoded slash or backslash, a NUL, a `..` that would leave the root, or a type we do not serve.
 * `/` means index.html.
 */
export function resolveAppPath(root: string, requestUrl: string): string | null {
  let url: URL;
  try {
    url = new URL(requestUrl);
  } catch {
    return null;
  }
  if (url.protocol !== `${APP_SCHEME}:` || url.host !== APP_HOST || url.username !== '' || url.password !== '') return null;
  // The URL parser already collapsed literal `..` segments; anything encoded is checked after decoding.
  const rawPath = url.pathname;
  if (/%2f|%5c|%00/i.test(rawPath) || rawPath.includes('\\')) return null;
  let decoded: string;
  try {
    decoded = decodeURIComponent(rawPath);
  } catch {
    return null;
  }
  if (decoded.includes('\0')) return null;
  const segments = decoded.split('/').filter((s) => s !== '' && s !== '.');
  if (segments.some((s) => s === '..')) return null;
  const relativePath = segments.length === 0 ? 'index.html' : segments.join('/');
  const absoluteRoot = resolve(root);
  const file = resolve(absoluteRoot, relativePath);
  const rel = relative(absoluteRoot, file);
  if (rel === '' || rel.startsWith('..') || isAbsolute(rel) || rel.split(sep).includes('..')) return null;
  if (!(extname(file).toLowerCase() in CONTENT_TYPES)) return null;
  return file;
}

function notFound(status = 404): Response {
  return new Response(null, { status, headers: { 'Content-Security-Policy': CONTENT_SECURITY_POLICY } });
}

/**
 * The protocol handler as a plain function of a fetch Request (Node 20 has Request/Response), so tests call it
 * without Electron. A symlink inside the root that points outside it is refused too.
 */
export function createAppProtocolHandler(root: string): (request: Request) => Promise<Response> {
  const absoluteRoot = resolve(root);
  const inAsar = /\.asar([\\/]|$)/.test(absoluteRoot);
  return async (request) => {
    if (request.method !== 'GET' && request.method !== 'HEAD') return notFound(405);
    const file = resolveAppPath(absoluteRoot, request.url);
    if (file === null) return notFound(404);
    try {
      let target = file;
      // Inside the (integrity-checked) asar there are no links to follow; elsewhere, a link must not leave the root.
      if (!inAsar) {
        const [realRoot, realFile] = await Promise.all([realpath(absoluteRoot), realpath(file)]);
        const rel = relative(realRoot, realFile);
        if (rel === '' || rel.startsWith('..') || isAbsolute(rel)) return notFound(404);
        target = realFile;
      }
      const body = await readFile(target);
      return new Response(request.method === 'HEAD' ? null : body, {
        status: 200,
        headers: {
          'Content-Type': CONTENT_TYPES[extname(file).toLowerCase()] ?? 'application/octet-stream',
          'Content-Security-Policy': CONTENT_SECURITY_POLICY,
          'X-Content-Type-Options': 'nosniff',
          'Cache-Control': 'no-cache',
        },
      });
    } catch {
      return notFound(404);
    }
  };
}

/** Serves `root` on app://hatrack/ (call after `app.ready`, on the session the window uses). */
export function registerAppProtocol(protocol: Pick<Protocol, 'handle'>, root: string): void {
  protocol.handle(APP_SCHEME, createAppProtocolHandler(root));
}
