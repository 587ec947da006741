// Promise-based prompts any flow can await: the MFA code dialog and a confirmation dialog.
import { createContext, useCallback, useContext, useMemo, useRef, useState } from 'react';
import type { ReactNode } from 'react';
import { Dialog } from '../../components/dialog.js';
import { isClientError } from '../../platform/desktop-client.js';
import { MfaDialog } from './mfa-dialog.js';

export interface ConfirmOptions {
  readonly title: string;
  readonly message: string;
  readonly confirmLabel: string;
  readonly danger?: boolean;
}

interface Prompts {
  readonly askMfa: (profile: string, problem: string | null) => Promise<string | null>;
  readonly confirm: (o: ConfirmOptions) => Promise<boolean>;
  /** Runs `run`, asking for an MFA code (and retrying) while main answers MFA_REQUIRED or MFA_INVALID; null = cancelled. */
  readonly withMfa: <T>(profile: string, run: (code: string | undefined) => Promise<T>) => Promise<T | null>;
}

const Ctx = createContext<Prompts | null>(null);
export function usePrompts(): Prompts {
  const p = useContext(Ctx);
  if (p === null) throw new Error('usePrompts outside PromptsProvider');
  return p;
}

type Pending =
  | { kind: 'mfa'; profile: string; problem: string | null; resolve: (c: string | null) => void }
  | { kind: 'confirm'; options: ConfirmOptions; resolve: (ok: boolean) => void };

export function PromptsProvider({ children }: { readonly children: ReactNode }) {
  const [pending, setPending] = useState<Pending | null>(null);
  const seq = useRef(0);
  const askMfa = useCallback(
    (profile: string, problem: string | null) =>
      new Promise<string | null>((resolve) => {
        seq.current += 1;
        setPending({ kind: 'mfa', profile, problem, resolve });
      }),
    [],
  );
  const confirm = useCallback(
    (options: ConfirmOptions) =>
      new Promise<boolean>((resolve) => {
        setPending({ kind: 'confirm', options, resolve });
      }),
    [],
  );
  const withMfa = useCallback(
    async <T,>(profile: string, run: (code: string | undefined) => Promise<T>): Promise<T | null> => {
      let code: string | undefined;
      for (;;) {
        try {
          return await run(code);
        } catch (e) {
          if (isClientError(e) && (e.code === 'MFA_REQUIRED' || e.code === 'MFA_INVALID')) {
            const problem = e.code === 'MFA_INVALID' || code !== undefined ? e.message : null;
            const c = await askMfa(profile, problem);
            if (c === null) return null;
            code = c;
            continue;
          }
          throw e;
        }
      }
    },
    [askMfa],
  );
  const api = useMemo(() => ({ askMfa, confirm, withMfa }), [askMfa, confirm, withMfa]);
  return (
    <Ctx.Provider value={api}>
      {children}
      {pending?.kind === 'mfa' ? (
        <MfaDialog
          key={seq.current}
          profile={pending.profile}
          problem={pending.problem}
          onDone={(code) => {
            setPending(null);
            pending.resolve(code);
          }}
        />
      ) : null}
      {pending?.kind === 'confirm' ? (
        <Dialog
          title={pending.options.title}
          onClose={() => {
            setPending(null);
            pending.resolve(false);
          }}
          testId="confirm-dialog"
        >
          <p>{pending.options.message}</p>
          <div className="dialog-actions">
            <button
              type="button"
              className="button"
              onClick={() => {
                setPending(null);
                pending.resolve(false);
              }}
            >
              Cancel
            </button>
            <button
              type="button"
              className={pending.options.danger === true ? 'button danger' : 'button primary'}
              data-autofocus
              onClick={() => {
                setPending(null);
                pending.resolve(true);
              }}
            >
              {pending.options.confirmLabel}
            </button>
          </div>
        </Dialog>
      ) : null}
    </Ctx.Provider>
  );
}
