// Parses `hatrack` argv into positionals and options; knows nothing of the commands themselves.

import type { ParsedArgs } from './command.js';
import { UsageError } from './command.js';

export function parseArgs(argv: readonly string[], valueOptions: readonly string[] = []): ParsedArgs {
  const positionals: string[] = [];
  const options: Record<string, string | boolean> = {};
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    if (arg === '--') {
      positionals.push(...argv.slice(i + 1));
      break;
    }
    if (arg.startsWith('--') && arg.length > 2) {
      const eq = arg.indexOf('=');
      const name = eq < 0 ? arg.slice(2) : arg.slice(2, eq);
      if (eq >= 0) {
        options[name] = arg.slice(eq + 1);
      } else if (valueOptions.includes(name)) {
        const value = argv[i + 1];
        if (value === undefined) throw new UsageError(`--${name} needs a value.`);
        options[name] = value;
        i++;
      } else {
        options[name] = true;
      }
      continue;
    }
    if (arg === '-h') {
      options['help'] = true;
      continue;
    }
    positionals.push(arg);
  }
  return { positionals, options };
}

/** Rejects options the command does not know, so a typo never silently changes what runs. */
export function checkOptions(args: ParsedArgs, known: readonly string[]): void {
  for (const name of Object.keys(args.options)) {
    if (name !== 'help' && !known.includes(name)) throw new UsageError(`Unknown option --${name}.`);
  }
}

export function stringOption(args: ParsedArgs, name: string): string | undefined {
  const v = args.options[name];
  if (v === undefined) return undefined;
  if (typeof v !== 'string') throw new UsageError(`--${name} needs a value.`);
  return v;
}

export function flag(args: ParsedArgs, name: string): boolean {
  const v = args.options[name];
  if (typeof v === 'string') throw new UsageError(`--${name} takes no value.`);
  return v === true;
}
