// The engine hands every AWS call (MFA session included) one signal: its deadline, which the caller can cancel.
import { afterEach, describe, expect, it, vi } from 'vitest';

import { parseDocument } from '../awsfiles/ini-document.js';
import { readIni } from '../awsfiles/ini-reading.js';
import { buildProfileModel } from '../awsfiles/profiles.js';
import type { Environment } from '../environment.js';
import { deadlineMsOf } from './deadline.js';
import { createFakeGateway } from './fake-gateway.js';
import { createCredentialsEngine } from './index.js';
import type { CallTarget } from './sts-gateway.js';

const NOW = new Date('2026-03-01T12:00:00Z');
const env: Environment = { vars: { HOME: '/home/t', USER: 't' }, platform: 'linux', osHome: '/home/t', now: () => NOW };
const text = (s: string) => readIni(parseDocument(new TextEncoder().encode(s)));
const model = buildProfileModel(
  text('[profile r]\nrole_arn = arn:aws:iam::111122223333:role/R\nsource_profile = src\nmfa_serial = arn:aws:iam::111122223333:mfa/me\n'),
  text('[src]\naws_access_key_id = AKIASRC\naws_secret_access_key = s\n'),
);
const issued = { accessKeyId: 'ASIAX', secretAccessKey: 's', sessionToken: 't', expiration: new Date(NOW.getTime() + 3600e3) };

afterEach(() => {
  vi.useRealTimers();
});

/** AssumeRole waits until the test lets it answer; every target the engine sends is kept. */
function gatewayThatWaits() {
  const targets: CallTarget[] = [];
  let answer!: () => void;
  const called = new Promise<void>((r) => (answer = r));
  let release!: () => void;
  const released = new Promise<void>((r) => (release = r));
  const gateway = createFakeGateway({
    getSessionToken: (t) => (targets.push(t), Promise.resolve(issued)),
    assumeRole: async (t) => {
      targets.push(t);
      answer();
      await released;
      return { ...issued, assumedRoleArn: 'arn:aws:sts::111122223333:assumed-role/R/s' };
    },
  });
  return { gateway, targets, called, release };
}

describe('engine operations and their signal', () => {
  it("passes the caller's cancel to every call of a resolve, the MFA session's GetSessionToken included", async () => {
    const g = gatewayThatWaits();
    const engine = createCredentialsEngine({ env, dataDir: '/nonexistent', gateway: g.gateway });
    const ctl = new AbortController();
    const pending = engine.resolve(model, 'r', { mfaCode: '123456', signal: ctl.signal });
    await g.called;
    expect(g.gateway.calls.map((c) => c.method)).toEqual(['getSessionToken', 'assumeRole']);
    expect(g.targets.every((t) => t.signal !== undefined && !t.signal.aborted)).toBe(true);
    ctl.abort();
    expect(g.targets.every((t) => t.signal?.aborted === true && deadlineMsOf(t.signal) === undefined)).toBe(true);
    g.release();
    await pending;
  });

  it('aborts the calls at the deadline, but not while the user is typing an MFA code', async () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'performance'] });
    const g = gatewayThatWaits();
    let type!: (code: string) => void;
    const asked = new Promise<void>((r) => {
      const engine = createCredentialsEngine({
        env,
        dataDir: '/nonexistent',
        gateway: g.gateway,
        network: { deadlineMs: 1000 },
        mfaCodeProvider: () => {
          r();
          return new Promise<string>((answer) => (type = answer));
        },
      });
      void engine.resolve(model, 'r').catch(() => undefined);
    });
    await asked;
    vi.advanceTimersByTime(60_000);
    type('123456');
    await g.called;
    const signal = g.targets[0]!.signal!;
    expect(signal.aborted).toBe(false);
    vi.advanceTimersByTime(1000);
    expect(deadlineMsOf(signal)).toBe(1000);
    g.release();
  });
});
