// The device-code sign-in: shows the code, opens the verification page from main, counts down, waits for approval.
import { useEffect, useRef, useState } from 'react';
import { formatRemaining } from '../../components/badges.js';
import { Dialog } from '../../components/dialog.js';
import { useClient } from '../../platform/client-context.js';
import { describeError } from '../../platform/desktop-client.js';
import type { ResponseOf, SsoTarget } from '../../platform/types.js';

type Prompt = NonNullable<ResponseOf<'sso.signIn.start'>['prompt']>;

export interface SignInDialogProps {
  readonly target: SsoTarget;
  /** What the user signs in to, for the title (the session name, or the profile). */
  readonly label: string;
  readonly onDone: (signedIn: boolean) => void;
}

function useNow(active: boolean): number {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    if (!active) return;
    const t = setInterval(() => setNow(Date.now()), 1000);
    return () => clearInterval(t);
  }, [active]);
  return now;
}

export function SignInDialog({ target, label, onDone }: SignInDialogProps) {
  const client = useClient();
  const [prompt, setPrompt] = useState<Prompt | null>(null);
  const [error, setError] = useState<string | null>(null);
  const flowId = useRef<string | null>(null);
  const finished = useRef(false);
  const now = useNow(prompt !== null && error === null);

  useEffect(() => {
    let live = true;
    void (async () => {
      try {
        const started = await client.call('sso.signIn.start', { target });
        flowId.current = started.flowId;
        if (!live) {
          // The dialog closed before the code came back: stop that sign-in too.
          await client.call('sso.signIn.cancel', { flowId: started.flowId });
          return;
        }
        setPrompt(started.prompt);
        await client.call('sso.signIn.wait', { flowId: started.flowId });
        finished.current = true;
        if (live) onDone(true);
      } catch (e) {
        finished.current = true;
        if (live) setError(describeError(e));
      }
    })();
    return () => {
      live = false;
      const id = flowId.current;
      if (id !== null && !finished.current) void client.call('sso.signIn.cancel', { flowId: id }).catch(() => undefined);
    };
    // One sign-in per dialog, for the target it opened with: a re-render must not start another.
  }, []);

  const left = prompt === null ? 0 : Date.parse(prompt.expiresAt) - now;
  const openBrowser = () => {
    if (flowId.current === null) return;
    client.call('sso.signIn.openBrowser', { flowId: flowId.current }).catch((e: unknown) => setError(describeError(e)));
  };

  return (
    <Dialog title={`Sign in to ${label}`} onClose={() => onDone(false)} describedBy="sso-signin-help" testId="sso-signin-dialog">
      {error !== null ? (
        <p className="field-error" role="alert">
          {error}
        </p>
      ) : prompt === null ? (
        <p className="muted" id="sso-signin-help" role="status">
          Asking IAM Identity Center for a sign-in code…
        </p>
      ) : (
        <div className="signin">
          <p id="sso-signin-help">Approve this sign-in in your browser. Check that the page shows the same code:</p>
          <p className="signin-code" data-testid="sso-user-code" aria-label={`Sign-in code ${prompt.userCode.split('').join(' ')}`}>
            {prompt.userCode}
          </p>
          <button type="button" className="button primary signin-open" data-autofocus onClick={openBrowser}>
            Open browser to approve
          </button>
          <p className="muted small signin-url">
            Or open <code>{prompt.verificationUri}</code> on any device and enter the code.
          </p>
          <p className="signin-wait" role="status" data-testid="sso-signin-countdown">
            <span className="spinner" aria-hidden="true" />
            {left > 0 ? `Waiting for approval · code expires in ${formatRemaining(left)}` : 'The code has expired; close this and sign in again.'}
          </p>
        </div>
      )}
      <div className="dialog-actions">
        <button type="button" className="button" onClick={() => onDone(false)}>
          {error !== null ? 'Close' : 'Cancel'}
        </button>
      </div>
    </Dialog>
  );
}
