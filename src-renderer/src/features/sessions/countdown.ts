// How long a session has left, in words and as a tone: fine, inside the refresh lead (amber), or expired (red).

export type CountdownTone = 'ok' | 'soon' | 'expired' | 'never';

export interface Countdown {
  readonly text: string;
  readonly tone: CountdownTone;
}

const MINUTE = 60_000;

function left(ms: number): string {
  if (ms < MINUTE) return `${Math.ceil(ms / 1000)} s`;
  // Rounded up: "expires in 1 min" while 30 s remain in it would be a minute early, never late.
  const minutes = Math.ceil(ms / MINUTE);
  if (minutes < 60) return `${minutes} min`;
  const hours = Math.floor(minutes / 60);
  const rest = minutes % 60;
  return rest === 0 ? `${hours} h` : `${hours} h ${rest} min`;
}

/** `expiresAt` null: long-term keys. `leadMinutes` is the settings' refresh lead (settings.refreshLeadMinutes). */
export function countdown(expiresAt: string | null, nowMs: number, leadMinutes: number): Countdown {
  if (expiresAt === null) return { text: 'No expiry (long-term keys)', tone: 'never' };
  const ms = Date.parse(expiresAt) - nowMs;
  if (ms <= 0) return { text: 'Expired', tone: 'expired' };
  return { text: `Expires in ${left(ms)}`, tone: ms <= leadMinutes * MINUTE ? 'soon' : 'ok' };
}
