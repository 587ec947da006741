// The file side of the vault: take a profile's keys out (adding credential_process) and put them back; pure.

import { HatrackError } from '../../../shared/domain/errors.js';
import type { AwsDocs } from '../awsfiles/aws-docs.js';
import { modelOf, readingOf, withDoc } from '../awsfiles/aws-docs.js';
import { guardNoNewProblems, sectionSpan, setProfileValues } from '../awsfiles/edits.js';
import { docLines, documentFromLines, dominantEol, lineText, spliceLines } from '../awsfiles/ini-document.js';
import type { DocLine } from '../awsfiles/ini-document.js';
import type { SectionOccurrence } from '../awsfiles/ini-reading.js';
import { profileCapabilities } from '../awsfiles/kinds.js';
import type { AwsFileKind, Profile } from '../awsfiles/profiles.js';
import { stringSetting } from '../awsfiles/profiles.js';
import type { RemovedLine, VaultEntry, VaultOrigin } from './vault-entry.js';

const KEY_ID = 'aws_access_key_id';
const SECRET = 'aws_secret_access_key';

export interface VaultAddPlan {
  readonly docs: AwsDocs;
  readonly accessKeyId: string;
  readonly secretAccessKey: string;
  readonly origin: VaultOrigin;
}

const sectionsIn = (p: Profile, file: AwsFileKind): readonly SectionOccurrence[] => (file === 'config' ? p.configSections : p.credentialsSections);
const hasKey = (occs: readonly SectionOccurrence[], key: string): boolean => occs.some((o) => o.entries.some((e) => e.key === key));

function profileOf(docs: AwsDocs, name: string): Profile {
  const p = modelOf(docs).byName.get(name);
  if (p === undefined) throw new HatrackError('PROFILE_NOT_FOUND', `There is no profile named "${name}".`);
  return p;
}

/** True when `value` is the credential_process line the vault writes for `profile`. */
export function isVaultCommand(value: string | undefined, profile: string): boolean {
  return value !== undefined && value.endsWith(` credential-process --profile ${profile}`);
}

/**
 * Removes the profile's long-term keys from the file that holds them and sets `credential_process = command` in its
 * config section, in one pair of documents. Refuses anything it could not undo exactly.
 */
export function planVaultAdd(docs: AwsDocs, name: string, command: string): VaultAddPlan {
  const profile = profileOf(docs, name);
  const inCreds = hasKey(profile.credentialsSections, KEY_ID) || hasKey(profile.credentialsSections, SECRET);
  const inConfig = hasKey(profile.configSections, KEY_ID) || hasKey(profile.configSections, SECRET);
  if (!inCreds && !inConfig) throw new HatrackError('NO_CREDENTIALS', `Profile "${name}" has no access keys in the files to move.`);
  if (inCreds && inConfig) {
    throw new HatrackError('AMBIGUOUS_EDIT', `Profile "${name}" has access keys in both the config and the credentials file; remove one copy first.`);
  }
  const file: AwsFileKind = inCreds ? 'credentials' : 'config';
  const occs = sectionsIn(profile, file);
  if (occs.length !== 1) throw new HatrackError('AMBIGUOUS_EDIT', `Profile "${name}" has ${occs.length} sections in the ${file} file; repair that first (hatrack fix).`);
  const occ = occs[0]!;
  const entries = occ.entries.filter((e) => e.key === KEY_ID || e.key === SECRET);
  const id = entries.find((e) => e.key === KEY_ID);
  const secret = entries.find((e) => e.key === SECRET);
  if (id === undefined || secret === undefined || id.value === '' || secret.value === '') {
    throw new HatrackError('INVALID_CONFIG', `Profile "${name}" needs both aws_access_key_id and aws_secret_access_key to be vaulted.`);
  }
  // Kind, session token, an existing credential_process: the kinds table's answer, the one the window shows.
  const vault = profileCapabilities(profile).vault;
  if (!vault.ok) throw new HatrackError('NOT_SUPPORTED', `Profile "${name}" ${vault.reason ?? 'cannot be vaulted'}.`);
  if (entries.length !== 2) throw new HatrackError('AMBIGUOUS_EDIT', `Profile "${name}" repeats an access key line; repair that first (hatrack fix).`);

  const doc = docs[file];
  const removed: RemovedLine[] = [];
  const lineNumbers: number[] = [];
  for (const e of entries) for (let l = e.line; l <= e.lastLine; l++) lineNumbers.push(l);
  lineNumbers.sort((a, b) => a - b);
  for (const l of lineNumbers) removed.push({ offset: l - occ.headerLine, text: lineText(doc, l) });
  let next = doc;
  for (const l of [...lineNumbers].reverse()) next = spliceLines(next, l, l + 1, []);
  const withoutKeys = withDoc(docs, file, next);
  const createdConfigSection = profile.configSections.length === 0;
  const done = setProfileValues(withoutKeys, name, [['credential_process', command]]);
  return {
    docs: guardNoNewProblems(docs, done),
    accessKeyId: id.value,
    secretAccessKey: secret.value,
    origin: { file, lines: removed, createdConfigSection, eol: dominantEol(doc) },
  };
}

/** Puts the keys back where `vault add` took them from (same lines, same place) and removes credential_process. */
export function planVaultRemove(docs: AwsDocs, name: string, entry: VaultEntry): AwsDocs {
  let profile = profileOf(docs, name);
  const current = stringSetting(profile.settings, 'credential_process');
  let next = docs;
  if (current !== undefined) {
    if (!isVaultCommand(current, name)) {
      throw new HatrackError('AMBIGUOUS_EDIT', `Profile "${name}" has a credential_process Hatrack did not write; remove it by hand, then run this again.`);
    }
    next = setProfileValues(next, name, [['credential_process', null]]);
  }
  profile = profileOf(next, name);
  if (entry.origin.createdConfigSection && profile.configSections.length === 1 && profile.configSections[0]!.entries.length === 0) {
    // The section existed only to hold credential_process: drop it so the config file is as it was.
    const span = sectionSpan(readingOf(next.config), profile.configSections[0]!);
    next = withDoc(next, 'config', spliceLines(next.config, span.start, span.end, []));
  }
  const file = entry.origin.file;
  const after = modelOf(next).byName.get(name);
  if (after !== undefined && (after.settings.has(KEY_ID) || after.settings.has(SECRET))) {
    throw new HatrackError('AMBIGUOUS_EDIT', `Profile "${name}" already has access keys in the files; remove them before taking the vaulted ones back.`);
  }
  const occs = after === undefined ? [] : sectionsIn(after, file);
  if (occs.length > 1) throw new HatrackError('AMBIGUOUS_EDIT', `Profile "${name}" has ${occs.length} sections in the ${file} file; repair that first (hatrack fix).`);
  const exact = occs.length === 1 && entry.origin.lines.length > 0 ? reinsert(next, file, occs[0]!, entry.origin) : undefined;
  // The exact lines only count if they still read as these keys; else (the section changed shape, or the entry
  // predates line records) the keys are written the plain way.
  const restored = exact !== undefined && holdsKeys(exact, name, entry) ? exact : setProfileValues(next, name, [
    [KEY_ID, entry.accessKeyId],
    [SECRET, entry.secretAccessKey],
  ]);
  if (!holdsKeys(restored, name, entry)) {
    throw new HatrackError('AMBIGUOUS_EDIT', `The keys of profile "${name}" could not be put back; the files were not changed.`);
  }
  return guardNoNewProblems(docs, restored);
}

function reinsert(docs: AwsDocs, file: AwsFileKind, occ: SectionOccurrence, origin: VaultOrigin): AwsDocs {
  const doc = docs[file];
  // The file's own line ending: a file reduced to one unterminated header line no longer shows which it used.
  const lines: DocLine[] = docLines(doc);
  const hasEnding = lines.some((l) => l.eol !== '');
  const eol = hasEnding ? dominantEol(doc) : (origin.eol ?? dominantEol(doc));
  const noFinalEol = lines.length > 0 && lines[lines.length - 1]!.eol === '';
  let end = occ.endLine;
  // Ascending offsets: each line lands where it was, because the lines between them are the ones that stayed.
  for (const line of [...origin.lines].sort((a, b) => a.offset - b.offset)) {
    const at = Math.min(occ.headerLine + line.offset, end);
    lines.splice(at, 0, { text: line.text, eol });
    end++;
  }
  if (noFinalEol) {
    // Keep "no newline at the end of the file": only the last line goes unterminated.
    for (let i = 0; i < lines.length - 1; i++) if (lines[i]!.eol === '') lines[i] = { text: lines[i]!.text, eol };
    lines[lines.length - 1] = { text: lines[lines.length - 1]!.text, eol: '' };
  }
  return withDoc(docs, file, documentFromLines(doc.encoding, lines));
}

function holdsKeys(docs: AwsDocs, name: string, entry: VaultEntry): boolean {
  const p = modelOf(docs).byName.get(name);
  return p !== undefined && stringSetting(p.settings, KEY_ID) === entry.accessKeyId && stringSetting(p.settings, SECRET) === entry.secretAccessKey;
}
