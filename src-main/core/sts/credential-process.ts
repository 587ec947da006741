// Runs a profile's credential_process like botocore (argv split, no shell) and validates its Version 1 JSON; plain Node.

import { spawn } from 'node:child_process';
import { z } from 'zod';

import { HatrackError } from '../../../shared/domain/errors.js';
import { ShlexError, shlexSplit } from '../awsfiles/python-text.js';
import type { Environment } from '../environment.js';
import type { AwsCredentials } from './types.js';

export interface ProcessOutput {
  readonly exitCode: number | null;
  readonly stdout: string;
  readonly stderr: string;
}

/** Runs argv without a shell. Injected so unit tests need no child processes. */
export type ProcessRunner = (
  argv: readonly string[],
  options: { readonly env: Readonly<Record<string, string | undefined>>; readonly timeoutMs: number },
) => Promise<ProcessOutput>;

const MAX_OUTPUT = 1024 * 1024;

export const spawnProcess: ProcessRunner = (argv, options) =>
  new Promise((resolve, reject) => {
    const [cmd, ...args] = argv;
    if (cmd === undefined) {
      reject(new HatrackError('CREDENTIAL_PROCESS_FAILED', 'credential_process is empty.'));
      return;
    }
    const child = spawn(cmd, args, { env: options.env, shell: false, stdio: ['ignore', 'pipe', 'pipe'], windowsHide: true });
    const out: Buffer[] = [];
    const err: Buffer[] = [];
    let size = 0;
    let failed: HatrackError | undefined;
    const timer = setTimeout(() => {
      failed = new HatrackError('CREDENTIAL_PROCESS_FAILED', `credential_process did not finish within ${options.timeoutMs / 1000} s.`);
      child.kill();
    }, options.timeoutMs);
    const collect = (into: Buffer[]) => (b: Buffer) => {
      size += b.length;
      if (size > MAX_OUTPUT && failed === undefined) {
        failed = new HatrackError('CREDENTIAL_PROCESS_FAILED', 'credential_process wrote more than 1 MiB of output.');
        child.kill();
      }
      into.push(b);
    };
    child.stdout.on('data', collect(out));
    child.stderr.on('data', collect(err));
    child.on('error', (e: NodeJS.ErrnoException) => {
      clearTimeout(timer);
      reject(new HatrackError('CREDENTIAL_PROCESS_FAILED', `credential_process could not be started (${e.code ?? 'error'}): ${cmd}`));
    });
    child.on('close', (exitCode) => {
      clearTimeout(timer);
      if (failed !== undefined) reject(failed);
      else resolve({ exitCode, stdout: Buffer.concat(out).toString('utf8'), stderr: Buffer.concat(err).toString('utf8') });
    });
  });

/** botocore's compat_shell_split on Windows: only space/tab split, only `"` quotes, backslashes literal except before `"`. */
export function windowsSplit(s: string): string[] {
  const out: string[] = [];
  let cur = '';
  let inToken = false;
  let quoted = false;
  for (let i = 0; i < s.length; i++) {
    const ch = s[i]!;
    if (ch === '\\') {
      let n = 0;
      while (s[i + n] === '\\') n++;
      if (s[i + n] === '"') {
        cur += '\\'.repeat(Math.floor(n / 2));
        if (n % 2 === 1) cur += '"';
        else quoted = !quoted;
        i += n;
      } else {
        cur += '\\'.repeat(n);
        i += n - 1;
      }
      inToken = true;
    } else if (ch === '"') {
      quoted = !quoted;
      inToken = true;
    } else if ((ch === ' ' || ch === '\t') && !quoted) {
      if (inToken) out.push(cur);
      cur = '';
      inToken = false;
    } else {
      cur += ch;
      inToken = true;
    }
  }
  if (inToken) out.push(cur);
  return out;
}

const ProcessJsonSchema = z.object({
  Version: z.literal(1),
  AccessKeyId: z.string().min(1),
  SecretAccessKey: z.string().min(1),
  SessionToken: z.string().optional(),
  Expiration: z.string().optional(),
  AccountId: z.string().optional(),
});

export interface ProcessCredentials extends AwsCredentials {
  readonly accountId: string | undefined;
}

/** Parses and checks credential_process stdout. Messages name the problem, never the values. */
export function parseProcessOutput(stdout: string, profile: string, now: Date): ProcessCredentials {
  const fail = (why: string): HatrackError =>
    new HatrackError('CREDENTIAL_PROCESS_FAILED', `credential_process of profile "${profile}" ${why}.`);
  let json: unknown;
  try {
    json = JSON.parse(stdout);
  } catch {
    throw fail('did not print JSON');
  }
  if (typeof json === 'object' && json !== null && (json as Record<string, unknown>)['Version'] !== 1) {
    throw fail('did not return Version 1');
  }
  const parsed = ProcessJsonSchema.safeParse(json);
  if (!parsed.success) {
    const field = parsed.error.issues[0]?.path.join('.') ?? 'output';
    throw fail(`returned an invalid or missing ${field}`);
  }
  const v = parsed.data;
  let expiration: Date | undefined;
  if (v.Expiration !== undefined) {
    expiration = new Date(v.Expiration);
    if (Number.isNaN(expiration.getTime())) throw fail('returned an Expiration that is not an ISO 8601 date');
    if (expiration.getTime() <= now.getTime()) throw fail('returned credentials that have already expired');
  }
  if (v.AccessKeyId.startsWith('ASIA') && (v.SessionToken === undefined || v.SessionToken === '')) {
    throw fail('returned temporary (ASIA) credentials without a SessionToken');
  }
  return {
    accessKeyId: v.AccessKeyId,
    secretAccessKey: v.SecretAccessKey,
    sessionToken: v.SessionToken === '' ? undefined : v.SessionToken,
    expiration,
    accountId: v.AccountId,
  };
}

export interface RunCredentialProcessOptions {
  readonly env: Environment;
  readonly runner?: ProcessRunner | undefined;
  readonly timeoutMs?: number | undefined;
}

export async function runCredentialProcess(
  command: string,
  profile: string,
  options: RunCredentialProcessOptions,
): Promise<ProcessCredentials> {
  let argv: string[];
  try {
    argv = options.env.platform === 'win32' ? windowsSplit(command) : shlexSplit(command);
  } catch (e) {
    if (e instanceof ShlexError) {
      throw new HatrackError('CREDENTIAL_PROCESS_FAILED', `credential_process of profile "${profile}" has an unbalanced quote.`);
    }
    throw e;
  }
  if (argv.length === 0) throw new HatrackError('CREDENTIAL_PROCESS_FAILED', `credential_process of profile "${profile}" is empty.`);
  const out = await (options.runner ?? spawnProcess)(argv, { env: options.env.vars, timeoutMs: options.timeoutMs ?? 60_000 });
  if (out.exitCode !== 0) {
    // stderr is the tool's own diagnostic channel (AWS tells tools to keep secrets out of it); stdout is never echoed.
    const hint = out.stderr.trim().split(/\r?\n/).filter((l) => l.trim() !== '').pop()?.slice(0, 200);
    throw new HatrackError(
      'CREDENTIAL_PROCESS_FAILED',
      `credential_process of profile "${profile}" exited with status ${out.exitCode ?? 'signal'}${hint === undefined ? '' : `: ${hint}`}.`,
    );
  }
  return parseProcessOutput(out.stdout, profile, options.env.now());
}
