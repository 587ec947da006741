// Benchmark helpers: deterministic generated pairs, interleaved timing, peak memory, medians and ratio lines.
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

export const root = resolve(import.meta.dirname, '..');
export const cli = join(root, 'dist/cli/hatrack.cjs');

/** A pair from gen-large.py (../shared/tools), generated once into .bench/<name>. */
function generatedPair(name, profiles, credentialSections) {
  const dir = join(root, '.bench', name);
  if (!existsSync(join(dir, 'config'))) {
    mkdirSync(dir, { recursive: true });
    const tool = resolve(root, '../shared/tools/gen-large.py');
    execFileSync('python3', [tool, dir, String(profiles), String(credentialSections)]);
  }
  return { dir, config: join(dir, 'config'), credentials: join(dir, 'credentials') };
}

/** The 5,000-profile benchmark pair. */
export function largePair() {
  return generatedPair('large', 5000, 2000);
}

/** The scale pair: a 50 MB config (380,000 profiles) and the generator's default credentials file. */
export function scalePair() {
  return generatedPair('scale', 380000, 2000);
}

/**
 * Runs a command like timedSpawn and also returns its peak resident memory in MB: from /usr/bin/time -v where it is
 * installed (apt package `time`), else from the child's own process.resourceUsage() at exit (node commands only).
 */
export function measuredSpawn(cmd, args, env) {
  const report = join(tmpdir(), `hatrack-bench-rss-${process.pid}`);
  rmSync(report, { force: true });
  const start = performance.now();
  let r;
  if (existsSync('/usr/bin/time')) {
    r = spawnSync('/usr/bin/time', ['-v', '-o', report, cmd, ...args], { env, stdio: ['ignore', 'pipe', 'pipe'], maxBuffer: 1 << 30 });
  } else {
    const hook = join(root, 'bench/max-rss.cjs');
    r = spawnSync(cmd, ['--require', hook, ...args], { env: { ...env, HATRACK_BENCH_RSS_FILE: report }, stdio: ['ignore', 'pipe', 'pipe'], maxBuffer: 1 << 30 });
  }
  const ms = performance.now() - start;
  if (r.status !== 0) throw new Error(`${cmd} ${args.join(' ')} failed: ${r.stderr}`);
  const text = readFileSync(report, 'utf8');
  const kb = Number(/Maximum resident set size \(kbytes\): (\d+)/.exec(text)?.[1] ?? text.trim());
  rmSync(report, { force: true });
  return { ms, rssMb: kb / 1024, stdout: r.stdout };
}

export function median(xs) {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)];
}

/**
 * Runs a and b alternately `rounds` times so machine noise hits both alike; returns medians in ms. With --expose-gc
 * (as `npm run bench` runs) the heap is collected before each timed call, untimed, so each side pays for collecting
 * its own garbage and not for what the other left behind.
 */
export async function sideBySide(rounds, a, b) {
  const ta = [];
  const tb = [];
  const collect = typeof globalThis.gc === 'function' ? globalThis.gc : () => {};
  for (let i = 0; i < rounds; i++) {
    collect();
    let t = performance.now();
    await a(i);
    ta.push(performance.now() - t);
    collect();
    t = performance.now();
    await b(i);
    tb.push(performance.now() - t);
  }
  return { a: median(ta), b: median(tb) };
}

export function timedSpawn(cmd, args, env) {
  const r = spawnSync(cmd, args, { env, stdio: ['ignore', 'pipe', 'pipe'], maxBuffer: 1 << 30 });
  if (r.status !== 0) throw new Error(`${cmd} ${args.join(' ')} failed: ${r.stderr}`);
  return r;
}

export function report(name, oursLabel, ours, peerLabel, peer, goal) {
  const ratio = ours / peer;
  const ok = ratio <= goal;
  console.log(`${name}: ${oursLabel} ${ours.toFixed(2)} ms vs ${peerLabel} ${peer.toFixed(2)} ms → ${ratio.toFixed(3)}× (goal ≤ ${goal}×) ${ok ? 'OK' : 'MISSED'}`);
  return { name, ours, peer, ratio, goal, ok };
}
