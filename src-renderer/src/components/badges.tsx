// Small status badges used in rows and headers: kind, key age, production, default, session countdown.
import { useEffect, useState } from 'react';
import type { ProfileSummary } from '../platform/types.js';

const KIND_LABEL: Readonly<Record<ProfileSummary['kind'], string>> = {
  static: 'Access keys',
  role: 'Role',
  sso: 'SSO',
  process: 'Credential process',
  'web-identity': 'Web identity',
  login: 'Console login',
  settings: 'Settings only',
};
const KIND_GLYPH: Readonly<Record<ProfileSummary['kind'], string>> = {
  static: 'K',
  role: 'R',
  sso: 'S',
  process: 'P',
  'web-identity': 'W',
  login: 'L',
  settings: '⚙',
};

export function kindLabel(kind: ProfileSummary['kind']): string {
  return KIND_LABEL[kind];
}

export function KindIcon({ kind }: { readonly kind: ProfileSummary['kind'] }) {
  return (
    <span className={`kind kind-${kind}`} role="img" aria-label={KIND_LABEL[kind]} title={KIND_LABEL[kind]}>
      {KIND_GLYPH[kind]}
    </span>
  );
}

export type KeyAgeLevel = 'ok' | 'warn' | 'bad' | 'unknown';
export function keyAgeLevel(days: number | null): KeyAgeLevel {
  if (days === null) return 'unknown';
  if (days < 60) return 'ok';
  if (days <= 90) return 'warn';
  return 'bad';
}

export function KeyAgeBadge({ days, source }: { readonly days: number | null; readonly source?: 'iam' | 'first-seen' | null }) {
  const level = keyAgeLevel(days);
  const text = days === null ? 'key age unknown' : `key ${Math.floor(days)} d`;
  const title =
    days === null
      ? 'Key age unknown: check it in Keys'
      : `Access key is ${Math.floor(days)} days old${source === 'first-seen' ? ' (since Hatrack first saw it)' : ''}${level === 'bad' ? ' — rotate it' : level === 'warn' ? ' — rotate soon' : ''}`;
  return (
    <span className={`badge age-${level}`} title={title} data-testid="key-age" data-level={level}>
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
