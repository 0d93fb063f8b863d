import { describe, expect, it } from 'vitest';
import { formatAge, formatDuration, formatSpeed } from './format';

describe('monitor formatting', () => {
  it('formats download speed', () => {
    expect(formatSpeed(512)).toBe('512 B/s');
    expect(formatSpeed(2_500_000)).toBe('2.5 MB/s');
    expect(formatSpeed(45_000_000)).toBe('45 MB/s');
  });

  it('formats durations and ages', () => {
    expect(formatDuration(45_400)).toBe('45 s');
    expect(formatDuration(200_000)).toBe('3 min 20 s');
    expect(formatDuration(3_900_000)).toBe('1 h 05 min');
    expect(formatAge(300)).toBe('just now');
    expect(formatAge(12_000)).toBe('12 s ago');
  });
});
