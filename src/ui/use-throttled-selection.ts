import { useCallback, useRef, useSyncExternalStore } from 'react';

/** What the hook needs of a store (a zustand store is one). */
export interface ReadableStore<S> {
  getState(): S;
  subscribe(listener: () => void): () => void;
}

/**
 * `select(store.getState())`, changing at most once per `ms`: the first change after a quiet `ms`
 * shows at once, and changes that come faster are held and shown together, the latest, when `ms`
 * has passed since the last one shown. The component re-renders only then, not on every store
 * change: for a view that rebuilds something large from a selection that can change every frame.
 * `select` must keep its identity (a module-level function) and return the same value for the
 * same selection, as zustand selectors do.
 */
export function useThrottledSelection<S, T>(store: ReadableStore<S>, select: (state: S) => T, ms: number): T {
  const shown = useRef<{ value: T } | null>(null);
  const subscribe = useCallback(
    (notify: () => void) => {
      let shownAt = Number.NEGATIVE_INFINITY;
      let timer: ReturnType<typeof setTimeout> | null = null;
      const show = () => {
        timer = null;
        shownAt = Date.now();
        shown.current = { value: select(store.getState()) };
        notify();
      };
      const changed = () => {
        if (timer !== null || Object.is(select(store.getState()), shown.current?.value)) return;
        const wait = shownAt + ms - Date.now();
        if (wait <= 0) show();
        else timer = setTimeout(show, wait);
      };
      const unsubscribe = store.subscribe(changed);
      // A change between the first render and this subscription has no store event of its own.
      changed();
      return () => {
        unsubscribe();
        if (timer !== null) clearTimeout(timer);
      };
    },
    [store, select, ms],
  );
  const snapshot = () => {
    shown.current ??= { value: select(store.getState()) };
    return shown.current.value;
  };
  return useSyncExternalStore(subscribe, snapshot, snapshot);
}
