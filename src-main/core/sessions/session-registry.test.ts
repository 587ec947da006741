import { describe, expect, it } from 'vitest';
import type { ManagedDefault } from './session-registry.js';
import { DEFAULT_SESSION_ID, createSessionRegistry, sessionId } from './session-registry.js';

const NONE: ManagedDefault = { managedProfile: undefined, expiresAt: undefined };
const T0 = new Date('2026-12-03T12:00:00.000Z');
const inMinutes = (m: number) => new Date(T0.getTime() + m * 60_000);
const SERIAL = 'arn:aws:iam::123456789012:mfa/alice';
const SOURCE_KEY = 'AKIAIOSFODNN7EXAMPLE';

function registry() {
  let changes = 0;
  const r = createSessionRegistry({ now: () => T0, onChange: () => (changes += 1) });
  return { r, changes: () => changes };
}

const assumed = (profile: string, minutes: number, accessKeyId = 'ASIAQWERTYUIOPASWXYZ') => ({
  profile,
  roleArn: `arn:aws:iam::123456789012:role/${profile}`,
  accountId: '123456789012',
  source: 'role',
  chained: false,
  accessKeyId,
  expiresAt: inMinutes(minutes),
});

describe('session registry', () => {
  it('lists the soonest expiry first and what never expires last', () => {
    const { r } = registry();
    r.noteAssumed(assumed('late', 60));
    r.noteConsole('web', inMinutes(10));
    r.noteAssumed(assumed('soon', 5));
    r.noteDefault('keys-user');
    const list = r.list({ managedProfile: 'keys-user', expiresAt: undefined });
    expect(list.map((s) => s.id)).toEqual([sessionId.role('soon'), sessionId.console('web'), sessionId.role('late'), DEFAULT_SESSION_ID]);
    expect(list.at(-1)).toMatchObject({ kind: 'default', profile: 'keys-user', expiresAt: null, obtainedAt: T0.toISOString() });
  });

  it('assuming the same profile again replaces its session instead of adding one', () => {
    const { r } = registry();
    r.noteAssumed(assumed('dev', 10));
    r.noteAssumed(assumed('dev', 70));
    expect(r.list(NONE)).toHaveLength(1);
    expect(r.list(NONE)[0]!.expiresAt).toBe(inMinutes(70).toISOString());
  });

  it('takes the managed default from the files: gone from the files, gone from the list', () => {
    const { r } = registry();
    r.noteDefault('prod');
    expect(r.list({ managedProfile: 'prod', expiresAt: inMinutes(30).toISOString() })).toEqual([
      expect.objectContaining({ id: DEFAULT_SESSION_ID, profile: 'prod', expiresAt: inMinutes(30).toISOString(), obtainedAt: T0.toISOString() }),
    ]);
    expect(r.list(NONE)).toEqual([]);
    // A default written before this run (or by the CLI) is listed too, without a time it was obtained.
    expect(r.list({ managedProfile: 'stage', expiresAt: undefined })[0]).toMatchObject({ profile: 'stage', obtainedAt: null });
  });

  it('forgets a role session and says when there was nothing to forget', () => {
    const { r, changes } = registry();
    r.noteAssumed(assumed('dev', 10));
    const before = changes();
    expect(r.forget(sessionId.role('dev'))?.info.profile).toBe('dev');
    expect(changes()).toBe(before + 1);
    expect(r.list(NONE)).toEqual([]);
    expect(r.forget(sessionId.role('dev'))).toBeUndefined();
  });

  it('keeps one entry per MFA device, with the cache key only main sees, and drops it when the cache does', () => {
    const { r, changes } = registry();
    const key = { serialNumber: SERIAL, sourceAccessKeyId: SOURCE_KEY };
    r.noteMfa(key, inMinutes(60));
    r.noteMfaUsedBy([SERIAL], 'secure');
    const before = changes();
    r.noteMfa(key, inMinutes(60)); // the engine reading the cached session again is no news
    expect(changes()).toBe(before);
    const entry = r.get(sessionId.mfa(SERIAL), NONE);
    expect(entry?.mfaKey).toEqual(key);
    expect(entry?.info).toMatchObject({ kind: 'mfa', serialNumber: SERIAL, profile: 'secure' });
    // A session from another (rotated) key is not the one listed: dropping it leaves the entry alone.
    r.dropMfa({ serialNumber: SERIAL, sourceAccessKeyId: 'AKIAOTHERKEY00000000' });
    expect(r.list(NONE)).toHaveLength(1);
    r.dropMfa(key);
    expect(r.list(NONE)).toEqual([]);
  });

  it('never holds a secret: the serialized list has no secret, token or full key id', () => {
    const { r } = registry();
    r.noteAssumed(assumed('dev', 10, 'ASIAQWERTYUIOPASWXYZ'));
    r.noteMfa({ serialNumber: SERIAL, sourceAccessKeyId: SOURCE_KEY }, inMinutes(60));
    r.noteConsole('dev', inMinutes(15));
    const text = JSON.stringify(r.list(NONE));
    expect(text).toContain('ASIA…WXYZ');
    expect(text).not.toContain('ASIAQWERTYUIOPASWXYZ');
    expect(text).not.toContain(SOURCE_KEY);
    expect(text).not.toMatch(/secret|token|url/i);
    for (const s of r.list(NONE)) {
      expect(Object.keys(s).sort()).toEqual(['accessKeyId', 'accountId', 'chained', 'expiresAt', 'id', 'kind', 'obtainedAt', 'profile', 'roleArn', 'serialNumber', 'source']);
    }
  });
});
