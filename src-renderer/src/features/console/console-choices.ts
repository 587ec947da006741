// What the console dialog offers (pure): region and service options in groups, recent first, each shown once, and
// where the dialog starts (the profile's last choice, else its own region and the console home).
import { CONSOLE_REGIONS, CONSOLE_SERVICES, consolePartitionOf, regionLabel, serviceLabel } from '../../../../shared/domain/console-places.js';
import type { ConsoleMemory } from '../../../../shared/ipc/schemas.js';
import type { ProfileSummary } from '../../platform/types.js';

export interface PlaceOption {
  /** What is sent: a region id, a service slug, or '' for the console home. */
  readonly value: string;
  readonly label: string;
  /** A second, muted word (the slug of a service). */
  readonly hint?: string | undefined;
}

export interface PlaceGroup {
  readonly label: string;
  readonly options: readonly PlaceOption[];
}

/** The console home: no service. */
export const CONSOLE_HOME = '';

/** The profile's own region as written, or null (none, or a per-service map). */
export function ownRegion(p: Pick<ProfileSummary, 'region'>): string | null {
  return typeof p.region === 'string' && p.region !== '' ? p.region : null;
}

/** Groups in order, an option appearing only in the first group that has it; empty groups left out. */
function grouped(groups: readonly { label: string; values: readonly string[] }[], toOption: (v: string) => PlaceOption): PlaceGroup[] {
  const seen = new Set<string>();
  const out: PlaceGroup[] = [];
  for (const g of groups) {
    const fresh = g.values.filter((v) => !seen.has(v));
    fresh.forEach((v) => seen.add(v));
    if (fresh.length > 0) out.push({ label: g.label, options: fresh.map(toOption) });
  }
  return out;
}

/** Recent regions of the profile's partition, then its own region, then every region of the partition. */
export function regionGroups(p: Pick<ProfileSummary, 'region'>, memory: ConsoleMemory): PlaceGroup[] {
  const own = ownRegion(p);
  const partition = consolePartitionOf(own);
  return grouped(
    [
      { label: 'Recent', values: memory.recentRegions.filter((r) => consolePartitionOf(r) === partition) },
      { label: "This profile's region", values: own === null ? [] : [own] },
      { label: 'All regions', values: CONSOLE_REGIONS[partition].map((r) => r.id) },
    ],
    (id) => ({ value: id, label: regionLabel(id) }),
  );
}

/** The console home, then recent services, then the curated list. */
export function serviceGroups(memory: ConsoleMemory): PlaceGroup[] {
  const home: PlaceGroup = { label: 'Start page', options: [{ value: CONSOLE_HOME, label: 'Console home' }] };
  const rest = grouped(
    [
      { label: 'Recent', values: memory.recentServices },
      { label: 'Services', values: CONSOLE_SERVICES.map((s) => s.slug) },
    ],
    (slug) => ({ value: slug, label: serviceLabel(slug), hint: slug }),
  );
  return [home, ...rest];
}

export interface ConsoleStart {
  readonly region: string;
  readonly service: string;
}

/** The profile's last choice; else its own region (or its partition's first) and the console home. */
export function startingChoice(p: Pick<ProfileSummary, 'name' | 'region'>, memory: ConsoleMemory): ConsoleStart {
  const last = memory.last[p.name];
  const own = ownRegion(p);
  const fallback = own ?? CONSOLE_REGIONS[consolePartitionOf(own)][0]!.id;
  return { region: last?.region ?? fallback, service: last?.service ?? CONSOLE_HOME };
}

/** The options whose label or value contains every word of the query (case-insensitive); empty groups dropped. */
export function filterGroups(groups: readonly PlaceGroup[], query: string): PlaceGroup[] {
  const words = query.toLowerCase().split(/\s+/).filter((w) => w !== '');
  if (words.length === 0) return [...groups];
  const matches = (o: PlaceOption) => {
    const text = `${o.value} ${o.label}`.toLowerCase();
    return words.every((w) => text.includes(w));
  };
  return groups.map((g) => ({ label: g.label, options: g.options.filter(matches) })).filter((g) => g.options.length > 0);
}
