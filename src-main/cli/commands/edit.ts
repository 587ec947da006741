// Editing commands: set, unset, add, rm, rename — each one line-preserving transaction over both files.

import type { CliCommand, ParsedArgs } from '../command.js';
import { UsageError } from '../command.js';
import { checkOptions, flag } from '../args.js';
import { EDIT_OPTIONS, runEdit } from '../edit-runner.js';
import type { ValueChange } from '../../core/awsfiles/edits.js';
import { addProfile, removeProfile, renameProfile, setProfileValues } from '../../core/awsfiles/edits.js';

const EDIT_HELP = `
Options:
  --dry-run   Show the lines that would change (a diff) and write nothing
  --json      Print {"changed", "files": [{kind, path, diff, backupPath}]}`;

function assignments(args: readonly string[]): ValueChange[] {
  if (args.length === 0) throw new UsageError('Give at least one key=value.');
  return args.map((a) => {
    const eq = a.indexOf('=');
    if (eq <= 0) throw new UsageError(`"${a}" is not key=value.`);
    return [a.slice(0, eq), a.slice(eq + 1)] as const;
  });
}

function profileAnd(args: ParsedArgs, what: string): [string, string[]] {
  const [name, ...rest] = args.positionals;
  if (name === undefined) throw new UsageError(`Give a profile name, then ${what}.`);
  return [name, rest];
}

export const setCommand: CliCommand = {
  name: 'set',
  usage: `Usage: hatrack set <profile> key=value [key=value ...] [--dry-run] [--json]

Routes keys as \`aws configure set\` does: aws_access_key_id, aws_secret_access_key and aws_session_token go to the
credentials file, everything else to the config file — unless the key already lives in the other file, where it is
updated in place. Nested keys use a dot: s3.max_concurrent_requests=20. Comments, order, blank lines and line endings
are kept; setting a value the file already has writes nothing.
${EDIT_HELP}`,
  run: async (args, ctx) => {
    checkOptions(args, EDIT_OPTIONS);
    const [name, rest] = profileAnd(args, 'key=value');
    const changes = assignments(rest);
    return runEdit(args, ctx, (docs) => setProfileValues(docs, name, changes));
  },
};

export const unsetCommand: CliCommand = {
  name: 'unset',
  usage: `Usage: hatrack unset <profile> key [key ...] [--dry-run] [--json]

Removes each key (with any continuation lines) wherever the profile has it, in both files. s3.addressing_style
removes one nested key; removing the last one removes the block.
${EDIT_HELP}`,
  run: async (args, ctx) => {
    checkOptions(args, EDIT_OPTIONS);
    const [name, keys] = profileAnd(args, 'the keys to remove');
    if (keys.length === 0) throw new UsageError('Give at least one key.');
    return runEdit(args, ctx, (docs) => setProfileValues(docs, name, keys.map((k) => [k, null] as const)));
  },
};

export const addCommand: CliCommand = {
  name: 'add',
  usage: `Usage: hatrack add <profile> [key=value ...] [--dry-run] [--json]

Like set, but refuses to touch an existing profile.
${EDIT_HELP}`,
  run: async (args, ctx) => {
    checkOptions(args, EDIT_OPTIONS);
    const [name, rest] = profileAnd(args, 'optional key=value pairs');
    const changes = rest.length === 0 ? [] : assignments(rest);
    return runEdit(args, ctx, (docs) => addProfile(docs, name, changes));
  },
};

export const rmCommand: CliCommand = {
  name: 'rm',
  usage: `Usage: hatrack rm <profile> [--force] [--dry-run] [--json]

Removes every section of the profile in both files, with the comment block right above each header.
Refuses while another profile names it as source_profile, unless --force.

Options:
  --force     Remove even when other profiles reference it${EDIT_HELP}`,
  run: async (args, ctx) => {
    checkOptions(args, [...EDIT_OPTIONS, 'force']);
    const [name, rest] = profileAnd(args, 'nothing else');
    if (rest.length > 0) throw new UsageError('rm takes one profile name.');
    const force = flag(args, 'force');
    return runEdit(args, ctx, (docs) => removeProfile(docs, name, force));
  },
};

export const renameCommand: CliCommand = {
  name: 'rename',
  usage: `Usage: hatrack rename <old> <new> [--dry-run] [--json]

Rewrites the profile's headers in both files (keeping everything else on those lines) and every
source_profile = <old> in both files, so roles that used it keep working.
${EDIT_HELP}`,
  run: async (args, ctx) => {
    checkOptions(args, EDIT_OPTIONS);
    const [from, to, ...rest] = args.positionals;
    if (from === undefined || to === undefined || rest.length > 0) throw new UsageError('Give the old and the new name.');
    return runEdit(args, ctx, (docs) => renameProfile(docs, from, to));
  },
};
