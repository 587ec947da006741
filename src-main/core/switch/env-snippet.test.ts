// The AWS_PROFILE line per shell: run by the real shells that are installed, read by each shell's quoting rules otherwise.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

import { describe, expect, it } from 'vitest';

import { envSnippet, shellAssignment } from './env-snippet.js';
import type { SnippetShell } from './env-snippet.js';

/** Values that run commands when pasted unquoted (the audit's two names first), or break naive quoting. */
function dangerous(marker: string): string[] {
  return [
    `dev$(touch\${IFS}${marker}-1)`,
    `ops;touch ${marker}-2`,
    `a\`touch ${marker}-3\``,
    `x' ; touch ${marker}-4 ; '`,
    `x\\' ; touch ${marker}-5 ; '`,
    `x"; touch ${marker}-6; "`,
    `$(touch ${marker}-7)'$(touch ${marker}-8)'`,
    `a\ntouch ${marker}-9`,
    `x‘; touch ${marker}-10; ’`,
    `x\\`,
    `'`,
    `%self`,
    `~root`,
    `*`,
    `-n`,
    `$HOME`,
    `{a,b}`,
    `a#b`,
  ];
}

/** SDK-safe names, including the characters of that set a shell could still read specially. */
const SAFE = ['dev', 'prod-admin', 'team/ops@acme+x.y%1:2', '%self', '-n', 'a.b_c'];

function onPath(cmd: string): string | undefined {
  for (const dir of (process.env['PATH'] ?? '').split(path.delimiter)) {
    const full = path.join(dir, cmd);
    if (dir !== '' && existsSync(full)) return full;
  }
  return undefined;
}

/** Runs `line` in the shell, then prints AWS_PROFILE; returns what the shell printed. */
const RUNNERS: Record<string, { shell: SnippetShell; argv: (line: string) => string[] }> = {
  sh: { shell: 'posix', argv: (line) => ['-c', `${line}\nprintf '%s' "$AWS_PROFILE"`] },
  bash: { shell: 'posix', argv: (line) => ['-c', `${line}\nprintf '%s' "$AWS_PROFILE"`] },
  dash: { shell: 'posix', argv: (line) => ['-c', `${line}\nprintf '%s' "$AWS_PROFILE"`] },
  zsh: { shell: 'posix', argv: (line) => ['-c', `${line}\nprintf '%s' "$AWS_PROFILE"`] },
  fish: { shell: 'fish', argv: (line) => ['--no-config', '-c', `${line}\nprintf '%s' "$AWS_PROFILE"`] },
  pwsh: { shell: 'powershell', argv: (line) => ['-NoProfile', '-NonInteractive', '-Command', `${line}\n[Console]::Out.Write($Env:AWS_PROFILE)`] },
};

describe('shellAssignment in the installed shells', () => {
  const installed = Object.entries(RUNNERS).filter(([cmd]) => onPath(cmd) !== undefined);

  it('finds at least sh and bash', () => {
    expect(installed.map(([cmd]) => cmd)).toEqual(expect.arrayContaining(['sh', 'bash']));
  });

  for (const [cmd, runner] of installed) {
    it(`${cmd}: sets AWS_PROFILE to exactly the value and runs nothing`, () => {
      const dir = mkdtempSync(path.join(tmpdir(), `hatrack-snippet-${cmd}-`));
      const marker = path.join(dir, 'ran');
      for (const value of [...dangerous(marker), ...SAFE]) {
        const line = shellAssignment(runner.shell, 'AWS_PROFILE', value);
        const r = spawnSync(cmd, runner.argv(line), { cwd: dir, encoding: 'utf8', env: { PATH: process.env['PATH'], HOME: dir, IFS: ' ' } });
        expect(r.status, `${cmd} ${JSON.stringify(line)}: ${r.stderr}`).toBe(0);
        expect(r.stdout, line).toBe(value);
        expect(readdirSync(dir), line).toEqual([]);
      }
    });
  }
});

/**
 * How each shell reads one single-quoted word, from its documentation (fish: "the only escapes are \' and \\";
 * PowerShell about_Quoting_Rules: two quotes in a row are one, and ‘ ’ ‚ ‛ count as single quotes).
 * Returns the value and whatever follows the closing quote.
 */
function readSingleQuoted(shell: 'fish' | 'powershell', text: string): { value: string; rest: string } {
  const isQuote = (c: string): boolean => (shell === 'fish' ? c === "'" : /['\u2018\u2019\u201a\u201b]/.test(c));
  if (!isQuote(text[0] ?? '')) throw new Error(`not a single-quoted word: ${text}`);
  let value = '';
  for (let i = 1; i < text.length; i++) {
    const c = text[i]!;
    if (shell === 'fish' && c === '\\' && (text[i + 1] === '\\' || text[i + 1] === "'")) {
      value += text[++i];
    } else if (isQuote(c)) {
      if (shell === 'powershell' && isQuote(text[i + 1] ?? '')) value += text[++i];
      else return { value, rest: text.slice(i + 1) };
    } else {
      value += c;
    }
  }
  throw new Error(`unterminated quote: ${text}`);
}

describe('shellAssignment by the quoting rules of fish and PowerShell', () => {
  const prefix: Record<'fish' | 'powershell', string> = { fish: 'set -gx AWS_PROFILE ', powershell: '$Env:AWS_PROFILE = ' };
  for (const shell of ['fish', 'powershell'] as const) {
    it(`${shell}: the whole value is one literal word with nothing after it`, () => {
      for (const value of [...dangerous('/tmp/x'), ...SAFE]) {
        const line = shellAssignment(shell, 'AWS_PROFILE', value);
        expect(line.startsWith(prefix[shell])).toBe(true);
        expect(readSingleQuoted(shell, line.slice(prefix[shell].length))).toEqual({ value, rest: '' });
      }
    });
  }

  it('PowerShell never sees double quotes, where it would run $(…)', () => {
    expect(shellAssignment('powershell', 'AWS_PROFILE', 'dev$(calc)')).toBe("$Env:AWS_PROFILE = 'dev$(calc)'");
  });
});

describe('envSnippet', () => {
  it('builds the line for each shell', () => {
    expect(envSnippet('dev')).toBe('export AWS_PROFILE=dev');
    expect(envSnippet('dev', 'fish')).toBe("set -gx AWS_PROFILE 'dev'");
    expect(envSnippet('dev', 'powershell')).toBe("$Env:AWS_PROFILE = 'dev'");
    expect(envSnippet('%self', 'fish')).toBe("set -gx AWS_PROFILE '%self'");
  });

  it('refuses a name no AWS SDK can read, for every shell', () => {
    for (const shell of ['posix', 'fish', 'powershell'] as const) {
      for (const name of ['dev$(touch${IFS}/tmp/x)', 'ops;id', 'my prof', "it's"]) {
        expect(() => envSnippet(name, shell)).toThrow(expect.objectContaining({ code: 'INVALID_NAME' }));
      }
    }
  });
});
