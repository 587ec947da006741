// Differential tier: on every corpus fixture, `hatrack list/show --json` must read the files as botocore does, and every edit must change exactly what it says.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { isDeepStrictEqual } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BotocoreOracle, filesHoldingKey, listFixtures } from './support/oracle.js';
import type { FileKind, Fixture, OracleAccepted, OracleView, Settings, SettingValue } from './support/oracle.js';
import {
  diffLines,
  eolViolations,
  fileState,
  hatrackBuilt,
  HATRACK_BIN,
  makeWorkspace,
  mapLimit,
  parseJson,
  planEdits,
  runHatrack,
  splitLines,
} from './support/cli-runner.js';
import type { EditStep, FileState, ListOutput, RunResult, ShowOutput, Workspace } from './support/cli-runner.js';

const SECRET_KEYS = new Set(['aws_secret_access_key', 'aws_session_token', 'aws_security_token']);
const fixtures = listFixtures();
const show = (v: unknown): string => JSON.stringify(v);

interface ReadResult {
  readonly fixture: Fixture;
  readonly view: OracleView;
  readonly list: RunResult;
  readonly shows: ReadonlyMap<string, RunResult>;
}

let oracle: BotocoreOracle | undefined;
const readResults = new Map<string, ReadResult>();

beforeAll(async () => {
  if (!hatrackBuilt()) throw new Error(`${HATRACK_BIN} is missing: run \`npm run build\` first`);
  oracle = new BotocoreOracle(mkdtempSync(join(tmpdir(), 'hatrack-oracle-')));
  const o = oracle;
  // Gather everything up front, a few processes at a time: the tests below only compare.
  await mapLimit(fixtures, 6, async (fixture) => {
    const ws = makeWorkspace(fixture);
    const view = await o.view(ws.config, ws.credentials);
    const list = await runHatrack(ws, ['list', '--json']);
    const shows = new Map<string, RunResult>();
    if (view.ok) {
      for (const p of view.profiles) shows.set(p, await runHatrack(ws, ['show', p, '--json']));
    }
    readResults.set(fixture.name, { fixture, view, list, shows });
  });
});

afterAll(() => oracle?.close());

/** The mismatches between hatrack's read of a fixture and botocore's; empty when they agree. */
function compareRead(r: ReadResult): string[] {
  const out: string[] = [];
  const cmd = 'hatrack list --json';
  if (r.list.code !== 0) out.push(`${cmd}: exit ${r.list.code} (expected 0 even with problems); stderr: ${r.list.stderr.trim()}`);
  const list = parseJson<ListOutput>(cmd, r.list);
  const view = r.view;
  if (!view.ok) {
    const breaking = list.problems.filter((p) => p.breaksCli);
    if (breaking.length === 0) {
      out.push(`${cmd}: botocore refuses the files (${view.error} in ${view.file} line ${view.line}) but no problem has breaksCli`);
    } else if (view.file !== null && view.line !== null && !breaking.some((p) => p.file === view.file && p.line === view.line)) {
      out.push(
        `${cmd}: botocore stops at ${view.file}:${view.line} (${view.error}); breaksCli problems are at ` +
          breaking.map((p) => `${p.file}:${p.line} ${p.code}`).join(', '),
      );
    }
    return out;
  }
  const names = list.profiles.map((p) => p.name);
  if (!isDeepStrictEqual(names, [...view.profiles])) out.push(`${cmd}: profiles ${show(names)}, botocore ${show(view.profiles)}`);
  for (const p of list.profiles) {
    if (!view.profiles.includes(p.name)) continue;
    const kind = view.kinds[p.name];
    if (p.kind !== kind) out.push(`${cmd}: ${p.name} kind ${show(p.kind)}, botocore ${show(kind)}`);
    const region = view.settings[p.name]?.region;
    const got = p.region === null ? undefined : p.region;
    if (!isDeepStrictEqual(got, region)) out.push(`${cmd}: ${p.name} region ${show(p.region)}, botocore ${show(region ?? null)}`);
    const sources = view.sources[p.name] ?? [];
    if (!isDeepStrictEqual([...p.sources].sort(), [...sources].sort())) {
      out.push(`${cmd}: ${p.name} sources ${show(p.sources)}, botocore ${show(sources)}`);
    }
  }
  for (const p of list.problems.filter((x) => x.breaksCli)) {
    out.push(`${cmd}: botocore accepts the files, but problem ${p.code} at ${p.file}:${p.line} claims breaksCli (${p.message})`);
  }
  for (const name of view.profiles) {
    const r2 = r.shows.get(name);
    const scmd = `hatrack show ${show(name)} --json`;
    if (!r2) continue;
    if (r2.code !== 0) {
      out.push(`${scmd}: exit ${r2.code}; stderr: ${r2.stderr.trim()}`);
      continue;
    }
    const s = parseJson<ShowOutput>(scmd, r2);
    out.push(...compareSettings(scmd, name, s.settings, view.settings[name] ?? {}));
  }
  return out;
}

/** Non-secret keys must match exactly; secret keys must be present and masked. */
function compareSettings(cmd: string, name: string, got: Settings, want: Settings): string[] {
  const out: string[] = [];
  const gotKeys = Object.keys(got).sort();
  const wantKeys = Object.keys(want).sort();
  if (!isDeepStrictEqual(gotKeys, wantKeys)) out.push(`${cmd}: ${name} keys ${show(gotKeys)}, botocore ${show(wantKeys)}`);
  for (const k of wantKeys) {
    if (!(k in got)) continue;
    const g = got[k];
    const w = want[k];
    if (SECRET_KEYS.has(k)) {
      if (typeof w === 'string' && w.length > 4 && g === w) out.push(`${cmd}: ${name}.${k} is printed unmasked`);
    } else if (!isDeepStrictEqual(g, w)) {
      out.push(`${cmd}: ${name}.${k} = ${show(g)}, botocore ${show(w)}`);
    }
  }
  return out;
}

describe('differential: hatrack reads every fixture as botocore does', () => {
  it('the corpus has the visible cases plus at least 25 of our own, each with a README', () => {
    expect(fixtures.length).toBeGreaterThanOrEqual(40);
    expect(fixtures.filter((f) => f.readme === '').map((f) => f.name)).toEqual([]);
    expect(fixtures.filter((f) => !f.config && !f.credentials).map((f) => f.name)).toEqual([]);
  });

  it('the oracle both accepts and refuses parts of the corpus, and locates every refusal', () => {
    const views = [...readResults.values()].map((r) => r.view);
    expect(views.filter((v) => v.ok).length).toBeGreaterThan(20);
    const refused = [...readResults.values()].filter((r) => !r.view.ok);
    expect(refused.length).toBeGreaterThan(5);
    expect(refused.filter((r) => !r.view.ok && (r.view.line === null || r.view.file === null)).map((r) => r.fixture.name)).toEqual([]);
  });

  for (const fixture of fixtures) {
    it(`list/show: ${fixture.name}`, () => {
      const r = readResults.get(fixture.name);
      if (!r) throw new Error(`no results gathered for ${fixture.name}`);
      expect(compareRead(r), `${fixture.name}: ${fixture.readme}`).toEqual([]);
    });
  }
});

// ---------------------------------------------------------------------------------------------------------------
// Edits round.

interface Snapshot {
  readonly files: Record<FileKind, FileState>;
  readonly view: OracleView;
}

async function snapshot(ws: Workspace): Promise<Snapshot> {
  if (!oracle) throw new Error('oracle not started');
  return {
    files: { config: fileState(ws.config), credentials: fileState(ws.credentials) },
    view: await oracle.view(ws.config, ws.credentials),
  };
}

function withKey(settings: Settings, key: string, value: SettingValue | undefined): Settings {
  const copy: Record<string, SettingValue> = { ...settings };
  if (value === undefined) delete copy[key];
  else copy[key] = value;
  return copy;
}

function unchangedFiles(before: Snapshot, after: Snapshot, kinds: readonly FileKind[]): string[] {
  const out: string[] = [];
  for (const k of kinds) {
    const b = before.files[k];
    const a = after.files[k];
    const same = b.bytes === undefined ? a.bytes === undefined : a.bytes !== undefined && b.bytes.equals(a.bytes);
    if (!same) out.push(`${k} bytes changed`);
    if (b.mtimeNs !== a.mtimeNs) out.push(`${k} mtime changed (file was rewritten)`);
  }
  return out;
}

/** The expected botocore view of every profile after the step, or undefined where it cannot be predicted. */
function expectedSettings(step: EditStep, before: OracleAccepted): Map<string, Settings> {
  const want = new Map<string, Settings>();
  for (const p of before.profiles) want.set(p, before.settings[p] ?? {});
  const cur = before.settings[step.profile] ?? {};
  switch (step.op) {
    case 'set':
    case 'noop':
      want.set(step.profile, withKey(cur, step.key ?? '', step.value));
      break;
    case 'add':
      // A new section still inherits the config file's [DEFAULT] keys.
      want.set(step.profile, { ...before.defaults.config, [step.key ?? '']: step.value ?? '' });
      break;
    case 'unset': {
      // An unset key falls back to a [DEFAULT] value of a file the profile lives in (credentials first).
      const src = before.sources[step.profile] ?? [];
      const inherited = src.includes('credentials') && 'region' in before.defaults.credentials
        ? before.defaults.credentials.region
        : src.includes('config') && 'region' in before.defaults.config
          ? before.defaults.config.region
          : undefined;
      want.set(step.profile, withKey(cur, step.key ?? '', inherited));
      break;
    }
    case 'rename': {
      const newName = step.newName ?? '';
      want.delete(step.profile);
      want.set(newName, cur);
      for (const [p, s] of want) {
        if (s.source_profile === step.profile) want.set(p, withKey(s, 'source_profile', newName));
      }
      break;
    }
    case 'rm':
      want.delete(step.profile);
      break;
  }
  return want;
}

function expectedOrder(step: EditStep, before: OracleAccepted, after: OracleAccepted): string[] {
  const names = [...before.profiles];
  const gainedConfig = !(before.sources[step.profile] ?? []).includes('config') && (after.sources[step.profile] ?? []).includes('config');
  if (step.op === 'add' || (step.op === 'set' && gainedConfig)) {
    // A profile that gets a config section moves up: list-profiles prints config profiles before credentials-only ones.
    // A new config section goes after the config profiles and before credentials-only ones.
    const inConfig = names.filter((n) => (before.sources[n] ?? []).includes('config'));
    const credsOnly = names.filter((n) => !(before.sources[n] ?? []).includes('config') && n !== step.profile);
    return [...inConfig, step.profile, ...credsOnly];
  }
  if (step.op === 'rename') return names.map((n) => (n === step.profile ? (step.newName ?? n) : n));
  if (step.op === 'rm') return names.filter((n) => n !== step.profile);
  return names;
}

/** Added lines that are exactly a section header and one key line, plus at most one blank line. */
function isHeaderPlusKey(added: readonly string[]): boolean {
  const nonBlank = added.filter((l) => l.trim() !== '');
  return nonBlank.length === 2 && /^\[.+\]$/.test(nonBlank[0] ?? '') && /=/.test(nonBlank[1] ?? '') && added.length - nonBlank.length <= 1;
}

/** Checks one step's effect; returns mismatches (empty when the step did exactly what it should). */
function checkStep(step: EditStep, r: RunResult, before: Snapshot, after: Snapshot): string[] {
  const out: string[] = [];
  if (!before.view.ok) return ['(state before the step was already refused by botocore)'];
  const b = before.view;
  if (step.mustRefuse) {
    // Two sections of one profile in one file would both become [profile NEW]: a duplicate the CLI refuses.
    if (r.code !== 1) out.push(`exit ${r.code}, expected 1 (renaming both sections would create a duplicate section)`);
    else if (r.stderr.trim().split('\n').length !== 1) out.push(`stderr must be one line, got ${show(r.stderr)}`);
    out.push(...unchangedFiles(before, after, ['config', 'credentials']).map((m) => `refused rename: ${m}`));
    return out;
  }
  if (r.code !== 0) out.push(`exit ${r.code}, expected 0; stderr: ${r.stderr.trim()}`);
  if (!after.view.ok) {
    out.push(`botocore now refuses the files: ${after.view.error} at ${after.view.file}:${after.view.line}`);
    return out;
  }
  const a = after.view;
  const wantOrder = expectedOrder(step, b, a);
  if (!isDeepStrictEqual([...a.profiles], wantOrder)) out.push(`profiles ${show(a.profiles)}, expected ${show(wantOrder)}`);
  const want = expectedSettings(step, b);
  for (const [p, s] of want) {
    const got = a.settings[p];
    if (!isDeepStrictEqual(got, s)) {
      const who = p === step.profile || p === step.newName ? 'edited profile' : 'untouched profile';
      out.push(`${who} ${show(p)} reads ${show(got)}, expected ${show(s)}`);
    }
  }
  for (const p of a.profiles) {
    if (!want.has(p)) continue;
    const oldName = step.op === 'rename' && p === step.newName ? step.profile : p;
    if (b.kinds[oldName] !== undefined && a.kinds[p] !== b.kinds[oldName] && !(p === step.profile && step.op !== 'rename')) {
      out.push(`kind of ${show(p)} changed from ${b.kinds[oldName]} to ${a.kinds[p]}`);
    }
  }

  const oldValue = step.key !== undefined ? b.settings[step.profile]?.[step.key] : undefined;
  const isNoop = step.op === 'noop' || (step.op === 'set' && isDeepStrictEqual(oldValue, step.value));
  if (isNoop) {
    out.push(...unchangedFiles(before, after, ['config', 'credentials']).map((m) => `no-op set: ${m}`));
    return out;
  }

  const diffs = (['config', 'credentials'] as const).map((k) => {
    const bl = splitLines(before.files[k].bytes);
    const al = splitLines(after.files[k].bytes);
    return { kind: k, before: bl, after: al, diff: diffLines(bl, al) };
  });
  for (const d of diffs) {
    for (const v of eolViolations(d.before, d.after)) out.push(`${d.kind}: ${v}`);
  }
  const changed = diffs.filter((d) => d.diff.added.length + d.diff.removed.length > 0);
  const added = diffs.reduce((n, d) => n + d.diff.added.length, 0);
  const removed = diffs.reduce((n, d) => n + d.diff.removed.length, 0);
  const describe = (): string =>
    changed.map((d) => `${d.kind}: -${show(d.diff.removed)} +${show(d.diff.added)}`).join('; ') || 'no line changed';

  if (step.op === 'set') {
    const holders = filesHoldingKey(b, step.profile, step.key ?? '');
    const singleLine = oldValue === undefined || (typeof oldValue === 'string' && !oldValue.includes('\n'));
    if (changed.length === 0) out.push('real set changed no line');
    const newSection = changed.length === 1 && changed[0]?.diff.removed.length === 0 &&
      !b.sections.some((s) => s.file === changed[0]?.kind && s.profile === step.profile) &&
      isHeaderPlusKey(changed[0]?.diff.added ?? []);
    if (newSection) {
      // The key goes to a file where the profile had no section yet (e.g. region for a credentials-only profile).
    } else if (singleLine) {
      // One line per file that holds the key (at least one): a replaced line, or one new key line.
      const allowed = Math.max(1, holders.length);
      if (added !== changed.length || changed.some((d) => d.diff.removed.length > 1) || changed.length > allowed) {
        out.push(`real set must change exactly one line per file holding the key (${allowed}); got ${describe()}`);
      }
    } else if (changed.some((d) => d.diff.added.length !== 1)) {
      out.push(`replacing a multi-line value must write exactly one new line; got ${describe()}`);
    }
  } else if (step.op === 'add') {
    out.push(...unchangedFiles(before, after, ['credentials']).map((m) => `adding a profile touched credentials: ${m}`));
    const cfg = diffs[0];
    if (cfg && (cfg.diff.removed.length !== 0 || !isHeaderPlusKey(cfg.diff.added))) {
      out.push(`a new profile must add a header and a key (and at most one blank line); got ${describe()}`);
    }
  } else if (step.op === 'unset') {
    if (added !== 0 || removed === 0) out.push(`unset must only remove lines; got ${describe()}`);
  } else if (step.op === 'rename') {
    if (added !== removed || added === 0) out.push(`rename must rewrite lines in place; got ${describe()}`);
  } else if (step.op === 'rm') {
    if (added !== 0) out.push(`rm must only remove lines; got ${describe()}`);
  }
  return out;
}

/** Runs the whole edits round on a copy of one fixture; returns every mismatch, each naming its command. */
async function editRound(fixture: Fixture, view: OracleAccepted): Promise<string[]> {
  const ws = makeWorkspace(fixture, 'hatrack-edit-');
  const mismatches: string[] = [];
  let before = await snapshot(ws);
  for (const step of planEdits(view)) {
    const res = await runHatrack(ws, step.args);
    const after = await snapshot(ws);
    for (const m of checkStep(step, res, before, after)) mismatches.push(`hatrack ${step.args.map((a) => show(a)).join(' ')}: ${m}`);
    if (!after.view.ok) break; // later expectations are computed from botocore's view, which is gone
    before = after;
  }
  return mismatches;
}

describe('differential: edits through the CLI change exactly what they say', () => {
  const editResults = new Map<string, string[]>();

  beforeAll(async () => {
    const accepted = fixtures.filter((f) => readResults.get(f.name)?.view.ok === true);
    // Steps within a fixture are sequential; fixtures run side by side (each CLI call mostly waits on fsync).
    await mapLimit(accepted, 6, async (f) => {
      const view = readResults.get(f.name)?.view;
      if (view?.ok) editResults.set(f.name, await editRound(f, view));
    });
    // ~400 CLI runs: a couple of minutes on a busy 2-core machine.
  });

  for (const fixture of fixtures) {
    it(`edits: ${fixture.name}`, ({ skip }) => {
      const r = readResults.get(fixture.name);
      if (!r) throw new Error(`no results gathered for ${fixture.name}`);
      if (!r.view.ok) {
        skip(`botocore refuses ${fixture.name}; edits are checked only on files the CLI can read`);
        return;
      }
      expect(editResults.get(fixture.name), `${fixture.name}: ${fixture.readme}`).toEqual([]);
    });
  }
});

describe('differential: exit codes', () => {
  const ws = (): Workspace => {
    const f = fixtures.find((x) => x.name === '11-role-chain');
    if (!f) throw new Error('fixture 11-role-chain missing');
    return makeWorkspace(f, 'hatrack-exit-');
  };

  it('bad usage exits 2', async () => {
    const w = ws();
    for (const args of [['set'], ['set', 'base'], ['unset'], ['rename', 'base'], ['rm'], ['no-such-command']]) {
      const r = await runHatrack(w, args);
      expect(r.code, `hatrack ${args.join(' ')}: stderr ${r.stderr}`).toBe(2);
    }
  });

  it('a failing command exits 1 with one line on stderr and leaves the files alone', async () => {
    const w = ws();
    const before = [fileState(w.config), fileState(w.credentials)];
    for (const args of [['rm', 'no-such-profile'], ['rename', 'no-such-profile', 'x'], ['rename', 'hop1', 'hop2']]) {
      const r = await runHatrack(w, args);
      expect(r.code, `hatrack ${args.join(' ')}: stdout ${r.stdout} stderr ${r.stderr}`).toBe(1);
      expect(r.stderr.trim().split('\n'), `hatrack ${args.join(' ')}: stderr must be one line`).toHaveLength(1);
    }
    const after = [fileState(w.config), fileState(w.credentials)];
    expect(after.map((s) => s.bytes?.toString('latin1'))).toEqual(before.map((s) => s.bytes?.toString('latin1')));
  });

  it('a command that cannot write a broken file names the file and line', async () => {
    const f = fixtures.find((x) => x.name === '13-duplicate-section');
    if (!f) throw new Error('fixture 13-duplicate-section missing');
    const w = makeWorkspace(f, 'hatrack-exit-');
    const r = await runHatrack(w, ['set', 'dev', 'region=eu-west-3']);
    if (r.code === 0) {
      // Editing a file botocore refuses is allowed only if botocore's verdict does not get worse.
      const v = oracle ? await oracle.view(w.config, w.credentials) : undefined;
      expect(v?.ok === false ? v.line : null).toBe(7);
    } else {
      expect(r.code).toBe(1);
      expect(r.stderr.trim().split('\n')).toHaveLength(1);
      expect(r.stderr).toContain(w.config);
      expect(r.stderr).toMatch(/\b7\b/);
    }
  });
});
