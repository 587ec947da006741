// Opens the sign-in dialog from anywhere (the Identity Center screen, a profile row) and tells the caller how it ended.
import { createContext, useCallback, useContext, useMemo, useRef, useState } from 'react';
import type { ReactNode } from 'react';
import { useAppState } from '../../app/app-state.js';
import { useStatus } from '../../components/status.js';
import type { SsoTarget } from '../../platform/types.js';
import { SignInDialog } from './sign-in-dialog.js';

/** Resolves true once the token is written, false when the user cancelled or the sign-in failed. */
export type SsoSignIn = (target: SsoTarget, label: string) => Promise<boolean>;

const Ctx = createContext<SsoSignIn>(() => Promise.resolve(false));

export function useSsoSignIn(): SsoSignIn {
  return useContext(Ctx);
}

export function SsoSignInProvider({ children }: { readonly children: ReactNode }) {
  const app = useAppState();
  const status = useStatus();
  const [open, setOpen] = useState<{ target: SsoTarget; label: string; n: number } | null>(null);
  const settle = useRef<((ok: boolean) => void) | null>(null);
  const n = useRef(0);

  const signIn = useCallback<SsoSignIn>((target, label) => {
    settle.current?.(false);
    n.current += 1;
    setOpen({ target, label, n: n.current });
    return new Promise<boolean>((resolve) => (settle.current = resolve));
  }, []);

  const done = useCallback(
    (ok: boolean, label: string) => {
      setOpen(null);
      settle.current?.(ok);
      settle.current = null;
      if (ok) {
        status.info(`Signed in to ${label}.`);
        void app.reload();
      }
    },
    [app, status],
  );

  const value = useMemo(() => signIn, [signIn]);
  return (
    <Ctx.Provider value={value}>
      {children}
      {open !== null ? <SignInDialog key={open.n} target={open.target} label={open.label} onDone={(ok) => done(ok, open.label)} /> : null}
    </Ctx.Provider>
  );
}
