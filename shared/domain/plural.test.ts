import { describe, expect, it } from 'vitest';
import { plural } from './plural.js';

describe('plural', () => {
  it('uses the singular for exactly one', () => {
    expect(plural(1, 'profile')).toBe('1 profile');
  });
  it('uses the plural for zero and many', () => {
    expect(plural(0, 'profile')).toBe('0 profiles');
    expect(plural(29, 'profile')).toBe('29 profiles');
  });
  it('takes an irregular plural', () => {
    expect(plural(2, 'key pair', 'key pairs')).toBe('2 key pairs');
    expect(plural(3, 'entry', 'entries')).toBe('3 entries');
  });
});
