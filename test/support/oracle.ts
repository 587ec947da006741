// Test-side access to the reference readers: the botocore oracle (one long-lived Python process), the JS SDK view, and the fixture corpus.
import { spawn, spawnSync } from 'node:child_process';
import type { ChildProcessWithoutNullStreams } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
export const REPO_ROOT = resolve(here, '..', '..');
export const ORACLE_PY = join(REPO_ROOT, 'test', 'oracle', 'botocore_view.py');
export const JS_SDK_VIEW = join(REPO_ROOT, 'test', 'oracle', 'js_sdk_view.mjs');
export const CORPUS_DIR = join(REPO_ROOT, 'test', 'fixtures', 'corpus');

export type FileKind = 'config' | 'credentials';
/** A setting as botocore returns it: a string, or a one-level nested block. */
export type SettingValue = string | Readonly<Record<string, string>>;
export type Settings = Readonly<Record<string, SettingValue>>;

export interface OracleSection {
  readonly file: FileKind;
  /** Text between the brackets, as configparser keeps it. */
  readonly header: string;
  readonly line: number;
  /** Last line that belongs to the section (inclusive). */
  readonly end: number;
  /** The profile botocore files this section under, or null for non-profile sections. */
  readonly profile: string | null;
}

export interface OracleAccepted {
  readonly ok: true;
  readonly profiles: readonly string[];
  readonly kinds: Readonly<Record<string, string>>;
  readonly settings: Readonly<Record<string, Settings>>;
  readonly sources: Readonly<Record<string, readonly FileKind[]>>;
  readonly sso_sessions: Readonly<Record<string, Settings>>;
  readonly services: Readonly<Record<string, Settings>>;
  readonly sections: readonly OracleSection[];
  readonly defaults: Readonly<Record<FileKind, Readonly<Record<string, string>>>>;
  /** Each file parsed alone, keyed by raw section name ([DEFAULT] keys already copied in). */
  readonly raw: Readonly<Record<FileKind, Readonly<Record<string, Settings>>>>;
}

export interface OracleRefused {
  readonly ok: false;
  readonly error: string;
  readonly message: string;
  readonly file: FileKind | null;
  readonly line: number | null;
}

export type OracleView = OracleAccepted | OracleRefused;

/**
 * Environment for every child we spawn (oracle, hatrack, aws): no ambient profile or credentials, a fixed
 * UTF-8 locale (botocore decodes with the locale encoding), and the given HOME and file paths.
 */
export function childEnv(home: string, files: { config: string; credentials: string }, extra: Record<string, string> = {}): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = {};
  for (const [k, v] of Object.entries(process.env)) {
    if (k.startsWith('AWS_') || k === 'HOME' || k === 'USERPROFILE' || k === 'HATRACK_DATA_DIR') continue;
    if (v !== undefined) env[k] = v;
  }
  env.HOME = home;
  env.LC_ALL = 'C.UTF-8';
  env.LANG = 'C.UTF-8';
  env.AWS_CONFIG_FILE = files.config;
  env.AWS_SHARED_CREDENTIALS_FILE = files.credentials;
  // Keep the CLI v2 quiet and local: no pager, no metadata-service probing.
  env.AWS_PAGER = '';
  env.AWS_EC2_METADATA_DISABLED = 'true';
  return { ...env, ...extra };
}

/**
 * One `botocore_view.py --serve` process answering requests in order. Importing botocore costs most of a
 * second; a shared server keeps the whole tier inside its time budget.
 */
export class BotocoreOracle {
  private readonly child: ChildProcessWithoutNullStreams;
  private readonly waiting: Array<(line: string) => void> = [];
  private stderr = '';
  private exited = false;

  constructor(home: string) {
    this.child = spawn('python3', [ORACLE_PY, '--serve'], {
      env: childEnv(home, { config: join(home, 'none-config'), credentials: join(home, 'none-credentials') }),
      stdio: ['pipe', 'pipe', 'pipe'],
    });
    this.child.stderr.setEncoding('utf8');
    this.child.stderr.on('data', (d: string) => {
      this.stderr += d;
    });
    this.child.on('exit', () => {
      this.exited = true;
      for (const w of this.waiting.splice(0)) w('');
    });
    const rl = createInterface({ input: this.child.stdout });
    rl.on('line', (line) => {
      const next = this.waiting.shift();
      if (next) next(line);
    });
  }

  /** How botocore reads this pair (paths need not exist: a missing file is simply absent). */
  view(config: string, credentials: string): Promise<OracleView> {
    if (this.exited) return Promise.reject(new Error(`botocore oracle exited: ${this.stderr}`));
    return new Promise<OracleView>((resolvePromise, reject) => {
      this.waiting.push((line) => {
        if (line === '') {
          reject(new Error(`botocore oracle died: ${this.stderr}`));
          return;
        }
        resolvePromise(JSON.parse(line) as OracleView);
      });
      this.child.stdin.write(JSON.stringify({ config, credentials }) + '\n');
    });
  }

  close(): void {
    this.child.stdin.end();
  }
}

export interface JsSdkView {
  readonly ok: boolean;
  /** loadSharedConfigFiles().configFile: "profile " stripped, other sections as "sso-session.x" / "services.x". */
  readonly configFile: Readonly<Record<string, Readonly<Record<string, string>>>>;
  readonly credentialsFile: Readonly<Record<string, Readonly<Record<string, string>>>>;
  /** parseKnownFiles(): the profile map credential resolution works from (credentials win per key). */
  readonly merged: Readonly<Record<string, Readonly<Record<string, string>>>>;
  readonly profiles: readonly string[];
}

/** How @smithy/shared-ini-file-loader (the JS SDK v3) reads the pair. */
export function jsSdkView(home: string, config: string, credentials: string): JsSdkView {
  const r = spawnSync(process.execPath, [JS_SDK_VIEW, '--config', config, '--credentials', credentials], {
    env: childEnv(home, { config, credentials }),
    encoding: 'utf8',
    cwd: REPO_ROOT,
  });
  if (r.status !== 0) throw new Error(`js_sdk_view failed (${String(r.status)}): ${r.stderr}`);
  return JSON.parse(r.stdout) as JsSdkView;
}

export interface Fixture {
  readonly name: string;
  readonly dir: string;
  /** Present files only; a missing one is left absent when the fixture is used. */
  readonly config: string | undefined;
  readonly credentials: string | undefined;
  readonly readme: string;
}

/** Every fixture folder under test/fixtures/corpus, in name order. */
export function listFixtures(): Fixture[] {
  return readdirSync(CORPUS_DIR)
    .filter((n) => statSync(join(CORPUS_DIR, n)).isDirectory())
    .sort()
    .map((name) => {
      const dir = join(CORPUS_DIR, name);
      const file = (f: string): string | undefined => (existsSync(join(dir, f)) ? join(dir, f) : undefined);
      const readmePath = join(dir, 'README');
      return {
        name,
        dir,
        config: file('config'),
        credentials: file('credentials'),
        readme: existsSync(readmePath) ? readFileSync(readmePath, 'utf8').trim() : '',
      };
    });
}

/** Settings flattened the way the JS SDK stores nested blocks ("s3.addressing_style"). */
export function flattenSettings(settings: Settings): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(settings)) {
    if (typeof v === 'string') out[k] = v;
    else for (const [sub, sv] of Object.entries(v)) out[`${k}.${sub}`] = sv;
  }
  return out;
}

/** Which files hold `key` for `profile`, from the raw per-file parse (keys inherited from [DEFAULT] excluded). */
export function filesHoldingKey(view: OracleAccepted, profile: string, key: string): FileKind[] {
  const out: FileKind[] = [];
  for (const file of ['config', 'credentials'] as const) {
    if (key in view.defaults[file]) continue;
    const headers = view.sections.filter((s) => s.file === file && s.profile === profile).map((s) => s.header);
    if (headers.some((h) => view.raw[file][h] !== undefined && key in (view.raw[file][h] ?? {}))) out.push(file);
  }
  return out;
}
