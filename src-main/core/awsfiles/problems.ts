// Finds what makes the AWS CLI fail, what the CLI and the JS SDK read differently, and broken references.

import type { IniDocument } from './ini-document.js';
import { lineAt, lineText } from './ini-document.js';
import type { IniReading, IniEntry, ReadErrorCode, SectionOccurrence } from './ini-reading.js';
import type { AwsFileKind, Profile, ProfileModel } from './profiles.js';
import { classifyConfigSection, stringSetting } from './profiles.js';

export type ProblemSeverity = 'error' | 'warning';

/**
 * What a problem does to the person, which is what the window colours by: the AWS CLI refuses the whole file (red),
 * a profile cannot work (red), the CLI and the SDKs read it differently (amber), or nothing changes today (grey).
 */
export type ProblemEffect = 'cli-refuses' | 'profile-broken' | 'sdks-disagree' | 'style';

export type ProblemCode =
  // botocore refuses the file (every AWS CLI command fails): the reader's own error codes
  | ReadErrorCode
  // the CLI and the JS SDK read it differently, or it does not mean what it looks like
  | 'INDENTED_HEADER'
  | 'INLINE_COMMENT'
  | 'NAME_NOT_SDK_SAFE'
  | 'PROFILE_PREFIX_IN_CREDENTIALS'
  | 'DEFAULT_TWICE'
  | 'UPPERCASE_KEY'
  | 'EMPTY_VALUE'
  | 'PROTO_NAME'
  | 'COLON_DELIMITER'
  | 'DEFAULT_SECTION'
  | 'CONTINUATION_VALUE'
  | 'SECTION_IGNORED'
  | 'NOT_A_PROFILE'
  | 'LONE_CR'
  | 'ODD_WHITESPACE'
  // references and profile semantics
  | 'SOURCE_PROFILE_MISSING'
  | 'SOURCE_PROFILE_CYCLE'
  | 'ROLE_SOURCE_CONFLICT'
  | 'ROLE_WITHOUT_SOURCE'
  | 'CREDENTIAL_SOURCE_INVALID'
  | 'SSO_SESSION_MISSING'
  | 'SSO_SESSION_CONFLICT'
  | 'SERVICES_MISSING'
  | 'PARTIAL_STATIC_KEYS'
  | 'SECURITY_TOKEN_LEFTOVER'
  | 'DURATION_NOT_INTEGER'
  | 'MIXED_KINDS'
  // the path itself
  | 'NOT_A_REGULAR_FILE';

export interface ProblemFix {
  readonly title: string;
}

export interface Problem {
  /** Stable within one reading of the files: `${code}:${file}:${line}`. */
  readonly id: string;
  readonly code: ProblemCode;
  readonly severity: ProblemSeverity;
  /** True when botocore refuses the file, so every AWS CLI command fails. */
  readonly breaksCli: boolean;
  readonly file: AwsFileKind;
  /** 1-based. */
  readonly line: number;
  readonly profile: string | undefined;
  readonly key: string | undefined;
  readonly message: string;
  readonly fix: ProblemFix | undefined;
  readonly effect: ProblemEffect;
  /**
   * The id of the problem this one follows from (an unclosed `[profile a` header makes the lines below it part of
   * the section above, so their duplicates are its consequences); undefined for a root cause.
   */
  readonly causeId: string | undefined;
}

const CREDENTIAL_SOURCES = ['Environment', 'Ec2InstanceMetadata', 'EcsContainer'];

/**
 * Every key whose value (or presence) a profile-level check below reads, plus what decides a profile's kind. Keep
 * in step with profileProblems: edits of other keys' values cannot add a profile-level problem.
 */
export const KEYS_CHECKED_BY_PROBLEMS: ReadonlySet<string> = new Set([
  'aws_access_key_id', 'aws_secret_access_key', 'aws_session_token', 'aws_security_token', 'aws_account_id',
  'credential_process', 'credential_source', 'duration_seconds', 'role_arn', 'services', 'source_profile',
  'sso_account_id', 'sso_role_name', 'sso_session', 'sso_start_url', 'sso_region', 'web_identity_token_file',
  'login_session',
]);
/** The JS SDK's section-name grammar; names outside it are invisible to the SDK. */
export const SDK_SAFE_NAME = /^[\w\-@+.%:/]+$/;
/** Whitespace Python's strip() removes and JS's trim() keeps, or the other way round. */
// eslint-disable-next-line no-control-regex -- U+001C–U+001F are exactly the characters in question
const ODD_WHITESPACE = /[\u001c-\u001f\u0085\ufeff]/;
/** The JS SDK cuts a line at the first `#` or `;` at its start or after whitespace. */
export const SDK_COMMENT_CUT = /(^|\s)[;#]/;

type Draft = Omit<Problem, 'id' | 'breaksCli' | 'severity' | 'fix' | 'effect' | 'causeId'> & {
  readonly severity?: ProblemSeverity;
  readonly fix?: string | undefined;
  /** Problems of the same file on lines after this one and before this 1-based line follow from it. */
  readonly consequencesUntil?: number;
};

/** Problems that change nothing the CLI or the SDKs do today: a legacy key name, sections both ignore. */
const STYLE_ONLY = new Set<ProblemCode>(['SECURITY_TOKEN_LEFTOVER', 'SECTION_IGNORED', 'NOT_A_PROFILE']);

const BREAKS_CLI = new Set<ProblemCode>([
  'BOM',
  'INVALID_UTF8',
  'MISSING_SECTION_HEADER',
  'DUPLICATE_SECTION',
  'DUPLICATE_KEY',
  'LINE_WITHOUT_DELIMITER',
  'EMPTY_KEY',
  'NESTED_LINE_WITHOUT_EQUALS',
]);

const ERRORS = new Set<ProblemCode>([
  ...BREAKS_CLI,
  'SOURCE_PROFILE_MISSING',
  'SOURCE_PROFILE_CYCLE',
  'ROLE_SOURCE_CONFLICT',
  'ROLE_WITHOUT_SOURCE',
  'CREDENTIAL_SOURCE_INVALID',
  'SSO_SESSION_MISSING',
  'SSO_SESSION_CONFLICT',
  'SERVICES_MISSING',
  'PARTIAL_STATIC_KEYS',
  'PROTO_NAME',
]);

function effectOf(code: ProblemCode): ProblemEffect {
  if (BREAKS_CLI.has(code)) return 'cli-refuses';
  if (ERRORS.has(code)) return 'profile-broken';
  return STYLE_ONLY.has(code) ? 'style' : 'sdks-disagree';
}

function finish(d: Draft, causeId: string | undefined): Problem {
  return {
    id: `${d.code}:${d.file}:${d.line}`,
    code: d.code,
    severity: d.severity ?? (ERRORS.has(d.code) ? 'error' : 'warning'),
    breaksCli: BREAKS_CLI.has(d.code),
    file: d.file,
    line: d.line,
    profile: d.profile,
    key: d.key,
    message: d.message,
    fix: d.fix === undefined ? undefined : { title: d.fix },
    effect: effectOf(d.code),
    causeId,
  };
}

/** Which drafts follow from an earlier one (see Draft.consequencesUntil): their cause's id, by draft. */
function causesOf(drafts: readonly Draft[]): Map<Draft, string> {
  const causes = drafts.filter((d) => d.consequencesUntil !== undefined);
  const out = new Map<Draft, string>();
  if (causes.length === 0) return out;
  for (const d of drafts) {
    const cause = causes.find((c) => c !== d && c.file === d.file && d.line > c.line && d.line < (c.consequencesUntil ?? 0));
    if (cause !== undefined) out.set(d, `${cause.code}:${cause.file}:${cause.line}`);
  }
  return out;
}

const problemsByModel = new WeakMap<ProfileModel, readonly Problem[]>();
const fileDraftsByReading = new WeakMap<IniReading, readonly Draft[]>();

/** Every problem in the pair, memoised per model (edit checks compare before and after). */
export function findProblems(model: ProfileModel): readonly Problem[] {
  let problems = problemsByModel.get(model);
  if (problems === undefined) {
    problems = computeProblems(model);
    problemsByModel.set(model, problems);
  }
  return problems;
}

/** Line-level problems of one file depend only on that file's reading (plus, for a few fix offers, names). */
function fileDrafts(file: AwsFileKind, reading: IniReading, model: ProfileModel): readonly Draft[] {
  let drafts = fileDraftsByReading.get(reading);
  if (drafts === undefined) {
    drafts = fileProblems(file, reading, model);
    fileDraftsByReading.set(reading, drafts);
  }
  return drafts;
}

function computeProblems(model: ProfileModel): Problem[] {
  // Copied in a loop: spreading a file's drafts into push() overflows the stack once a file has ~100,000 problems.
  const drafts: Draft[] = [];
  for (const d of fileDrafts('config', model.config, model)) drafts.push(d);
  for (const d of fileDrafts('credentials', model.credentials, model)) drafts.push(d);
  for (const profile of model.profiles) profileProblems(profile, model, drafts);
  const seen = new Set<string>();
  const out: Problem[] = [];
  const causes = causesOf(drafts);
  for (const d of drafts) {
    const p = finish(d, causes.get(d));
    const dedupe = `${p.id}:${p.key ?? ''}`;
    if (seen.has(dedupe)) continue;
    seen.add(dedupe);
    out.push(p);
  }
  return out.sort((a, b) => (a.file !== b.file ? (a.file === 'config' ? -1 : 1) : a.line - b.line || a.code.localeCompare(b.code)));
}

/** `[profile a` (a header whose "]" is missing): the header text, else undefined. */
export function unclosedHeader(text: string): string | undefined {
  const t = text.trim();
  return /^\[[^\]]*$/.test(t) ? t : undefined;
}

/** The profile a config or credentials section stands for in botocore, if any. */
function profileOfSection(file: AwsFileKind, name: string): string | undefined {
  if (file === 'credentials') return name;
  const type = classifyConfigSection(name);
  return type.type === 'profile' ? type.name : undefined;
}

function fileProblems(file: AwsFileKind, reading: IniReading, model: ProfileModel): Draft[] {
  const out: Draft[] = [];
  const fileLabel = file === 'config' ? 'config file' : 'credentials file';

  for (const e of reading.errors) {
    const line = e.line + 1;
    const section = e.section;
    const profile = section === undefined ? undefined : profileOfSection(file, section);
    switch (e.code) {
      case 'INVALID_UTF8':
        out.push({ code: 'INVALID_UTF8', file, line, profile, key: undefined, message: `Line ${line} of the ${fileLabel} is not valid UTF-8; the AWS CLI refuses the whole file.` });
        break;
      case 'BOM':
        out.push({ code: 'BOM', file, line: 1, profile: undefined, key: undefined, message: `The ${fileLabel} starts with a UTF-8 byte-order mark; the AWS CLI refuses the whole file.`, fix: 'Remove the byte-order mark' });
        break;
      case 'MISSING_SECTION_HEADER':
        out.push({ code: 'MISSING_SECTION_HEADER', file, line, profile: undefined, key: undefined, message: `Line ${line} of the ${fileLabel} comes before any [section] header; the AWS CLI refuses the whole file.`, fix: 'Comment out the line' });
        break;
      case 'DUPLICATE_SECTION':
        out.push({
          code: 'DUPLICATE_SECTION',
          file,
          line,
          profile,
          key: undefined,
          message: `Section [${section}] appears again (first at line ${(e.firstLine ?? 0) + 1}); the AWS CLI refuses the whole file.`,
          fix: duplicateSectionMergeable(reading, section!) ? 'Merge it into the first one' : undefined,
        });
        break;
      case 'DUPLICATE_KEY': {
        const same = duplicateKeySameValue(reading, e.firstLine!, e.line);
        out.push({
          code: 'DUPLICATE_KEY',
          file,
          line,
          profile,
          key: e.key,
          message: `Key "${e.key}" appears again in [${section}] (first at line ${(e.firstLine ?? 0) + 1}); the AWS CLI refuses the whole file.`,
          fix: same ? 'Remove the repeated line (same value)' : undefined,
        });
        break;
      }
      case 'LINE_WITHOUT_DELIMITER': {
        const header = unclosedHeader(lineText(reading.doc, e.line));
        if (header !== undefined) {
          // One cause, not three problems: the lines below belong to the section above until the next real header.
          const next = reading.occurrences.find((o) => o.headerLine > e.line);
          out.push({
            code: 'LINE_WITHOUT_DELIMITER',
            file,
            line,
            profile,
            key: undefined,
            message: `Line ${line} of the ${fileLabel} looks like a section header without its closing "]" (${header}); the AWS CLI refuses the whole file, and the lines below it count as part of [${section ?? 'the section above'}].`,
            fix: 'Add the missing "]"',
            consequencesUntil: next === undefined ? Number.MAX_SAFE_INTEGER : next.headerLine + 1,
          });
          break;
        }
        out.push({ code: 'LINE_WITHOUT_DELIMITER', file, line, profile, key: undefined, message: `Line ${line} of the ${fileLabel} is neither a comment, a [section] nor key = value; the AWS CLI refuses the whole file.`, fix: 'Comment out the line' });
        break;
      }
      case 'EMPTY_KEY':
        out.push({ code: 'EMPTY_KEY', file, line, profile, key: undefined, message: `Line ${line} of the ${fileLabel} has a value but no key; the AWS CLI refuses the whole file.`, fix: 'Comment out the line' });
        break;
      case 'NESTED_LINE_WITHOUT_EQUALS':
        out.push({ code: 'NESTED_LINE_WITHOUT_EQUALS', file, line, profile, key: e.key, message: `Line ${line} inside the nested "${e.key}" block has no "="; the AWS CLI refuses the whole file.` });
        break;
    }
  }

  const doc = reading.doc;
  // A leading byte-order mark is the BOM problem's business, not this one's.
  for (const i of linesMatching(doc, ODD_WHITESPACE, doc.text.charCodeAt(0) === 0xfeff ? 1 : 0)) {
    const line = i + 1;
    out.push({ code: 'ODD_WHITESPACE', file, line, profile: undefined, key: undefined, message: `Line ${line} holds an unusual whitespace character (such as U+0085 or U+FEFF) that the AWS CLI and the JS SDK trim differently.` });
  }
  const loneCr = firstLoneCrLine(doc);
  if (loneCr !== undefined) {
    const line = loneCr + 1;
    out.push({ code: 'LONE_CR', file, line, profile: undefined, key: undefined, message: `Line ${line} ends with a bare carriage return: the AWS CLI treats it as a line break, the JS SDK does not.` });
  }
  reading.forEachHeader((name, headerLine, indented) => headerProblems(file, name, indented, headerLine + 1, model, out));
  // Plain `key = value` lines cannot hold a line-level problem; the reader lists the others.
  reading.forEachUnusualEntry((entry, occurrence) => {
    const profile = profileOfSection(file, occurrence.name);
    entryProblems(file, occurrence, entry, profile, out);
    for (const i of entry.continuationLines) {
      if (reading.lineKind(i) !== 'continuation' || reading.lineKind(i - 1) === 'continuation') continue;
      // A header-looking line swallowed into the previous value is almost always a mis-indented section.
      const trimmed = lineText(doc, i).trim();
      if (trimmed.startsWith('[') && trimmed.endsWith(']')) {
        const line = i + 1;
        out.push({
          code: 'INDENTED_HEADER',
          file,
          line,
          profile,
          key: undefined,
          message: `${trimmed} on line ${line} is indented, so the AWS CLI reads it as part of the value above, not as a section.`,
          fix: 'Remove the indentation',
        });
      }
    }
  });
  return out;
}

/** Problems of one section header, added to `out` (one array for the whole file, not one per header). */
function headerProblems(file: AwsFileKind, name: string, indented: boolean, line: number, model: ProfileModel, out: Draft[]): void {
  if (indented) {
    out.push({ code: 'INDENTED_HEADER', file, line, profile: profileOfSection(file, name), key: undefined, message: `The header [${name}] on line ${line} is indented; the AWS CLI's own editor will not find it and may add a second copy.`, fix: 'Remove the indentation' });
  }
  if (name === 'DEFAULT') {
    out.push({ code: 'DEFAULT_SECTION', file, line, profile: undefined, key: undefined, message: `[DEFAULT] on line ${line} is inherited by every section of the ${file} file in the AWS CLI and ignored by the JS SDK.` });
    return;
  }
  if (file === 'credentials') {
    if (name.startsWith('profile ')) {
      const bare = name.slice('profile '.length).trim();
      const free = !model.credentials.sections.has(bare);
      out.push({
        code: 'PROFILE_PREFIX_IN_CREDENTIALS',
        file,
        line,
        profile: name,
        key: undefined,
        message: `[${name}] in the credentials file is a profile literally named "${name}" to the AWS CLI and unreachable for the JS SDK; the credentials file uses bare names ([${bare}]).`,
        fix: free && SDK_SAFE_NAME.test(bare) ? `Rename the section to [${bare}]` : undefined,
      });
    } else if (!SDK_SAFE_NAME.test(name)) {
      out.push({ code: 'NAME_NOT_SDK_SAFE', file, line, profile: name, key: undefined, message: `Profile name "${name}" has characters the JS SDK cannot read (it allows only letters, digits and _-@+.%:/).` });
    }
    if (name === '__proto__') out.push(protoProblem(file, line, name));
    return;
  }
  const type = classifyConfigSection(name);
  if (type.type === 'ignored') {
    out.push({ code: 'SECTION_IGNORED', file, line, profile: undefined, key: undefined, message: `The AWS CLI ignores [${name}] on line ${line}: a section name must be "profile NAME", "sso-session NAME" or "services NAME".` });
    return;
  }
  if (type.type === 'other') {
    if (name !== 'plugins' && name !== 'preview' && name.trim() !== '') {
      const looksLikeProfile = SDK_SAFE_NAME.test(name);
      const free = !model.byName.has(name);
      out.push({
        code: 'NOT_A_PROFILE',
        file,
        line,
        profile: undefined,
        key: undefined,
        message: `[${name}] on line ${line} is not a profile in the config file (profiles there are written [profile ${name}]).`,
        fix: looksLikeProfile && free ? `Rename the section to [profile ${name}]` : undefined,
      });
    }
    return;
  }
  const isCanonical = type.type === 'profile' && type.name === 'default' ? name === 'default' : isCanonicalHeader(name, type.type, type.name);
  // [profile default] is read the same by both tools; the clash with [default] is DEFAULT_TWICE's business.
  if ((!isCanonical && name !== 'profile default') || !SDK_SAFE_NAME.test(type.name)) {
    const canonical = type.type === 'profile' && type.name === 'default' ? 'default' : `${type.type} ${type.name}`;
    const quotedOrSpaced = !SDK_SAFE_NAME.test(type.name);
    out.push({
      code: 'NAME_NOT_SDK_SAFE',
      file,
      line,
      profile: type.type === 'profile' ? type.name : undefined,
      key: undefined,
      message: quotedOrSpaced
        ? `[${name}] on line ${line} names "${type.name}", which the JS SDK cannot read (no spaces or quotes in names).`
        : `[${name}] on line ${line} is read as "${type.name}" by the AWS CLI but not by the JS SDK; write it as [${canonical}].`,
      fix: quotedOrSpaced ? undefined : `Rewrite the header as [${canonical}]`,
    });
  }
  if (type.type === 'profile' && type.name === 'default' && name !== 'default' && model.config.sections.has('default')) {
    out.push({ code: 'DEFAULT_TWICE', file, line, profile: 'default', key: undefined, message: `Both [default] and [profile default] exist: the AWS CLI uses whichever comes last, the JS SDK always uses [profile default].` });
  }
  if (type.name === '__proto__') out.push(protoProblem(file, line, type.name));
}

/** name === `${type} ${profile}`, without building that string for each of thousands of headers. */
function isCanonicalHeader(name: string, type: string, profile: string): boolean {
  return name.length === type.length + 1 + profile.length && name.startsWith(type) && name.charCodeAt(type.length) === 0x20 && name.endsWith(profile);
}

function protoProblem(file: AwsFileKind, line: number, name: string): Draft {
  return { code: 'PROTO_NAME', file, line, profile: name, key: undefined, message: `A section named "__proto__" makes the JS SDK ignore the whole ${file} file.` };
}

/** Problems of one key line, added to `out`. */
function entryProblems(file: AwsFileKind, occ: SectionOccurrence, entry: IniEntry, profile: string | undefined, out: Draft[]): void {
  const line = entry.line + 1;
  const key = entry.key;
  if (entry.rawKey !== entry.key) {
    const clash = occ.entries.some((o) => o.line !== entry.line && o.key === entry.key && o.rawKey === entry.key);
    out.push({ code: 'UPPERCASE_KEY', file, line, profile, key, message: `Key "${entry.rawKey}" on line ${line} works in the AWS CLI (keys are lower-cased) but not in the JS SDK.`, fix: clash ? undefined : `Write it as "${entry.key}"` });
  }
  if (entry.delimiter === ':') {
    out.push({ code: 'COLON_DELIMITER', file, line, profile, key, message: `Line ${line} uses ":" between key and value; the JS SDK only understands "=".`, fix: 'Use "=" instead of ":"' });
  }
  if (entry.nested === undefined && entry.continuationLines.length === 0) {
    if (entry.value === '') {
      out.push({ code: 'EMPTY_VALUE', file, line, profile, key, message: `"${entry.rawKey}" on line ${line} has an empty value: the AWS CLI reads "", the JS SDK drops it and treats the lines below as a sub-section.` });
    } else if (mayHoldComment(entry.value) && SDK_COMMENT_CUT.test(entry.value)) {
      out.push({ code: 'INLINE_COMMENT', file, line, profile, key, message: `The value of "${entry.rawKey}" on line ${line} contains " #" or " ;": the AWS CLI keeps it as part of the value, the JS SDK cuts it off as a comment.`, fix: commentSplit(entry.value) === undefined ? undefined : 'Move the comment to its own line above' });
    }
  } else if (entry.nested === undefined && entry.value !== '' && !entry.value.startsWith('\n')) {
    out.push({ code: 'CONTINUATION_VALUE', file, line, profile, key, message: `"${entry.rawKey}" on line ${line} continues on indented lines: the AWS CLI joins them into one value, the JS SDK reads only the first line.` });
  }
  if (key === 'aws_security_token') {
    const hasSession = occ.entries.some((o) => o.key === 'aws_session_token');
    out.push({
      code: 'SECURITY_TOKEN_LEFTOVER',
      file,
      line,
      profile,
      key,
      message: hasSession
        ? `Leftover "aws_security_token" on line ${line} silently wins over aws_session_token in the AWS CLI; the JS SDK ignores it.`
        : `"aws_security_token" on line ${line} is an old name: the AWS CLI reads it, the JS SDK does not (use aws_session_token).`,
      fix: hasSession ? (sameAsSessionToken(occ, entry) ? 'Remove the leftover line' : undefined) : 'Rename it to aws_session_token',
    });
  }
}

/** A cheap pre-check for SDK_COMMENT_CUT: most values hold neither character. */
function mayHoldComment(value: string): boolean {
  return value.includes('#') || value.includes(';');
}

/** Splits `value # comment` into the value and the comment, when the cut is unambiguous. */
export function commentSplit(value: string): { value: string; comment: string } | undefined {
  const m = SDK_COMMENT_CUT.exec(value);
  if (m === null) return undefined;
  const at = m.index + m[1]!.length;
  const kept = value.slice(0, at).trimEnd();
  if (kept === '') return undefined;
  return { value: kept, comment: value.slice(at) };
}

function sameAsSessionToken(occ: SectionOccurrence, entry: IniEntry): boolean {
  return occ.entries.some((o) => o.key === 'aws_session_token' && o.value === entry.value);
}

function duplicateKeySameValue(reading: IniReading, firstLine: number, line: number): boolean {
  let a: IniEntry | undefined;
  let b: IniEntry | undefined;
  for (const occ of [...reading.occurrences, ...reading.defaultOccurrences]) {
    for (const e of occ.entries) {
      if (e.line === firstLine) a = e;
      if (e.line === line) b = e;
    }
  }
  return a !== undefined && b !== undefined && a.value === b.value && b.continuationLines.length === 0 && a.continuationLines.length === 0;
}

/** A later duplicate section can merge into the first when they share no key (so nothing is chosen for the user). */
export function duplicateSectionMergeable(reading: IniReading, name: string): boolean {
  const occs = reading.occurrences.filter((o) => o.name === name);
  const keys = new Set<string>();
  for (const occ of occs) {
    for (const e of occ.entries) {
      if (keys.has(e.key)) return false;
      keys.add(e.key);
    }
  }
  return occs.length > 1;
}

/** Lines holding a match of `pattern`, found with one search over the whole text rather than one per line. */
function linesMatching(doc: IniDocument, pattern: RegExp, from: number): number[] {
  const global = new RegExp(pattern.source, 'g');
  global.lastIndex = from;
  const out: number[] = [];
  for (let m = global.exec(doc.text); m !== null; m = global.exec(doc.text)) {
    const line = lineAt(doc, m.index);
    if (out[out.length - 1] !== line) out.push(line);
  }
  return out;
}

function firstLoneCrLine(doc: IniDocument): number | undefined {
  const text = doc.text;
  for (let at = text.indexOf('\r'); at >= 0; at = text.indexOf('\r', at + 1)) {
    if (text.charCodeAt(at + 1) !== 0x0a) return lineAt(doc, at);
  }
  return undefined;
}

/** Where a profile's key lives, for pointing a problem at a line. */
function keyLocation(profile: Profile, key: string): { file: AwsFileKind; line: number } {
  for (const [file, occs] of [['credentials', profile.credentialsSections], ['config', profile.configSections]] as const) {
    for (let i = occs.length - 1; i >= 0; i--) {
      const entry = occs[i]!.entries.find((e) => e.key === key);
      if (entry !== undefined) return { file, line: entry.line + 1 };
    }
  }
  return headerLocation(profile);
}

function headerLocation(profile: Profile): { file: AwsFileKind; line: number } {
  const occ = profile.configSections[0];
  if (occ !== undefined) return { file: 'config', line: occ.headerLine + 1 };
  const cred = profile.credentialsSections[0];
  return { file: 'credentials', line: (cred?.headerLine ?? 0) + 1 };
}

/** Problems of one profile's merged settings, added to `out`. */
function profileProblems(profile: Profile, model: ProfileModel, out: Draft[]): void {
  const s = profile.settings;
  const name = profile.name;
  const roleArn = stringSetting(s, 'role_arn');
  const sourceProfile = stringSetting(s, 'source_profile');
  const credentialSource = stringSetting(s, 'credential_source');
  const at = (key: string) => keyLocation(profile, key);

  if (roleArn !== undefined && !s.has('web_identity_token_file')) {
    if (sourceProfile !== undefined && credentialSource !== undefined) {
      out.push({ ...at('credential_source'), code: 'ROLE_SOURCE_CONFLICT', profile: name, key: 'credential_source', message: `Profile "${name}" has both source_profile and credential_source; the AWS CLI refuses it and the JS SDK ignores the role.` });
    } else if (sourceProfile === undefined && credentialSource === undefined) {
      out.push({ ...at('role_arn'), code: 'ROLE_WITHOUT_SOURCE', profile: name, key: 'role_arn', message: `Profile "${name}" has role_arn but neither source_profile nor credential_source, so nothing can assume the role.` });
    }
  }
  if (sourceProfile !== undefined) {
    if (!model.byName.has(sourceProfile)) {
      out.push({ ...at('source_profile'), code: 'SOURCE_PROFILE_MISSING', profile: name, key: 'source_profile', message: `Profile "${name}" uses source_profile "${sourceProfile}", which does not exist.` });
    } else {
      const cycle = findCycle(model, name);
      if (cycle !== undefined) {
        out.push({ ...at('source_profile'), code: 'SOURCE_PROFILE_CYCLE', profile: name, key: 'source_profile', message: `Profile "${name}" is part of a source_profile loop: ${cycle.join(' → ')}.` });
      }
    }
  }
  if (credentialSource !== undefined && !CREDENTIAL_SOURCES.includes(credentialSource)) {
    out.push({ ...at('credential_source'), code: 'CREDENTIAL_SOURCE_INVALID', profile: name, key: 'credential_source', message: `credential_source "${credentialSource}" in profile "${name}" must be exactly Environment, Ec2InstanceMetadata or EcsContainer (case matters).` });
  }
  const ssoSession = stringSetting(s, 'sso_session');
  if (ssoSession !== undefined) {
    const session = model.ssoSessions.get(ssoSession);
    if (session === undefined) {
      out.push({ ...at('sso_session'), code: 'SSO_SESSION_MISSING', profile: name, key: 'sso_session', message: `Profile "${name}" uses sso_session "${ssoSession}", but there is no [sso-session ${ssoSession}] section.` });
    } else {
      for (const key of ['sso_start_url', 'sso_region']) {
        const mine = stringSetting(s, key);
        const theirs = stringSetting(session.settings, key);
        if (mine !== undefined && theirs !== undefined && mine !== theirs) {
          out.push({ ...at(key), code: 'SSO_SESSION_CONFLICT', profile: name, key, message: `Profile "${name}" sets ${key} differently from [sso-session ${ssoSession}]; the AWS CLI refuses it, the JS SDK silently uses the session's.` });
        }
      }
    }
  }
  const services = stringSetting(s, 'services');
  if (services !== undefined && !model.services.has(services)) {
    out.push({ ...at('services'), code: 'SERVICES_MISSING', profile: name, key: 'services', message: `Profile "${name}" uses services "${services}", but there is no [services ${services}] section; AWS CLI calls with it fail.` });
  }
  const hasKey = s.has('aws_access_key_id');
  const hasSecret = s.has('aws_secret_access_key');
  if (hasKey !== hasSecret && roleArn === undefined) {
    const missing = hasKey ? 'aws_secret_access_key' : 'aws_access_key_id';
    const present = hasKey ? 'aws_access_key_id' : 'aws_secret_access_key';
    out.push({ ...at(present), code: 'PARTIAL_STATIC_KEYS', profile: name, key: missing, message: `Profile "${name}" has ${present} but no ${missing}.` });
  }
  const duration = stringSetting(s, 'duration_seconds');
  if (duration !== undefined && !/^\d+$/.test(duration)) {
    out.push({ ...at('duration_seconds'), code: 'DURATION_NOT_INTEGER', profile: name, key: 'duration_seconds', message: `duration_seconds "${duration}" in profile "${name}" is not a whole number: the AWS CLI ignores it, the JS SDK sends garbage.` });
  }
  const inConfigStatic = profile.configSettings?.has('aws_access_key_id') === true && profile.credentialsSettings?.has('aws_access_key_id') !== true;
  if (s.has('credential_process') && inConfigStatic) {
    out.push({ ...at('credential_process'), code: 'MIXED_KINDS', profile: name, key: 'credential_process', message: `Profile "${name}" has both static keys and credential_process in the config file: the AWS CLI runs the process, the JS SDK uses the keys.` });
  }
  if (s.has('credential_process') && (s.has('sso_account_id') || s.has('sso_role_name'))) {
    out.push({ ...at('credential_process'), code: 'MIXED_KINDS', profile: name, key: 'credential_process', message: `Profile "${name}" has both SSO settings and credential_process: the AWS CLI uses SSO, the JS SDK runs the process.` });
  }
  if (roleArn !== undefined && s.has('web_identity_token_file') && sourceProfile !== undefined) {
    out.push({ ...at('web_identity_token_file'), code: 'MIXED_KINDS', profile: name, key: 'web_identity_token_file', message: `Profile "${name}" has web_identity_token_file and source_profile: the AWS CLI uses web identity, the JS SDK assumes the role from the source.` });
  }
}

/** The source_profile loop starting at `name`, if any (a profile naming itself with static keys is allowed). */
export function findCycle(model: ProfileModel, name: string): string[] | undefined {
  // Nearly every chain ends after a hop or two: walk it once keeping nothing, and build the path only if it loops.
  let walked = model.byName.get(name);
  for (let steps = 0; walked !== undefined; steps++) {
    const next = stringSetting(walked.settings, 'source_profile');
    if (next === undefined || (next === walked.name && walked.settings.has('aws_access_key_id'))) return undefined;
    if (steps > model.byName.size) break;
    walked = model.byName.get(next);
  }
  if (walked === undefined) return undefined;
  const path: string[] = [name];
  let current = model.byName.get(name);
  while (current !== undefined) {
    const next = stringSetting(current.settings, 'source_profile');
    if (next === undefined) return undefined;
    if (next === current.name && current.settings.has('aws_access_key_id')) return undefined;
    const loopAt = path.indexOf(next);
    if (loopAt >= 0) return loopAt === 0 ? [...path, next] : undefined; // report the loop once, from a member
    path.push(next);
    current = model.byName.get(next);
  }
  return undefined;
}
