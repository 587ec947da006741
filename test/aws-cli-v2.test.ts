// Real AWS CLI v2 tier: `/usr/bin/aws configure list-profiles` and `configure get region` must agree with `hatrack list`, before and after hatrack's edits.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { BotocoreOracle, listFixtures } from './support/oracle.js';
import type { Fixture, OracleAccepted } from './support/oracle.js';
import { awsV2Problem, hatrackBuilt, HATRACK_BIN, isSimpleName, makeWorkspace, NEW_PROFILE, parseJson, runAwsV2, runHatrack } from './support/cli-runner.js';
import type { ListOutput, Workspace } from './support/cli-runner.js';

// v2 starts in ~0.5-1 s, so region look-ups are sampled: at most this many before and after the edits.
const REGION_SAMPLES_BEFORE = 14;
const EDITED_FIXTURES = 6;

const v2Problem = await awsV2Problem();
if (v2Problem) console.warn(`aws-cli-v2 tests skipped: ${v2Problem}`);

interface Accepted {
  readonly fixture: Fixture;
  readonly view: OracleAccepted;
}

/**
 * The fixtures botocore accepts, read once while the file is collected: the tests below are generated from them, one
 * short test per fixture or sampled profile, so no single test runs the whole corpus through the CLIs.
 */
async function acceptedFixtures(): Promise<Accepted[]> {
  const oracle = new BotocoreOracle(mkdtempSync(join(tmpdir(), 'hatrack-oracle-')));
  try {
    const out: Accepted[] = [];
    for (const fixture of listFixtures()) {
      const ws = makeWorkspace(fixture, 'hatrack-v2-');
      const view = await oracle.view(ws.config, ws.credentials);
      if (view.ok) out.push({ fixture, view });
    }
    return out;
  } finally {
    oracle.close();
  }
}

const accepted = v2Problem === undefined ? await acceptedFixtures() : [];

/** Picks `n` items spread evenly over the list, so samples cover the whole corpus. */
function spread<T>(items: readonly T[], n: number): T[] {
  if (items.length <= n) return [...items];
  return Array.from({ length: n }, (_, i) => items[Math.floor((i * items.length) / n)] as T);
}

const regionSample = spread(
  accepted.flatMap(({ fixture, view }) => view.profiles.filter((p) => typeof view.settings[p]?.region === 'string').map((profile) => ({ fixture, profile }))),
  REGION_SAMPLES_BEFORE,
);
// Fixtures whose last profile has a name every tool can write (odd names are the differential tier's job).
const editSample = spread(
  accepted.filter((a) => isSimpleName(a.view.profiles[a.view.profiles.length - 1] ?? '') && !a.view.profiles.includes(NEW_PROFILE)),
  EDITED_FIXTURES,
);

async function hatrackList(ws: Workspace): Promise<ListOutput> {
  return parseJson<ListOutput>('hatrack list --json', await runHatrack(ws, ['list', '--json']));
}

async function v2Profiles(ws: Workspace): Promise<string[]> {
  const r = await runAwsV2(ws, ['configure', 'list-profiles']);
  if (r.code !== 0) throw new Error(`aws configure list-profiles: exit ${r.code}: ${r.stderr.trim()}`);
  return r.stdout.split('\n').filter((l) => l !== '');
}

/** What `aws configure get region` prints (undefined when it exits non-zero: region not set). */
async function v2Region(ws: Workspace, profile: string): Promise<string | undefined> {
  const r = await runAwsV2(ws, ['configure', 'get', 'region', '--profile', profile]);
  return r.code === 0 ? r.stdout.replace(/\r?\n$/, '') : undefined;
}

// Generated tests are `it.concurrent`: the integration project's maxConcurrency (2) lets two of them overlap.
describe.skipIf(v2Problem !== undefined)('AWS CLI v2 agrees with hatrack', () => {
  beforeAll(() => {
    if (!hatrackBuilt()) throw new Error(`${HATRACK_BIN} is missing: run \`npm run build\` first`);
  });

  describe('list-profiles equals hatrack list on every fixture botocore accepts', () => {
    for (const { fixture } of accepted) {
      it.concurrent(fixture.name, async ({ expect }) => {
        const ws = makeWorkspace(fixture, 'hatrack-v2-');
        const [v2, ours] = await Promise.all([v2Profiles(ws), hatrackList(ws)]);
        const names = ours.profiles.map((p) => p.name);
        expect(names, `${fixture.name}: aws ${JSON.stringify(v2)}, hatrack ${JSON.stringify(names)}`).toEqual(v2);
      });
    }
  });

  describe(`configure get region equals hatrack's region (${REGION_SAMPLES_BEFORE} sampled profiles)`, () => {
    it('the sample has more than five profiles', () => {
      expect(regionSample.length).toBeGreaterThan(5);
    });
    for (const { fixture, profile } of regionSample) {
      it.concurrent(`${fixture.name} ${JSON.stringify(profile)}`, async ({ expect }) => {
        const ws = makeWorkspace(fixture, 'hatrack-v2-');
        const [v2, ours] = await Promise.all([v2Region(ws, profile), hatrackList(ws)]);
        const region = ours.profiles.find((p) => p.name === profile)?.region;
        expect(region, `${fixture.name} ${JSON.stringify(profile)}: aws ${JSON.stringify(v2)}, hatrack ${JSON.stringify(region)}`).toEqual(v2);
      });
    }
  });

  describe(`after hatrack edits (${EDITED_FIXTURES} fixtures), v2 sees the new values and the same profile list`, () => {
    it(`the sample has ${EDITED_FIXTURES} fixtures`, () => {
      expect(editSample.length).toBe(EDITED_FIXTURES);
    });
    for (const { fixture, view } of editSample) {
      it.concurrent(fixture.name, async ({ expect }) => {
        const out: string[] = [];
        const ws = makeWorkspace(fixture, 'hatrack-v2-edit-');
        const last = view.profiles[view.profiles.length - 1] ?? '';
        for (const args of [['set', last, 'region=eu-west-3'], ['set', last, 'output=json'], ['set', NEW_PROFILE, 'region=us-west-1']]) {
          const r = await runHatrack(ws, args);
          if (r.code !== 0) out.push(`${fixture.name}: hatrack ${args.join(' ')}: exit ${r.code} ${r.stderr.trim()}`);
        }
        // The new profile's region is checked through botocore in the differential tier; here v2 reads the edited one.
        const [v2, ours, lastRegion] = await Promise.all([v2Profiles(ws), hatrackList(ws), v2Region(ws, last)]);
        const names = ours.profiles.map((p) => p.name);
        if (JSON.stringify(v2) !== JSON.stringify(names)) out.push(`${fixture.name}: after edits aws ${JSON.stringify(v2)}, hatrack ${JSON.stringify(names)}`);
        if (lastRegion !== 'eu-west-3') out.push(`${fixture.name}: aws configure get region --profile ${JSON.stringify(last)} = ${JSON.stringify(lastRegion)} after hatrack set region=eu-west-3`);
        if (!v2.includes(NEW_PROFILE)) out.push(`${fixture.name}: aws configure list-profiles does not show ${NEW_PROFILE}`);
        expect(out).toEqual([]);
      });
    }
  });
});
