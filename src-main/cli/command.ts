// The shape of one `hatrack` sub-command and the context it runs in; plain Node.

import type { Environment } from '../core/environment.js';

export interface ParsedArgs {
  /** Positional arguments after the command name. */
  readonly positionals: readonly string[];
  /** `--flag` → true, `--name value` / `--name=value` → string. Repeated options keep the last value. */
  readonly options: Readonly<Record<string, string | boolean>>;
}

export interface CliIo {
  readonly out: (text: string) => void;
  /**
   * Resolves once what `out` was given has been handed on, for output of many megabytes: a pipe whose reader is slower
   * than the writer otherwise queues all of it in memory. Absent: nothing to wait for.
   */
  readonly drained?: () => Promise<void>;
  readonly err: (text: string) => void;
  readonly stdinIsTty: boolean;
  readonly stdoutIsTty?: boolean;
  /** Reads one line from the terminal without echo when `hidden`; rejects when stdin is not a TTY. */
  readonly prompt: (question: string, hidden?: boolean) => Promise<string>;
}

export interface CliContext {
  readonly env: Environment;
  readonly io: CliIo;
}

export interface CliCommand {
  readonly name: string;
  /** Full help text, printed for `hatrack <name> --help`. */
  readonly usage: string;
  /** Options that take a value (everything else given as `--x` is a boolean flag). */
  readonly valueOptions?: readonly string[];
  readonly run: (args: ParsedArgs, ctx: CliContext) => Promise<number>;
}

/** Thrown for bad usage: the CLI prints the message and the command's usage line, then exits 2. */
export class UsageError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'UsageError';
  }
}
