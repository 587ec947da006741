// The sessions list, kept current: read on mount and again whenever main says sessions (or the files) changed.
import { useCallback, useEffect, useState } from 'react';
import { useAppState } from '../../app/app-state.js';
import { useClient } from '../../platform/client-context.js';
import { describeError } from '../../platform/desktop-client.js';
import type { Session } from '../../platform/types.js';

export interface SessionsState {
  /** null until the first answer. */
  readonly sessions: readonly Session[] | null;
  readonly error: string | null;
  readonly reload: () => void;
}

export function useSessions(): SessionsState {
  const client = useClient();
  // The managed default is read from the files: an edit on disk can add or drop it (app.revision follows the files).
  const { revision } = useAppState();
  const [sessions, setSessions] = useState<readonly Session[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const reload = useCallback(() => {
    client.call('sessions.list', {}).then(
      (r) => {
        setSessions(r.sessions);
        setError(null);
      },
      (e: unknown) => setError(describeError(e)),
    );
  }, [client]);
  useEffect(reload, [reload, revision]);
  useEffect(() => client.on('sessions.changed', reload), [client, reload]);
  return { sessions, error, reload };
}

/** The current time, renewed every `intervalMs` while mounted (the countdowns tick with it). */
export function useNow(intervalMs: number): number {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const timer = setInterval(() => setNow(Date.now()), intervalMs);
    return () => clearInterval(timer);
  }, [intervalMs]);
  return now;
}
