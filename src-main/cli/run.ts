// The `hatrack` CLI as a function (plain Node, no side effects): the npm entry and the packaged app's CLI mode call it.

import { isHatrackError } from '../../shared/domain/errors.js';
import type { Environment } from '../core/environment.js';
import { resolveAwsPaths } from '../core/awsfiles/paths.js';
import { parseArgs } from './args.js';
import type { CliCommand, CliIo } from './command.js';
import { UsageError } from './command.js';
import { COMMANDS } from './commands/index.js';

const VERSION = '0.1.0';

function mainHelp(): string {
  const width = Math.max(...COMMANDS.map((c) => c.name.length));
  const lines = COMMANDS.map((c) => `  ${c.name.padEnd(width)}  ${c.summary}`);
  return `hatrack ${VERSION} — your AWS profiles, edited without losing a byte

Usage: hatrack <command> [arguments] [--json] [--help]

Commands:
${lines.join('\n')}

Files: AWS_CONFIG_FILE and AWS_SHARED_CREDENTIALS_FILE are honoured as the AWS CLI does (default ~/.aws/config
and ~/.aws/credentials). Backups of every replaced version go to HATRACK_DATA_DIR (default: the per-user app folder).
AWS requests: 10 s per attempt, 3 attempts, 60 s per command (HATRACK_HTTP_TIMEOUT_MS, HATRACK_NETWORK_DEADLINE_MS).
Run \`hatrack <command> --help\` for details.
`;
}

/** The CLI's I/O on the real process streams and terminal. */
export function processIo(): CliIo {
  return {
    out: (text) => process.stdout.write(text),
    drained: () => drained(process.stdout),
    err: (text) => process.stderr.write(text),
    // A getter: touching process.stdin builds the stdin stream (~9 ms), and most commands never ask.
    get stdinIsTty() {
      return process.stdin.isTTY === true;
    },
    stdoutIsTty: process.stdout.isTTY === true,
    // Loaded on first use: node:readline is costly to load and most commands never ask anything.
    prompt: async (question, hidden) => (await import('./prompt.js')).terminalPrompt(question, hidden),
  };
}

/** Waits for a stream's queue to empty (or for the stream to fail or close: then there is nothing left to wait for). */
function drained(stream: NodeJS.WriteStream): Promise<void> {
  if (!stream.writableNeedDrain) return Promise.resolve();
  return new Promise((resolve) => {
    const done = () => {
      stream.off('drain', done);
      stream.off('error', done);
      stream.off('close', done);
      resolve();
    };
    stream.on('drain', done);
    stream.on('error', done);
    stream.on('close', done);
  });
}

export async function runCli(argv: readonly string[], env: Environment, io: CliIo): Promise<number> {
  const [name, ...rest] = argv;
  if (name === undefined || name === '--help' || name === '-h' || name === 'help') {
    const topic = name === 'help' ? COMMANDS.find((c) => c.name === rest[0]) : undefined;
    io.out(topic === undefined ? mainHelp() : (await topic.load()).usage + '\n');
    return name === undefined ? 2 : 0;
  }
  if (name === '--version' || name === '-v') {
    io.out(`${VERSION}\n`);
    return 0;
  }
  const entry = COMMANDS.find((c) => c.name === name);
  if (entry === undefined) {
    io.err(`hatrack: unknown command "${name}". Run \`hatrack --help\` for the list.\n`);
    return 2;
  }
  const command: CliCommand = await entry.load();
  try {
    const args = parseArgs(rest, command.valueOptions ?? []);
    if (args.options['help'] === true) {
      io.out(command.usage + '\n');
      return 0;
    }
    return await command.run(args, { env, io });
  } catch (e) {
    // By name as well: a command from dist/cli/on-demand.cjs throws that file's copy of the class.
    if (e instanceof UsageError || (e instanceof Error && e.name === 'UsageError')) {
      io.err(`hatrack ${command.name}: ${e.message}\n${command.usage.split('\n')[0]}\n`);
      return 2;
    }
    if (isHatrackError(e)) {
      const paths = safePaths(env);
      io.err(`hatrack: ${e.describe((file) => paths?.[file] ?? null)} [${e.code}]\n`);
      return 1;
    }
    // Unexpected: one line, no stack (a stack can quote file contents); HATRACK_DEBUG shows it.
    const message = e instanceof Error ? e.message : String(e);
    io.err(`hatrack: internal error: ${message}\n`);
    if (env.vars['HATRACK_DEBUG'] && e instanceof Error) io.err(`${e.stack ?? ''}\n`);
    return 1;
  }
}

function safePaths(env: Environment): ReturnType<typeof resolveAwsPaths> | undefined {
  try {
    return resolveAwsPaths(env);
  } catch {
    return undefined;
  }
}
