// Age and last use of a profile's long-term access key from IAM, with a first-seen fallback cache; plain Node.

import { mkdir, readFile, rename, writeFile } from 'node:fs/promises';
import path from 'node:path';

import { isHatrackError } from '../../../shared/domain/errors.js';
import type { CallTarget, StsGateway } from './sts-gateway.js';
import { ageInDays, FIRST_SEEN_FILE } from './key-age-cache.js';


export interface AccessKeyInfo {
  readonly accessKeyId: string;
  readonly userName: string | undefined;
  /** `unknown` when IAM would not say (first-seen fallback). */
  readonly status: 'Active' | 'Inactive' | 'unknown';
  /** ISO 8601: IAM's CreateDate, or the first time Hatrack saw the key when IAM denied the lookup. */
  readonly createDate: string;
  readonly ageDays: number;
  readonly lastUsed: { readonly date: string | null; readonly service: string | null; readonly region: string | null } | null;
  readonly source: 'iam' | 'first-seen';
}

interface FirstSeenFile {
  readonly version: 1;
  readonly keys: Record<string, { readonly firstSeen: string }>;
}

async function readStore(file: string): Promise<FirstSeenFile> {
  try {
    const json = JSON.parse(await readFile(file, 'utf8')) as Partial<FirstSeenFile>;
    if (json.version === 1 && typeof json.keys === 'object' && json.keys !== null) return { version: 1, keys: { ...json.keys } };
  } catch {
    // Missing or damaged: start again; the worst case is a younger first-seen date.
  }
  return { version: 1, keys: {} };
}

async function writeStore(file: string, store: FirstSeenFile): Promise<void> {
  await mkdir(path.dirname(file), { recursive: true, mode: 0o700 });
  const tmp = `${file}.${process.pid}.tmp`;
  await writeFile(tmp, `${JSON.stringify(store, null, 2)}\n`, { mode: 0o600 });
  await rename(tmp, file);
}

/** The first time this key id was seen, recording `now` if it is new. Key ids are identifiers, not secrets. */
export async function firstSeen(dataDir: string, accessKeyId: string, now: Date): Promise<Date> {
  const file = path.join(dataDir, FIRST_SEEN_FILE);
  const store = await readStore(file);
  const known = store.keys[accessKeyId]?.firstSeen;
  const parsed = known === undefined ? undefined : new Date(known);
  if (parsed !== undefined && !Number.isNaN(parsed.getTime())) return parsed;
  store.keys[accessKeyId] = { firstSeen: now.toISOString() };
  await writeStore(file, store);
  return now;
}

export interface AccessKeyInfoDeps {
  readonly gateway: StsGateway;
  readonly dataDir: string;
  readonly now: () => Date;
}

/** `iam` is signed with the key itself; IAM answers for the caller's own keys without a UserName. */
export async function accessKeyInfo(deps: AccessKeyInfoDeps, iam: CallTarget): Promise<AccessKeyInfo> {
  const id = iam.credentials.accessKeyId;
  const now = deps.now();
  const seen = await firstSeen(deps.dataDir, id, now);
  const fallback = (): AccessKeyInfo => ({
    accessKeyId: id,
    userName: undefined,
    status: 'unknown',
    createDate: seen.toISOString(),
    ageDays: ageInDays(seen, now),
    lastUsed: null,
    source: 'first-seen',
  });
  let keys;
  try {
    keys = await deps.gateway.listAccessKeys(iam);
  } catch (e) {
    if (isHatrackError(e) && e.code === 'ACCESS_DENIED') return fallback();
    throw e;
  }
  const mine = keys.find((k) => k.accessKeyId === id);
  if (mine?.createDate === undefined) return fallback();
  let lastUsed: AccessKeyInfo['lastUsed'] = null;
  try {
    const u = await deps.gateway.getAccessKeyLastUsed(iam, id);
    lastUsed = { date: u.lastUsedDate?.toISOString() ?? null, service: u.serviceName ?? null, region: u.region ?? null };
  } catch (e) {
    if (!(isHatrackError(e) && e.code === 'ACCESS_DENIED')) throw e;
  }
  return {
    accessKeyId: id,
    userName: mine.userName,
    status: mine.status,
    createDate: mine.createDate.toISOString(),
    ageDays: ageInDays(mine.createDate, now),
    lastUsed,
    source: 'iam',
  };
}
