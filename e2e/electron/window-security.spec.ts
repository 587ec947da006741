// Electron e2e: the real window — loaded from app://, no Node in the page, navigation and pop-ups blocked, the exact preload API.
import { expect, test } from '@playwright/test';
import { CHANNELS } from '../../shared/ipc/contract.js';
import { electronAvailability, launchHatrack } from './electron-host.js';
import type { LaunchedApp } from './electron-host.js';

const availability = electronAvailability();
test.skip(!availability.ok, availability.ok ? '' : `Electron e2e skipped: ${availability.reason}`);

test.describe.configure({ mode: 'serial' });

let hatrack: LaunchedApp;
test.beforeAll(async () => {
  if (!availability.ok) return;
  hatrack = await launchHatrack(availability.executablePath);
});
test.afterAll(async () => {
  await hatrack?.close();
});

test('the window loads from app://hatrack/', async () => {
  expect(hatrack.page.url()).toMatch(/^app:\/\/hatrack\/index\.html/);
  expect(await hatrack.app.evaluate(({ BrowserWindow }) => BrowserWindow.getAllWindows().map((w) => w.webContents.getURL()))).toEqual([hatrack.page.url()]);
});

test('the page has no Node: no require, process, module or Buffer', async () => {
  const globals = await hatrack.page.evaluate(() => [typeof (globalThis as Record<string, unknown>)['require'], typeof (globalThis as Record<string, unknown>)['process'], typeof (globalThis as Record<string, unknown>)['module'], typeof (globalThis as Record<string, unknown>)['Buffer']]);
  expect(globals).toEqual(['undefined', 'undefined', 'undefined', 'undefined']);
});

test('window.hatrack exposes exactly the contract channels plus on', async () => {
  const keys = await hatrack.page.evaluate(() => Object.keys((globalThis as unknown as { hatrack: object }).hatrack).sort());
  expect(keys).toEqual([...CHANNELS, 'on'].sort());
});

test('a call goes through the real preload and core (temp HOME)', async () => {
  const names = await hatrack.page.evaluate(async () => {
    const api = (globalThis as unknown as { hatrack: Record<string, (r: unknown) => Promise<{ ok: boolean; value: { profiles: { name: string }[] } }>> }).hatrack;
    const r = await api['profiles.list']!({});
    return r.ok ? r.value.profiles.map((p) => p.name).sort() : r;
  });
  expect(names).toEqual(['dev', 'prod-admin']);
  const bad = await hatrack.page.evaluate(() => (globalThis as unknown as { hatrack: Record<string, (r: unknown) => Promise<unknown>> }).hatrack['profiles.get']!({ name: 'dev', extra: 1 }));
  expect(bad).toMatchObject({ ok: false, error: { code: 'BAD_REQUEST' } });
});

test('navigation away is blocked and window.open returns null', async () => {
  const before = hatrack.page.url();
  // Main records each attempt after the shell's own guard has seen it (listeners run in order), so the test waits for
  // that state instead of a fixed time; a marker on the page proves the document was never replaced.
  await hatrack.app.evaluate(({ BrowserWindow }) => {
    const seen: string[] = [];
    (globalThis as unknown as { navigationAttempts: string[] }).navigationAttempts = seen;
    BrowserWindow.getAllWindows()[0]!.webContents.on('will-navigate', (_e, url) => seen.push(url));
  });
  await hatrack.page.evaluate(() => {
    (globalThis as unknown as { stillHere: boolean }).stillHere = true;
    (globalThis as unknown as { location: { href: string } }).location.href = 'https://example.com/';
  });
  await expect.poll(() => hatrack.app.evaluate(() => (globalThis as unknown as { navigationAttempts: string[] }).navigationAttempts)).toContain('https://example.com/');
  expect(await hatrack.page.evaluate(() => (globalThis as unknown as { stillHere?: boolean }).stillHere)).toBe(true);
  expect(hatrack.page.url()).toBe(before);
  const opened = await hatrack.page.evaluate(() => (globalThis as unknown as { open: (u: string) => unknown }).open('https://example.com/') === null);
  expect(opened).toBe(true);
  expect(hatrack.app.windows()).toHaveLength(1);
});

test('the CSP blocks network access from the page', async () => {
  const result = await hatrack.page.evaluate(async () => {
    try {
      await fetch('https://example.com/');
      return 'fetched';
    } catch {
      return 'blocked';
    }
  });
  expect(result).toBe('blocked');
});

test('events reach the page as the payload only (never the IpcRendererEvent)', async () => {
  await hatrack.page.evaluate(() => {
    const w = globalThis as unknown as { hatrack: { on: (e: string, l: (...a: unknown[]) => void) => () => void }; __seen: unknown[][] };
    w.__seen = [];
    w.hatrack.on('files.changed', (...args) => w.__seen.push(args));
  });
  const { appendFileSync } = await import('node:fs');
  const { join } = await import('node:path');
  appendFileSync(join(hatrack.home, '.aws', 'config'), '\n[profile added-by-e2e]\nregion = us-east-1\n');
  await expect.poll(() => hatrack.page.evaluate(() => (globalThis as unknown as { __seen: unknown[][] }).__seen.length)).toBeGreaterThan(0);
  const first = await hatrack.page.evaluate(() => (globalThis as unknown as { __seen: unknown[][] }).__seen[0]);
  expect(first).toHaveLength(1);
  expect(Object.keys(first![0] as object).sort()).toEqual(['kind', 'path']);
});
