/**
 * The fleet as the overview reads it: at most one new snapshot per interval. Telemetry changes the
 * store every frame at fleet scale, and the charts, counts, filters and sort need not follow each
 * frame; the rows still follow their own gateway live, and a gateway that comes or goes shows at once.
 */
import { useMemo, useSyncExternalStore } from 'react';
import { useFleetStore } from './fleet-context.ts';
import type { FleetGateway } from './fleet-model.ts';
import type { FleetStore, FleetStoreState } from './fleet-store.ts';

export interface FleetSnapshot {
  gateways: ReadonlyMap<string, FleetGateway>;
  gatewaySns: readonly string[];
  deviceGateway: ReadonlyMap<string, string>;
}

const OVERVIEW_INTERVAL_MS = 1_000;

const pick = (s: FleetStoreState): FleetSnapshot => ({ gateways: s.gateways, gatewaySns: s.gatewaySns, deviceGateway: s.deviceGateway });

export interface ThrottledFleet {
  subscribe(listener: () => void): () => void;
  get(): FleetSnapshot;
}

/** A change is passed on at once when the last one is older than the interval, else at its end. */
export function throttledFleet(store: FleetStore, intervalMs: number, clock: () => number = Date.now): ThrottledFleet {
  let current = pick(store.getState());
  let lastAt = Number.NEGATIVE_INFINITY;
  let timer: ReturnType<typeof setTimeout> | null = null;
  const listeners = new Set<() => void>();
  let unsubscribe: (() => void) | null = null;

  function differs(): boolean {
    const next = store.getState();
    return next.gateways !== current.gateways || next.gatewaySns !== current.gatewaySns || next.deviceGateway !== current.deviceGateway;
  }

  function take(): void {
    timer = null;
    if (!differs()) return;
    lastAt = clock();
    current = pick(store.getState());
    listeners.forEach((listener) => listener());
  }

  function changed(): void {
    // A gateway added or removed shows at once (an operator just did it); telemetry waits its turn.
    if (store.getState().gatewaySns !== current.gatewaySns) {
      if (timer !== null) clearTimeout(timer);
      take();
      return;
    }
    if (timer !== null) return;
    const wait = lastAt + intervalMs - clock();
    if (wait <= 0) take();
    else timer = setTimeout(take, wait);
  }

  return {
    subscribe(listener) {
      listeners.add(listener);
      if (unsubscribe === null) {
        unsubscribe = store.subscribe(changed);
        // What changed between the first read and this subscription.
        if (differs()) changed();
      }
      return () => {
        listeners.delete(listener);
        if (listeners.size === 0 && unsubscribe !== null) {
          unsubscribe();
          unsubscribe = null;
          if (timer !== null) clearTimeout(timer);
          timer = null;
        }
      };
    },
    get: () => current,
  };
}

export function useFleetSnapshot(intervalMs = OVERVIEW_INTERVAL_MS): FleetSnapshot {
  const store = useFleetStore();
  const throttled = useMemo(() => throttledFleet(store, intervalMs), [store, intervalMs]);
  return useSyncExternalStore(throttled.subscribe, throttled.get, throttled.get);
}
