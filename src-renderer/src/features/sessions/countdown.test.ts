import { describe, expect, it } from 'vitest';
import { countdown } from './countdown.js';

const NOW = Date.parse('2026-12-03T12:00:00Z');
const at = (ms: number) => new Date(NOW + ms).toISOString();

describe('countdown', () => {
  it('says the time left in the largest fitting units, rounding up', () => {
    expect(countdown(at(42 * 60_000), NOW, 5)).toEqual({ text: 'Expires in 42 min', tone: 'ok' });
    expect(countdown(at(41 * 60_000 + 1), NOW, 5).text).toBe('Expires in 42 min');
    expect(countdown(at(3 * 3_600_000 + 12 * 60_000), NOW, 5).text).toBe('Expires in 3 h 12 min');
    expect(countdown(at(2 * 3_600_000), NOW, 5).text).toBe('Expires in 2 h');
    expect(countdown(at(42_000), NOW, 5).text).toBe('Expires in 42 s');
  });

  it('turns amber inside the refresh lead and red once expired', () => {
    expect(countdown(at(5 * 60_000), NOW, 5).tone).toBe('soon');
    expect(countdown(at(5 * 60_000 + 1), NOW, 5).tone).toBe('ok');
    expect(countdown(at(0), NOW, 5)).toEqual({ text: 'Expired', tone: 'expired' });
    expect(countdown(at(-60_000), NOW, 5).tone).toBe('expired');
  });

  it('says when nothing expires', () => {
    expect(countdown(null, NOW, 5)).toEqual({ text: 'No expiry (long-term keys)', tone: 'never' });
  });
});
