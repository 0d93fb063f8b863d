/**
 * The live fleet: one update per inbound batch, actions named for what happened. Created outside
 * React; components read it through the atomic-selector hooks in fleet-hooks.ts.
 */
import { createStore, type StoreApi } from 'zustand/vanilla';
import type { Decoded } from '../protocol/messages.ts';
import { applyBatch } from './apply-batch.ts';
import { emptyFleet, type FleetState } from './fleet-model.ts';
import { loadFleet, saveFleet, type FleetStorage } from './fleet-persistence.ts';
import { addGateway, addGateways, removeGateway, type AddOutcome } from './fleet-roster.ts';

export interface FleetStoreState extends FleetState {
  /** Everything the broker delivered since the last flush; `now` is the receive time. */
  batchReceived(batch: readonly Decoded[], now: number): void;
  /** An operator typed a gateway SN. */
  gatewayAdded(sn: string): AddOutcome;
  /** An operator imported a list of SNs: one state change, one outcome per SN in input order. */
  gatewaysImported(sns: readonly string[]): AddOutcome[];
  /** An operator removed a gateway (it comes back if it reports again). */
  gatewayRemoved(sn: string): void;
}

export type FleetStore = StoreApi<FleetStoreState>;

function fleetOf(state: FleetStoreState): FleetState {
  return { gateways: state.gateways, gatewaySns: state.gatewaySns, deviceGateway: state.deviceGateway };
}

export function createFleetStore(initial: FleetState = emptyFleet): FleetStore {
  return createStore<FleetStoreState>()((set, get) => {
    /** Sets only the parts that changed, and nothing at all when the reducer returned the same state. */
    function commit(next: FleetState): void {
      const current = get();
      if (next.gateways === current.gateways && next.gatewaySns === current.gatewaySns && next.deviceGateway === current.deviceGateway) return;
      set({ gateways: next.gateways, gatewaySns: next.gatewaySns, deviceGateway: next.deviceGateway });
    }
    return {
      ...initial,
      batchReceived(batch, now) {
        commit(applyBatch(fleetOf(get()), batch, now));
      },
      gatewayAdded(sn) {
        const { state, result } = addGateway(fleetOf(get()), sn);
        commit(state);
        return result;
      },
      gatewaysImported(sns) {
        const { state, result } = addGateways(fleetOf(get()), sns);
        commit(state);
        return result;
      },
      gatewayRemoved(sn) {
        commit(removeGateway(fleetOf(get()), sn));
      },
    };
  });
}

export interface Timers {
  setTimeout(fn: () => void, ms: number): unknown;
  clearTimeout(handle: unknown): void;
}

const realTimers: Timers = {
  setTimeout: (fn, ms) => globalThis.setTimeout(fn, ms),
  clearTimeout: (handle) => globalThis.clearTimeout(handle as ReturnType<typeof globalThis.setTimeout>),
};

/** Writes are coalesced: at fleet scale the JSON is megabytes, and osd traffic changes last-seen every frame. */
export const SAVE_DELAY_MS = 2_000;

export interface FleetPersistence {
  /** Write now if anything changed since the last write (page hide, tests). */
  flush(): void;
  stop(): void;
}

/** Saves the fleet at most once per `delayMs` after it changes. */
export function persistFleet(store: FleetStore, storage: FleetStorage | null, delayMs = SAVE_DELAY_MS, timers: Timers = realTimers): FleetPersistence {
  let saved = store.getState().gateways;
  let pending: unknown = null;
  const flush = () => {
    if (pending !== null) timers.clearTimeout(pending);
    pending = null;
    const state = store.getState();
    if (state.gateways === saved) return;
    saved = state.gateways;
    saveFleet(storage, fleetOf(state));
  };
  const unsubscribe = store.subscribe((state) => {
    if (state.gateways !== saved && pending === null) pending = timers.setTimeout(flush, delayMs);
  });
  return {
    flush,
    stop() {
      unsubscribe();
      if (pending !== null) timers.clearTimeout(pending);
      pending = null;
    },
  };
}

function browserStorage(): FleetStorage | null {
  try {
    return typeof localStorage === 'undefined' ? null : localStorage;
  } catch {
    return null;
  }
}

const storage = browserStorage();

/** The app's fleet, restored from the last session so the list shows before the first update_topo. */
export const fleetStore: FleetStore = createFleetStore(loadFleet(storage));

const persistence = persistFleet(fleetStore, storage);
// pagehide also fires on reload, so a gateway added a moment before is not lost to the delay.
if (typeof window !== 'undefined') window.addEventListener('pagehide', persistence.flush);
