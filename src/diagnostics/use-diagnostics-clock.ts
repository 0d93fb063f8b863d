import { useEffect } from 'react';
import type { DiagnosticsStore } from '../broker/diagnostics-store';

/** Recomputes the rates once a second while the screen is open, so they fall to zero when traffic stops. */
export function useDiagnosticsClock(store: DiagnosticsStore, now: () => number = Date.now): void {
  useEffect(() => {
    const timer = setInterval(() => store.getState().clockTicked(now()), 1000);
    return () => clearInterval(timer);
  }, [store, now]);
}
