import { useSyncExternalStore } from 'react';

type Listener = () => void;

const listeners = new Set<Listener>();
let now = Date.now();
let timer: ReturnType<typeof setInterval> | null = null;

// One interval for the whole page, started by the first subscriber: every "age" label on screen
// refreshes from it instead of each row running its own timer.
function subscribe(listener: Listener): () => void {
  listeners.add(listener);
  if (timer === null) {
    now = Date.now();
    timer = setInterval(() => {
      now = Date.now();
      for (const l of listeners) l();
    }, 1000);
  }
  return () => {
    listeners.delete(listener);
    if (listeners.size === 0 && timer !== null) {
      clearInterval(timer);
      timer = null;
    }
  };
}

/** Wall-clock time refreshed once a second while any component uses it. */
export function useNow(): number {
  return useSyncExternalStore(subscribe, () => now);
}
