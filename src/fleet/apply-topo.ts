import type { TopoDevice, UpdateTopoDecoded } from '../protocol/messages.ts';
import { produceFleet, type FleetDraft } from './fleet-draft.ts';
import { newDevice, newGateway, patchDevice, withDevices, type FleetDevice, type FleetState } from './fleet-model.ts';

function topoFields(topo: TopoDevice) {
  return {
    modelKey: topo.modelKey,
    domain: topo.domain,
    index: topo.index ?? null,
    thingVersion: topo.thingVersion ?? null,
  };
}

/**
 * Takes `deviceSn` away from the gateway that held it before (an aircraft paired with another
 * dock, or a record created from a state message before any topology), keeping what was known.
 */
function claimDevice(draft: FleetDraft, deviceSn: string, gatewaySn: string): FleetDevice | undefined {
  const ownerSn = draft.gatewayOfDevice(deviceSn);
  if (ownerSn === undefined || ownerSn === gatewaySn) return undefined;
  const owner = draft.gateway(ownerSn);
  const record = owner?.devices.find((d) => d.sn === deviceSn);
  if (owner === undefined || record === undefined) return undefined;
  if (deviceSn === ownerSn) {
    // A "gateway" that only existed because its state arrived first is really this sub-device.
    // One an operator added or that sent its own topology stays a gateway.
    if (!owner.manual && owner.topoAt === null) draft.deleteGateway(ownerSn);
    return { ...record, role: 'sub-device' };
  }
  draft.setGateway(
    withDevices(
      owner,
      owner.devices.filter((d) => d.sn !== deviceSn),
    ),
  );
  return record;
}

function seededGateway(sn: string, own: FleetDevice | undefined) {
  const fresh = newGateway(sn);
  return own === undefined ? fresh : { ...fresh, devices: [own] };
}

/** Applies one update_topo on a draft (shared by the batch reducer). */
export function topoInto(draft: FleetDraft, message: UpdateTopoDecoded, now: number): void {
  const gatewaySn = message.gateway.sn;
  // A gateway first seen as someone else's sub-device keeps what was known about it.
  const previous = draft.gateway(gatewaySn) ?? seededGateway(gatewaySn, claimDevice(draft, gatewaySn, gatewaySn));
  const before = new Map(previous.devices.map((d) => [d.sn, d]));

  const listed = new Map<string, TopoDevice>();
  for (const sub of message.subDevices) {
    if (sub.sn !== gatewaySn && !listed.has(sub.sn)) listed.set(sub.sn, sub);
  }

  const present: FleetDevice[] = [];
  for (const topo of listed.values()) {
    const known = before.get(topo.sn) ?? claimDevice(draft, topo.sn, gatewaySn) ?? newDevice(topo.sn, 'sub-device');
    present.push(patchDevice(known, { ...topoFields(topo), role: 'sub-device', inTopology: true, lastSeen: now }));
    draft.mapDevice(topo.sn, gatewaySn);
  }

  // A sub-device that dropped out is kept (offline, last firmware known) until another device of
  // the same domain takes its place, which bounds what a dock can accumulate.
  const domainsPresent = new Set(present.map((d) => d.domain));
  const droppedOut: FleetDevice[] = [];
  for (const device of previous.devices) {
    if (device.role !== 'sub-device' || listed.has(device.sn)) continue;
    if (domainsPresent.has(device.domain)) {
      if (draft.gatewayOfDevice(device.sn) === gatewaySn) draft.unmapDevice(device.sn);
    } else {
      droppedOut.push(patchDevice(device, { inTopology: false }));
    }
  }

  const ownBefore = previous.devices.find((d) => d.sn === gatewaySn) ?? newDevice(gatewaySn, 'gateway');
  const own = patchDevice(ownBefore, { ...topoFields(message.gateway), role: 'gateway', inTopology: true, lastSeen: now });
  draft.mapDevice(gatewaySn, gatewaySn);
  draft.setGateway(withDevices(previous, [own, ...present, ...droppedOut], { topoAt: now, lastSeen: now }));
}

/** update_topo: the gateway's model and its sub-devices appearing or dropping out. */
export function applyTopo(state: FleetState, message: UpdateTopoDecoded, now: number): FleetState {
  return produceFleet(state, (draft) => topoInto(draft, message, now));
}
