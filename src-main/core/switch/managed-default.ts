// The pure logic of `hatrack use`: which lines make [default] a Hatrack-managed copy of a profile; plain TS, no I/O.
//
// [default] is what every tool uses when no profile is named. `use` writes a profile's keys (and region) there,
// marking each section it owns with one comment line right under the header. The first time, a [default] that
// holds anything Hatrack did not write is renamed to a profile of its own (default-original), with every
// `source_profile = default` following it, so the user's own identity and the roles built on it keep working.

import { HatrackError } from '../../../shared/domain/errors.js';
import type { AwsDocs } from '../awsfiles/aws-docs.js';
import { modelOf, withDoc } from '../awsfiles/aws-docs.js';
import { referencesTo, renameProfile, sectionSpan, setProfileValues, validateProfileName } from '../awsfiles/edits.js';
import type { ValueChange } from '../awsfiles/edits.js';
import type { IniDocument } from '../awsfiles/ini-document.js';
import { lineText, replaceLineText, spliceLines } from '../awsfiles/ini-document.js';
import type { SectionOccurrence } from '../awsfiles/ini-reading.js';
import type { AwsFileKind, Profile } from '../awsfiles/profiles.js';
import { isoSeconds } from '../sts/export-format.js';

/** Every marker line starts with this, so Hatrack (and a person) can tell which [default] it owns. */
export const MANAGED_PREFIX = '# managed by hatrack';

export const DEFAULT_KEEP_NAME = 'default-original';

export interface SwitchCredentials {
  readonly accessKeyId: string;
  readonly secretAccessKey: string;
  readonly sessionToken?: string | undefined;
  readonly expiration?: Date | undefined;
}

export interface SwitchRequest {
  /** The profile that becomes the default identity. */
  readonly profile: string;
  /** Its credentials, resolved before the files are touched. */
  readonly credentials: SwitchCredentials;
  readonly region: string | undefined;
  /** Where a [default] Hatrack did not write is kept; default `default-original`. */
  readonly keepDefaultAs?: string | undefined;
}

export interface SwitchPlan {
  readonly docs: AwsDocs;
  /** Set when the user's own [default] was moved to a profile of this name. */
  readonly movedDefaultTo: string | undefined;
  /** Profiles whose source_profile now names `movedDefaultTo` instead of default. */
  readonly rewrittenSources: readonly string[];
}

/**
 * ASCII only: the AWS files are read with the platform's default encoding by botocore on some systems. A kept name
 * other than default-original is written into the marker, so the window, the tray and `use --restore` find the user's
 * own keys again without being told the name (the default name stays implied: older markers read the same).
 */
export function managedComment(profile: string, expiration: Date | undefined, keptAs?: string): string {
  const until = expiration === undefined ? 'long-term keys, no expiry' : `expires ${isoSeconds(expiration)}`;
  const kept = keptAs === undefined || keptAs === DEFAULT_KEEP_NAME ? '' : `, your default kept as "${keptAs}"`;
  return `${MANAGED_PREFIX}: profile "${profile}", ${until}${kept} - hatrack use <name> to switch`;
}

export function isManagedSection(doc: IniDocument, occ: SectionOccurrence): boolean {
  return occ.headerLine + 1 < doc.lineCount && lineText(doc, occ.headerLine + 1).trimStart().startsWith(MANAGED_PREFIX);
}

/** What a marker line says, read back in this one place (the writer's twin, managedComment). */
export interface ManagedMarker {
  /** The profile [default] is a copy of. */
  readonly profile: string | undefined;
  /** When its session ends (ISO 8601, UTC, "Z"); undefined for long-term keys. */
  readonly expiresAt: string | undefined;
  /** Where the user's own default was kept, when `use --keep-default-as` chose a name other than default-original. */
  readonly keptAs: string | undefined;
}

/** The marker under a section's header, or undefined when Hatrack does not manage that section. */
export function managedMarker(doc: IniDocument, occ: SectionOccurrence): ManagedMarker | undefined {
  if (!isManagedSection(doc, occ)) return undefined;
  const line = lineText(doc, occ.headerLine + 1);
  return { profile: /profile "([^"]*)"/.exec(line)?.[1], expiresAt: /expires (\S+Z)/.exec(line)?.[1], keptAs: /your default kept as "([^"]*)"/.exec(line)?.[1] };
}

const sectionsIn = (p: Profile, file: AwsFileKind): readonly SectionOccurrence[] => (file === 'config' ? p.configSections : p.credentialsSections);

export interface DefaultState {
  /** No [default] anywhere. */
  readonly exists: boolean;
  /** Some [default] section holds keys Hatrack did not write. */
  readonly holdsUserContent: boolean;
  /** The profile named by the marker of a managed [default], when there is one. */
  readonly managedProfile: string | undefined;
  /**
   * When the session a managed [default] holds expires, from the credentials file's marker (where its keys live);
   * undefined for long-term keys or an unmanaged [default].
   */
  readonly expiresAt: string | undefined;
  /** Where the user's own default waits while [default] is managed (the marker's name, else default-original). */
  readonly keptAs: string;
}

export function defaultState(docs: AwsDocs): DefaultState {
  const def = modelOf(docs).byName.get('default');
  if (def === undefined) return { exists: false, holdsUserContent: false, managedProfile: undefined, expiresAt: undefined, keptAs: DEFAULT_KEEP_NAME };
  let holdsUserContent = false;
  let managedProfile: string | undefined;
  let expiresAt: string | undefined;
  let keptAs: string | undefined;
  for (const file of ['config', 'credentials'] as const) {
    const occs = sectionsIn(def, file);
    // [default] beside [profile default] is shadowed, not merged: which one a tool reads differs, so refuse.
    const all = file === 'config' ? def.allConfigSections : occs;
    if (all.length > 1) {
      throw new HatrackError('AMBIGUOUS_EDIT', `The ${file} file has more than one [default] section; repair it first (hatrack list shows the fix).`, { file, line: all[1]!.headerLine + 1 });
    }
    for (const occ of occs) {
      const marker = managedMarker(docs[file], occ);
      if (marker !== undefined) {
        managedProfile ??= marker.profile;
        keptAs ??= marker.keptAs;
        if (file === 'credentials') expiresAt = marker.expiresAt;
      } else if (occ.entries.length > 0) {
        holdsUserContent = true;
      }
    }
  }
  return { exists: true, holdsUserContent, managedProfile, expiresAt: managedProfile === undefined ? undefined : expiresAt, keptAs: keptAs ?? DEFAULT_KEEP_NAME };
}

/** Moves the user's own [default] (both files) to `name`, dropping sections Hatrack wrote, and re-points source_profile. */
function keepUserDefault(docs: AwsDocs, name: string): { docs: AwsDocs; rewritten: string[] } {
  validateProfileName(name);
  const model = modelOf(docs);
  if (model.byName.has(name)) {
    throw new HatrackError('PROFILE_EXISTS', `Your own [default] must be kept as "${name}", but that profile already exists; choose another name with --keep-default-as NAME.`);
  }
  const rewritten = referencesTo(docs, 'default');
  const def = model.byName.get('default')!;
  let next = docs;
  for (const file of ['config', 'credentials'] as const) {
    const reading = file === 'config' ? model.config : model.credentials;
    const ours = sectionsIn(def, file).filter((occ) => isManagedSection(docs[file], occ));
    let doc = next[file];
    for (const occ of ours) {
      const span = sectionSpan(reading, occ);
      doc = spliceLines(doc, span.start, span.end, []);
    }
    next = withDoc(next, file, doc);
  }
  return { docs: renameProfile(next, 'default', name), rewritten };
}

/** Puts the marker right under the header of each [default] section, replacing an older marker there. */
function mark(docs: AwsDocs, comment: string): AwsDocs {
  const def = modelOf(docs).byName.get('default');
  if (def === undefined) return docs;
  let next = docs;
  for (const file of ['config', 'credentials'] as const) {
    for (const occ of sectionsIn(def, file)) {
      const doc = next[file];
      const at = occ.headerLine + 1;
      next = withDoc(next, file, isManagedSection(doc, occ) ? replaceLineText(doc, at, comment) : spliceLines(doc, at, at, [comment]));
    }
  }
  return next;
}

/** The files after making `req.profile` the default identity. Throws (nothing to write) when that is unsafe. */
export function planSwitch(docs: AwsDocs, req: SwitchRequest): SwitchPlan {
  const state = defaultState(docs);
  let next = docs;
  let movedDefaultTo: string | undefined;
  let rewrittenSources: readonly string[] = [];
  // A [default] that is already ours keeps pointing at the name the user's keys were first kept under.
  let keptAs = state.managedProfile === undefined ? undefined : state.keptAs;
  if (state.holdsUserContent) {
    movedDefaultTo = req.keepDefaultAs ?? DEFAULT_KEEP_NAME;
    const kept = keepUserDefault(next, movedDefaultTo);
    next = kept.docs;
    rewrittenSources = kept.rewritten;
    keptAs = movedDefaultTo;
  }
  const c = req.credentials;
  const token = c.sessionToken === undefined || c.sessionToken === '' ? null : c.sessionToken;
  const changes: ValueChange[] = [
    ['aws_access_key_id', c.accessKeyId],
    ['aws_secret_access_key', c.secretAccessKey],
    // A stale token next to long-term keys would make every call fail; aws_security_token would even win in botocore.
    ['aws_session_token', token],
    ['aws_security_token', null],
    ['region', req.region ?? null],
  ];
  next = setProfileValues(next, 'default', changes);
  next = mark(next, managedComment(req.profile, c.expiration, keptAs));
  return { docs: next, movedDefaultTo, rewrittenSources };
}
