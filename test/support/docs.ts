// Small helpers for tests that build AwsDocs from text and read them back.

import { isHatrackError } from '../../shared/domain/errors.js';
import type { AwsDocs } from '../../src-main/core/awsfiles/aws-docs.js';
import { modelOf } from '../../src-main/core/awsfiles/aws-docs.js';
import { parseDocument } from '../../src-main/core/awsfiles/ini-document.js';

export function docsOf(config: string, credentials = ''): AwsDocs {
  return { config: parseDocument(new TextEncoder().encode(config)), credentials: parseDocument(new TextEncoder().encode(credentials)) };
}

export function textOf(docs: AwsDocs): { config: string; credentials: string } {
  return { config: docs.config.text, credentials: docs.credentials.text };
}

/** Lines that differ between two texts, compared as multisets of (line text + ending) — enough for local edits. */
export function changedLines(before: string, after: string): { removed: string[]; added: string[] } {
  const split = (s: string) => s.match(/[^\r\n]*(\r\n|\n|\r|$)/g)!.filter((l) => l !== '');
  const a = split(before);
  const b = split(after);
  let p = 0;
  while (p < a.length && p < b.length && a[p] === b[p]) p++;
  let q = 0;
  while (q < a.length - p && q < b.length - p && a[a.length - 1 - q] === b[b.length - 1 - q]) q++;
  return { removed: a.slice(p, a.length - q), added: b.slice(p, b.length - q) };
}

/** botocore's merged settings of one profile, as a plain object for assertions. */
export function settingsOf(docs: AwsDocs, name: string): Record<string, unknown> {
  return Object.fromEntries(modelOf(docs).byName.get(name)?.settings ?? []);
}

/** The HatrackError code `fn` throws ('OTHER' for any other error), or undefined when it does not throw. */
export function codeOf(fn: () => unknown): string | undefined {
  try {
    fn();
  } catch (e) {
    return isHatrackError(e) ? e.code : 'OTHER';
  }
  return undefined;
}
