// Benchmark helpers: a deterministic 5,000-profile pair, interleaved timing, medians and ratio lines.
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync } from 'node:fs';
import { join, resolve } from 'node:path';

export const root = resolve(import.meta.dirname, '..');
export const cli = join(root, 'dist/cli/hatrack.cjs');

/** The benchmark pair from gen-large.py (../shared/tools), generated once into .bench/large. */
export function largePair() {
  const dir = join(root, '.bench/large');
  if (!existsSync(join(dir, 'config'))) {
    mkdirSync(dir, { recursive: true });
    const tool = resolve(root, '../shared/tools/gen-large.py');
    execFileSync('python3', [tool, dir, '5000', '2000']);
  }
  return { dir, config: join(dir, 'config'), credentials: join(dir, 'credentials') };
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
