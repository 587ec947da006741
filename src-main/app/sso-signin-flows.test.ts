import { describe, expect, it } from 'vitest';
import { HatrackError } from '../../shared/domain/errors.js';
import type { SsoLoginResult } from '../core/sso/login.js';
import { createSignInFlows } from './sso-signin-flows.js';
import type { SignInRunner } from './sso-signin-flows.js';

const RESULT: SsoLoginResult = { flow: 'device', tokenFile: '/t.json', expiresAt: new Date('2026-03-01T13:00:00Z'), refreshable: true };
const PROMPT = { kind: 'device' as const, userCode: 'BCDF-GHJK', verificationUri: 'https://device.example/', verificationUriComplete: 'https://device.example/?user_code=BCDF-GHJK', expiresAt: new Date('2026-03-01T12:10:00Z') };

/** A sign-in that prompts, then ends when the test says so (or when aborted, as core's flow does). */
function controlled(): { run: SignInRunner; finish: (r: SsoLoginResult | Error) => void; aborted: () => boolean } {
  let finish: (r: SsoLoginResult | Error) => void = () => undefined;
  let signal: AbortSignal | undefined;
  const run: SignInRunner = (onPrompt, s) => {
    signal = s;
    return new Promise<SsoLoginResult>((resolve, reject) => {
      finish = (r) => (r instanceof Error ? reject(r) : resolve(r));
      s.addEventListener('abort', () => reject(new HatrackError('CANCELLED', 'Sign-in cancelled; nothing was written.')));
      onPrompt(PROMPT);
    });
  };
  return { run, finish: (r) => finish(r), aborted: () => signal?.aborted === true };
}

describe('sign-in flows', () => {
  it('answers with the code and bare URL; keeps the code URL for the browser; wait collects the result once', async () => {
    const flows = createSignInFlows();
    const c = controlled();
    const started = await flows.start(c.run);
    expect(started.prompt).toEqual({ userCode: 'BCDF-GHJK', verificationUri: 'https://device.example/', expiresAt: '2026-03-01T12:10:00.000Z' });
    expect(flows.browserUrl(started.flowId)).toBe(PROMPT.verificationUriComplete);
    c.finish(RESULT);
    await expect(flows.wait(started.flowId)).resolves.toBe(RESULT);
    await expect(flows.wait(started.flowId)).rejects.toMatchObject({ code: 'BAD_REQUEST' });
  });

  it('cancel aborts the sign-in and a waiting caller hears CANCELLED', async () => {
    const flows = createSignInFlows();
    const c = controlled();
    const started = await flows.start(c.run);
    const waiting = flows.wait(started.flowId);
    expect(flows.cancel(started.flowId)).toBe(true);
    expect(c.aborted()).toBe(true);
    await expect(waiting).rejects.toMatchObject({ code: 'CANCELLED' });
    expect(flows.cancel(started.flowId)).toBe(false);
  });

  it('a failure before anyone waits is still reported by wait; one before the prompt fails start', async () => {
    const flows = createSignInFlows();
    const c = controlled();
    const started = await flows.start(c.run);
    c.finish(new HatrackError('SSO_LOGIN_DENIED', 'Sign-in was denied in the browser; nothing was written.'));
    await expect(flows.wait(started.flowId)).rejects.toMatchObject({ code: 'SSO_LOGIN_DENIED' });
    await expect(flows.start(() => Promise.reject(new HatrackError('NETWORK', 'no answer')))).rejects.toMatchObject({ code: 'NETWORK' });
    // A pre-approved client: done without a prompt.
    const quick = await flows.start(() => Promise.resolve(RESULT));
    expect(quick.prompt).toBeNull();
    await expect(flows.wait(quick.flowId)).resolves.toBe(RESULT);
  });
});
