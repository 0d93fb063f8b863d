/**
 * The live fleet: one update per inbound batch, actions named for what happened. Created outside
 * React; components read it through the atomic-selector hooks in fleet-hooks.ts.
 */
import { createStore, type StoreApi } from 'zustand/vanilla';
import type { Decoded } from '../protocol/messages.ts';
import { applyBatch } from './apply-batch.ts';
import { forgetModeCodes } from './apply-device-report.ts';
import { emptyFleet, type FleetState } from './fleet-model.ts';
import { addGateway, addGateways, removeGateway, type AddOutcome } from './fleet-roster.ts';
import { EMPTY_ROSTER, mergeFleets, mergeRosters, withAct, type Roster } from './fleet-sync.ts';

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
  /**
   * The session stopped receiving these devices' osd: their mode_code is no longer known, and an osd
   * of theirs still on its way (broker, worker, postMessage) is dropped until osdWatched names them.
   */
  osdUnwatched(deviceSns: readonly string[]): void;
  /** The session receives these devices' osd again. */
  osdWatched(deviceSns: readonly string[]): void;
}

function rosterAdds(roster: Roster, outcomes: readonly AddOutcome[], now: number): Roster {
  let next = roster;
  for (const outcome of outcomes)
    if (outcome.status === 'added' || outcome.status === 'already-known') next = withAct(next, outcome.sn, 'added', now);
  return next;
}

export type FleetStore = StoreApi<FleetStoreState>;

function fleetOf(state: FleetStoreState): FleetState {
  return { gateways: state.gateways, gatewaySns: state.gatewaySns, deviceGateway: state.deviceGateway };
}

export function createFleetStore(initial: FleetState = emptyFleet, initialRoster: Roster = EMPTY_ROSTER): FleetStore {
  return createStore<FleetStoreState>()((set, get) => {
    const unwatched = new Set<string>();
    /** Sets only the parts that changed, and nothing at all when the reducer returned the same state. */
    function commit(next: FleetState, roster: Roster = get().roster): void {
      const current = get();
      if (
        next.gateways === current.gateways &&
        next.gatewaySns === current.gatewaySns &&
        next.deviceGateway === current.deviceGateway &&
        roster === current.roster
      )
        return;
      set({ gateways: next.gateways, gatewaySns: next.gatewaySns, deviceGateway: next.deviceGateway, roster });
    }
    return {
      ...initial,
      roster: initialRoster,
      batchReceived(batch, now) {
        commit(applyBatch(fleetOf(get()), batch, now, unwatched));
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
      osdUnwatched(deviceSns) {
        for (const sn of deviceSns) unwatched.add(sn);
        commit(forgetModeCodes(fleetOf(get()), deviceSns));
      },
      osdWatched(deviceSns) {
        for (const sn of deviceSns) unwatched.delete(sn);
      },
    };
  });
}
