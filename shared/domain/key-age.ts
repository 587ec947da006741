// The one source of the access-key age rule (seed guide: rotate every 90 days), for core, CLI, tray and window alike.

/** From this age a key is shown amber: rotation is due soon. */
export const KEY_AGE_WARN_DAYS = 80;
/** From this age a key is shown red and reported: it is past the 90-day rotation rule. */
export const KEY_AGE_ALARM_DAYS = 90;

export type KeyAgeLevel = 'ok' | 'warn' | 'alarm' | 'unknown';

/** `null` is an age nobody knows yet (IAM not asked, or it would not say): never shown as a number. */
export function keyAgeLevel(days: number | null, alarmDays: number = KEY_AGE_ALARM_DAYS): KeyAgeLevel {
  if (days === null) return 'unknown';
  if (days >= alarmDays) return 'alarm';
  if (days >= Math.min(KEY_AGE_WARN_DAYS, alarmDays)) return 'warn';
  return 'ok';
}

/** Whole days from `created` to `now` (never negative: a clock behind IAM's reads as 0). */
export function ageInDays(created: Date, now: Date): number {
  return Math.max(0, Math.floor((now.getTime() - created.getTime()) / 86_400_000));
}
