// `sso setup`: writes an `[sso-session NAME]` block through the lossless line edits (spec §1.3); pure.

import { HatrackError } from '../../../shared/domain/errors.js';
import type { AwsDocs } from '../awsfiles/aws-docs.js';
import { modelOf, withDoc } from '../awsfiles/aws-docs.js';
import { appendSection, guardNoNewProblems, lastContentLine, rewriteKeyLine, validateValue } from '../awsfiles/edits.js';
import { lineText, spliceLines } from '../awsfiles/ini-document.js';
import { SDK_SAFE_NAME } from '../awsfiles/problems.js';
import { DEFAULT_SSO_SCOPES } from './session-config.js';

export interface SsoSessionSetup {
  readonly name: string;
  /** Stored exactly as typed: it is compared byte-for-byte and keys legacy caches. */
  readonly startUrl: string;
  readonly region: string;
  /** Undefined keeps an existing block's scopes, and gives a new block `sso:account:access` (as `aws configure sso`). */
  readonly scopes?: readonly string[] | undefined;
}

const REGION = /^[a-z]{2,4}(-[a-z]+)+-\d+$/;

/** Refuses what CLI v2 would refuse at login (a non-https start URL) and names the SDKs cannot both read. */
export function validateSsoSetup(setup: SsoSessionSetup): void {
  if (!SDK_SAFE_NAME.test(setup.name) || setup.name === '__proto__') {
    throw new HatrackError('INVALID_NAME', `Session name "${setup.name}" can only use letters, digits and _-@+.%:/ (anything else is unreadable for the AWS SDKs).`);
  }
  let url: URL;
  try {
    url = new URL(setup.startUrl);
  } catch {
    throw new HatrackError('INVALID_VALUE', `The start URL "${setup.startUrl}" is not a URL; it looks like https://d-1234567890.awsapps.com/start.`);
  }
  if (url.protocol !== 'https:') throw new HatrackError('INVALID_VALUE', 'The start URL must begin with https:// (the AWS CLI refuses anything else at sign-in).');
  if (!REGION.test(setup.region)) throw new HatrackError('INVALID_VALUE', `"${setup.region}" is not an AWS region name (e.g. us-east-1).`);
  for (const s of setup.scopes ?? []) {
    if (s === '' || /[\s,]/.test(s)) throw new HatrackError('INVALID_VALUE', `The scope "${s}" is not valid: scopes hold no spaces or commas.`);
  }
}

/**
 * Adds or updates `[sso-session NAME]`: existing keys are rewritten in place (every copy), missing ones go after the
 * block's last key, and every other line of the files stays byte for byte. Refuses an edit that adds a problem.
 */
export function setSsoSession(docs: AwsDocs, setup: SsoSessionSetup): AwsDocs {
  validateSsoSetup(setup);
  const existing = modelOf(docs).ssoSessions.get(setup.name);
  const values: [string, string][] = [
    ['sso_start_url', setup.startUrl],
    ['sso_region', setup.region],
  ];
  if (setup.scopes !== undefined || existing === undefined) values.push(['sso_registration_scopes', (setup.scopes ?? DEFAULT_SSO_SCOPES).join(',')]);
  for (const [key, value] of values) validateValue(`${key} in sso-session "${setup.name}"`, value);
  if (existing === undefined || existing.sections.length === 0) {
    return guardNoNewProblems(docs, withDoc(docs, 'config', appendSection(docs.config, `[sso-session ${setup.name}]`, values.map(([k, v]) => `${k} = ${v}`))));
  }
  let doc = docs.config;
  const added: string[] = [];
  const rewrites: { line: number; last: number; text: string }[] = [];
  for (const [key, value] of values) {
    const entries = existing.sections.flatMap((occ) => occ.entries.filter((e) => e.key === key));
    if (entries.length === 0) added.push(`${key} = ${value}`);
    for (const e of entries) {
      if (e.value !== value || e.continuationLines.length > 0) rewrites.push({ line: e.line, last: e.lastLine, text: rewriteKeyLine(lineText(doc, e.line), key, value) });
    }
  }
  // Insert first (below every rewrite), then rewrite bottom-up, so no line number moves before it is used.
  const at = lastContentLine(existing.sections[existing.sections.length - 1]!) + 1;
  if (added.length > 0) doc = spliceLines(doc, at, at, added);
  for (const r of rewrites.sort((a, b) => b.line - a.line)) doc = spliceLines(doc, r.line, r.last + 1, [r.text]);
  return guardNoNewProblems(docs, withDoc(docs, 'config', doc));
}
