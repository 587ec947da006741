// Device-code sign-ins the window started and has not collected yet (plain Node): the IPC face of core's ssoLogin.
//
// `start` answers as soon as the code is known (the dialog shows it while core polls); `wait` answers when the
// sign-in ends; `cancel` aborts the polling, and core then writes nothing. What the renderer gets is the user code,
// the bare verification URL and the deadline: the URL that carries the code is kept here for `openBrowser`, and the
// tokens stay in core, which writes them straight to the cache.

import { randomUUID } from 'node:crypto';

import { HatrackError } from '../../shared/domain/errors.js';
import type { LoginPrompt, SsoLoginResult } from '../core/sso/login.js';

export interface SignInPrompt {
  readonly userCode: string;
  readonly verificationUri: string;
  readonly expiresAt: string;
}

export interface StartedSignIn {
  readonly flowId: string;
  /** null when the sign-in finished before anyone had to approve it. */
  readonly prompt: SignInPrompt | null;
}

/** Runs one sign-in: calls onPrompt when the user must approve, resolves when the token is written. */
export type SignInRunner = (onPrompt: (p: LoginPrompt) => void, signal: AbortSignal) => Promise<SsoLoginResult>;

interface Flow {
  readonly abort: AbortController;
  readonly done: Promise<SsoLoginResult>;
  /** Where "Open browser" goes: the page with the code filled in when the service gave one. */
  readonly holder: { browserUrl: string | undefined };
}

export interface SignInFlows {
  start(run: SignInRunner): Promise<StartedSignIn>;
  browserUrl(flowId: string): string;
  wait(flowId: string): Promise<SsoLoginResult>;
  cancel(flowId: string): boolean;
}

function unknownFlow(): HatrackError {
  return new HatrackError('BAD_REQUEST', 'That sign-in has already ended; start it again.');
}

export function createSignInFlows(): SignInFlows {
  const flows = new Map<string, Flow>();
  const get = (flowId: string): Flow => {
    const flow = flows.get(flowId);
    if (flow === undefined) throw unknownFlow();
    return flow;
  };
  return {
    async start(run) {
      const flowId = randomUUID();
      const abort = new AbortController();
      let prompted: (p: SignInPrompt) => void = () => undefined;
      const prompt = new Promise<SignInPrompt>((resolve) => (prompted = resolve));
      // The holder exists before the runner starts: a runner may prompt before its first await.
      const holder: { browserUrl: string | undefined } = { browserUrl: undefined };
      const done = run((p) => {
        // The app always asks for the device code; a browser prompt (PKCE) never reaches here.
        if (p.kind !== 'device') return;
        holder.browserUrl = p.verificationUriComplete ?? p.verificationUri;
        prompted({ userCode: p.userCode, verificationUri: p.verificationUri, expiresAt: p.expiresAt.toISOString() });
      }, abort.signal);
      const flow: Flow = { abort, done, holder };
      flows.set(flowId, flow);
      // The outcome stays until `wait` collects it (a denial that comes before the wait is still reported as one);
      // a flow nobody waits for must not leave an unhandled rejection.
      flow.done.catch(() => undefined);
      const first = await Promise.race([prompt, flow.done.then(() => null)]).catch((e: unknown) => {
        flows.delete(flowId);
        throw e;
      });
      return { flowId, prompt: first };
    },
    browserUrl(flowId) {
      const url = get(flowId).holder.browserUrl;
      if (url === undefined) throw unknownFlow();
      return url;
    },
    async wait(flowId) {
      const flow = get(flowId);
      try {
        return await flow.done;
      } finally {
        flows.delete(flowId);
      }
    },
    cancel(flowId) {
      const flow = flows.get(flowId);
      if (flow === undefined) return false;
      flow.abort.abort();
      flows.delete(flowId);
      return true;
    },
  };
}
