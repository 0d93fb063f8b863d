/**
 * Target resolution: for each selected gateway, the devices (dock and its
 * aircraft) whose model key equals a chosen firmware's `model`; a firmware without `model` targets
 * the gateway itself. Pure: liveness and the active task come in as facts, so tests need no store.
 */
import type { Firmware } from '../firmware/firmware.ts';
import type { FleetDevice, FleetGateway } from '../fleet/fleet-model.ts';
import type { Liveness } from '../fleet/fleet-selectors.ts';
import { MAX_OTA_DEVICES } from '../protocol/builders.ts';
import { snProblem } from '../protocol/sn.ts';
import type { BusyCause, SkipReason } from './skip-reasons.ts';

/** 3 = regular (the default), 2 = consistency (only for a device reporting compatible_status 1). */
export type OfferedUpgradeType = 2 | 3;

export interface GatewayFacts {
  gateway: FleetGateway;
  liveness: Liveness;
  /** The gateway's task that has not ended, if any. */
  activeTaskBid: string | null;
}

export interface TargetDevice {
  sn: string;
  modelKey: string | null;
  productName: string | null;
  /** The version the device reports now; null when it has not said. */
  fromVersion: string | null;
  firmware: Firmware;
  upgradeType: OfferedUpgradeType;
  /** The device reports compatible_status 1, so a consistency upgrade (type 2) may be chosen. */
  consistencyOffered: boolean;
}

export interface GatewayResolution {
  gatewaySn: string;
  /** What would be sent (in device order: the gateway first). */
  targets: readonly TargetDevice[];
  /** Matching devices left out because they already run the target version. */
  onTarget: readonly { sn: string; version: string; firmware: Firmware }[];
  /** Empty when the gateway gets an ota_create. */
  skip: readonly SkipReason[];
}

/** Per device SN, the type the operator picked; anything but an offered 2 means 3. */
export type UpgradeTypeChoice = ReadonlyMap<string, OfferedUpgradeType>;

const NO_CHOICE: UpgradeTypeChoice = new Map();

/** The gateway's own record always counts; an aircraft that left the topology (offline, unpaired) does not. */
function candidates(gateway: FleetGateway): FleetDevice[] {
  return gateway.devices.filter((d) => d.role === 'gateway' || d.inTopology);
}

function firmwareFor(device: FleetDevice, chosen: readonly Firmware[]): Firmware[] {
  return chosen.filter((f) => (f.model === null ? device.role === 'gateway' : f.model === device.modelKey));
}

function busyCause(facts: GatewayFacts): BusyCause | null {
  if (facts.activeTaskBid !== null) return { source: 'task', bid: facts.activeTaskBid };
  const device = facts.gateway.devices.find((d) => d.upgrading);
  if (device === undefined) return null;
  if (device.firmwareUpgradeStatus === 1 || device.modeCode === null) return { source: 'upgrade-status', sn: device.sn };
  return { source: 'osd', sn: device.sn, modeCode: device.modeCode };
}

/** On the target version and consistent: a device needing a consistency upgrade is still a target. */
function isOnTarget(device: FleetDevice, firmware: Firmware): boolean {
  return device.firmwareVersion === firmware.productVersion && device.compatibleStatus !== 1;
}

export function resolveGateway(facts: GatewayFacts, chosen: readonly Firmware[], types: UpgradeTypeChoice = NO_CHOICE): GatewayResolution {
  const { gateway } = facts;
  const skip: SkipReason[] = [];
  const targets: TargetDevice[] = [];
  const onTarget: { sn: string; version: string; firmware: Firmware }[] = [];

  const gatewayProblem = snProblem(gateway.sn);
  if (gatewayProblem !== null) skip.push({ kind: 'invalid-sn', sn: gateway.sn, problem: gatewayProblem });
  if (facts.liveness !== 'online') skip.push({ kind: 'offline', liveness: facts.liveness });
  const busy = busyCause(facts);
  if (busy !== null) skip.push({ kind: 'busy', cause: busy });

  const devices = candidates(gateway);
  for (const device of devices) {
    const matches = firmwareFor(device, chosen);
    const [firmware] = matches;
    if (firmware === undefined) continue;
    if (matches.length > 1) skip.push({ kind: 'conflict', sn: device.sn, files: matches.map((f) => f.fileName) });
    if (isOnTarget(device, firmware)) {
      onTarget.push({ sn: device.sn, version: firmware.productVersion, firmware });
      continue;
    }
    const deviceProblem = device.sn === gateway.sn ? null : snProblem(device.sn);
    if (deviceProblem !== null) skip.push({ kind: 'invalid-sn', sn: device.sn, problem: deviceProblem });
    const consistencyOffered = device.compatibleStatus === 1;
    targets.push({
      sn: device.sn,
      modelKey: device.modelKey,
      productName: device.productName,
      fromVersion: device.firmwareVersion,
      firmware,
      upgradeType: consistencyOffered && types.get(device.sn) === 2 ? 2 : 3,
      consistencyOffered,
    });
  }

  if (targets.length === 0 && onTarget.length === 0) {
    const models = [...new Set(chosen.flatMap((f) => (f.model === null ? [] : [f.model])))];
    const deviceModels = [...new Set(devices.flatMap((d) => (d.modelKey === null ? [] : [d.modelKey])))];
    skip.push({ kind: 'no-matching-device', models, deviceModels });
  } else if (targets.length === 0) {
    skip.push({ kind: 'already-on-target', devices: onTarget.map(({ sn, version }) => ({ sn, version })) });
  } else if (targets.length > MAX_OTA_DEVICES) {
    skip.push({ kind: 'too-many-targets', count: targets.length });
  }
  return { gatewaySn: gateway.sn, targets, onTarget, skip };
}

export function willSend(resolution: GatewayResolution): boolean {
  return resolution.skip.length === 0 && resolution.targets.length > 0;
}
