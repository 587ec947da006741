// Age, status and last use of a profile's long-term access key, and its account's alias, from IAM; plain Node.
//
// Every call is signed with the key itself: IAM answers for the caller's own keys without a UserName, so no other
// credentials are needed. What IAM will not say stays unknown — there is no guessed fallback date.

import { ageInDays } from '../../../shared/domain/key-age.js';
import { isHatrackError } from '../../../shared/domain/errors.js';
import type { KeyFactsUpdate } from '../keys/key-facts-cache.js';
import type { CallTarget, StsGateway } from './sts-gateway.js';

export interface AccessKeyInfo {
  readonly accessKeyId: string;
  readonly userName: string | undefined;
  /** `unknown` when IAM would not say. */
  readonly status: 'Active' | 'Inactive' | 'unknown';
  /** ISO 8601 CreateDate from IAM; null when IAM would not say (then the age is unknown, never 0). */
  readonly createDate: string | null;
  readonly ageDays: number | null;
  readonly lastUsed: { readonly date: string | null; readonly service: string | null; readonly region: string | null } | null;
  /** `iam`: CreateDate came from IAM; `unknown`: IAM denied the lookup. */
  readonly source: 'iam' | 'unknown';
  readonly accountId: string | null;
  /** The IAM account alias; null when the account has none or IAM would not say. */
  readonly accountAlias: string | null;
}

export interface AccessKeyInfoDeps {
  readonly gateway: StsGateway;
  readonly now: () => Date;
}

/** A denial is an answer ("not allowed to know"); anything else (network, throttling) is a failed check. */
async function unlessDenied<T>(call: () => Promise<T>): Promise<T | undefined> {
  try {
    return await call();
  } catch (e) {
    if (isHatrackError(e) && e.code === 'ACCESS_DENIED') return undefined;
    throw e;
  }
}

export async function accessKeyInfo(deps: AccessKeyInfoDeps, t: { readonly iam: CallTarget; readonly sts: CallTarget }): Promise<AccessKeyInfo> {
  const id = t.iam.credentials.accessKeyId;
  const now = deps.now();
  // One call at a time: a failure ends the check at once, with no request of it left running past the deadline.
  const keys = await unlessDenied(() => deps.gateway.listAccessKeys(t.iam));
  const who = await unlessDenied(() => deps.gateway.getCallerIdentity(t.sts));
  const accountId = who?.account !== undefined && who.account !== '' ? who.account : null;
  const accountAlias = accountId === null ? null : ((await unlessDenied(() => deps.gateway.listAccountAliases(t.iam))) ?? null);
  const mine = keys?.find((k) => k.accessKeyId === id);
  if (mine?.createDate === undefined) {
    return { accessKeyId: id, userName: mine?.userName, status: mine?.status ?? 'unknown', createDate: null, ageDays: null, lastUsed: null, source: 'unknown', accountId, accountAlias };
  }
  const u = await unlessDenied(() => deps.gateway.getAccessKeyLastUsed(t.iam, id));
  return {
    accessKeyId: id,
    userName: mine.userName,
    status: mine.status,
    createDate: mine.createDate.toISOString(),
    ageDays: ageInDays(mine.createDate, now),
    lastUsed: u === undefined ? null : { date: u.lastUsedDate?.toISOString() ?? null, service: u.serviceName ?? null, region: u.region ?? null },
    source: 'iam',
    accountId,
    accountAlias,
  };
}

/** The cache entries one check produced (identifiers and dates only). */
export function keyFactsUpdate(info: AccessKeyInfo, checkedAt: Date): KeyFactsUpdate {
  const at = checkedAt.toISOString();
  return {
    keys: {
      [info.accessKeyId]: {
        createDate: info.createDate,
        status: info.status,
        userName: info.userName ?? null,
        lastUsedDate: info.lastUsed?.date ?? null,
        lastUsedService: info.lastUsed?.service ?? null,
        lastUsedRegion: info.lastUsed?.region ?? null,
        accountId: info.accountId,
        checkedAt: at,
      },
    },
    accounts: info.accountId === null ? {} : { [info.accountId]: { alias: info.accountAlias, checkedAt: at } },
  };
}
