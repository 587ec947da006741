// Unit tests of the notification plan, the auto-refresh schedule and the recent list (pure).
import { describe, expect, it } from 'vitest';
import { planAutoRefresh, RETRY_AFTER_MS } from './auto-refresh.js';
import { KEY_AGE_REPEAT_MS, planNotifications } from './notifications-model.js';
import type { NotificationInput, NotifyProfile } from './notifications-model.js';
import { createRecentList } from './recent.js';

const NOW = new Date('2026-03-01T12:00:00Z');
const at = (ms: number) => new Date(NOW.getTime() + ms);

function p(name: string, extra: Partial<NotifyProfile> = {}): NotifyProfile {
  return { name, isDefault: false, sessionExpiresAt: null, accessKeyId: null, keyAgeDays: null, ...extra };
}

function input(extra: Partial<NotificationInput> = {}): NotificationInput {
  return {
    profiles: [p('work', { isDefault: true, sessionExpiresAt: at(4 * 60_000).toISOString() }), p('old', { accessKeyId: 'AKIAOLD', keyAgeDays: 120 }), p('young', { accessKeyId: 'AKIAYOUNG', keyAgeDays: 30 })],
    now: NOW,
    settings: { sessionExpiring: true, keyAge: true, refreshLeadMinutes: 10 },
    lastNotified: {},
    ...extra,
  };
}

describe('planNotifications', () => {
  it('warns about the default session about to expire (with Refresh) and a key past 90 days', () => {
    const plan = planNotifications(input());
    expect(plan.notifications.map((n) => [n.kind, n.title, n.action])).toEqual([
      ['session-expiring', 'work: session ends in 4 min', { type: 'refresh', profile: 'work' }],
      ['key-age', 'old: access key is 120 days old', { type: 'edit', profile: 'old' }],
    ]);
  });

  it('warns once per session and at most weekly per key', () => {
    const first = planNotifications(input());
    const again = planNotifications(input({ lastNotified: first.lastNotified, now: at(60_000) }));
    expect(again.notifications).toEqual([]);
    const nextWeek = planNotifications(input({ lastNotified: first.lastNotified, now: at(KEY_AGE_REPEAT_MS), profiles: input().profiles.slice(1) }));
    expect(nextWeek.notifications.map((n) => n.kind)).toEqual(['key-age']);
    const sixDays = planNotifications(input({ lastNotified: first.lastNotified, now: at(KEY_AGE_REPEAT_MS - 1), profiles: input().profiles.slice(1) }));
    expect(sixDays.notifications).toEqual([]);
  });

  it('a refreshed session (new expiry) can warn again', () => {
    const first = planNotifications(input());
    const refreshed = planNotifications(input({ lastNotified: first.lastNotified, profiles: [p('work', { isDefault: true, sessionExpiresAt: at(3 * 60_000).toISOString() })] }));
    expect(refreshed.notifications).toHaveLength(1);
  });

  it('stays quiet when the settings say so, for far-off or past expiries, and for non-default sessions', () => {
    expect(planNotifications(input({ settings: { sessionExpiring: false, keyAge: false, refreshLeadMinutes: 10 } })).notifications).toEqual([]);
    const quiet = [
      p('work', { isDefault: true, sessionExpiresAt: at(11 * 60_000).toISOString() }),
      p('gone', { isDefault: true, sessionExpiresAt: at(-1).toISOString() }),
      p('other', { sessionExpiresAt: at(60_000).toISOString() }),
      p('bad', { isDefault: true, sessionExpiresAt: 'not a date' }),
    ];
    expect(planNotifications(input({ profiles: quiet })).notifications).toEqual([]);
  });
});

describe('planAutoRefresh', () => {
  const base = { profile: 'work', sessionExpiresAt: at(30 * 60_000).toISOString(), leadMinutes: 10, now: NOW };

  it('waits until the lead time before expiry', () => {
    expect(planAutoRefresh(base)).toEqual({ kind: 'wait', until: at(20 * 60_000) });
  });

  it('refreshes when due and the MFA session is still valid (or unknown)', () => {
    const due = { ...base, now: at(21 * 60_000) };
    expect(planAutoRefresh({ ...due, mfaSessionExpiresAt: at(3_600_000).toISOString() })).toEqual({ kind: 'refresh', profile: 'work' });
    expect(planAutoRefresh(due)).toEqual({ kind: 'refresh', profile: 'work' });
  });

  it('asks for MFA instead when the MFA session is gone or about to end', () => {
    const due = { ...base, now: at(21 * 60_000) };
    expect(planAutoRefresh({ ...due, mfaSessionExpiresAt: null })).toEqual({ kind: 'needs-mfa', profile: 'work' });
    expect(planAutoRefresh({ ...due, mfaSessionExpiresAt: at(21 * 60_000 + 30_000).toISOString() })).toEqual({ kind: 'needs-mfa', profile: 'work' });
  });

  it('does not retry in a loop after a failed attempt', () => {
    const due = { ...base, now: at(21 * 60_000), lastAttemptAt: at(20.5 * 60_000).toISOString() };
    expect(planAutoRefresh(due)).toEqual({ kind: 'wait', until: at(20.5 * 60_000 + RETRY_AFTER_MS) });
    expect(planAutoRefresh({ ...due, now: at(20.5 * 60_000 + RETRY_AFTER_MS) })).toEqual({ kind: 'refresh', profile: 'work' });
  });

  it('does nothing without a temporary default session', () => {
    expect(planAutoRefresh({ ...base, profile: null })).toEqual({ kind: 'none' });
    expect(planAutoRefresh({ ...base, sessionExpiresAt: null })).toEqual({ kind: 'none' });
    expect(planAutoRefresh({ ...base, sessionExpiresAt: 'garbage' })).toEqual({ kind: 'none' });
  });
});

describe('createRecentList', () => {
  it('keeps the most recent first, without duplicates, up to the limit', () => {
    const recent = createRecentList(3, ['a', 'a', 'b']);
    recent.touch('c');
    recent.touch('b');
    recent.touch('d');
    expect(recent.list()).toEqual(['d', 'b', 'c']);
  });
});
