// `sso populate` as one edit of the config document: a profile per account/role, marked, updated in place (spec §8.1); pure.
//
// Every change (new sections, changed lines of marked profiles, pruned sections) is applied in one pass over the
// document: 6,000 profiles edited one by one would copy a 40,000-line file 6,000 times.

import { HatrackError } from '../../../shared/domain/errors.js';
import type { AwsDocs } from '../awsfiles/aws-docs.js';
import { modelOf, withDoc } from '../awsfiles/aws-docs.js';
import { guardNoNewProblems, headerFor, lastContentLine, referencesTo, rewriteKeyLine, sectionSpan, validateProfileName, validateValue } from '../awsfiles/edits.js';
import type { IniDocument } from '../awsfiles/ini-document.js';
import { documentFromText, dominantEol, lineText, spliceLines } from '../awsfiles/ini-document.js';
import type { IniEntry, SectionOccurrence } from '../awsfiles/ini-reading.js';
import { classifyConfigSection, stringSetting } from '../awsfiles/profiles.js';
import { pyStrip } from '../awsfiles/python-text.js';
import type { SsoAccountRoles } from './discovery.js';
import { checkNameTemplate, DEFAULT_NAME_TEMPLATE, displayValue, nameAssignments } from './profile-names.js';
import type { NameParts } from './profile-names.js';

/** The key that marks a profile as written by `sso populate` for one session; its value is the session name. */
export const GENERATED_MARKER = 'hatrack_generated';

export interface PopulateOptions {
  readonly session: string;
  readonly accounts: readonly SsoAccountRoles[];
  readonly template?: string | undefined;
  /** `region` for every generated profile; without it, a region already in a marked profile is left alone. */
  readonly region?: string | undefined;
  /** Remove marked profiles of this session whose account/role assignment is gone. */
  readonly prune?: boolean | undefined;
  /** Every current assignment, when `accounts` is a selection of them (what --prune compares with); default `accounts`. */
  readonly assigned?: readonly SsoAccountRoles[] | undefined;
}

export interface PopulateSkip {
  readonly name: string;
  readonly reason: string;
}

export interface PopulateReport {
  readonly added: readonly string[];
  readonly updated: readonly string[];
  readonly unchanged: number;
  readonly pruned: readonly string[];
  /** Marked profiles whose assignment is gone, kept because --prune was not given (or because others use them). */
  readonly stale: readonly string[];
  /** Pairs not written: their name belongs to a profile Hatrack did not write, or the service sent unusable values. */
  readonly skipped: readonly PopulateSkip[];
}

interface Pair extends NameParts {
  readonly accountName: string | undefined;
}

interface Splice {
  readonly start: number;
  readonly end: number;
  readonly texts: readonly string[];
}

const ACCOUNT_ID = /^\d{12}$/;

function key(accountId: string, roleName: string): string {
  return `${accountId}\u0000${roleName}`;
}

/** The lines a generated profile holds, in the order they are written. */
function desiredValues(pair: Pair, session: string, region: string | undefined): [string, string][] {
  const out: [string, string][] = [
    ['sso_session', session],
    ['sso_account_id', pair.accountId],
    ['sso_role_name', pair.roleName],
  ];
  const display = displayValue(pair.accountName ?? '');
  if (display !== '') out.push(['sso_account_name', display]);
  if (region !== undefined) out.push(['region', region]);
  out.push([GENERATED_MARKER, session]);
  return out;
}

function entriesOf(occ: SectionOccurrence, k: string): IniEntry[] {
  return occ.entries.filter((e) => e.key === k);
}

/** Line changes that make one marked section hold `values`; other keys and comments in it are left as they are. */
function updateSplices(doc: IniDocument, occ: SectionOccurrence, values: readonly [string, string][]): Splice[] {
  const out: Splice[] = [];
  const missing: string[] = [];
  for (const [k, v] of values) {
    const entries = entriesOf(occ, k);
    if (entries.length === 0) {
      missing.push(`${k} = ${v}`);
      continue;
    }
    const [first, ...dupes] = entries;
    if (first!.value !== v || first!.continuationLines.length > 0 || first!.nested !== undefined) {
      out.push({ start: first!.line, end: first!.lastLine + 1, texts: [rewriteKeyLine(lineText(doc, first!.line), k, v)] });
    }
    for (const d of dupes) out.push({ start: d.line, end: d.lastLine + 1, texts: [] });
  }
  if (missing.length > 0) {
    const at = lastContentLine(occ) + 1;
    out.push({ start: at, end: at, texts: missing });
  }
  return out;
}

/** Applies non-overlapping splices in one pass (positions are of the original document). */
export function applySplices(doc: IniDocument, splices: readonly Splice[]): IniDocument {
  if (splices.length === 0) return doc;
  const sorted = [...splices].sort((a, b) => a.start - b.start || a.end - b.end);
  const finalEol = doc.lineCount === 0 || doc.ends[doc.lineCount - 1]! < doc.text.length;
  if (!finalEol || sorted.length === 1) {
    // spliceLines owns the "no newline at end of file" rule; bottom-up keeps earlier positions valid.
    let next = doc;
    for (let i = sorted.length - 1; i >= 0; i--) next = spliceLines(next, sorted[i]!.start, sorted[i]!.end, sorted[i]!.texts);
    return next;
  }
  const eol = dominantEol(doc);
  const parts: string[] = [];
  let at = 0;
  for (const s of sorted) {
    if (s.start < at) throw new Error('overlapping splices');
    parts.push(doc.text.slice(doc.starts[at]!, doc.starts[s.start]!));
    for (const t of s.texts) parts.push(t, eol);
    at = s.end;
  }
  parts.push(doc.text.slice(doc.starts[at]!));
  return documentFromText(parts.join(''), doc.encoding);
}

/**
 * Plans and applies one populate to `docs`. Names come from the template (default `{account_name}/{role_name}`),
 * made safe for both SDKs; a name held by a profile Hatrack did not write (or wrote for another session) is never
 * touched, only reported. The result equals `docs` (same object) when nothing would change.
 */
export function populateProfiles(docs: AwsDocs, options: PopulateOptions): { docs: AwsDocs; result: PopulateReport } {
  const { session } = options;
  const template = options.template ?? DEFAULT_NAME_TEMPLATE;
  checkNameTemplate(template);
  if (options.region !== undefined && !/^[a-z]{2}(-[a-z0-9]+)+-\d+$/.test(options.region)) {
    throw new HatrackError('INVALID_VALUE', `"${options.region}" is not an AWS region name (such as eu-west-1).`);
  }
  validateValue('the sso-session name', session);
  const model = modelOf(docs);
  if (!model.ssoSessions.has(session)) {
    throw new HatrackError('INVALID_CONFIG', `There is no [sso-session ${session}] section in the config file; run "hatrack sso setup ${session} …" first.`);
  }

  const skipped: PopulateSkip[] = [];
  const pairs: Pair[] = [];
  for (const a of options.accounts) {
    for (const roleName of a.roles) {
      if (!ACCOUNT_ID.test(a.accountId)) {
        skipped.push({ name: `${a.accountId}/${roleName}`, reason: 'the service sent an account id that is not 12 digits' });
        continue;
      }
      try {
        validateValue('the role name', roleName);
      } catch {
        skipped.push({ name: `${a.accountId}/${roleName}`, reason: 'the role name cannot be written to the config file' });
        continue;
      }
      pairs.push({ accountId: a.accountId, accountName: a.accountName, roleName, session });
    }
  }

  // Marked profiles of this session, by name, and the assignment each stands for.
  const marked = new Map<string, { occs: readonly SectionOccurrence[]; assignment: string }>();
  const configDoc = docs.config;
  for (const occ of model.config.occurrences) {
    const marker = occ.entries.find((e) => e.key === GENERATED_MARKER);
    if (marker === undefined || marker.value !== session) continue;
    const section = classifyConfigSection(occ.name);
    if (section.type !== 'profile' || marked.has(section.name)) continue;
    const profile = model.profile(section.name);
    if (profile === undefined) continue;
    const s = profile.configSettings ?? profile.settings;
    marked.set(section.name, {
      occs: profile.configSections,
      assignment: key(stringSetting(s, 'sso_account_id') ?? '', stringSetting(s, 'sso_role_name') ?? ''),
    });
  }

  const splices: Splice[] = [];
  const added: string[] = [];
  const updated: string[] = [];
  let unchanged = 0;
  const newSections: string[][] = [];
  const live = new Set<string>();
  for (const a of options.assigned ?? []) for (const r of a.roles) live.add(key(a.accountId, r));
  for (const { name, item } of nameAssignments(template, pairs)) {
    live.add(key(item.accountId, item.roleName));
    const values = desiredValues(item, session, options.region);
    const mine = marked.get(name);
    if (mine !== undefined) {
      if (mine.occs.length !== 1) {
        skipped.push({ name, reason: 'its [profile] section appears more than once; fix that first (hatrack list shows it)' });
        continue;
      }
      const changes = updateSplices(configDoc, mine.occs[0]!, values);
      if (changes.length === 0) unchanged++;
      else {
        updated.push(name);
        splices.push(...changes);
      }
      continue;
    }
    if (model.profile(name) !== undefined) {
      skipped.push({ name, reason: 'a profile with this name exists and was not written by sso populate for this session' });
      continue;
    }
    try {
      validateProfileName(name);
    } catch {
      skipped.push({ name, reason: 'the name is reserved or unreadable for the AWS SDKs; change --template' });
      continue;
    }
    added.push(name);
    newSections.push([headerFor('config', name), ...values.map(([k, v]) => `${k} = ${v}`)]);
  }

  const pruned: string[] = [];
  const stale: string[] = [];
  for (const [name, mine] of marked) {
    if (live.has(mine.assignment)) continue;
    if (options.prune !== true) {
      stale.push(name);
      continue;
    }
    const users = referencesTo(docs, name);
    if (users.length > 0) {
      stale.push(name);
      skipped.push({ name, reason: `not pruned: it is the source_profile of ${users.map((u) => `"${u}"`).join(', ')}` });
      continue;
    }
    pruned.push(name);
    const profile = model.profile(name)!;
    for (const occ of profile.allConfigSections) {
      const span = sectionSpan(model.config, occ);
      splices.push({ start: span.start, end: span.end, texts: [] });
    }
  }

  let config = applySplices(configDoc, splices);
  if (newSections.length > 0) {
    const texts: string[] = [];
    const count = config.lineCount;
    for (const [i, lines] of newSections.entries()) {
      if (i > 0 || (count > 0 && pyStrip(lineText(config, count - 1)) !== '')) texts.push('');
      texts.push(...lines);
    }
    config = spliceLines(config, count, count, texts);
  }
  // New sections alone are provably harmless (fresh SDK-safe names, validated values, lower-case keys, each after a
  // blank line at the end of the file), so the whole-model problem check runs only when existing text changes.
  const after = withDoc(docs, 'config', config);
  const next = splices.length === 0 ? after : guardNoNewProblems(docs, after);
  const report: PopulateReport = { added, updated, unchanged, pruned, stale: stale.sort(), skipped };
  return { docs: next, result: report };
}
