export interface BackoffOptions {
  /** First delay, and the floor of every delay (default 1 s). */
  minDelayMs?: number;
  /** Ceiling of every delay (default 30 s). */
  maxDelayMs?: number;
}

export const DEFAULT_MIN_DELAY_MS = 1_000;
export const DEFAULT_MAX_DELAY_MS = 30_000;

/**
 * Delay before reconnect attempt `failures` (0 = first retry): uniform in [ceiling/2, ceiling] where
 * the ceiling doubles from 2*min up to max, so retries spread out (a broker restart is not met by
 * every console at the same instant) and always stay within [min, max].
 */
export function backoffDelay(failures: number, options: BackoffOptions = {}, random: () => number = Math.random): number {
  const min = options.minDelayMs ?? DEFAULT_MIN_DELAY_MS;
  const max = Math.max(min, options.maxDelayMs ?? DEFAULT_MAX_DELAY_MS);
  const exponent = Math.min(Math.max(0, Math.floor(failures)), 30) + 1;
  const ceiling = Math.min(max, min * 2 ** exponent);
  const floor = Math.max(min, ceiling / 2);
  return Math.round(floor + (ceiling - floor) * random());
}
