import { describe, expect, it } from 'vitest';

import { ageInDays, KEY_AGE_ALARM_DAYS, KEY_AGE_WARN_DAYS, keyAgeLevel } from './key-age.js';

describe('key age rule', () => {
  it('warns from 80 days and alarms from 90, as the seed rule says', () => {
    expect([KEY_AGE_WARN_DAYS, KEY_AGE_ALARM_DAYS]).toEqual([80, 90]);
    expect(keyAgeLevel(0)).toBe('ok');
    expect(keyAgeLevel(79)).toBe('ok');
    expect(keyAgeLevel(80)).toBe('warn');
    expect(keyAgeLevel(89)).toBe('warn');
    expect(keyAgeLevel(90)).toBe('alarm');
    expect(keyAgeLevel(200)).toBe('alarm');
  });

  it('keeps an unknown age unknown instead of calling it fresh', () => {
    expect(keyAgeLevel(null)).toBe('unknown');
  });

  it('follows a stricter alarm limit without warning after the alarm', () => {
    expect(keyAgeLevel(30, 30)).toBe('alarm');
    expect(keyAgeLevel(29, 30)).toBe('ok');
  });

  it('counts whole days and never goes negative', () => {
    const created = new Date('2026-01-01T12:00:00Z');
    expect(ageInDays(created, new Date('2026-01-02T11:59:59Z'))).toBe(0);
    expect(ageInDays(created, new Date('2026-07-20T12:00:00Z'))).toBe(200);
    expect(ageInDays(created, new Date('2025-12-01T00:00:00Z'))).toBe(0);
  });
});
