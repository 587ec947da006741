// Unit tests of the app:// protocol: path resolution (traversal refused) and the handler over a temp folder.
import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createAppProtocolHandler, resolveAppPath } from './protocol.js';
import { CONTENT_SECURITY_POLICY } from './security.js';

const ROOT = '/srv/app/dist/renderer';

describe('resolveAppPath', () => {
  it.each([
    ['app://hatrack/', `${ROOT}/index.html`],
    ['app://hatrack', `${ROOT}/index.html`],
    ['app://hatrack/index.html', `${ROOT}/index.html`],
    ['app://hatrack/index.html#/doctor', `${ROOT}/index.html`],
    ['app://hatrack/index.html?x=1', `${ROOT}/index.html`],
    ['app://hatrack/assets/index-abc.js', `${ROOT}/assets/index-abc.js`],
    ['app://hatrack/assets/../index.html', `${ROOT}/index.html`],
    ['app://hatrack/./assets//a.css', `${ROOT}/assets/a.css`],
    ['app://hatrack/assets/a%20b.png', `${ROOT}/assets/a b.png`],
    // The URL parser resolves dot segments (plain or %2e) against the root: they can never climb above it.
    ['app://hatrack/../../etc/passwd.txt', `${ROOT}/etc/passwd.txt`],
    ['app://hatrack/%2e%2e/%2e%2e/etc/passwd.txt', `${ROOT}/etc/passwd.txt`],
  ])('%s → %s', (url, file) => expect(resolveAppPath(ROOT, url)).toBe(file));

  it.each([
    'app://hatrack/assets/%2e%2e%2f%2e%2e%2fsecret.json',
    'app://hatrack/..%2fsecret.json',
    'app://hatrack/..%5csecret.json',
    'app://hatrack/a%00.html',
    'app://hatrack/%E0%A4%A.html',
    'app://other/index.html',
    'app://user@hatrack/index.html',
    'file:///srv/app/dist/renderer/index.html',
    'https://hatrack/index.html',
    'app://hatrack/secret', // no extension: not a type we serve
    'app://hatrack/main.cjs',
    'not a url',
  ])('refuses %s', (url) => expect(resolveAppPath(ROOT, url)).toBeNull());
});

describe('createAppProtocolHandler', () => {
  let dir: string;
  let root: string;
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'hatrack-protocol-'));
    root = join(dir, 'renderer');
    mkdirSync(join(root, 'assets'), { recursive: true });
    writeFileSync(join(root, 'index.html'), '<!doctype html><title>Hatrack</title>');
    writeFileSync(join(root, 'assets', 'app.js'), 'console.log(1)');
    writeFileSync(join(dir, 'secret.json'), '{"secret":true}');
    symlinkSync(join(dir, 'secret.json'), join(root, 'assets', 'link.json'));
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('serves files with their type, the CSP header and nosniff', async () => {
    const handler = createAppProtocolHandler(root);
    const page = await handler(new Request('app://hatrack/'));
    expect(page.status).toBe(200);
    expect(page.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(page.headers.get('content-security-policy')).toBe(CONTENT_SECURITY_POLICY);
    expect(page.headers.get('x-content-type-options')).toBe('nosniff');
    expect(await page.text()).toContain('<title>Hatrack</title>');
    const script = await handler(new Request('app://hatrack/assets/app.js'));
    expect(script.headers.get('content-type')).toBe('text/javascript; charset=utf-8');
    expect(await script.text()).toBe('console.log(1)');
  });

  it('answers 404 for traversal, missing files and a symlink leaving the root; 405 for writes', async () => {
    const handler = createAppProtocolHandler(root);
    for (const url of ['app://hatrack/%2e%2e/secret.json', 'app://hatrack/..%2fsecret.json', 'app://hatrack/missing.js', 'app://hatrack/assets/link.json']) {
      const res = await handler(new Request(url));
      expect(res.status, url).toBe(404);
      expect(await res.text()).toBe('');
    }
    expect((await handler(new Request('app://hatrack/index.html', { method: 'POST', body: 'x' }))).status).toBe(405);
  });
});
