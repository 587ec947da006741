// Small status badges used in rows and headers: key age, session countdown (the kind's icon is in kind-icon.tsx).
import { useEffect, useState } from 'react';
import { KEY_AGE_ALARM_DAYS, keyAgeLevel } from '../../../shared/domain/key-age.js';
import type { KeyAgeLevel } from '../../../shared/domain/key-age.js';
import { plural } from '../../../shared/domain/plural.js';

const AGE_CLASS: Readonly<Record<KeyAgeLevel, string>> = { ok: 'age-ok', warn: 'age-warn', alarm: 'age-bad', unknown: 'age-unknown' };

/**
 * The access key's age from IAM's CreateDate; until IAM has said, a neutral "age unknown — check" (never "0 d").
 * Amber from 80 days, red from 90 (shared/domain/key-age.ts, the same rule as the CLI and doctor).
 */
export function KeyAgeBadge({ days }: { readonly days: number | null }) {
  const level = keyAgeLevel(days);
  const whole = days === null ? null : Math.floor(days);
  // "— check" is the hint a narrow list drops first (CSS), so the badge never pushes the row's action off the pane.
  const text = whole === null ? (
    <>
      age unknown<span className="age-hint"> — check</span>
    </>
  ) : (
    `key ${whole} d`
  );
  const title =
    whole === null
      ? 'IAM has not told Hatrack when this key was created yet (offline, not checked yet, or the key may not ask). Check it under Access keys.'
      : `Created ${whole === 0 ? 'today' : `${plural(whole, 'day')} ago`} (IAM)${level === 'alarm' ? ` — past the ${KEY_AGE_ALARM_DAYS}-day rule: rotate it` : level === 'warn' ? ` — rotate before ${KEY_AGE_ALARM_DAYS} days` : ''}`;
  return (
    <span className={`badge ${AGE_CLASS[level]}`} title={title} data-testid="key-age" data-level={level}>
      {text}
    </span>
  );
}

export function formatRemaining(ms: number): string {
  if (ms <= 0) return 'expired';
  const s = Math.floor(ms / 1000);
  const h = Math.floor(s / 3600);
  const m = Math.floor((s % 3600) / 60);
  const sec = s % 60;
  const mm = String(m).padStart(2, '0');
  const ss = String(sec).padStart(2, '0');
  return h > 0 ? `${h}:${mm}:${ss}` : `${m}:${ss}`;
}

/** A live countdown; each instance ticks on its own, so only rows with sessions re-render. */
export function Countdown({ expiresAt }: { readonly expiresAt: string }) {
  const end = Date.parse(expiresAt);
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const t = setInterval(() => setNow(Date.now()), 1000);
    return () => clearInterval(t);
  }, []);
  const left = end - now;
  const level = left <= 0 ? 'bad' : left < 10 * 60_000 ? 'warn' : 'ok';
  return (
    <span className={`badge session session-${level}`} data-testid="session-countdown" title={`Session expires at ${expiresAt}`}>
      {left <= 0 ? 'session expired' : `session ${formatRemaining(left)}`}
    </span>
  );
}
