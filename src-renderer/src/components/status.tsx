// App-wide status line and error banner: one polite live region for results, one alert for failures.
import { createContext, useCallback, useContext, useMemo, useRef, useState } from 'react';
import type { ReactNode } from 'react';
import { describeError } from '../platform/desktop-client.js';

interface StatusApi {
  readonly info: (text: string) => void;
  readonly error: (e: unknown) => void;
}
const StatusContext = createContext<StatusApi>({ info: () => undefined, error: () => undefined });

export function useStatus(): StatusApi {
  return useContext(StatusContext);
}

export function StatusProvider({ children }: { readonly children: ReactNode }) {
  const [msg, setMsg] = useState<{ kind: 'info' | 'error'; text: string; n: number } | null>(null);
  const n = useRef(0);
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);
  const show = useCallback((kind: 'info' | 'error', text: string) => {
    n.current += 1;
    setMsg({ kind, text, n: n.current });
    if (timer.current !== null) clearTimeout(timer.current);
    if (kind === 'info') timer.current = setTimeout(() => setMsg(null), 6000);
  }, []);
  const api = useMemo<StatusApi>(() => ({ info: (t) => show('info', t), error: (e) => show('error', describeError(e)) }), [show]);
  return (
    <StatusContext.Provider value={api}>
      {children}
      <div className="toast-area">
        <div role="status" aria-live="polite" className={msg?.kind === 'info' ? 'toast' : 'sr-only'} data-testid="status">
          {msg?.kind === 'info' ? msg.text : ''}
        </div>
        {msg?.kind === 'error' ? (
          <div role="alert" className="toast toast-error" data-testid="error">
            <span>{msg.text}</span>
            <button type="button" className="link-button" onClick={() => setMsg(null)}>
              Dismiss
            </button>
          </div>
        ) : null}
      </div>
    </StatusContext.Provider>
  );
}
