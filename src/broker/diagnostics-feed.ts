import type { Decoded } from '../protocol/messages.ts';
import { RATE_WINDOW_SECONDS, type DiagnosticsStore } from './diagnostics-store.ts';
import type { Timers } from './timers.ts';

export interface DiagnosticsFeed {
  /** Counts one delivered batch; returns the time it was observed at. */
  observe(batch: readonly Decoded[]): number;
  dispose(): void;
}

/**
 * Feeds a diagnostics store from delivered batches. Rates are computed per batch; when traffic
 * stops, a slow tick lets them fall back to zero, and stops itself once they have.
 */
export function createDiagnosticsFeed(diagnostics: DiagnosticsStore, timers: Timers): DiagnosticsFeed {
  let cancelTick: (() => void) | null = null;
  let lastBatchAt = 0;
  const tick = () => {
    const now = timers.now();
    diagnostics.getState().clockTicked(now);
    cancelTick = now - lastBatchAt <= (RATE_WINDOW_SECONDS + 1) * 1000 ? timers.schedule(tick, 1000) : null;
  };
  return {
    observe(batch) {
      lastBatchAt = timers.now();
      diagnostics.getState().batchObserved(batch, lastBatchAt);
      cancelTick ??= timers.schedule(tick, 1000);
      return lastBatchAt;
    },
    dispose() {
      cancelTick?.();
      cancelTick = null;
    },
  };
}
