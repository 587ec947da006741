// Network actions in place: which profile is busy with what (a cancellable call), and what failed, shown on its row.
//
// Each run gets a fresh call id that travels with the request; Cancel sends `calls.cancel` with it, so main aborts the
// STS / sign-in requests for real. The row returns to idle at once; the CANCELLED answer that follows is dropped.
import { createContext, useCallback, useContext, useMemo, useRef, useState } from 'react';
import type { ReactNode } from 'react';
import { useClient } from '../../platform/client-context.js';
import { isClientError } from '../../platform/desktop-client.js';
import type { RecoveryAction } from '../../platform/error-text.js';
import { recoveryFor } from '../../platform/error-text.js';

/** The profile actions that talk to AWS and so can take a while. */
export type NetworkAction = 'use' | 'assume' | 'console' | 'checkKey' | 'checkKeys' | 'refresh';

export const PROGRESS_LABEL: Readonly<Record<NetworkAction, string>> = {
  use: 'Switching…',
  assume: 'Assuming…',
  console: 'Opening console…',
  checkKey: 'Checking key…',
  checkKeys: 'Checking keys…',
  refresh: 'Refreshing…',
};

export type ProfileCall =
  | { readonly state: 'running'; readonly action: NetworkAction; readonly callId: string }
  | { readonly state: 'failed'; readonly action: NetworkAction; readonly message: string; readonly recovery: RecoveryAction; readonly recover: () => void };

interface RunningCallsApi {
  readonly calls: ReadonlyMap<string, ProfileCall>;
  /**
   * Runs `work` as `profile`'s `action` with a fresh call id: true when it succeeded, false when it failed (the error
   * is kept on the profile), was cancelled, or the profile was already busy. `signIn` is the Sign in step for SSO errors.
   */
  readonly run: (profile: string, action: NetworkAction, work: (callId: string) => Promise<void>, signIn: () => void) => Promise<boolean>;
  readonly cancel: (profile: string) => void;
  readonly dismiss: (profile: string) => void;
}

const Ctx = createContext<RunningCallsApi | null>(null);

export function useRunningCalls(): RunningCallsApi {
  const api = useContext(Ctx);
  if (api === null) throw new Error('useRunningCalls outside RunningCallsProvider');
  return api;
}

/** What `profile` is doing or what last failed for it; undefined when idle. */
export function useProfileCall(profile: string): ProfileCall | undefined {
  return useRunningCalls().calls.get(profile);
}

let sequence = 0;
/** A fresh id for one call (unique in this window), sent with the request so `calls.cancel` can name it. */
export function newCallId(): string {
  sequence += 1;
  return `call-${Date.now().toString(36)}-${sequence}`;
}

/** What a failed call shows in place: main's sentence and the next step it calls for. */
export function failureOf(e: unknown): { readonly code: string; readonly message: string; readonly recovery: RecoveryAction } {
  const code = isClientError(e) ? e.code : 'INTERNAL';
  return { code, message: e instanceof Error ? e.message : 'Something went wrong.', recovery: recoveryFor(code) };
}

/**
 * The calls and what failed, keyed by profile: the shared instance behind RunningCallsProvider. A screen whose call
 * belongs to no profile ("Check all keys") keeps its own instance, keyed by a name of its choosing.
 */
export function useCallSlots(): RunningCallsApi {
  const client = useClient();
  const [calls, setCalls] = useState<ReadonlyMap<string, ProfileCall>>(new Map());
  // The same map, readable synchronously: run() must see a call started a moment ago, before React re-renders.
  const current = useRef(calls);
  const update = useCallback((profile: string, next: ProfileCall | undefined) => {
    const map = new Map(current.current);
    if (next === undefined) map.delete(profile);
    else map.set(profile, next);
    current.current = map;
    setCalls(map);
  }, []);
  const isCurrent = (profile: string, callId: string): boolean => {
    const c = current.current.get(profile);
    return c?.state === 'running' && c.callId === callId;
  };

  const run = useCallback<RunningCallsApi['run']>(
    async (profile, action, work, signIn) => {
      if (current.current.get(profile)?.state === 'running') return false;
      const callId = newCallId();
      update(profile, { state: 'running', action, callId });
      try {
        await work(callId);
        const stillWanted = isCurrent(profile, callId);
        if (stillWanted) update(profile, undefined);
        return stillWanted;
      } catch (e) {
        // Cancelled (or superseded): the row is already idle, and CANCELLED is no news to the user.
        if (!isCurrent(profile, callId)) return false;
        const { message, recovery } = failureOf(e);
        const again = () => void run(profile, action, work, signIn);
        update(profile, { state: 'failed', action, message, recovery, recover: recovery === 'signIn' ? signIn : again });
        return false;
      }
    },
    [update],
  );

  const cancel = useCallback(
    (profile: string) => {
      const c = current.current.get(profile);
      if (c?.state !== 'running') return;
      update(profile, undefined);
      // Best effort: if main already answered, there is nothing left to abort.
      client.call('calls.cancel', { callId: c.callId }).catch(() => undefined);
    },
    [client, update],
  );
  const dismiss = useCallback((profile: string) => update(profile, undefined), [update]);

  return useMemo<RunningCallsApi>(() => ({ calls, run, cancel, dismiss }), [calls, run, cancel, dismiss]);
}

export function RunningCallsProvider({ children }: { readonly children: ReactNode }) {
  return <Ctx.Provider value={useCallSlots()}>{children}</Ctx.Provider>;
}
