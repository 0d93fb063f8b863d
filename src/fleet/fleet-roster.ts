/** Gateways an operator adds or removes by hand. */
import { snProblem } from '../protocol/sn.ts';
import { produceFleet, type FleetDraft } from './fleet-draft.ts';
import { newGateway, withDevices, type FleetState } from './fleet-model.ts';

export type AddOutcome =
  | { status: 'added'; sn: string }
  | { status: 'already-known'; sn: string }
  /** The SN belongs to a device (an aircraft) of another gateway. */
  | { status: 'is-device'; sn: string; gatewaySn: string }
  | { status: 'invalid'; sn: string; reason: string };

export interface RosterResult<T> {
  state: FleetState;
  result: T;
}

function addInto(draft: FleetDraft, sn: string): AddOutcome {
  const reason = snProblem(sn);
  if (reason !== null) return { status: 'invalid', sn, reason };
  const holder = draft.gatewayOfDevice(sn);
  if (holder !== undefined && holder !== sn) return { status: 'is-device', sn, gatewaySn: holder };
  const known = draft.gateway(sn);
  if (known !== undefined) {
    // Marked manual so it stays in the fleet (and in storage) like one the operator typed in.
    draft.setGateway(withDevices(known, known.devices, { manual: true }));
    return { status: 'already-known', sn };
  }
  draft.setGateway(newGateway(sn, true));
  draft.mapDevice(sn, sn);
  return { status: 'added', sn };
}

export function addGateway(state: FleetState, sn: string): RosterResult<AddOutcome> {
  let result: AddOutcome = { status: 'invalid', sn, reason: 'not processed' };
  const next = produceFleet(state, (draft) => {
    result = addInto(draft, sn);
  });
  return { state: next, result };
}

/** Adds every SN in one state change; the outcome of each, in input order. */
export function addGateways(state: FleetState, sns: readonly string[]): RosterResult<AddOutcome[]> {
  const result: AddOutcome[] = [];
  const next = produceFleet(state, (draft) => {
    for (const sn of sns) result.push(addInto(draft, sn));
  });
  return { state: next, result };
}

export function removeGateway(state: FleetState, sn: string): FleetState {
  return produceFleet(state, (draft) => draft.deleteGateway(sn));
}
