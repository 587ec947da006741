import { describe, expect, it } from 'vitest';
import type { Problem } from '../../platform/types.js';
import { groupProblems, problemsByProfile, safeFixCount, worstEffect } from './problem-groups.js';

function problem(id: string, over: Partial<Problem>): Problem {
  return { id, file: 'config', path: null, line: 1, code: 'X', severity: 'warning', breaksCli: false, message: id, profile: null, key: null, fix: null, effect: 'sdks-disagree', causeId: null, ...over };
}

const header = problem('header', { line: 4, effect: 'cli-refuses', profile: 'default', fix: 'Add the missing "]"' });
const duplicate = problem('dup', { line: 5, effect: 'cli-refuses', profile: 'default', causeId: 'header' });
const comment = problem('comment', { line: 9, profile: 'b', fix: 'Quote it' });
const style = problem('style', { line: 12, effect: 'style', profile: 'b', fix: 'Rename it' });
const broken = problem('broken', { line: 14, effect: 'profile-broken', profile: 'r' });

describe('problem groups', () => {
  it('lists root causes worst first, each consequence under its cause', () => {
    const groups = groupProblems([style, comment, duplicate, header, broken]);
    expect(groups.map((g) => g.effect)).toEqual(['cli-refuses', 'profile-broken', 'sdks-disagree', 'style']);
    expect(groups[0]!.items).toEqual([{ problem: header, consequences: [duplicate] }]);
  });

  it('keeps a consequence as its own item when its cause is not in the list (the editor shows one profile)', () => {
    expect(groupProblems([duplicate])[0]!.items.map((i) => i.problem.id)).toEqual(['dup']);
  });

  it('marks each row with its count of causes and its worst effect', () => {
    const rows = problemsByProfile([header, duplicate, comment, style, broken]);
    expect(rows.get('default')).toEqual({ count: 1, worst: 'cli-refuses' });
    expect(rows.get('b')).toEqual({ count: 2, worst: 'sdks-disagree' });
    expect(rows.get('r')).toEqual({ count: 1, worst: 'profile-broken' });
    expect(worstEffect([style])).toBe('style');
    expect(worstEffect([])).toBeNull();
  });

  it('counts only fixable root causes as safe fixes', () => {
    expect(safeFixCount([header, duplicate, comment, style, broken])).toBe(3);
  });
});
