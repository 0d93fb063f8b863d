/**
 * One shared 1 s tick for every age and online flag on screen. A component re-renders only when
 * the value it derives from the time changes ("12 s ago" -> "13 s ago"), not on every tick.
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
  // Between ticks with nobody subscribed yet (first render), the time is read fresh.
  return timer === null ? Date.now() : current;
}

/** `derive(now)`, recomputed every tick; it returns a primitive so equal values compare equal. */
export function useClockValue<T extends string | number | boolean | null>(derive: (now: number) => T): T {
  const snapshot = useCallback(() => derive(currentTime()), [derive]);
  return useSyncExternalStore(subscribe, snapshot, snapshot);
}
