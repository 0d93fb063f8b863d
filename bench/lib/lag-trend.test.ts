import { describe, expect, it } from 'vitest';
import { describeLagBySecond, describeLagTrend, lagBySecond, lagTrend, type LagSample } from './lag-trend.ts';

/** One sample every 100 ms over a 20 s window, lag given by `lag(seconds into the window)`. */
function samples(lag: (s: number) => number): LagSample[] {
  return Array.from({ length: 200 }, (_, i) => ({ at: 1_000 + i * 100, lagMs: lag(i / 10) }));
}

describe('lagTrend', () => {
  it('tells a backlog that grows from a steady delay', () => {
    const growing = lagTrend(
      samples((s) => 3_000 + 200 * s),
      1_000,
      21_000,
    );
    expect(growing?.slopeMsPerS).toBeCloseTo(200, 6);
    expect(growing?.firstQuarterMs).toBeCloseTo(3_000 + 200 * 2.45, 6);
    expect(growing?.lastQuarterMs).toBeCloseTo(3_000 + 200 * 17.5, 6);

    const steady = lagTrend(
      samples(() => 150),
      1_000,
      21_000,
    );
    expect(steady).toEqual({ firstQuarterMs: 150, lastQuarterMs: 150, slopeMsPerS: 0 });
  });

  it('shows a page catching up as a falling lag', () => {
    const trend = lagTrend(
      samples((s) => Math.max(20, 4_000 - 300 * s)),
      1_000,
      21_000,
    );
    expect(trend?.slopeMsPerS).toBeLessThan(-100);
    expect(trend!.lastQuarterMs).toBeLessThan(trend!.firstQuarterMs);
  });

  it('says nothing when a quarter of the window has no sample', () => {
    const early = samples(() => 100).filter((s) => s.at < 10_000);
    expect(lagTrend(early, 1_000, 21_000)).toBeNull();
    expect(lagTrend([], 1_000, 21_000)).toBeNull();
    expect(
      lagTrend(
        samples(() => 100),
        5_000,
        5_000,
      ),
    ).toBeNull();
  });

  it('is written in seconds past one second, with its sign', () => {
    expect(describeLagTrend({ firstQuarterMs: 3_300, lastQuarterMs: 6_240, slopeMsPerS: 190.4 })).toBe('lag 3.3 s -> 6.2 s (+190 ms/s)');
    expect(describeLagTrend({ firstQuarterMs: 900, lastQuarterMs: 40, slopeMsPerS: -57.6 })).toBe('lag 900 ms -> 40 ms (-58 ms/s)');
    expect(describeLagTrend(null)).toBe('lag trend -');
  });
});

describe('lagBySecond', () => {
  it('keeps the largest lag of each second of the window, and says which seconds had none', () => {
    const series = lagBySecond(
      [
        { at: 1_000, lagMs: 120 },
        { at: 1_999, lagMs: 80 },
        { at: 3_500, lagMs: 1_840 },
        { at: 3_900, lagMs: 1_200 },
        { at: 999, lagMs: 9_999 }, // before the window
        { at: 5_000, lagMs: 9_999 }, // at its end
      ],
      1_000,
      5_000,
    );
    expect(series).toEqual([120, null, 1_840, null]);
    expect(describeLagBySecond(series)).toBe('120 - 1.8k -');
  });
});
