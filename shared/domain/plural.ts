// Counted nouns for every message the user reads ("1 profile", "2 profiles"), so no screen says "1 profiles".

/** `n` and the noun, plural unless n is exactly 1; irregular plurals pass their own form. */
export function plural(n: number, noun: string, pluralForm = `${noun}s`): string {
  return `${n} ${n === 1 ? noun : pluralForm}`;
}
