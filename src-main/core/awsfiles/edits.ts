// Line-preserving edits of the AWS files: the AWS CLI's writer algorithm (spec §3) with its known bugs fixed.

import { HatrackError } from '../../../shared/domain/errors.js';
import type { AwsDocs } from './aws-docs.js';
import { modelOf, withDoc } from './aws-docs.js';
import type { IniDocument } from './ini-document.js';
import { lineText, replaceLineText, spliceLines } from './ini-document.js';
import type { IniEntry, IniReading, SectionOccurrence } from './ini-reading.js';
import { findDelimiter } from './ini-reading.js';
import type { AwsFileKind, Profile } from './profiles.js';
import { stringSetting } from './profiles.js';
import { findProblems, KEYS_CHECKED_BY_PROBLEMS, SDK_COMMENT_CUT, SDK_SAFE_NAME } from './problems.js';
import type { Problem } from './problems.js';
import { pyStrip } from './python-text.js';

/** Keys `aws configure set` routes to the credentials file. */
export const CREDENTIAL_KEYS: readonly string[] = ['aws_access_key_id', 'aws_secret_access_key', 'aws_session_token', 'aws_security_token'];

export interface KeyPath {
  readonly key: string;
  /** For nested blocks: `s3.max_concurrent_requests` → key `s3`, child `max_concurrent_requests`. */
  readonly child: string | undefined;
}

export type ValueChange = readonly [path: string, value: string | null];

const KEY_PATTERN = /^[A-Za-z0-9_-]+$/;

export function parseKeyPath(raw: string): KeyPath {
  const parts = raw.split('.');
  if (parts.length > 2 || parts.some((p) => !KEY_PATTERN.test(p))) {
    throw new HatrackError('INVALID_KEY', `"${raw}" is not a valid key: use letters, digits, "_" and "-", and at most one "." for a nested key such as s3.max_concurrent_requests.`);
  }
  return { key: parts[0]!.toLowerCase(), child: parts[1] };
}

export function validateProfileName(name: string): void {
  if (!SDK_SAFE_NAME.test(name)) {
    throw new HatrackError('INVALID_NAME', `Profile name "${name}" can only use letters, digits and _-@+.%:/ (anything else is unreadable for the AWS SDKs).`);
  }
  if (name === '__proto__' || name === 'DEFAULT') {
    throw new HatrackError('INVALID_NAME', `Profile name "${name}" is reserved: the AWS tools treat it specially.`);
  }
}

export function validateValue(label: string, value: string): void {
  if (/[\r\n]/.test(value)) throw new HatrackError('INVALID_VALUE', `The value for ${label} contains a line break, which would split it across lines.`);
  if (value === '') throw new HatrackError('INVALID_VALUE', `The value for ${label} is empty: the AWS CLI and the JS SDK read an empty value differently; unset the key instead.`);
  if (value !== value.trim()) throw new HatrackError('INVALID_VALUE', `The value for ${label} starts or ends with spaces, which both AWS tools strip.`);
  if (SDK_COMMENT_CUT.test(value)) throw new HatrackError('INVALID_VALUE', `The value for ${label} contains "#" or ";" after a space (or at the start), where the JS SDK would cut it off as a comment.`);
  if (/[^\x20-\x7e\t]/.test(value)) throw new HatrackError('INVALID_VALUE', `The value for ${label} has non-ASCII or control characters; the AWS files are ASCII only.`);
}

function notFound(name: string): HatrackError {
  return new HatrackError('PROFILE_NOT_FOUND', `There is no profile named "${name}".`);
}

/** The sections botocore reads for the profile in one file (edits of values go there). */
function sectionsOf(profile: Profile | undefined, file: AwsFileKind): readonly SectionOccurrence[] {
  if (profile === undefined) return [];
  return file === 'config' ? profile.configSections : profile.credentialsSections;
}

/** Every section that names the profile, shadowed ones included (removal and renaming take them all). */
function allSectionsOf(profile: Profile, file: AwsFileKind): readonly SectionOccurrence[] {
  return file === 'config' ? profile.allConfigSections : profile.credentialsSections;
}

function entriesWithKey(occs: readonly SectionOccurrence[], key: string): IniEntry[] {
  const out: IniEntry[] = [];
  for (const occ of occs) for (const e of occ.entries) if (e.key === key) out.push(e);
  return out;
}

/**
 * Where a key is written: where it already lives (credentials first, as botocore lets it win), else as the CLI
 * routes it — unless the profile exists only in the other file under a name no header there could spell safely
 * (e.g. "profile production" from a [profile production] in the credentials file): botocore reads every key from
 * either file, so the existing section is the one place the key can go.
 */
function targetFile(profile: Profile | undefined, key: string): AwsFileKind {
  if (entriesWithKey(sectionsOf(profile, 'credentials'), key).length > 0) return 'credentials';
  if (entriesWithKey(sectionsOf(profile, 'config'), key).length > 0) return 'config';
  const routed: AwsFileKind = CREDENTIAL_KEYS.includes(key) ? 'credentials' : 'config';
  if (profile !== undefined && sectionsOf(profile, routed).length === 0 && !isWritableName(profile.name)) {
    return routed === 'config' ? 'credentials' : 'config';
  }
  return routed;
}

function isWritableName(name: string): boolean {
  return SDK_SAFE_NAME.test(name) && name !== '__proto__' && name !== 'DEFAULT';
}

export function headerFor(file: AwsFileKind, name: string): string {
  if (file === 'credentials') return `[${name}]`;
  return name === 'default' ? '[default]' : `[profile ${name}]`;
}

/** Rewrites a `key = value` line with a new value, keeping its indentation and the spacing around the delimiter. */
export function rewriteKeyLine(text: string, key: string, value: string): string {
  const start = text.length - text.trimStart().length;
  const delimiterAt = start + findDelimiter(text.slice(start));
  const before = text.slice(start, delimiterAt);
  const rawKey = before.trimEnd();
  const spaceBefore = before.slice(rawKey.length);
  const afterDelimiter = text.slice(delimiterAt + 1);
  let spaceAfter = afterDelimiter.slice(0, afterDelimiter.length - afterDelimiter.trimStart().length);
  if (spaceAfter === '' && spaceBefore !== '') spaceAfter = spaceBefore;
  return `${text.slice(0, start)}${key}${spaceBefore}=${spaceAfter}${value}`;
}

/** The last line that carries content of a section (its last key or continuation), or its header. */
export function lastContentLine(occ: SectionOccurrence): number {
  let last = occ.headerLine;
  for (const e of occ.entries) if (e.lastLine > last) last = e.lastLine;
  return last;
}

/** Appends `[header]` and its lines at the end, after one blank line unless the file ends with one. */
export function appendSection(doc: IniDocument, header: string, body: readonly string[]): IniDocument {
  const count = doc.lineCount;
  const texts: string[] = [];
  if (count > 0 && pyStrip(lineText(doc, count - 1)) !== '') texts.push('');
  texts.push(header, ...body);
  return spliceLines(doc, count, count, texts);
}

function setOne(docs: AwsDocs, name: string, path: KeyPath, value: string): AwsDocs {
  const model = modelOf(docs);
  const profile = model.profile(name);
  const file = targetFile(profile, path.key);
  const doc = docs[file];
  const occs = sectionsOf(profile, file);
  const existing = entriesWithKey(occs, path.key);

  if (path.child !== undefined) return withDoc(docs, file, setNested(doc, file, name, occs, existing, path.key, path.child, value));

  if (existing.length > 0) {
    let next = doc;
    // Bottom-up, so earlier line numbers stay valid. Every copy is updated: with duplicates, which one wins differs
    // between the CLI and the SDK, so all of them must carry the new value.
    for (const entry of [...existing].sort((a, b) => b.line - a.line)) {
      if (entry.nested !== undefined) {
        throw new HatrackError('INVALID_VALUE', `"${path.key}" in profile "${name}" is a nested block; set one of its keys instead, e.g. ${path.key}.<key>=<value>.`);
      }
      if (entry.value === value && entry.continuationLines.length === 0) continue;
      const text = rewriteKeyLine(lineText(next, entry.line), path.key, value);
      next = spliceLines(next, entry.line, entry.lastLine + 1, [text]);
    }
    return withDoc(docs, file, next);
  }
  const line = `${path.key} = ${value}`;
  if (occs.length === 0) {
    validateProfileName(name);
    return withDoc(docs, file, appendSection(doc, headerFor(file, name), [line]));
  }
  // New keys go right after the section's last key (the CLI's off-by-one put them among trailing comments), and at
  // column 0, which neither reader can mistake for a continuation or a sub-section line.
  const at = lastContentLine(occs[occs.length - 1]!) + 1;
  return withDoc(docs, file, spliceLines(doc, at, at, [line]));
}

function nestedChildren(doc: IniDocument, parent: IniEntry): { line: number; key: string }[] {
  const out: { line: number; key: string }[] = [];
  for (const l of parent.continuationLines) {
    const text = pyStrip(lineText(doc, l));
    const eq = text.indexOf('=');
    if (text === '' || eq < 0) continue;
    out.push({ line: l, key: pyStrip(text.slice(0, eq)) });
  }
  return out;
}

function setNested(
  doc: IniDocument,
  file: AwsFileKind,
  name: string,
  occs: readonly SectionOccurrence[],
  existing: readonly IniEntry[],
  key: string,
  child: string,
  value: string,
): IniDocument {
  const parent = existing[existing.length - 1];
  if (parent === undefined) {
    const lines = [`${key} =`, `    ${child} = ${value}`];
    if (occs.length === 0) {
      validateProfileName(name);
      return appendSection(doc, headerFor(file, name), lines);
    }
    const at = lastContentLine(occs[occs.length - 1]!) + 1;
    return spliceLines(doc, at, at, lines);
  }
  if (parent.nested === undefined && parent.value !== '') {
    throw new HatrackError('INVALID_VALUE', `"${key}" in profile "${name}" holds a plain value, not a nested block; unset it first.`);
  }
  const children = nestedChildren(doc, parent);
  const match = children.find((c) => c.key === child);
  if (match !== undefined) {
    if (parent.nested?.[child] === value) return doc;
    return replaceLineText(doc, match.line, rewriteKeyLine(lineText(doc, match.line), child, value));
  }
  const first = children[0];
  const indent = first === undefined ? ' '.repeat(parent.indent + 4) : lineText(doc, first.line).match(/^\s*/)![0];
  const at = (children.length > 0 ? children[children.length - 1]!.line : parent.line) + 1;
  return spliceLines(doc, at, at, [`${indent}${child} = ${value}`]);
}

function unsetOne(docs: AwsDocs, name: string, path: KeyPath): AwsDocs {
  const profile = modelOf(docs).profile(name);
  let next = docs;
  for (const file of ['config', 'credentials'] as const) {
    const entries = entriesWithKey(sectionsOf(profile, file), path.key).sort((a, b) => b.line - a.line);
    let doc = next[file];
    for (const entry of entries) {
      if (path.child === undefined) {
        doc = spliceLines(doc, entry.line, entry.lastLine + 1, []);
        continue;
      }
      const children = nestedChildren(doc, entry);
      const match = children.find((c) => c.key === path.child);
      if (match === undefined) continue;
      // An emptied block would leave `s3 =`, which the two readers disagree on; drop the parent with its last child.
      doc = children.length === 1 ? spliceLines(doc, entry.line, entry.lastLine + 1, []) : spliceLines(doc, match.line, match.line + 1, []);
    }
    next = withDoc(next, file, doc);
  }
  return next;
}

/**
 * A set that can be proven not to add a problem, so the full before/after check (two passes over every profile)
 * is skipped: a validated value for a key no check reads, written into a section the profile already has. Such a
 * line replaces one value or is inserted at column 0 after the section's last key, so it can neither duplicate a
 * key or section nor join or split a continuation.
 */
function provablySafe(docs: AwsDocs, name: string, changes: readonly ValueChange[]): boolean {
  const profile = modelOf(docs).profile(name);
  if (profile === undefined) return false;
  return changes.every(([raw, value]) => {
    if (value === null) return false;
    const path = parseKeyPath(raw);
    if (KEYS_CHECKED_BY_PROBLEMS.has(path.key) || CREDENTIAL_KEYS.includes(path.key)) return false;
    return sectionsOf(profile, targetFile(profile, path.key)).length > 0;
  });
}

/** Sets (value) or removes (null) keys of one profile, creating the profile's section where needed. */
export function setProfileValues(docs: AwsDocs, name: string, changes: readonly ValueChange[]): AwsDocs {
  const safe = provablySafe(docs, name, changes);
  let next = docs;
  for (const [raw, value] of changes) {
    const path = parseKeyPath(raw);
    if (value === null) {
      next = unsetOne(next, name, path);
    } else {
      validateValue(`${raw} in profile "${name}"`, value);
      if (modelOf(next).profile(name) === undefined) validateProfileName(name);
      next = setOne(next, name, path, value);
    }
  }
  return safe ? next : guardNoNewProblems(docs, next);
}

export function addProfile(docs: AwsDocs, name: string, changes: readonly ValueChange[]): AwsDocs {
  validateProfileName(name);
  if (modelOf(docs).profile(name) !== undefined) throw new HatrackError('PROFILE_EXISTS', `A profile named "${name}" already exists.`);
  if (changes.length === 0) {
    return guardNoNewProblems(docs, withDoc(docs, 'config', appendSection(docs.config, headerFor('config', name), [])));
  }
  return setProfileValues(docs, name, changes);
}

/** Profiles whose source_profile names `name`. */
export function referencesTo(docs: AwsDocs, name: string): string[] {
  return modelOf(docs)
    .profiles.filter((p) => p.name !== name && stringSetting(p.settings, 'source_profile') === name)
    .map((p) => p.name);
}

/** [start, end) of the lines that belong to a section: its header, its body, and a comment block right above it. */
export function sectionSpan(reading: IniReading, occ: SectionOccurrence): { start: number; end: number } {
  // Line by line: only the lines around the section are looked at, so only the sections around it are read.
  const kind = (line: number) => reading.lineKind(line);
  const lineCount = reading.doc.lineCount;
  let start = occ.headerLine;
  let s = start - 1;
  while (s >= 0 && kind(s) === 'comment') s--;
  if (s < 0 || kind(s) === 'blank') start = s + 1;
  let end = occ.endLine;
  if (end < lineCount) {
    // A comment block glued to the next header belongs to that section.
    let e = end - 1;
    while (e > occ.headerLine && kind(e) === 'comment') e--;
    if (e < end - 1 && (kind(e) === 'blank' || e === occ.headerLine)) end = e + 1;
  } else {
    // Removing the last section also takes the blank lines that separated it from the one above.
    while (start > 0 && kind(start - 1) === 'blank') start--;
  }
  return { start, end };
}

export function removeProfile(docs: AwsDocs, name: string, force: boolean): AwsDocs {
  const model = modelOf(docs);
  const profile = model.profile(name);
  if (profile === undefined) throw notFound(name);
  const refs = referencesTo(docs, name);
  if (refs.length > 0 && !force) {
    throw new HatrackError('PROFILE_REFERENCED', `Profile "${name}" is the source_profile of ${refs.map((r) => `"${r}"`).join(', ')}; change those first or remove with --force.`);
  }
  let next = docs;
  for (const file of ['config', 'credentials'] as const) {
    const reading = file === 'config' ? model.config : model.credentials;
    const spans = allSectionsOf(profile, file)
      .map((occ) => sectionSpan(reading, occ))
      .sort((a, b) => b.start - a.start);
    let doc = next[file];
    for (const span of spans) doc = spliceLines(doc, span.start, span.end, []);
    next = withDoc(next, file, doc);
  }
  return force ? next : guardNoNewProblems(docs, next);
}

/** Replaces the `[...]` of a header line, keeping its indentation and any text after the closing bracket. */
export function rewriteHeaderLine(text: string, header: string): string {
  const open = text.indexOf('[');
  const close = text.lastIndexOf(']');
  return text.slice(0, open) + header + text.slice(close + 1);
}

export function renameProfile(docs: AwsDocs, from: string, to: string): AwsDocs {
  const model = modelOf(docs);
  const profile = model.profile(from);
  if (profile === undefined) throw notFound(from);
  validateProfileName(to);
  if (from === to) return docs;
  if (model.profile(to) !== undefined) throw new HatrackError('PROFILE_EXISTS', `A profile named "${to}" already exists.`);
  let next = docs;
  for (const file of ['config', 'credentials'] as const) {
    let doc = next[file];
    for (const occ of allSectionsOf(profile, file)) {
      doc = replaceLineText(doc, occ.headerLine, rewriteHeaderLine(lineText(doc, occ.headerLine), headerFor(file, to)));
    }
    // Every profile that assumed a role from the old name must keep working under the new one.
    for (const other of model.profiles) {
      for (const entry of entriesWithKey(sectionsOf(other, file), 'source_profile')) {
        if (entry.value === from) doc = replaceLineText(doc, entry.line, rewriteKeyLine(lineText(doc, entry.line), 'source_profile', to));
      }
    }
    next = withDoc(next, file, doc);
  }
  return guardNoNewProblems(docs, next, { from, to });
}

function problemSignature(p: Problem, renamed?: { readonly from: string; readonly to: string }): string {
  const profile = renamed !== undefined && p.profile === renamed.from ? renamed.to : (p.profile ?? '');
  return `${p.code}|${p.file}|${profile}|${p.key ?? ''}`;
}

/**
 * Refuses an edit that would add a problem the files did not have before (an edit must never make things worse).
 * A rename carries the profile's existing problems over to its new name rather than counting them as new.
 */
export function guardNoNewProblems(before: AwsDocs, after: AwsDocs, renamed?: { readonly from: string; readonly to: string }): AwsDocs {
  if (before === after || (before.config === after.config && before.credentials === after.credentials)) return before;
  const counts = new Map<string, number>();
  for (const p of findProblems(modelOf(before))) {
    const sig = problemSignature(p, renamed);
    counts.set(sig, (counts.get(sig) ?? 0) + 1);
  }
  for (const p of findProblems(modelOf(after))) {
    const sig = problemSignature(p);
    const left = counts.get(sig) ?? 0;
    if (left > 0) {
      counts.set(sig, left - 1);
      continue;
    }
    throw new HatrackError('EDIT_WOULD_ADD_PROBLEM', `Not saved: the change would cause a problem — ${p.message}`, { file: p.file, line: p.line });
  }
  return after;
}
