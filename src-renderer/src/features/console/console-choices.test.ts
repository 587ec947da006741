// The console dialog's options: recent first, each shown once, the profile's partition only, and where it starts.
import { describe, expect, it } from 'vitest';
import { CONSOLE_REGIONS } from '../../../../shared/domain/console-places.js';
import { CONSOLE_HOME, filterGroups, regionGroups, serviceGroups, startingChoice } from './console-choices.js';

const memory = (over: Partial<{ recentRegions: string[]; recentServices: string[]; last: Record<string, { region: string | null; service: string | null }> }> = {}) => ({
  recentRegions: [],
  recentServices: [],
  last: {},
  ...over,
});

describe('region options', () => {
  it('list recent regions of the partition first, then the profile region, then the rest, each once', () => {
    const groups = regionGroups({ region: 'eu-west-1' }, memory({ recentRegions: ['ap-south-1', 'cn-north-1', 'eu-west-1'] }));
    expect(groups.map((g) => g.label)).toEqual(['Recent', 'All regions']);
    expect(groups[0]!.options.map((o) => o.value)).toEqual(['ap-south-1', 'eu-west-1']);
    expect(groups[0]!.options[1]!.label).toBe('eu-west-1 — Europe (Ireland)');
    const all = groups[1]!.options.map((o) => o.value);
    expect(all).not.toContain('eu-west-1');
    expect(all).toHaveLength(CONSOLE_REGIONS.aws.length - 2);
  });

  it("show the profile's own region as its own group, and only its partition's regions", () => {
    const groups = regionGroups({ region: 'us-gov-west-1' }, memory({ recentRegions: ['eu-west-1'] }));
    expect(groups.map((g) => [g.label, g.options.map((o) => o.value)])).toEqual([
      ["This profile's region", ['us-gov-west-1']],
      ['All regions', ['us-gov-east-1']],
    ]);
  });
});

describe('service options', () => {
  it('start with the console home, then recent services, then the curated list without repeats', () => {
    const groups = serviceGroups(memory({ recentServices: ['lambda', 'custom-thing'] }));
    expect(groups[0]!.options).toEqual([{ value: CONSOLE_HOME, label: 'Console home' }]);
    expect(groups[1]!.options.map((o) => [o.value, o.label])).toEqual([
      ['lambda', 'Lambda'],
      ['custom-thing', 'custom-thing'],
    ]);
    expect(groups[2]!.options.map((o) => o.value)).not.toContain('lambda');
    expect(groups[2]!.options.length).toBeGreaterThanOrEqual(25);
  });

  it('filter by every typed word over the label and the slug', () => {
    const groups = serviceGroups(memory());
    expect(filterGroups(groups, 'dynamo').flatMap((g) => g.options.map((o) => o.value))).toEqual(['dynamodbv2']);
    expect(filterGroups(groups, 'route 53').flatMap((g) => g.options.map((o) => o.value))).toEqual(['route53']);
    expect(filterGroups(regionGroups({ region: null }, memory()), 'europe ireland').flatMap((g) => g.options.map((o) => o.value))).toEqual(['eu-west-1']);
    expect(filterGroups(groups, 'zzz')).toEqual([]);
  });
});

describe('starting choice', () => {
  it("is the profile's last choice, else its region and the console home, else the partition's first region", () => {
    expect(startingChoice({ name: 'dev', region: 'eu-west-1' }, memory({ last: { dev: { region: 'us-west-2', service: 'ec2' } } }))).toEqual({ region: 'us-west-2', service: 'ec2' });
    expect(startingChoice({ name: 'dev', region: 'eu-west-1' }, memory({ last: { dev: { region: null, service: 'iam' } } }))).toEqual({ region: 'eu-west-1', service: 'iam' });
    expect(startingChoice({ name: 'dev', region: null }, memory())).toEqual({ region: 'us-east-1', service: CONSOLE_HOME });
  });
});
