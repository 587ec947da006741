// Background checks of the shell (Electron main, plain Node logic): due notifications and the default session's auto-refresh.

import { planAutoRefresh } from '../app/tray/auto-refresh.js';
import type { AutoRefreshDecision } from '../app/tray/auto-refresh.js';
import { planNotifications } from '../app/tray/notifications-model.js';
import type { PlannedNotification } from '../app/tray/notifications-model.js';
import type { TraySnapshot } from '../app/tray/tray-input.js';

export interface BackgroundDeps {
  readonly now: () => Date;
  readonly show: (n: PlannedNotification) => void;
  /** Renews the default session (credentials.use without an MFA code); resolves false when it failed. */
  readonly refresh: (profile: string) => Promise<boolean>;
  /** Until when the cached MFA session is valid, when core can tell (undefined: unknown, try and see). */
  readonly mfaSessionExpiresAt?: () => string | null | undefined;
}

export interface BackgroundChecks {
  /** Plans with the snapshot (fresh or cached); call on every snapshot and on the shell's tick. */
  check(snapshot: TraySnapshot): AutoRefreshDecision;
}

export function createBackgroundChecks(deps: BackgroundDeps): BackgroundChecks {
  // Last-notified dates live in memory: after a restart a 90-day key reminder may come once more, never more often.
  let lastNotified: Readonly<Record<string, string>> = {};
  const attempts = new Map<string, string>();
  let inFlight = false;

  return {
    check(snapshot) {
      const now = deps.now();
      const plan = planNotifications({
        profiles: snapshot.profiles,
        now,
        settings: { ...snapshot.notifications, refreshLeadMinutes: snapshot.refreshLeadMinutes },
        lastNotified,
      });

      const current = snapshot.profiles.find((p) => p.isDefault) ?? null;
      const sessionKey = current === null ? '' : `${current.name}:${current.sessionExpiresAt ?? ''}`;
      const decision = planAutoRefresh({
        profile: current?.name ?? null,
        sessionExpiresAt: current?.sessionExpiresAt ?? null,
        leadMinutes: snapshot.refreshLeadMinutes,
        mfaSessionExpiresAt: deps.mfaSessionExpiresAt?.(),
        lastAttemptAt: attempts.get(sessionKey) ?? null,
        now,
      });

      // While an automatic refresh runs, "expiring" would be noise; if it fails, the next check shows it.
      const refreshing = decision.kind === 'refresh' || inFlight;
      const notifications = refreshing ? plan.notifications.filter((n) => n.kind !== 'session-expiring') : plan.notifications;
      const next: Record<string, string> = { ...lastNotified };
      for (const n of notifications) {
        next[n.key] = now.toISOString();
        deps.show(n);
      }
      lastNotified = next;

      if (decision.kind === 'refresh' && !inFlight) {
        inFlight = true;
        attempts.set(sessionKey, now.toISOString());
        void deps.refresh(decision.profile).finally(() => {
          inFlight = false;
        });
      }
      return decision;
    },
  };
}
