import type { OsdDecoded, StateDecoded } from '../protocol/messages.ts';
import { produceFleet, type FleetDraft } from './fleet-draft.ts';
import { newDevice, newGateway, patchDevice, withDevices, type FleetDevice, type FleetGateway, type FleetState } from './fleet-model.ts';

/**
 * Last-seen is shown as an age, which reads "just now" under 5 s, and compared with a stale
 * threshold of tens of seconds. Moved at most every 3 s, a device reporting at least every 2 s
 * still always reads "just now", and a dock sending ota_progress at 1 Hz makes a new gateway
 * object every third event instead of every one: at 10,000 docks, a third of the young objects
 * the fleet kept alive per second, and fewer garbage collections on the page.
 */
export const SEEN_RESOLUTION_MS = 3000;

function seenAt(previous: number | null, now: number): number {
  return previous !== null && now < previous + SEEN_RESOLUTION_MS ? previous : now;
}

/** The gateway holding `deviceSn`: by topology first, then the envelope's gateway, created when unknown. */
function gatewayFor(draft: FleetDraft, deviceSn: string, envelopeGateway: string): FleetGateway {
  const sn = draft.gatewayOfDevice(deviceSn) ?? draft.gatewayOfDevice(envelopeGateway) ?? envelopeGateway;
  const known = draft.gateway(sn);
  if (known !== undefined) return known;
  draft.mapDevice(sn, sn);
  return newGateway(sn);
}

type ReportedFields = Partial<Pick<FleetDevice, 'firmwareVersion' | 'compatibleStatus' | 'firmwareUpgradeStatus' | 'modeCode'>>;

/**
 * A device reported something. A device nobody listed yet still gets a (minimal) record under its
 * gateway rather than being dropped: its firmware is what the upgrade screen needs.
 */
export function deviceReportInto(draft: FleetDraft, deviceSn: string, envelopeGateway: string, fields: ReportedFields, now: number): void {
  const gateway = gatewayFor(draft, deviceSn, envelopeGateway);
  const existing = gateway.devices.find((d) => d.sn === deviceSn);
  const device = existing ?? newDevice(deviceSn, deviceSn === gateway.sn ? 'gateway' : 'sub-device');
  const next = patchDevice(device, { ...fields, lastSeen: seenAt(device.lastSeen, now) });
  const devices = existing === undefined ? [...gateway.devices, next] : gateway.devices.map((d) => (d === existing ? next : d));
  draft.mapDevice(deviceSn, gateway.sn);
  draft.setGateway(withDevices(gateway, devices, { lastSeen: seenAt(gateway.lastSeen, now) }));
}

/** The gateway's own device record (an index loop: this runs for every progress event). */
function ownDevice(gateway: FleetGateway): FleetDevice | undefined {
  const { devices } = gateway;
  for (let i = 0; i < devices.length; i++) if (devices[i]?.sn === gateway.sn) return devices[i];
  return undefined;
}

/** Traffic from a gateway that says nothing about its devices (progress, replies): it is alive. */
export function gatewaySeenInto(draft: FleetDraft, gatewaySn: string, now: number): void {
  const gateway = gatewayFor(draft, gatewaySn, gatewaySn);
  const own = ownDevice(gateway);
  const lastSeen = seenAt(gateway.lastSeen, now);
  const ownSeen = own === undefined ? null : seenAt(own.lastSeen, now);
  // Within the resolution nothing moves, and nothing is allocated: most progress events end here.
  if (lastSeen === gateway.lastSeen && (own === undefined || ownSeen === own.lastSeen) && draft.gateway(gateway.sn) === gateway) return;
  const ownNext = own === undefined ? undefined : patchDevice(own, { lastSeen: ownSeen });
  const devices = ownNext === own ? gateway.devices : gateway.devices.map((d) => (d === own && ownNext !== undefined ? ownNext : d));
  draft.setGateway(withDevices(gateway, devices, { lastSeen }));
}

export function stateInto(draft: FleetDraft, message: StateDecoded, now: number): void {
  deviceReportInto(
    draft,
    message.deviceSn,
    message.meta.gateway,
    {
      firmwareVersion: message.firmwareVersion,
      compatibleStatus: message.compatibleStatus,
      firmwareUpgradeStatus: message.firmwareUpgradeStatus,
    },
    now,
  );
}

export function osdInto(draft: FleetDraft, message: OsdDecoded, now: number): void {
  deviceReportInto(draft, message.deviceSn, message.meta.gateway, { modeCode: message.modeCode ?? undefined }, now);
}

/** state: firmware_version, compatible_status, firmware_upgrade_status (only the keys that changed). */
export function applyState(state: FleetState, message: StateDecoded, now: number): FleetState {
  return produceFleet(state, (draft) => stateInto(draft, message, now));
}

/**
 * The console no longer receives these devices' osd (it subscribes to the osd of the devices it
 * upgrades or is about to): a mode_code kept from before would say "upgrading" for ever.
 */
export function forgetModeCodes(state: FleetState, deviceSns: Iterable<string>): FleetState {
  return produceFleet(state, (draft) => {
    for (const sn of deviceSns) {
      const gatewaySn = draft.gatewayOfDevice(sn);
      const gateway = gatewaySn === undefined ? undefined : draft.gateway(gatewaySn);
      const device = gateway?.devices.find((d) => d.sn === sn);
      if (gateway === undefined || device === undefined || device.modeCode === null) continue;
      draft.setGateway(
        withDevices(
          gateway,
          gateway.devices.map((d) => (d === device ? patchDevice(d, { modeCode: null }) : d)),
        ),
      );
    }
  });
}

/** osd: mode_code (upgrading) and proof of life. */
export function applyOsd(state: FleetState, message: OsdDecoded, now: number): FleetState {
  return produceFleet(state, (draft) => osdInto(draft, message, now));
}
