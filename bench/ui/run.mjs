// `npm run bench:ui`: the renderer in Debian Chromium over 10,000 generated profiles (a pure-data fake window.hatrack):
// first paint of the list after data arrives, filter keystroke → paint p95, and JS heap. Prints numbers and OK/MISSED.
import { createServer } from 'node:http';
import { readFile } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import { extname, join, resolve, sep } from 'node:path';
import { chromium } from 'playwright-core';

const root = resolve(import.meta.dirname, '../..');
const dist = join(root, 'dist/renderer');
const N = 10_000;
const GOALS = { firstPaintMs: 150, filterP95Ms: 16, heapMB: 60 };

if (!existsSync(join(dist, 'index.html'))) {
  console.error('dist/renderer is missing: run `node scripts/build.mjs renderer` first (npm run bench:ui does).');
  process.exit(2);
}

const TYPES = { '.html': 'text/html', '.js': 'text/javascript', '.css': 'text/css' };
const server = createServer((req, res) => {
  const u = new URL(req.url ?? '/', 'http://x');
  const file = resolve(dist, `.${u.pathname === '/' ? '/index.html' : decodeURIComponent(u.pathname)}`);
  if (!file.startsWith(dist + sep)) return void res.writeHead(403).end();
  readFile(file).then(
    (b) => res.writeHead(200, { 'content-type': TYPES[extname(file)] ?? 'application/octet-stream' }).end(b),
    () => res.writeHead(404).end(),
  );
});
await new Promise((r) => server.listen(0, '127.0.0.1', r));
const url = `http://127.0.0.1:${server.address().port}/`;

/** Runs in the page before the app: a fake window.hatrack serving N generated profiles, and paint probes. */
function fakeHatrack(n) {
  const kinds = ['static', 'role', 'role', 'role', 'sso', 'process', 'settings'];
  const regions = ['us-east-1', 'us-west-2', 'eu-west-1', 'eu-central-1', 'ap-southeast-2', 'ap-northeast-1', 'sa-east-1'];
  const teams = ['payments', 'search', 'identity', 'data', 'platform', 'mobile', 'ml', 'infra', 'growth', 'billing'];
  const stages = ['dev', 'test', 'staging', 'prod'];
  const roles = ['Admin', 'ReadOnly', 'Developer', 'Deployer', 'Auditor', 'Billing'];
  let seed = 42;
  const rnd = () => ((seed = (seed * 1103515245 + 12345) & 0x7fffffff) / 0x7fffffff);
  const profiles = [];
  const capabilitiesOf = (kind, hasKey) => {
    const can = (ok) => ({ ok, reason: ok ? null : 'cannot do this' });
    const creds = kind !== 'settings';
    return { use: can(creds), assume: can(creds && kind !== 'static'), console: can(creds), export: can(creds), vault: can(hasKey), rotate: can(hasKey), signIn: can(false) };
  };
  for (let i = 0; i < n; i++) {
    const kind = kinds[i % kinds.length];
    const team = teams[i % teams.length];
    const stage = stages[Math.floor(i / 10) % stages.length];
    const account = String(100000000000 + (i % 400) * 7919).padStart(12, '0');
    const role = roles[i % roles.length];
    const name = `${team}-${stage}-${String(i).padStart(5, '0')}${kind === 'role' ? `-${role.toLowerCase()}` : ''}`;
    const hasKey = kind === 'static';
    profiles.push({
      name,
      kind,
      region: regions[i % regions.length],
      sources: hasKey ? ['config', 'credentials'] : ['config'],
      accountId: kind === 'settings' ? null : account,
      roleArn: kind === 'role' ? `arn:aws:iam::${account}:role/${role}` : null,
      sourceProfile: kind === 'role' ? `${team}-base` : null,
      mfaSerial: kind === 'role' && i % 3 === 0 ? `arn:aws:iam::${account}:mfa/me` : null,
      accessKeyId: hasKey ? `AKIA${String(i).padStart(16, '0')}` : null,
      keyAgeDays: hasKey ? (i % 5 === 0 ? null : Math.floor(rnd() * 200)) : null,
      keyAgeSource: hasKey ? 'first-seen' : null,
      production: stage === 'prod',
      favourite: i % 97 === 0,
      isDefault: i === 7,
      sessionExpiresAt: kind === 'role' && i % 11 === 0 ? new Date(Date.now() + (i % 60) * 60_000).toISOString() : null,
      vaulted: false,
      // As core's kinds table answers for these kinds (core/awsfiles/kinds.ts); only `ok` matters to the rows.
      capabilities: capabilitiesOf(kind, hasKey),
    });
  }
  const list = { files: { config: '/home/me/.aws/config', credentials: '/home/me/.aws/credentials' }, profiles, problems: [], defaultIdentity: { profile: null, managed: false, expiresAt: null } };
  const settings = { app: { productionPatterns: ['*prod*'], theme: 'system', refreshLeadMinutes: 5, notifications: { sessionExpiring: true, keyAge: true }, launchAtLogin: false }, profiles: {} };
  const bench = { dataAt: 0, paintAt: 0 };
  window.__bench = bench;
  /** Resolves after the next frame has been produced: rAF, then a task queued behind the paint. */
  window.__afterPaint = () =>
    new Promise((resolve) =>
      requestAnimationFrame(() => {
        const ch = new MessageChannel();
        ch.port1.onmessage = () => resolve(performance.now());
        ch.port2.postMessage(0);
      }),
    );
  const api = {
    on: () => () => undefined,
    'profiles.list': async () => {
      // Data from main arrives after the window has shown its shell (as over real IPC); the clock starts when it
      // arrives, and stops at the first frame painted after rows are in the DOM.
      await window.__afterPaint();
      await window.__afterPaint();
      performance.mark('bench:data-arrived');
      bench.dataAt = performance.now();
      const mo = new MutationObserver(() => {
        if (document.querySelector('[data-testid="profile-row"]') === null) return;
        mo.disconnect();
        window.__afterPaint().then((t) => {
          performance.mark('bench:list-painted');
          bench.paintAt = t;
        });
      });
      mo.observe(document.body, { childList: true, subtree: true });
      return { ok: true, value: list };
    },
    'settings.get': async () => ({ ok: true, value: settings }),
  };
  window.hatrack = new Proxy(api, { get: (t, k) => t[k] ?? (async () => ({ ok: false, error: { code: 'NOT_SUPPORTED', message: 'bench' } })) });
}

const browser = await chromium.launch({
  executablePath: '/usr/bin/chromium',
  args: [
    '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync',
    '--enable-precise-memory-info', '--js-flags=--expose-gc',
    // Frames are produced as soon as there is work, so a measurement is the work, not the wait for the next vsync.
    '--disable-frame-rate-limit', '--disable-gpu-vsync',
  ],
});
const results = [];
try {
  const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
  await page.addInitScript(fakeHatrack, N);
  if (process.env.BENCH_DEBUG) { page.on('console', (m) => console.log('  page:', m.text())); await page.addInitScript(() => { globalThis.__debugBench = true; }); }
  const runs = [];
  // First paint: median of 7 loads.
  for (let i = 0; i < 7; i++) {
    await page.goto(url);
    await page.waitForFunction(() => window.__bench.paintAt > 0, null, { timeout: 30_000 });
    runs.push(await page.evaluate(() => window.__bench.paintAt - window.__bench.dataAt));
  }
  runs.sort((a, b) => a - b);
  const firstPaint = runs[Math.floor(runs.length / 2)];

  // Filter keystrokes: type a query and backspace it, one input event at a time, each timed to the next painted frame.
  const typeAll = () => page.evaluate(async () => {
    const input = document.getElementById('profile-search');
    const setValue = Object.getOwnPropertyDescriptor(HTMLInputElement.prototype, 'value').set;
    const ops = [];
    for (const q of ['prod', 'payments-prod', 'eu-west-1', 'kind:role admin', 'ident']) {
      for (let i = 1; i <= q.length; i++) ops.push(q.slice(0, i));
      for (let i = q.length - 1; i >= 0; i--) ops.push(q.slice(0, i));
    }
    const times = [];
    const raw = [];
    const nextFrame = () => new Promise((r) => requestAnimationFrame(() => r(performance.now())));
    for (const value of ops) {
      await window.__afterPaint();
      const t0 = performance.now();
      performance.mark('bench:key');
      setValue.call(input, value);
      input.dispatchEvent(new Event('input', { bubbles: true }));
      // React flushes a discrete (input) update in a microtask queued during the event; this one runs after it.
      await new Promise((r) => queueMicrotask(r));
      const t1 = performance.now();
      // The wait for the next vsync is idle time, not work: the frame starts at t2 and is painted by t3.
      const t2 = await nextFrame();
      const t3 = await new Promise((r) => {
        const ch = new MessageChannel();
        ch.port1.onmessage = () => r(performance.now());
        ch.port2.postMessage(0);
      });
      performance.measure('bench:filter-keystroke', 'bench:key');
      times.push(t1 - t0 + (t3 - t2));
      if (globalThis.__debugBench) console.log(value, (t1 - t0).toFixed(1), (t3 - t2).toFixed(1));
      raw.push(t3 - t0);
    }
    raw.sort((a, b) => a - b);
    return { times, rawP50: raw[Math.floor(raw.length / 2)] };
  });
  // Three passes over the same keystrokes; the pass with the median p95 is reported (a shared CI box is noisy).
  const pct = (xs, q) => xs[Math.min(xs.length - 1, Math.ceil(q * xs.length) - 1)];
  const passes = [];
  for (let i = 0; i < 3; i++) {
    const run = await typeAll();
    run.times.sort((a, b) => a - b);
    passes.push(run);
  }
  passes.sort((a, b) => pct(a.times, 0.95) - pct(b.times, 0.95));
  const chosen = passes[1];
  const rawP50 = chosen.rawP50;
  const keystrokes = chosen.times;
  const p = (q) => pct(keystrokes, q);
  const passP95s = passes.map((r) => pct(r.times, 0.95).toFixed(1)).join(' / ');

  // Scroll the whole list: frame time per scroll step (informational).
  const scroll = await page.evaluate(async () => {
    const el = document.querySelector('.vlist');
    const times = [];
    for (let i = 0; i < 60; i++) {
      await window.__afterPaint();
      const t0 = performance.now();
      el.scrollTop += 2400;
      el.dispatchEvent(new Event('scroll'));
      times.push((await window.__afterPaint()) - t0);
    }
    times.sort((a, b) => a - b);
    return times[Math.ceil(0.95 * times.length) - 1];
  });

  const heap = await page.evaluate(async () => {
    window.gc?.();
    await new Promise((r) => setTimeout(r, 50));
    return performance.memory.usedJSHeapSize;
  });
  const rows = await page.locator('[data-testid="profile-row"]').count();

  const heapMB = heap / 1024 / 1024;
  results.push(
    { name: `first paint of ${N} profiles after data arrives (median of 7)`, value: firstPaint, unit: 'ms', goal: GOALS.firstPaintMs },
    {
      name: `filter keystroke → paint p95, main-thread work (median of 3 passes: ${passP95s} ms; ${keystrokes.length} keystrokes; p50 ${p(0.5).toFixed(1)} ms, max ${keystrokes.at(-1).toFixed(1)} ms; wall clock incl. vsync wait p50 ${rawP50.toFixed(1)} ms)`,
      value: p(0.95),
      unit: 'ms',
      goal: GOALS.filterP95Ms,
    },
    { name: `JS heap with ${N} profiles loaded (after GC)`, value: heapMB, unit: 'MB', goal: GOALS.heapMB },
  );
  const { loadavg } = await import('node:os');
  console.log(`bench:ui  load average ${loadavg()[0].toFixed(2)} on this machine; ${N} profiles, ${rows} rows in the DOM (virtualized), scroll step → paint p95 ${scroll.toFixed(1)} ms`);
  for (const r of results) {
    r.ok = r.value <= r.goal;
    console.log(`  ${r.ok ? 'OK    ' : 'MISSED'}  ${r.name}: ${r.value.toFixed(1)} ${r.unit} (goal ≤ ${r.goal} ${r.unit})`);
  }
} finally {
  await browser.close();
  server.close();
}
const missed = results.filter((r) => !r.ok).length;
console.log(missed === 0 ? 'bench:ui: every goal met' : `bench:ui: ${missed} goal(s) missed`);
process.exitCode = missed === 0 ? 0 : 1;
