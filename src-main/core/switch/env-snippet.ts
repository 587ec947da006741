// The line that points a shell at a profile (`export AWS_PROFILE=…`, fish, PowerShell), quoted for that shell; pure.
//
// The text is pasted into a terminal, and profile names come from shared team files and SSO generators, so the
// name is quoted by the rules of the shell that reads it, and a name no AWS SDK can read gets no line at all.

import { HatrackError } from '../../../shared/domain/errors.js';
import { SDK_SAFE_NAME } from '../awsfiles/problems.js';
import { shlexQuote } from '../awsfiles/python-text.js';

export type SnippetShell = 'posix' | 'fish' | 'powershell';

/** fish: inside single quotes only `\\` and `\'` are escapes; everything else (`$`, `(`, newline) is literal. */
export function fishQuote(value: string): string {
  return `'${value.replace(/[\\']/g, (c) => `\\${c}`)}'`;
}

/**
 * PowerShell: a single-quoted string expands nothing (`$(…)` runs only inside double quotes); a quote is written
 * twice. PowerShell also takes the typographic quotes U+2018–U+201B as single quotes, so those are doubled too.
 */
export function powershellQuote(value: string): string {
  return `'${value.replace(/['\u2018\u2019\u201a\u201b]/g, (c) => c + c)}'`;
}

/** One word the shell reads back as exactly `value` (posix: Python's shlex.quote, which the spec cites). */
export function quoteForShell(shell: SnippetShell, value: string): string {
  switch (shell) {
    case 'posix':
      return shlexQuote(value);
    case 'fish':
      return fishQuote(value);
    case 'powershell':
      return powershellQuote(value);
  }
}

/** The line that sets environment variable `name` (a plain identifier) to exactly `value` in `shell`. */
export function shellAssignment(shell: SnippetShell, name: string, value: string): string {
  const word = quoteForShell(shell, value);
  switch (shell) {
    case 'posix':
      return `export ${name}=${word}`;
    case 'fish':
      return `set -gx ${name} ${word}`;
    case 'powershell':
      return `$Env:${name} = ${word}`;
  }
}

/** A name the AWS SDKs can read (problems.ts flags every other as NAME_NOT_SDK_SAFE): only those get a line. */
export function hasEnvSnippet(profile: string): boolean {
  return SDK_SAFE_NAME.test(profile);
}

/** The text to paste into `shell` so that AWS tools started from it use `profile`. */
export function envSnippet(profile: string, shell: SnippetShell = 'posix'): string {
  if (!hasEnvSnippet(profile)) {
    throw new HatrackError(
      'INVALID_NAME',
      `Profile name "${profile}" has characters the AWS SDKs cannot read (only letters, digits and _-@+.%:/), so Hatrack builds no AWS_PROFILE line for it; rename the profile first.`,
    );
  }
  return shellAssignment(shell, 'AWS_PROFILE', profile);
}
