import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { backoffDelay } from './backoff.ts';

describe('backoffDelay', () => {
  it('stays within 1 s..30 s whatever the attempt count and the dice', () => {
    fc.assert(
      fc.property(fc.nat(1_000), fc.double({ min: 0, max: 1, maxExcluded: true, noNaN: true }), (failures, r) => {
        const d = backoffDelay(failures, {}, () => r);
        return d >= 1_000 && d <= 30_000;
      }),
    );
  });

  it('grows exponentially until the ceiling', () => {
    const low = (n: number) => backoffDelay(n, {}, () => 0);
    const high = (n: number) => backoffDelay(n, {}, () => 0.999999);
    expect([0, 1, 2, 3, 4, 5, 10].map(low)).toEqual([1_000, 2_000, 4_000, 8_000, 15_000, 15_000, 15_000]);
    expect([0, 1, 2, 3, 4, 10].map(high)).toEqual([2_000, 4_000, 8_000, 16_000, 30_000, 30_000]);
  });

  it('spreads retries: different dice give different delays', () => {
    expect(backoffDelay(2, {}, () => 0.1)).not.toBe(backoffDelay(2, {}, () => 0.9));
  });

  it('honours custom bounds', () => {
    expect(backoffDelay(0, { minDelayMs: 50, maxDelayMs: 300 }, () => 0)).toBe(50);
    expect(backoffDelay(20, { minDelayMs: 50, maxDelayMs: 300 }, () => 0.999999)).toBe(300);
  });
});
