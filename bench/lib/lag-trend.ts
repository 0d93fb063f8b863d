/**
 * Whether a page keeps up or falls behind over the window. A p95 alone cannot tell a steady
 * delay from a backlog that grows all the time (the page then never catches up while the load
 * lasts); the lag at the start and end of the window, and its slope, can.
 */
import { mean } from './stats.ts';

export interface LagSample {
  /** When the probe change was published (ms, same clock as the window). */
  at: number;
  /** Publish to shown, ms. */
  lagMs: number;
}

export interface LagTrend {
  /** Mean lag of the changes published in the window's first quarter, ms. */
  firstQuarterMs: number;
  /** The same for the last quarter. */
  lastQuarterMs: number;
  /** Least-squares slope of lag over publish time: ms of lag gained per second of load. */
  slopeMsPerS: number;
}

/** null when a quarter of the window holds no sample (too few probes changed to say). */
export function lagTrend(samples: readonly LagSample[], from: number, to: number): LagTrend | null {
  const quarter = (to - from) / 4;
  if (!(quarter > 0)) return null;
  const first = mean(samples.filter((s) => s.at >= from && s.at < from + quarter).map((s) => s.lagMs));
  const last = mean(samples.filter((s) => s.at > to - quarter && s.at <= to).map((s) => s.lagMs));
  if (first === null || last === null) return null;
  const meanAt = mean(samples.map((s) => s.at)) ?? 0;
  const meanLag = mean(samples.map((s) => s.lagMs)) ?? 0;
  let covariance = 0;
  let variance = 0;
  for (const s of samples) {
    covariance += (s.at - meanAt) * (s.lagMs - meanLag);
    variance += (s.at - meanAt) ** 2;
  }
  const slopePerMs = variance === 0 ? 0 : covariance / variance;
  return { firstQuarterMs: first, lastQuarterMs: last, slopeMsPerS: slopePerMs * 1000 };
}

/** "3.3 s -> 6.2 s (+190 ms/s)": how the lag moved over the window, for the run log. */
export function describeLagTrend(trend: LagTrend | null): string {
  if (trend === null) return 'lag trend -';
  const s = (ms: number) => (ms >= 1000 ? `${(ms / 1000).toFixed(1)} s` : `${Math.round(ms)} ms`);
  const slope = Math.round(trend.slopeMsPerS);
  return `lag ${s(trend.firstQuarterMs)} -> ${s(trend.lastQuarterMs)} (${slope >= 0 ? '+' : ''}${slope} ms/s)`;
}

/**
 * The largest lag of the changes published in each second of the window, null for a second with
 * none. A p95 says how bad the worst moments were, not when: a stall of a few seconds (a large save,
 * a burst of garbage collection) shows here as a run of high seconds in a low series.
 */
export function lagBySecond(samples: readonly LagSample[], from: number, to: number): (number | null)[] {
  const seconds = Math.max(0, Math.ceil((to - from) / 1000));
  const out: (number | null)[] = Array.from({ length: seconds }, () => null);
  for (const s of samples) {
    const k = Math.floor((s.at - from) / 1000);
    if (k < 0 || k >= seconds) continue;
    const kept = out[k] ?? null;
    out[k] = kept === null ? s.lagMs : Math.max(kept, s.lagMs);
  }
  return out;
}

/** "120 340 - 1.8k": a lag series for the run log, one figure per second. */
export function describeLagBySecond(series: readonly (number | null)[]): string {
  const figure = (ms: number | null) => (ms === null ? '-' : ms >= 1000 ? `${(ms / 1000).toFixed(1)}k` : String(Math.round(ms)));
  return series.map(figure).join(' ');
}
