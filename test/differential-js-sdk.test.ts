// Differential tier, JS side: wherever the AWS CLI (botocore) and the JS SDK read a profile differently, `hatrack list` must report a problem that explains it.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { isDeepStrictEqual } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BotocoreOracle, flattenSettings, jsSdkView, listFixtures } from './support/oracle.js';
import type { Fixture, JsSdkView, OracleAccepted } from './support/oracle.js';
import { hatrackBuilt, HATRACK_BIN, makeWorkspace, mapLimit, runHatrack } from './support/cli-runner.js';
import type { ListOutput, ListProblem } from './support/cli-runner.js';

/**
 * Fixtures built around a construct the spec (§2.3, §9) lists as read differently by the two tools. For each,
 * the JS SDK view must really differ from botocore's (the cross-check), so the fixture keeps testing something.
 */
const SPEC_DISAGREEMENTS: Readonly<Record<string, string>> = {
  '55-inline-comments': 'inline " #" / " ;" comments',
  '14-quoted-names': 'quoted profile names',
  '01-seed-guide': '[profile x] in the credentials file',
  '56-profile-default-then-default': '[profile default] and [default] (JS prefers [profile default])',
  '09-uppercase-keys': 'upper-case keys',
  '66-upper-case-credentials-keys-mixed': 'mixed-case keys',
  '15-empty-and-colon': 'empty values and the ":" delimiter',
  '53-special-values': 'the ":" delimiter',
  '57-empty-value-block': 'an empty value opening a JS sub-section',
  '44-proto-profile': '__proto__ (JS drops the whole config file)',
  '32-continuation-process': 'continuation lines',
};

const fixtures = listFixtures();

interface Gathered {
  readonly fixture: Fixture;
  readonly view: OracleAccepted;
  readonly js: JsSdkView;
  readonly list: ListOutput;
}

const gathered = new Map<string, Gathered>();
let oracle: BotocoreOracle | undefined;

beforeAll(async () => {
  if (!hatrackBuilt()) throw new Error(`${HATRACK_BIN} is missing: run \`npm run build\` first`);
  oracle = new BotocoreOracle(mkdtempSync(join(tmpdir(), 'hatrack-oracle-')));
  const o = oracle;
  await mapLimit(fixtures, 4, async (fixture) => {
    const ws = makeWorkspace(fixture, 'hatrack-js-');
    const view = await o.view(ws.config, ws.credentials);
    if (!view.ok) return; // the CLI-breaking cases are the other test file's business
    const js = jsSdkView(ws.home, ws.config, ws.credentials);
    const r = await runHatrack(ws, ['list', '--json']);
    gathered.set(fixture.name, { fixture, view, js, list: JSON.parse(r.stdout) as ListOutput });
  });
});

afterAll(() => oracle?.close());

/** Profiles whose settings differ between botocore and the JS SDK's parseKnownFiles (missing in JS counts). */
function disagreeing(g: Gathered): string[] {
  return g.view.profiles.filter((p) => {
    const js = Object.prototype.hasOwnProperty.call(g.js.merged, p) ? g.js.merged[p] : undefined;
    return js === undefined || !isDeepStrictEqual({ ...js }, flattenSettings(g.view.settings[p] ?? {}));
  });
}

/** JS silently read the config file as {} (parse error swallowed) although botocore found profiles in it. */
function jsDroppedConfig(g: Gathered): boolean {
  return Object.keys(g.js.configFile).length === 0 && g.view.sections.some((s) => s.file === 'config' && s.profile !== null);
}

/** Does some problem explain why profile `p` reads differently? */
function explained(g: Gathered, p: string, problems: readonly ListProblem[]): boolean {
  const own = g.view.sections.filter((s) => s.profile === p);
  const defaults = g.view.sections.filter((s) => s.header === 'DEFAULT' && own.some((o) => o.file === s.file));
  const within = (x: ListProblem, secs: typeof own): boolean =>
    x.line !== null && secs.some((s) => s.file === x.file && x.line !== null && x.line >= s.line && x.line <= s.end);
  return problems.some(
    (x) =>
      x.profile === p ||
      within(x, own) ||
      within(x, defaults) ||
      (jsDroppedConfig(g) && x.file === 'config'),
  );
}

describe('differential: the CLI and the JS SDK disagree only where hatrack says so', () => {
  for (const [name, what] of Object.entries(SPEC_DISAGREEMENTS)) {
    it(`cross-check: the JS SDK really reads ${name} differently (${what})`, () => {
      const g = gathered.get(name);
      if (!g) throw new Error(`fixture ${name} missing or refused by botocore`);
      expect(disagreeing(g), `botocore ${JSON.stringify(g.view.settings)} vs JS ${JSON.stringify(g.js.merged)}`).not.toEqual([]);
    });
  }

  it('08-default-twice: [default] and [profile default] together are reported although both tools pick eu-west-3 here', () => {
    const g = gathered.get('08-default-twice');
    if (!g) throw new Error('fixture 08-default-twice missing');
    expect(g.list.problems.filter((x) => x.profile === 'default' || x.file === 'config').length).toBeGreaterThan(0);
  });

  for (const fixture of fixtures) {
    it(`every disagreement has a problem: ${fixture.name}`, ({ skip }) => {
      const g = gathered.get(fixture.name);
      if (!g) {
        skip('botocore refuses this fixture');
        return;
      }
      const unexplained = disagreeing(g)
        .filter((p) => !explained(g, p, g.list.problems))
        .map((p) => `${JSON.stringify(p)}: botocore ${JSON.stringify(flattenSettings(g.view.settings[p] ?? {}))}, JS ${JSON.stringify(g.js.merged[p] ?? null)}`);
      expect(unexplained, `${fixture.name}: ${fixture.readme}; hatrack problems: ${JSON.stringify(g.list.problems.map((x) => `${x.file}:${x.line} ${x.code} ${x.profile}`))}`).toEqual([]);
    });
  }
});
