// Real AWS CLI v2 tier: `/usr/bin/aws configure list-profiles` and `configure get region` must agree with `hatrack list`, before and after hatrack's edits.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BotocoreOracle, listFixtures } from './support/oracle.js';
import type { Fixture, OracleAccepted } from './support/oracle.js';
import { awsV2Problem, hatrackBuilt, HATRACK_BIN, isSimpleName, makeWorkspace, mapLimit, NEW_PROFILE, runAwsV2, runHatrack } from './support/cli-runner.js';
import type { ListOutput, Workspace } from './support/cli-runner.js';

// v2 starts in ~0.5-1 s, so region look-ups are sampled: at most this many before and after the edits.
const REGION_SAMPLES_BEFORE = 14;
const EDITED_FIXTURES = 6;
// Each v2 call costs about a CPU-second; more than two at once only queues on small CI machines.
const V2_PARALLEL = 2;

const v2Problem = await awsV2Problem();
if (v2Problem) console.warn(`aws-cli-v2 tests skipped: ${v2Problem}`);

const fixtures = listFixtures();

interface Accepted {
  readonly fixture: Fixture;
  readonly view: OracleAccepted;
}

/** Picks `n` items spread evenly over the list, so samples cover the whole corpus. */
function spread<T>(items: readonly T[], n: number): T[] {
  if (items.length <= n) return [...items];
  return Array.from({ length: n }, (_, i) => items[Math.floor((i * items.length) / n)] as T);
}

async function hatrackList(ws: Workspace): Promise<ListOutput> {
  const r = await runHatrack(ws, ['list', '--json']);
  return JSON.parse(r.stdout) as ListOutput;
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

describe.skipIf(v2Problem !== undefined)('AWS CLI v2 agrees with hatrack', () => {
  let oracle: BotocoreOracle | undefined;
  const accepted: Accepted[] = [];

  beforeAll(async () => {
    if (!hatrackBuilt()) throw new Error(`${HATRACK_BIN} is missing: run \`npm run build\` first`);
    oracle = new BotocoreOracle(mkdtempSync(join(tmpdir(), 'hatrack-oracle-')));
    for (const fixture of fixtures) {
      const ws = makeWorkspace(fixture, 'hatrack-v2-');
      const view = await oracle.view(ws.config, ws.credentials);
      if (view.ok) accepted.push({ fixture, view });
    }
  });

  afterAll(() => oracle?.close());

  it('list-profiles equals hatrack list on every fixture botocore accepts', async () => {
    const mismatches = (
      await mapLimit(accepted, V2_PARALLEL, async ({ fixture }) => {
        const ws = makeWorkspace(fixture, 'hatrack-v2-');
        const [v2, ours] = await Promise.all([v2Profiles(ws), hatrackList(ws)]);
        const names = ours.profiles.map((p) => p.name);
        return JSON.stringify(v2) === JSON.stringify(names) ? undefined : `${fixture.name}: aws ${JSON.stringify(v2)}, hatrack ${JSON.stringify(names)}`;
      })
    ).filter((m) => m !== undefined);
    expect(mismatches).toEqual([]);
  });

  it(`configure get region equals hatrack's region (${REGION_SAMPLES_BEFORE} sampled profiles)`, async () => {
    const candidates: Array<{ fixture: Fixture; profile: string }> = [];
    for (const { fixture, view } of accepted) {
      for (const p of view.profiles) {
        if (typeof view.settings[p]?.region === 'string') candidates.push({ fixture, profile: p });
      }
    }
    const sample = spread(candidates, REGION_SAMPLES_BEFORE);
    const mismatches = (
      await mapLimit(sample, V2_PARALLEL, async ({ fixture, profile }) => {
        const ws = makeWorkspace(fixture, 'hatrack-v2-');
        const [v2, ours] = await Promise.all([v2Region(ws, profile), hatrackList(ws)]);
        const region = ours.profiles.find((p) => p.name === profile)?.region;
        return v2 === region ? undefined : `${fixture.name} ${JSON.stringify(profile)}: aws ${JSON.stringify(v2)}, hatrack ${JSON.stringify(region)}`;
      })
    ).filter((m) => m !== undefined);
    expect(sample.length).toBeGreaterThan(5);
    expect(mismatches).toEqual([]);
  });

  it(`after hatrack edits (${EDITED_FIXTURES} fixtures), v2 sees the new values and the same profile list`, async () => {
    // Fixtures whose last profile has a name every tool can write (odd names are the differential tier's job).
    const editable = accepted.filter((a) => isSimpleName(a.view.profiles[a.view.profiles.length - 1] ?? '') && !a.view.profiles.includes(NEW_PROFILE));
    const sample = spread(editable, EDITED_FIXTURES);
    const mismatches = (
      await mapLimit(sample, V2_PARALLEL, async ({ fixture, view }) => {
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
        return out;
      })
    ).flat();
    expect(sample.length).toBe(EDITED_FIXTURES);
    expect(mismatches).toEqual([]);
  });
});
