/** Pure reads of a FleetState, for the fleet screen, the upgrade screen and the kiosk. */
import type { FleetDevice, FleetGateway, FleetState } from './fleet-model.ts';

/** A gateway or device is "online" while its last message is younger than this. */
export const DEFAULT_STALE_AFTER_MS = 60_000;

/** online: heard from recently; stale: heard from, but not within the threshold; unseen: never. */
export type Liveness = 'online' | 'stale' | 'unseen';

/** Derived with `now` passed in (never stored), so the same state reads differently as time goes on. */
export function livenessAt(lastSeen: number | null, now: number, staleAfterMs: number = DEFAULT_STALE_AFTER_MS): Liveness {
  if (lastSeen === null) return 'unseen';
  return now - lastSeen < staleAfterMs ? 'online' : 'stale';
}

const NO_DEVICES: readonly FleetDevice[] = Object.freeze([]);

/** Every gateway SN in natural SN order (stable array: it changes only when gateways come or go). */
export const selectGatewaySns = (state: FleetState): readonly string[] => state.gatewaySns;

export function gatewayBySn(state: FleetState, sn: string): FleetGateway | undefined {
  return state.gateways.get(sn);
}

/** The gateway's own device first, then its sub-devices; the same array until one of them changes. */
export function devicesOfGateway(state: FleetState, sn: string): readonly FleetDevice[] {
  return state.gateways.get(sn)?.devices ?? NO_DEVICES;
}

/** SN of the gateway that holds a device (a gateway holds itself). */
export function gatewayOfDevice(state: FleetState, deviceSn: string): string | undefined {
  return state.deviceGateway.get(deviceSn);
}

export function deviceBySn(state: FleetState, deviceSn: string): FleetDevice | undefined {
  const gatewaySn = state.deviceGateway.get(deviceSn);
  if (gatewaySn === undefined) return undefined;
  return state.gateways.get(gatewaySn)?.devices.find((d) => d.sn === deviceSn);
}

/** firmware_upgrade_status 1 or an "upgrading" osd mode_code on the gateway or any of its devices. */
export function isGatewayUpgrading(state: FleetState, sn: string): boolean {
  return state.gateways.get(sn)?.upgrading ?? false;
}

const listCache = new WeakMap<ReadonlyMap<string, FleetGateway>, readonly FleetGateway[]>();

/** Every gateway in SN order; one array per fleet version, so it is safe as a selector result. */
export function gatewayList(state: FleetState): readonly FleetGateway[] {
  const cached = listCache.get(state.gateways);
  if (cached !== undefined) return cached;
  const list = state.gatewaySns.flatMap((sn) => state.gateways.get(sn) ?? []);
  listCache.set(state.gateways, list);
  return list;
}

/**
 * Gateway SNs whose own SN or one of whose devices' SNs contains `query` (case-insensitive),
 * in display order. Reads only the SN lists, so it does not need recomputing for telemetry.
 */
export function searchGatewaySns(
  gatewaySns: readonly string[],
  deviceGateway: ReadonlyMap<string, string>,
  query: string,
): readonly string[] {
  const needle = query.trim().toLowerCase();
  if (needle === '') return gatewaySns;
  const viaDevice = new Set<string>();
  for (const [deviceSn, gatewaySn] of deviceGateway) {
    if (deviceSn.toLowerCase().includes(needle)) viaDevice.add(gatewaySn);
  }
  return gatewaySns.filter((sn) => viaDevice.has(sn) || sn.toLowerCase().includes(needle));
}
