// How problems are shown: coloured by what they do to the person, and grouped by cause, so one unclosed header is one
// item (with its consequences under it), not three.
import type { Problem, ProblemEffect } from '../../platform/types.js';

export type Tone = 'bad' | 'warn' | 'neutral';

export interface EffectInfo {
  readonly tone: Tone;
  /** The group's heading. */
  readonly title: string;
  /** How a row marker names it ("2 problems: the AWS CLI refuses the file"). */
  readonly short: string;
}

/** Worst first: the order groups are listed in and the order "worst" is judged by. */
export const EFFECT_ORDER: readonly ProblemEffect[] = ['cli-refuses', 'profile-broken', 'sdks-disagree', 'style'];

export const EFFECTS: Readonly<Record<ProblemEffect, EffectInfo>> = {
  'cli-refuses': { tone: 'bad', title: 'The AWS CLI refuses the file', short: 'the AWS CLI refuses the file' },
  'profile-broken': { tone: 'bad', title: 'Profiles that cannot work', short: 'the profile cannot work' },
  'sdks-disagree': { tone: 'warn', title: 'The AWS CLI and the SDKs read these differently', short: 'the CLI and the SDKs disagree' },
  style: { tone: 'neutral', title: 'Style (no effect today)', short: 'style only' },
};

export interface CauseItem {
  readonly problem: Problem;
  /** Problems that follow from this one and go away with it. */
  readonly consequences: readonly Problem[];
}

export interface EffectGroup {
  readonly effect: ProblemEffect;
  readonly items: readonly CauseItem[];
}

/** Root causes (each with its consequences) bucketed by effect, worst first; empty buckets left out. */
export function groupProblems(problems: readonly Problem[]): EffectGroup[] {
  const ids = new Set(problems.map((p) => p.id));
  const consequences = new Map<string, Problem[]>();
  const roots: Problem[] = [];
  for (const p of problems) {
    if (p.causeId !== null && ids.has(p.causeId)) {
      const list = consequences.get(p.causeId) ?? [];
      list.push(p);
      consequences.set(p.causeId, list);
    } else roots.push(p);
  }
  return EFFECT_ORDER.map((effect) => ({
    effect,
    items: roots.filter((p) => p.effect === effect).map((problem) => ({ problem, consequences: consequences.get(problem.id) ?? [] })),
  })).filter((g) => g.items.length > 0);
}

export function worstEffect(problems: readonly Problem[]): ProblemEffect | null {
  for (const effect of EFFECT_ORDER) if (problems.some((p) => p.effect === effect)) return effect;
  return null;
}

export interface RowProblems {
  /** Root causes touching the profile (a consequence counts through its cause). */
  readonly count: number;
  readonly worst: ProblemEffect;
}

/** Each profile's problems, for the marker on its row. */
export function problemsByProfile(problems: readonly Problem[]): Map<string, RowProblems> {
  const byProfile = new Map<string, Problem[]>();
  for (const p of problems) {
    if (p.profile === null) continue;
    const list = byProfile.get(p.profile) ?? [];
    list.push(p);
    byProfile.set(p.profile, list);
  }
  const out = new Map<string, RowProblems>();
  for (const [name, list] of byProfile) {
    const roots = new Set(list.map((p) => p.causeId ?? p.id));
    out.set(name, { count: roots.size, worst: worstEffect(list) ?? 'style' });
  }
  return out;
}

/** Problems with a one-click fix that are not consequences of another (fixing the cause fixes them). */
export function safeFixCount(problems: readonly Problem[]): number {
  return problems.filter((p) => p.fix !== null && p.causeId === null).length;
}
