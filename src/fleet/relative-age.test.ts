import { describe, expect, it } from 'vitest';
import { formatAge } from './relative-age.ts';

describe('formatAge', () => {
  it('reads like a person would say it', () => {
    expect(formatAge(0)).toBe('just now');
    expect(formatAge(-3_000)).toBe('just now');
    expect(formatAge(4_999)).toBe('just now');
    expect(formatAge(12_400)).toBe('12 s ago');
    expect(formatAge(60_000)).toBe('1 min ago');
    expect(formatAge(59 * 60_000)).toBe('59 min ago');
    expect(formatAge(3 * 3_600_000)).toBe('3 h ago');
    expect(formatAge(47 * 3_600_000)).toBe('47 h ago');
    expect(formatAge(49 * 3_600_000)).toBe('2 d ago');
  });
});
