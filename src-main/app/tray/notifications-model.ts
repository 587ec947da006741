// Which desktop notifications are due (pure, any runtime): a default session about to expire, an access key past 90 days.

import { keyAgeLevel } from '../../../shared/domain/key-age.js';
import type { ProfileSummary } from '../../../shared/ipc/schemas.js';
import type { TrayAction } from './tray-model.js';

/** The contract's ProfileSummary fields the notifier reads. */
export type NotifyProfile = Pick<ProfileSummary, 'name' | 'isDefault' | 'sessionExpiresAt' | 'accessKeyId' | 'keyAgeDays'>;

export interface NotificationSettings {
  readonly sessionExpiring: boolean;
  readonly keyAge: boolean;
  /** Warn this many minutes before the default session ends (the auto-refresh lead time). */
  readonly refreshLeadMinutes: number;
}

export interface NotificationInput {
  readonly profiles: readonly NotifyProfile[];
  readonly now: Date;
  readonly settings: NotificationSettings;
  /** Notification key → ISO time it was last shown (kept by the caller, in memory or settings). */
  readonly lastNotified: Readonly<Record<string, string>>;
}

export interface PlannedNotification {
  /** Stable per subject: one session expiry, one access key. */
  readonly key: string;
  readonly kind: 'session-expiring' | 'key-age';
  readonly title: string;
  readonly body: string;
  /** What a click (or the Refresh button) does. */
  readonly action: TrayAction;
}

export const KEY_AGE_REPEAT_MS = 7 * 24 * 60 * 60 * 1000;
/** Never warn earlier than this: a lead time of 1 minute would leave no time to act. */
export const MIN_SESSION_WARNING_MS = 5 * 60 * 1000;

export interface NotificationPlan {
  readonly notifications: readonly PlannedNotification[];
  readonly lastNotified: Readonly<Record<string, string>>;
}

export function planNotifications(input: NotificationInput): NotificationPlan {
  const now = input.now.getTime();
  const last: Record<string, string> = { ...input.lastNotified };
  const out: PlannedNotification[] = [];

  if (input.settings.sessionExpiring) {
    const warnMs = Math.max(input.settings.refreshLeadMinutes * 60_000, MIN_SESSION_WARNING_MS);
    for (const p of input.profiles) {
      if (!p.isDefault || p.sessionExpiresAt === null) continue;
      const expires = Date.parse(p.sessionExpiresAt);
      if (Number.isNaN(expires) || expires <= now || expires - now > warnMs) continue;
      // Once per session: a refreshed session has a new expiry and so a new key.
      const key = `session:${p.name}:${p.sessionExpiresAt}`;
      if (last[key] !== undefined) continue;
      const minutes = Math.max(1, Math.round((expires - now) / 60_000));
      out.push({
        key,
        kind: 'session-expiring',
        title: `${p.name}: session ends in ${minutes} min`,
        body: 'The default AWS credentials are about to expire. Click to refresh them.',
        action: { type: 'refresh', profile: p.name },
      });
      last[key] = input.now.toISOString();
    }
  }

  if (input.settings.keyAge) {
    for (const p of input.profiles) {
      if (p.accessKeyId === null || p.keyAgeDays === null || keyAgeLevel(p.keyAgeDays) !== 'alarm') continue;
      const key = `key:${p.name}:${p.accessKeyId}`;
      const previous = last[key] === undefined ? Number.NaN : Date.parse(last[key]);
      if (!Number.isNaN(previous) && now - previous < KEY_AGE_REPEAT_MS) continue;
      out.push({
        key,
        kind: 'key-age',
        title: `${p.name}: access key is ${Math.floor(p.keyAgeDays)} days old`,
        body: 'Keys older than 90 days should be rotated. Open Hatrack to rotate it.',
        action: { type: 'edit', profile: p.name },
      });
      last[key] = input.now.toISOString();
    }
  }

  return { notifications: out, lastNotified: last };
}
