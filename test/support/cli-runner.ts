// Runs the built `hatrack` CLI and the real AWS CLI v2 against a fixture copied into a private temp HOME.
import { spawn } from 'node:child_process';
import { chmodSync, copyFileSync, existsSync, mkdtempSync, mkdirSync, readFileSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { childEnv, filesHoldingKey, REPO_ROOT } from './oracle.js';
import type { Fixture, FileKind, OracleAccepted, Settings, SettingValue } from './oracle.js';

/** `hatrack list --json` output. */
export interface ListProfile {
  readonly name: string;
  readonly kind: string;
  readonly region: SettingValue | null | undefined;
  readonly sources: readonly FileKind[];
}

export interface ListProblem {
  readonly file: FileKind;
  readonly path: string;
  readonly line: number | null;
  readonly code: string;
  readonly severity: string;
  readonly message: string;
  readonly profile: string | null;
  readonly breaksCli: boolean;
}

export interface ListOutput {
  readonly files: { readonly config: string; readonly credentials: string };
  readonly profiles: readonly ListProfile[];
  readonly problems: readonly ListProblem[];
}

export interface ShowOutput {
  readonly name: string;
  readonly kind: string;
  readonly settings: Settings;
}

export const HATRACK_BIN = join(REPO_ROOT, 'dist', 'cli', 'hatrack.cjs');
export const AWS_V2_BIN = '/usr/bin/aws';

export interface RunResult {
  readonly code: number;
  readonly stdout: string;
  readonly stderr: string;
}

/** A fixture's files in their own temp HOME; `config`/`credentials` are paths whether or not the file exists. */
export interface Workspace {
  readonly home: string;
  readonly dataDir: string;
  readonly config: string;
  readonly credentials: string;
}

export function makeWorkspace(fixture?: Fixture, prefix = 'hatrack-diff-'): Workspace {
  const home = mkdtempSync(join(tmpdir(), prefix));
  const awsDir = join(home, 'aws-files');
  mkdirSync(awsDir);
  const ws: Workspace = {
    home,
    dataDir: join(home, 'hatrack-data'),
    config: join(awsDir, 'config'),
    credentials: join(awsDir, 'credentials'),
  };
  if (fixture?.config) copyInto(fixture.config, ws.config);
  if (fixture?.credentials) copyInto(fixture.credentials, ws.credentials);
  return ws;
}

function copyInto(from: string, to: string): void {
  copyFileSync(from, to);
  // Fixtures may be checked out read-only; the edits round must be able to write, as a user's files can.
  chmodSync(to, 0o600);
}

export function pathOf(ws: Workspace, kind: FileKind): string {
  return kind === 'config' ? ws.config : ws.credentials;
}

export function run(cmd: string, args: readonly string[], env: NodeJS.ProcessEnv, timeoutMs: number): Promise<RunResult> {
  return new Promise((resolvePromise, reject) => {
    const child = spawn(cmd, args, { env, stdio: ['ignore', 'pipe', 'pipe'], cwd: REPO_ROOT });
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8');
    child.stderr.setEncoding('utf8');
    child.stdout.on('data', (d: string) => (stdout += d));
    child.stderr.on('data', (d: string) => (stderr += d));
    const timer = setTimeout(() => child.kill('SIGKILL'), timeoutMs);
    child.on('error', (e) => {
      clearTimeout(timer);
      reject(e);
    });
    child.on('close', (code, signal) => {
      clearTimeout(timer);
      resolvePromise({ code: code ?? (signal ? 128 : -1), stdout, stderr });
    });
  });
}

export function runHatrack(ws: Workspace, args: readonly string[]): Promise<RunResult> {
  const env = childEnv(ws.home, ws, { HATRACK_DATA_DIR: ws.dataDir, NO_COLOR: '1' });
  return run(process.execPath, [HATRACK_BIN, ...args], env, 30_000);
}

export function runAwsV2(ws: Workspace, args: readonly string[]): Promise<RunResult> {
  return run(AWS_V2_BIN, args, childEnv(ws.home, ws), 60_000);
}

export function hatrackBuilt(): boolean {
  return existsSync(HATRACK_BIN);
}

/** Is /usr/bin/aws the v2 CLI? Returns a reason when it is not usable. */
export async function awsV2Problem(): Promise<string | undefined> {
  if (!existsSync(AWS_V2_BIN)) return `${AWS_V2_BIN} not found (install with: apt-get install -y awscli)`;
  const ws = makeWorkspace(undefined, 'hatrack-awsv2-');
  const r = await runAwsV2(ws, ['--version']);
  const text = r.stdout + r.stderr;
  if (r.code !== 0 || !/^aws-cli\/2\./m.test(text)) return `${AWS_V2_BIN} is not AWS CLI v2: ${text.trim()}`;
  return undefined;
}

/** Bytes and mtime of one file (undefined when absent), to prove a no-op wrote nothing. */
export interface FileState {
  readonly bytes: Buffer | undefined;
  readonly mtimeNs: bigint | undefined;
}

export function fileState(path: string): FileState {
  if (!existsSync(path)) return { bytes: undefined, mtimeNs: undefined };
  return { bytes: readFileSync(path), mtimeNs: statSync(path, { bigint: true }).mtimeNs };
}

/** Runs `fn` over items with at most `limit` in flight, keeping result order. */
export async function mapLimit<T, R>(items: readonly T[], limit: number, fn: (item: T, index: number) => Promise<R>): Promise<R[]> {
  const out = new Array<R>(items.length);
  let next = 0;
  const worker = async (): Promise<void> => {
    while (next < items.length) {
      const i = next++;
      out[i] = await fn(items[i] as T, i);
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
  return out;
}

/** One physical line: text plus its own terminator, split the way Python's universal newlines split. */
export interface PhysLine {
  readonly text: string;
  readonly eol: '\r\n' | '\r' | '\n' | '';
}

/** Splits bytes (read as latin1, so every byte survives) at CRLF, lone CR and LF. */
export function splitLines(bytes: Buffer | undefined): PhysLine[] {
  if (!bytes || bytes.length === 0) return [];
  const s = bytes.toString('latin1');
  const out: PhysLine[] = [];
  const re = /\r\n|\r|\n/g;
  let start = 0;
  for (let m = re.exec(s); m; m = re.exec(s)) {
    out.push({ text: s.slice(start, m.index), eol: m[0] as PhysLine['eol'] });
    start = m.index + m[0].length;
  }
  if (start < s.length) out.push({ text: s.slice(start), eol: '' });
  return out;
}

export interface LineDiff {
  /** Old-line texts that are gone. */
  readonly removed: readonly string[];
  /** New-line texts that appeared. */
  readonly added: readonly string[];
  /** Index pairs (old, new) of lines kept unchanged by text. */
  readonly kept: ReadonlyArray<readonly [number, number]>;
}

/** LCS line diff on line text (terminators compared separately, so a file gaining a final newline is not a change). */
export function diffLines(before: readonly PhysLine[], after: readonly PhysLine[]): LineDiff {
  const n = before.length;
  const m = after.length;
  const dp: number[][] = Array.from({ length: n + 1 }, () => new Array<number>(m + 1).fill(0));
  for (let i = n - 1; i >= 0; i--) {
    for (let j = m - 1; j >= 0; j--) {
      const row = dp[i] as number[];
      row[j] = before[i]?.text === after[j]?.text ? (dp[i + 1]?.[j + 1] ?? 0) + 1 : Math.max(dp[i + 1]?.[j] ?? 0, row[j + 1] ?? 0);
    }
  }
  const removed: string[] = [];
  const added: string[] = [];
  const kept: Array<readonly [number, number]> = [];
  let i = 0;
  let j = 0;
  while (i < n && j < m) {
    if (before[i]?.text === after[j]?.text) {
      kept.push([i, j]);
      i++;
      j++;
    } else if ((dp[i + 1]?.[j] ?? 0) >= (dp[i]?.[j + 1] ?? 0)) {
      removed.push(before[i]?.text ?? '');
      i++;
    } else {
      added.push(after[j]?.text ?? '');
      j++;
    }
  }
  for (; i < n; i++) removed.push(before[i]?.text ?? '');
  for (; j < m; j++) added.push(after[j]?.text ?? '');
  return { removed, added, kept };
}

/**
 * Line-ending violations after an edit: every kept line keeps its own terminator (the old last line may gain
 * one), and a file that used one style throughout still uses only that style.
 */
export function eolViolations(before: readonly PhysLine[], after: readonly PhysLine[]): string[] {
  const problems: string[] = [];
  const d = diffLines(before, after);
  for (const [i, j] of d.kept) {
    const was = before[i]?.eol ?? '';
    const now = after[j]?.eol ?? '';
    // The old last line may gain a terminator (something was appended), and the new last line may lose one
    // (what was appended is gone again): neither changes the style of a line break between two lines.
    if (was !== now && !(was === '' && i === before.length - 1) && !(now === '' && j === after.length - 1)) {
      problems.push(`line ${j + 1} ${JSON.stringify(after[j]?.text)}: terminator ${JSON.stringify(was)} became ${JSON.stringify(now)}`);
    }
  }
  const styles = new Set(before.map((l) => l.eol).filter((e) => e !== ''));
  if (styles.size === 1) {
    const only = [...styles][0];
    after.forEach((l, j) => {
      if (l.eol !== '' && l.eol !== only) {
        problems.push(`line ${j + 1} ${JSON.stringify(l.text)} ends ${JSON.stringify(l.eol)} in a file that used only ${JSON.stringify(only)}`);
      }
    });
  }
  return problems;
}

/** The profile created and removed by the edits round; no fixture uses this name. */
export const NEW_PROFILE = 'brand-new-profile';

export interface EditStep {
  /** What the step is, for failure messages. */
  readonly label: string;
  readonly op: 'set' | 'noop' | 'add' | 'unset' | 'rename' | 'rm';
  readonly args: readonly string[];
  readonly profile: string;
  readonly key?: string;
  readonly value?: string;
  readonly newName?: string;
  /** Rename of a profile with two sections in one file ([default] + [profile default]): must be refused. */
  readonly mustRefuse?: boolean;
}

const SECRET_KEYS = new Set(['aws_secret_access_key', 'aws_session_token', 'aws_security_token']);

/** A name every tool can write and read back, so renaming it is meaningful. */
export function isSimpleName(name: string): boolean {
  return /^[A-Za-z0-9_.-]+$/.test(name) && name !== '__proto__';
}

/**
 * The edits round for one accepted fixture, as `hatrack` argument lists. The no-op re-sets a value the files
 * already hold, chosen from a profile other than the last (which the first two steps change) when possible.
 */
export function planEdits(view: OracleAccepted): EditStep[] {
  const steps: EditStep[] = [];
  const last = view.profiles[view.profiles.length - 1];
  if (last !== undefined) {
    steps.push({ label: `set ${last} region=eu-west-3`, op: 'set', args: ['set', last, 'region=eu-west-3'], profile: last, key: 'region', value: 'eu-west-3' });
    steps.push({ label: `set ${last} output=json`, op: 'set', args: ['set', last, 'output=json'], profile: last, key: 'output', value: 'json' });
    steps.push({ label: `set ${last} region=eu-west-3 again`, op: 'noop', args: ['set', last, 'region=eu-west-3'], profile: last, key: 'region', value: 'eu-west-3' });
  }
  const candidates = [...view.profiles.filter((p) => p !== last), ...(last !== undefined ? [last] : [])];
  outer: for (const p of candidates) {
    for (const [key, value] of Object.entries(view.settings[p] ?? {})) {
      if (p === last && (key === 'region' || key === 'output')) continue;
      if (SECRET_KEYS.has(key) || !/^[a-z][a-z0-9_]*$/.test(key)) continue;
      if (typeof value !== 'string' || value === '' || value !== value.trim() || /[\r\n]/.test(value) || /\s[#;]/.test(value)) continue;
      // A key held by both files (or inherited) has more than one "existing value"; a no-op there is ambiguous.
      if (filesHoldingKey(view, p, key).length !== 1) continue;
      steps.push({ label: `set ${p} ${key}=${value} (value it already has)`, op: 'noop', args: ['set', p, `${key}=${value}`], profile: p, key, value });
      break outer;
    }
  }
  if (!view.profiles.includes(NEW_PROFILE)) {
    steps.push({ label: `set ${NEW_PROFILE} region=us-west-1`, op: 'add', args: ['set', NEW_PROFILE, 'region=us-west-1'], profile: NEW_PROFILE, key: 'region', value: 'us-west-1' });
  }
  if (last !== undefined) {
    steps.push({ label: `unset ${last} region`, op: 'unset', args: ['unset', last, 'region'], profile: last, key: 'region' });
    const renamed = `${last}-renamed`;
    if (isSimpleName(last) && !view.profiles.includes(renamed)) {
      const perFile = (f: FileKind): number => view.sections.filter((x) => x.file === f && x.profile === last).length;
      const mustRefuse = perFile('config') > 1 || perFile('credentials') > 1;
      steps.push({ label: `rename ${last} ${renamed}`, op: 'rename', args: ['rename', last, renamed], profile: last, newName: renamed, mustRefuse });
    }
  }
  if (!view.profiles.includes(NEW_PROFILE)) {
    steps.push({ label: `rm ${NEW_PROFILE}`, op: 'rm', args: ['rm', NEW_PROFILE], profile: NEW_PROFILE });
  }
  return steps;
}
