/**
 * Time sources the broker code runs on, injectable so tests drive them instead of waiting.
 * A scheduled callback is cancelled by calling the function `schedule` returned.
 */
export interface Timers {
  now(): number;
  schedule(callback: () => void, delayMs: number): () => void;
}

export const systemTimers: Timers = {
  now: () => Date.now(),
  schedule(callback, delayMs) {
    const handle = setTimeout(callback, delayMs);
    return () => clearTimeout(handle);
  },
};
