/** The fleet as the console knows it: gateways (docks) keyed by SN, each holding its devices. */
import { isAircraftModel, isDockModel, productName } from '../protocol/models.ts';

/** The gateway's own record, or a device it reports in update_topo sub_devices. */
export type DeviceRole = 'gateway' | 'sub-device';

export interface FleetDevice {
  readonly sn: string;
  readonly role: DeviceRole;
  /** `domain-type-sub_type`; null until an update_topo describes the device. */
  readonly modelKey: string | null;
  /** From the model table of src/protocol/models.ts; null for a model key it does not know. */
  readonly productName: string | null;
  readonly domain: string | null;
  readonly index: string | null;
  readonly thingVersion: string | null;
  /**
   * Listed by the gateway's latest update_topo. An aircraft that drops out (empty sub_devices =
   * offline or unpaired) keeps its record with this false, so its last known firmware survives.
   */
  readonly inTopology: boolean;
  readonly firmwareVersion: string | null;
  /** 1 = needs a consistency upgrade. */
  readonly compatibleStatus: 0 | 1 | null;
  readonly firmwareUpgradeStatus: 0 | 1 | null;
  readonly modeCode: number | null;
  /** firmware_upgrade_status 1, or the osd mode_code that means "upgrading" for this kind of device. */
  readonly upgrading: boolean;
  /** Receive time (ms) of the latest message about this device; the device clock is not trusted. */
  readonly lastSeen: number | null;
}

export interface FleetGateway {
  readonly sn: string;
  /** Added by an operator: kept (and persisted) even before it reports anything. */
  readonly manual: boolean;
  /** Receive time of the latest update_topo. */
  readonly topoAt: number | null;
  /** Receive time of the latest message from the gateway or any of its devices. */
  readonly lastSeen: number | null;
  /** The gateway's own device first, then its sub-devices in topology order, then those that dropped out. */
  readonly devices: readonly FleetDevice[];
  /** Any device of the gateway is upgrading. */
  readonly upgrading: boolean;
}

export interface FleetState {
  /** Keyed by SN. A Map, not an object: "__proto__" is a well-formed SN. */
  readonly gateways: ReadonlyMap<string, FleetGateway>;
  /** Every gateway SN in display order; a new array only when a gateway is added or removed. */
  readonly gatewaySns: readonly string[];
  /** Device SN -> the SN of the gateway that holds it (a gateway maps to itself). */
  readonly deviceGateway: ReadonlyMap<string, string>;
}

export const emptyFleet: FleetState = { gateways: new Map(), gatewaySns: [], deviceGateway: new Map() };

/** DJI osd mode_code: dock 3 and aircraft 13 mean "firmware upgrading". */
const DOCK_UPGRADING_MODE = 3;
const AIRCRAFT_UPGRADING_MODE = 13;

export function upgradingModeFor(device: Pick<FleetDevice, 'role' | 'modelKey'>): number {
  if (device.modelKey !== null) {
    if (isDockModel(device.modelKey)) return DOCK_UPGRADING_MODE;
    if (isAircraftModel(device.modelKey)) return AIRCRAFT_UPGRADING_MODE;
  }
  // Without a topology the role is the best guess: the gateway of a DJI fleet is a dock.
  return device.role === 'gateway' ? DOCK_UPGRADING_MODE : AIRCRAFT_UPGRADING_MODE;
}

function isUpgrading(device: Omit<FleetDevice, 'upgrading'>): boolean {
  return device.firmwareUpgradeStatus === 1 || (device.modeCode !== null && device.modeCode === upgradingModeFor(device));
}

export function newDevice(sn: string, role: DeviceRole): FleetDevice {
  return {
    sn,
    role,
    modelKey: null,
    productName: null,
    domain: null,
    index: null,
    thingVersion: null,
    inTopology: false,
    firmwareVersion: null,
    compatibleStatus: null,
    firmwareUpgradeStatus: null,
    modeCode: null,
    upgrading: false,
    lastSeen: null,
  };
}

export function newGateway(sn: string, manual = false): FleetGateway {
  return { sn, manual, topoAt: null, lastSeen: null, devices: [newDevice(sn, 'gateway')], upgrading: false };
}

type DeviceFields = Partial<Omit<FleetDevice, 'sn' | 'upgrading' | 'productName'>>;

/**
 * `device` with `changes` applied, or `device` itself when nothing differs, so a row holding the
 * old object can tell by identity that it has nothing to redraw.
 */
export function patchDevice(device: FleetDevice, changes: DeviceFields): FleetDevice {
  // for...in and one copy: this runs for every device report (10,000 a second at fleet scale),
  // where Object.keys/entries/fromEntries allocated four arrays a call.
  let next: Record<string, unknown> | null = null;
  for (const key in changes) {
    const value = changes[key as keyof DeviceFields];
    if (value === undefined || value === device[key as keyof DeviceFields]) continue;
    next ??= { ...device };
    next[key] = value;
  }
  if (next === null) return device;
  const patched = next as unknown as FleetDevice;
  next.productName = patched.modelKey === null ? null : productName(patched.modelKey);
  next.upgrading = isUpgrading(patched);
  return patched;
}

/** `gateway` with new devices (and the derived flags), or itself when nothing differs. */
export function withDevices(
  gateway: FleetGateway,
  devices: readonly FleetDevice[],
  changes: Partial<Pick<FleetGateway, 'manual' | 'topoAt' | 'lastSeen'>> = {},
): FleetGateway {
  const sameDevices = devices.length === gateway.devices.length && devices.every((d, i) => d === gateway.devices[i]);
  const manual = changes.manual ?? gateway.manual;
  const topoAt = changes.topoAt ?? gateway.topoAt;
  const lastSeen = changes.lastSeen ?? gateway.lastSeen;
  if (sameDevices && manual === gateway.manual && topoAt === gateway.topoAt && lastSeen === gateway.lastSeen) return gateway;
  const kept = sameDevices ? gateway.devices : devices;
  return { sn: gateway.sn, manual, topoAt, lastSeen, devices: kept, upgrading: kept.some((d) => d.upgrading) };
}
