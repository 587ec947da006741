// Every account and role a signed-in IAM Identity Center user can reach (spec §7), through the portal client; plain Node.
//
// ListAccounts pages are followed one after the other (each needs the last one's token); a pool of workers takes
// the accounts as pages bring them and lists their roles. The pool bounds the calls in flight; the portal client's
// adaptive limiter lowers that further while the service throttles.

import { setMaxListeners } from 'node:events';

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
  /** ListAccountRoles calls in flight at most (the portal client's limiter may allow fewer); default 16. */
  readonly concurrency?: number | undefined;
  readonly now?: (() => Date) | undefined;
}

export const DEFAULT_DISCOVERY_CONCURRENCY = 16;

function byNameThenId(a: PortalAccount, b: PortalAccount): number {
  const an = (a.accountName ?? '').toLowerCase();
  const bn = (b.accountName ?? '').toLowerCase();
  if (an !== bn) return an < bn ? -1 : 1;
  return a.accountId < b.accountId ? -1 : a.accountId > b.accountId ? 1 : 0;
}

export async function discoverAccounts(portal: PortalClient, options: DiscoveryOptions = {}): Promise<SsoDiscovery> {
  const { onProgress, signal } = options;
  const workers = Math.max(1, options.concurrency ?? DEFAULT_DISCOVERY_CONCURRENCY);
  const seen = new Set<string>();
  const listed: PortalAccount[] = [];
  const roles: (readonly string[])[] = [];
  let next = 0;
  let done = 0;
  let listingDone = false;
  let failure: unknown;
  const report = () => onProgress?.({ accounts: listed.length, accountsDone: done, listingDone });
  // A failure stops the rest: no call may keep the process busy after the error is known.
  const stop = new AbortController();
  // Every call in flight listens on it (node:http removes each listener when its call ends).
  setMaxListeners(workers + 8, stop.signal);
  const abortAll = () => stop.abort(signal?.reason);
  signal?.addEventListener('abort', abortAll, { once: true });
  const fail = (e: unknown) => {
    failure ??= e;
    stop.abort();
  };
  // Workers take accounts as pages bring them; one wakes a sleeping worker when a page adds work or listing ends.
  let wake: (() => void) | undefined;
  let pending = new Promise<void>((r) => (wake = r));
  const signalWork = () => {
    const w = wake;
    pending = new Promise<void>((r) => (wake = r));
    w?.();
  };
  const worker = async (): Promise<void> => {
    while (failure === undefined) {
      if (next < listed.length) {
        const i = next++;
        roles[i] = await portal.listAccountRoles(listed[i]!.accountId, stop.signal);
        done++;
        report();
      } else if (listingDone) return;
      else await pending;
    }
  };
  const lister = async (): Promise<void> => {
    let token: string | undefined;
    do {
      const page = await portal.listAccountsPage(token, stop.signal);
      for (const account of page.items) {
        if (seen.has(account.accountId)) continue;
        seen.add(account.accountId);
        listed.push(account);
      }
      token = page.nextToken;
      report();
      signalWork();
    } while (token !== undefined);
    listingDone = true;
    report();
    signalWork();
  };
  try {
    const all = [lister(), ...Array.from({ length: workers }, worker)].map((p) => p.catch(fail));
    // A failed lister must also release the workers waiting for pages.
    void all[0]!.then(() => {
      if (failure !== undefined) signalWork();
    });
    await Promise.all(all);
    if (failure !== undefined) throw failure;
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
  } finally {
    signal?.removeEventListener('abort', abortAll);
  }
}
