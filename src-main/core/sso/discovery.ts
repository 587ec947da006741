// Every account and role a signed-in IAM Identity Center user can reach (spec §7), through the portal client; plain Node.
//
// ListAccounts pages are followed one after the other (each needs the last one's token); the ListAccountRoles calls
// for a page's accounts start as soon as that page arrives. How many run at once is the portal client's limiter's
// business, so discovery itself has no concurrency knob of its own.

import type { PortalAccount, PortalClient } from './portal-client.js';

export interface SsoAccountRoles {
  readonly accountId: string;
  readonly accountName: string | undefined;
  readonly emailAddress: string | undefined;
  /** Sorted by name. */
  readonly roles: readonly string[];
}

export interface SsoDiscovery {
  /** Accounts with at least one role, sorted by name (case-insensitive), then id. */
  readonly accounts: readonly SsoAccountRoles[];
  /** Accounts listed without any role (skipped, reported). */
  readonly withoutRoles: readonly PortalAccount[];
  readonly discoveredAt: Date;
}

export interface DiscoveryProgress {
  /** Accounts listed so far; final once `listingDone`. */
  readonly accounts: number;
  /** Accounts whose roles are known. */
  readonly accountsDone: number;
  readonly listingDone: boolean;
}

export interface DiscoveryOptions {
  readonly onProgress?: ((p: DiscoveryProgress) => void) | undefined;
  readonly signal?: AbortSignal | undefined;
  readonly now?: (() => Date) | undefined;
}

function byNameThenId(a: PortalAccount, b: PortalAccount): number {
  const an = (a.accountName ?? '').toLowerCase();
  const bn = (b.accountName ?? '').toLowerCase();
  if (an !== bn) return an < bn ? -1 : 1;
  return a.accountId < b.accountId ? -1 : a.accountId > b.accountId ? 1 : 0;
}

export async function discoverAccounts(portal: PortalClient, options: DiscoveryOptions = {}): Promise<SsoDiscovery> {
  const { onProgress, signal } = options;
  const seen = new Set<string>();
  const listed: PortalAccount[] = [];
  const roleCalls: Promise<readonly string[]>[] = [];
  let done = 0;
  let listingDone = false;
  let failure: unknown;
  const report = () => onProgress?.({ accounts: listed.length, accountsDone: done, listingDone });
  // A failure stops the rest: a pending role call must not keep the process busy after the error is known.
  const stop = new AbortController();
  const abortAll = () => stop.abort(signal?.reason);
  signal?.addEventListener('abort', abortAll, { once: true });
  try {
    let token: string | undefined;
    do {
      const page = await portal.listAccountsPage(token, stop.signal);
      for (const account of page.items) {
        if (seen.has(account.accountId)) continue;
        seen.add(account.accountId);
        listed.push(account);
        const call = portal.listAccountRoles(account.accountId, stop.signal).then((roles) => {
          done++;
          report();
          return roles;
        });
        call.catch((e: unknown) => {
          failure ??= e;
          stop.abort();
        });
        roleCalls.push(call);
      }
      token = page.nextToken;
      report();
    } while (token !== undefined);
    listingDone = true;
    report();
    const roles = await Promise.all(roleCalls);
    const accounts: SsoAccountRoles[] = [];
    const withoutRoles: PortalAccount[] = [];
    listed.forEach((account, i) => {
      const names = [...new Set(roles[i]!)].sort();
      if (names.length === 0) withoutRoles.push(account);
      else accounts.push({ ...account, roles: names });
    });
    accounts.sort(byNameThenId);
    withoutRoles.sort(byNameThenId);
    return { accounts, withoutRoles, discoveredAt: (options.now ?? (() => new Date()))() };
  } catch (e) {
    failure ??= e;
    stop.abort();
    await Promise.allSettled(roleCalls);
    throw failure;
  } finally {
    signal?.removeEventListener('abort', abortAll);
  }
}
