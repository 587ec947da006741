// Reads one answer from the terminal (hidden for secrets such as MFA codes); refuses when stdin is not a TTY.

import { createInterface } from 'node:readline';
import { HatrackError } from '../../shared/domain/errors.js';

export function terminalPrompt(question: string, hidden = false): Promise<string> {
  if (process.stdin.isTTY !== true) {
    return Promise.reject(new HatrackError('NEEDS_CONFIRMATION', 'This needs an answer from a terminal, and standard input is not one; pass it as an option instead.'));
  }
  return new Promise((resolve) => {
    const rl = createInterface({ input: process.stdin, output: process.stderr, terminal: true });
    if (hidden) {
      // Echo nothing for the typed characters: the answer may be a one-time code.
      (rl as unknown as { _writeToOutput: (s: string) => void })._writeToOutput = (s: string) => {
        if (s.startsWith(question)) process.stderr.write(question);
      };
    }
    rl.question(question, (answer) => {
      rl.close();
      if (hidden) process.stderr.write('\n');
      resolve(answer.trim());
    });
  });
}
