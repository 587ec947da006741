// One-click fixes for the problems that have a safe repair; each keeps every other line as it is.

import { HatrackError, isHatrackError } from '../../../shared/domain/errors.js';
import type { AwsDocs } from './aws-docs.js';
import { modelOf, withDoc } from './aws-docs.js';
import type { IniDocument } from './ini-document.js';
import { docLines, lineText, replaceLineText, spliceLines } from './ini-document.js';
import type { IniEntry, IniReading } from './ini-reading.js';
import { findDelimiter } from './ini-reading.js';
import { classifyConfigSection } from './profiles.js';
import type { Problem } from './problems.js';
import { commentSplit, findProblems, unclosedHeader } from './problems.js';
import { guardNoNewProblems, lastContentLine, rewriteHeaderLine, rewriteKeyLine } from './edits.js';

function entryAt(reading: IniReading, line: number): IniEntry | undefined {
  for (const occ of [...reading.occurrences, ...reading.defaultOccurrences]) {
    for (const e of occ.entries) if (e.line === line) return e;
  }
  return undefined;
}

function setHeader(doc: IniDocument, line: number, header: string): IniDocument {
  return replaceLineText(doc, line, rewriteHeaderLine(lineText(doc, line), header));
}

function repair(docs: AwsDocs, problem: Problem): IniDocument {
  const model = modelOf(docs);
  const reading = problem.file === 'config' ? model.config : model.credentials;
  const doc = docs[problem.file];
  const index = problem.line - 1;
  const text = index < doc.lineCount ? lineText(doc, index) : '';
  const entry = entryAt(reading, index);
  switch (problem.code) {
    case 'BOM':
      return replaceLineText(doc, 0, text.replace(/^\uFEFF+/, ''));
    case 'LINE_WITHOUT_DELIMITER':
      // An unclosed header gets its "]" back (commenting it out would pour its keys into the section above).
      if (unclosedHeader(text) !== undefined) return replaceLineText(doc, index, `${text.trimEnd()}]`);
      return replaceLineText(doc, index, `# ${text}`);
    case 'MISSING_SECTION_HEADER':
    case 'EMPTY_KEY':
      return replaceLineText(doc, index, `# ${text}`);
    case 'INDENTED_HEADER':
      return replaceLineText(doc, index, text.trimStart());
    case 'DUPLICATE_KEY':
      if (entry === undefined) break;
      return spliceLines(doc, entry.line, entry.lastLine + 1, []);
    case 'DUPLICATE_SECTION': {
      const later = reading.occurrences.find((o) => o.headerLine === index);
      const first = later === undefined ? undefined : reading.occurrences.find((o) => o.name === later.name);
      if (later === undefined || first === undefined || first === later) break;
      const bodyEnd = lastContentLine(later) + 1;
      const body = docLines(doc, later.headerLine + 1, bodyEnd).map((l) => l.text);
      // Remove the later copy first (it is below), then add its keys after the first copy's last key.
      let next = spliceLines(doc, later.headerLine, bodyEnd, []);
      const at = lastContentLine(first) + 1;
      next = spliceLines(next, at, at, body);
      return next;
    }
    case 'UPPERCASE_KEY':
      if (entry === undefined) break;
      return replaceLineText(doc, index, lowerKey(text, entry));
    case 'COLON_DELIMITER': {
      const start = text.length - text.trimStart().length;
      const at = start + findDelimiter(text.slice(start));
      return replaceLineText(doc, index, `${text.slice(0, at)}=${text.slice(at + 1)}`);
    }
    case 'INLINE_COMMENT': {
      if (entry === undefined) break;
      const split = commentSplit(entry.value);
      if (split === undefined) break;
      const indent = text.slice(0, text.length - text.trimStart().length);
      return spliceLines(doc, index, index + 1, [`${indent}${split.comment}`, rewriteKeyLine(text, entry.rawKey, split.value)]);
    }
    case 'SECURITY_TOKEN_LEFTOVER':
      if (entry === undefined) break;
      if (problem.fix?.title.startsWith('Remove')) return spliceLines(doc, entry.line, entry.lastLine + 1, []);
      return replaceLineText(doc, index, rewriteKeyLine(text, 'aws_session_token', entry.value));
    case 'PROFILE_PREFIX_IN_CREDENTIALS': {
      const occ = reading.occurrences.find((o) => o.headerLine === index);
      if (occ === undefined) break;
      return setHeader(doc, index, `[${occ.name.slice('profile '.length).trim()}]`);
    }
    case 'NOT_A_PROFILE': {
      const occ = reading.occurrences.find((o) => o.headerLine === index);
      if (occ === undefined) break;
      return setHeader(doc, index, `[profile ${occ.name}]`);
    }
    case 'NAME_NOT_SDK_SAFE': {
      const occ = reading.occurrences.find((o) => o.headerLine === index);
      if (occ === undefined) break;
      const type = classifyConfigSection(occ.name);
      if (type.type !== 'profile' && type.type !== 'sso-session' && type.type !== 'services') break;
      return setHeader(doc, index, type.type === 'profile' && type.name === 'default' ? '[default]' : `[${type.type} ${type.name}]`);
    }
    default:
      break;
  }
  throw new HatrackError('NO_SAFE_FIX', `There is no safe automatic fix for ${problem.code} on line ${problem.line}; edit it by hand.`);
}

function lowerKey(text: string, entry: IniEntry): string {
  const at = text.indexOf(entry.rawKey);
  return text.slice(0, at) + entry.key + text.slice(at + entry.rawKey.length);
}

export function applyFix(docs: AwsDocs, problemId: string): AwsDocs {
  const problem = findProblems(modelOf(docs)).find((p) => p.id === problemId);
  if (problem === undefined) throw new HatrackError('PROBLEM_NOT_FOUND', `No current problem has id "${problemId}"; list them again, line numbers may have moved.`);
  if (problem.fix === undefined) throw new HatrackError('NO_SAFE_FIX', `There is no safe automatic fix for ${problem.code} on line ${problem.line}; edit it by hand.`);
  return guardNoNewProblems(docs, withDoc(docs, problem.file, repair(docs, problem)));
}

/** Applies every safe fix, one at a time (line numbers move after each), and reports what was fixed. */
export function applyAllFixes(docs: AwsDocs): { docs: AwsDocs; fixed: Problem[] } {
  let next = docs;
  const fixed: Problem[] = [];
  const skipped = new Set<string>();
  for (let guard = 0; guard < 10_000; guard++) {
    const problem = findProblems(modelOf(next)).find((p) => p.fix !== undefined && !skipped.has(`${p.code}|${p.file}|${p.profile ?? ''}|${p.key ?? ''}|${p.line}`));
    if (problem === undefined) break;
    try {
      next = applyFix(next, problem.id);
      fixed.push(problem);
    } catch (e) {
      if (!(isHatrackError(e))) throw e;
      skipped.add(`${problem.code}|${problem.file}|${problem.profile ?? ''}|${problem.key ?? ''}|${problem.line}`);
    }
  }
  return { docs: next, fixed };
}
