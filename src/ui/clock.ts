/**
 * One shared 1 s tick for every age, countdown and online flag on screen: one interval for the
 * whole page, started by the first subscriber and stopped with the last, instead of a timer per
 * row (or one per feature: the Fleet and the Monitor each had their own until 27 Nov 2026).
 */
import { useCallback, useSyncExternalStore } from 'react';

export const CLOCK_TICK_MS = 1_000;

const listeners = new Set<() => void>();
let timer: ReturnType<typeof setInterval> | null = null;
// Read by every snapshot between ticks, so two reads in one render always agree.
let current = Date.now();

function subscribe(listener: () => void): () => void {
  listeners.add(listener);
  if (timer === null) {
    current = Date.now();
    timer = setInterval(() => {
      current = Date.now();
      listeners.forEach((l) => l());
    }, CLOCK_TICK_MS);
  }
  return () => {
    listeners.delete(listener);
    if (listeners.size === 0 && timer !== null) {
      clearInterval(timer);
      timer = null;
    }
  };
}

function currentTime(): number {
  // With nobody subscribed (a first render) the last tick may be long past: catch up, but only
  // once a tick's time has passed, so two reads in one render still agree.
  if (timer === null && Date.now() - current >= CLOCK_TICK_MS) current = Date.now();
  return current;
}

/** Wall-clock time, refreshed once a second while any component uses it. */
export function useNow(): number {
  return useSyncExternalStore(subscribe, currentTime, currentTime);
}

/**
 * `derive(now)`, recomputed every tick; it returns a primitive so equal values compare equal, and
 * a component re-renders only when that value changes ("12 s ago" -> "13 s ago").
 */
export function useClockValue<T extends string | number | boolean | null>(derive: (now: number) => T): T {
  const snapshot = useCallback(() => derive(currentTime()), [derive]);
  return useSyncExternalStore(subscribe, snapshot, snapshot);
}
