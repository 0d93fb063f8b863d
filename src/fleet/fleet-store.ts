/**
 * The live fleet: one update per inbound batch, actions named for what happened. Created outside
 * React; components read it through the atomic-selector hooks in fleet-hooks.ts.
 */
import { createStore, type StoreApi } from 'zustand/vanilla';
import type { Decoded } from '../protocol/messages.ts';
import { applyBatch } from './apply-batch.ts';
import { emptyFleet, type FleetState } from './fleet-model.ts';
import { FLEET_STORAGE_KEY, loadFleetDocument, saveFleet, saveFleetWork, type FleetStorage } from './fleet-persistence.ts';
import { addGateway, addGateways, removeGateway, type AddOutcome } from './fleet-roster.ts';
import { EMPTY_ROSTER, fleetKnowsMore, mergeFleets, mergeRosters, withAct, type Roster } from './fleet-sync.ts';
import { pageSliceClock, slicedBuilds, type SliceClock } from '../lib/work-slices.ts';

export interface FleetStoreState extends FleetState {
  /** The operator's adds and removals with their times, merged across tabs (fleet-sync.ts). */
  roster: Roster;
  /** Everything the broker delivered since the last flush; `now` is the receive time. */
  batchReceived(batch: readonly Decoded[], now: number): void;
  /** An operator typed a gateway SN. */
  gatewayAdded(sn: string, now?: number): AddOutcome;
  /** An operator imported a list of SNs: one state change, one outcome per SN in input order. */
  gatewaysImported(sns: readonly string[], now?: number): AddOutcome[];
  /** An operator removed a gateway (it comes back if it reports again). */
  gatewayRemoved(sn: string, now?: number): void;
  /** Another tab stored its fleet and roster: merged into ours, its adds and removals applied. */
  fleetMerged(other: FleetState, roster: Roster): void;
}

function rosterAdds(roster: Roster, outcomes: readonly AddOutcome[], now: number): Roster {
  let next = roster;
  for (const outcome of outcomes) if (outcome.status === 'added' || outcome.status === 'already-known') next = withAct(next, outcome.sn, 'added', now);
  return next;
}

export type FleetStore = StoreApi<FleetStoreState>;

function fleetOf(state: FleetStoreState): FleetState {
  return { gateways: state.gateways, gatewaySns: state.gatewaySns, deviceGateway: state.deviceGateway };
}

export function createFleetStore(initial: FleetState = emptyFleet, initialRoster: Roster = EMPTY_ROSTER): FleetStore {
  return createStore<FleetStoreState>()((set, get) => {
    /** Sets only the parts that changed, and nothing at all when the reducer returned the same state. */
    function commit(next: FleetState, roster: Roster = get().roster): void {
      const current = get();
      if (next.gateways === current.gateways && next.gatewaySns === current.gatewaySns && next.deviceGateway === current.deviceGateway && roster === current.roster) return;
      set({ gateways: next.gateways, gatewaySns: next.gatewaySns, deviceGateway: next.deviceGateway, roster });
    }
    return {
      ...initial,
      roster: initialRoster,
      batchReceived(batch, now) {
        commit(applyBatch(fleetOf(get()), batch, now));
      },
      gatewayAdded(sn, now = Date.now()) {
        const { state, result } = addGateway(fleetOf(get()), sn);
        commit(state, rosterAdds(get().roster, [result], now));
        return result;
      },
      gatewaysImported(sns, now = Date.now()) {
        const { state, result } = addGateways(fleetOf(get()), sns);
        commit(state, rosterAdds(get().roster, result, now));
        return result;
      },
      gatewayRemoved(sn, now = Date.now()) {
        const roster = get().gateways.has(sn) ? withAct(get().roster, sn, 'removed', now) : get().roster;
        commit(removeGateway(fleetOf(get()), sn), roster);
      },
      fleetMerged(other, roster) {
        const merged = mergeRosters(get().roster, roster);
        commit(mergeFleets(fleetOf(get()), other, merged), merged);
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

/** Writes to a storage key by other tabs of this browser (the `storage` event never fires for our own). */
export interface StorageChanges {
  subscribe(key: string, listener: () => void): () => void;
}

function windowStorageChanges(): StorageChanges | null {
  if (typeof window === 'undefined') return null;
  return {
    subscribe(key, listener) {
      const onStorage = (event: StorageEvent): void => {
        if (event.key === key || event.key === null) listener();
      };
      window.addEventListener('storage', onStorage);
      return () => window.removeEventListener('storage', onStorage);
    },
  };
}

/**
 * Saves the fleet at most once per `delayMs` after it changes (less often when a save takes long to
 * build, see work-slices.ts SAVE_SHARE). When another tab wrote the fleet
 * (its `storage` event), its gateways and roster are merged in at once and again right before our
 * next write; we write back only when we hold a gateway or an act it did not store.
 *
 * The timed save is built in slices between frames (`slices`; null: at once): at 10,000 gateways
 * the text is megabytes. flush() (pagehide) writes whole and at once, dropping a build in flight,
 * and so does another tab's write landing mid-build, after which ours starts again.
 */
export function persistFleet(
  store: FleetStore,
  storage: FleetStorage | null,
  delayMs = SAVE_DELAY_MS,
  timers: Timers = realTimers,
  changes: StorageChanges | null = windowStorageChanges(),
  slices: SliceClock | null = pageSliceClock(),
): FleetPersistence {
  let saved = store.getState().gateways;
  let savedRoster = store.getState().roster;
  let pending: unknown = null;
  let otherTabWrote = false;
  let absorbing = false;
  /** The save being built in slices, if any (null: saves are built at once). */
  const builds = slices === null ? null : slicedBuilds(slices);
  /** A build was dropped before it wrote: what it marked as saved is not. */
  let unwritten = false;
  const dropBuilding = (): boolean => {
    if (builds?.drop() !== true) return false;
    unwritten = true;
    return true;
  };
  const absorb = (): boolean => {
    const theirs = loadFleetDocument(storage);
    absorbing = true;
    try {
      store.getState().fleetMerged(theirs.fleet, theirs.roster);
    } finally {
      absorbing = false;
    }
    const state = store.getState();
    // What the other tab stored is saved as far as we are concerned.
    if (!unwritten && !fleetKnowsMore(fleetOf(state), state.roster, theirs.fleet, theirs.roster)) {
      saved = state.gateways;
      savedRoster = state.roster;
      return false;
    }
    return true;
  };
  /** The state to write, marked saved; null when storage already holds it. */
  const take = (): FleetStoreState | null => {
    if (pending !== null) timers.clearTimeout(pending);
    pending = null;
    if (otherTabWrote) {
      otherTabWrote = false;
      absorb();
    }
    const state = store.getState();
    if (!unwritten && state.gateways === saved && state.roster === savedRoster) return null;
    unwritten = false;
    saved = state.gateways;
    savedRoster = state.roster;
    return state;
  };
  const flush = (): void => {
    dropBuilding();
    const state = take();
    if (state !== null) saveFleet(storage, fleetOf(state), state.roster);
  };
  const saveSoon = (): void => {
    if (builds === null) return flush();
    if (builds.busy) {
      // One save at a time: this change goes into the next one.
      pending = null;
      return schedule();
    }
    const state = take();
    if (state !== null) builds.start(saveFleetWork(storage, fleetOf(state), state.roster));
  };
  const schedule = (): void => {
    if (pending === null) pending = timers.setTimeout(saveSoon, builds?.nextDelay(delayMs) ?? delayMs);
  };
  const unsubscribe = store.subscribe((state) => {
    if (!absorbing && (state.gateways !== saved || state.roster !== savedRoster)) schedule();
  });
  const unsubscribeChanges =
    storage === null
      ? null
      : (changes?.subscribe(FLEET_STORAGE_KEY, () => {
          otherTabWrote = true;
          if (dropBuilding()) schedule();
          if (absorb()) schedule();
        }) ?? null);
  return {
    flush,
    stop() {
      unsubscribe();
      unsubscribeChanges?.();
      dropBuilding();
      if (pending !== null) timers.clearTimeout(pending);
      pending = null;
    },
  };
}
