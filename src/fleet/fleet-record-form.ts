/**
 * A gateway (with its devices) and a roster entry as stored: short field names, only what a reload
 * needs, and checked on the way back in (storage is shared with other tabs and older builds), so a
 * bad entry is dropped alone. The previous version's localStorage document (fleet-legacy-storage.ts)
 * and the IndexedDB records (fleet-records.ts) hold the same forms.
 */
import { z } from 'zod';
import type { FactsRule } from '../lib/persist/change-pacer.ts';
import { isValidSn } from '../protocol/sn.ts';
import { compareSn } from './fleet-draft.ts';
import { newDevice, newGateway, patchDevice, withDevices, type FleetDevice, type FleetGateway, type FleetState } from './fleet-model.ts';
import type { RosterEntry } from './fleet-sync.ts';

const snSchema = z.string().refine(isValidSn);
const text = z.string().max(256);
const timeSchema = z.number().int().nonnegative();

const deviceSchema = z.object({
  sn: snSchema,
  role: z.enum(['gateway', 'sub-device']),
  model: text.optional(),
  domain: text.optional(),
  index: text.optional(),
  thing: text.optional(),
  /** Listed by the latest topology. */
  topo: z.boolean().optional(),
  fw: text.optional(),
  compat: z.union([z.literal(0), z.literal(1)]).optional(),
  seen: timeSchema.optional(),
});

const gatewaySchema = z.object({
  sn: snSchema,
  manual: z.boolean().optional(),
  topoAt: timeSchema.optional(),
  seen: timeSchema.optional(),
  devices: z.array(z.unknown()).max(64),
});

/** An operator's add/remove times for one SN. */
const rosterEntrySchema = z.object({ sn: snSchema, added: timeSchema.optional(), removed: timeSchema.optional() });

type StoredDevice = z.infer<typeof deviceSchema>;
export type StoredGateway = Omit<z.infer<typeof gatewaySchema>, 'devices'> & { devices: StoredDevice[] };
export type StoredRosterEntry = z.infer<typeof rosterEntrySchema>;

function storedDevice(d: FleetDevice): StoredDevice {
  // Upgrade flags and mode_code are left out on purpose: after a reload they would claim an
  // upgrade that may have ended long ago.
  return {
    sn: d.sn,
    role: d.role,
    ...(d.modelKey !== null && { model: d.modelKey }),
    ...(d.domain !== null && { domain: d.domain }),
    ...(d.index !== null && { index: d.index }),
    ...(d.thingVersion !== null && { thing: d.thingVersion }),
    ...(d.inTopology && { topo: true }),
    ...(d.firmwareVersion !== null && { fw: d.firmwareVersion }),
    ...(d.compatibleStatus !== null && { compat: d.compatibleStatus }),
    ...(d.lastSeen !== null && { seen: d.lastSeen }),
  };
}

export function storedGateway(g: FleetGateway): StoredGateway {
  return {
    sn: g.sn,
    ...(g.manual && { manual: true }),
    ...(g.topoAt !== null && { topoAt: g.topoAt }),
    ...(g.lastSeen !== null && { seen: g.lastSeen }),
    devices: g.devices.map(storedDevice),
  };
}

/** What storedDevice keeps of a device apart from its last-seen. */
type DeviceFacts = Pick<
  FleetDevice,
  'sn' | 'role' | 'modelKey' | 'domain' | 'index' | 'thingVersion' | 'inTopology' | 'firmwareVersion' | 'compatibleStatus'
>;

// Spelled out, not a loop over field names: GATEWAY_FACTS runs this for 10,000 gateways every period.
function sameDeviceFacts(a: DeviceFacts, b: FleetDevice): boolean {
  return (
    a.sn === b.sn &&
    a.role === b.role &&
    a.modelKey === b.modelKey &&
    a.domain === b.domain &&
    a.index === b.index &&
    a.thingVersion === b.thingVersion &&
    a.inTopology === b.inTopology &&
    a.firmwareVersion === b.firmwareVersion &&
    a.compatibleStatus === b.compatibleStatus
  );
}

function sameStoredDevice(a: FleetDevice, b: FleetDevice): boolean {
  return sameDeviceFacts(a, b) && a.lastSeen === b.lastSeen;
}

interface GatewayFacts {
  readonly manual: boolean;
  readonly topoAt: number | null;
  readonly devices: readonly DeviceFacts[];
}

function deviceFacts(d: FleetDevice): DeviceFacts {
  const { sn, role, modelKey, domain, index, thingVersion, inTopology, firmwareVersion, compatibleStatus } = d;
  return { sn, role, modelKey, domain, index, thingVersion, inTopology, firmwareVersion, compatibleStatus };
}

/**
 * What a stored gateway says apart from when it was last seen: two versions with the same facts
 * differ by last-seen only (or by nothing stored), which the fleet writes at a slower pace
 * (ChangePacer).
 */
export const GATEWAY_FACTS: FactsRule<FleetGateway, GatewayFacts> = {
  factsOf: (g) => ({ manual: g.manual, topoAt: g.topoAt, devices: g.devices.map(deviceFacts) }),
  sameFacts(facts, g) {
    if (facts.manual !== g.manual || facts.topoAt !== g.topoAt || facts.devices.length !== g.devices.length) return false;
    return facts.devices.every((kept, i) => {
      const d = g.devices[i];
      return d !== undefined && sameDeviceFacts(kept, d);
    });
  },
};

/** Whether two gateways are stored alike (what storedGateway keeps is equal). */
export function sameStoredGateway(a: FleetGateway, b: FleetGateway): boolean {
  if (a === b) return true;
  return (
    a.sn === b.sn &&
    a.manual === b.manual &&
    a.topoAt === b.topoAt &&
    a.lastSeen === b.lastSeen &&
    a.devices.length === b.devices.length &&
    a.devices.every((d, i) => b.devices[i] !== undefined && sameStoredDevice(d, b.devices[i]))
  );
}

function restoreDevice(d: StoredDevice): FleetDevice {
  return patchDevice(newDevice(d.sn, d.role), {
    modelKey: d.model ?? null,
    domain: d.domain ?? null,
    index: d.index ?? null,
    thingVersion: d.thing ?? null,
    inTopology: d.topo ?? false,
    firmwareVersion: d.fw ?? null,
    compatibleStatus: d.compat ?? null,
    lastSeen: d.seen ?? null,
  });
}

/**
 * A stored gateway back, or null when it does not check out. `claimed` holds the SNs gateways
 * restored before this one own: a device (or gateway) seen twice stays with the first.
 */
export function restoreGateway(entry: unknown, claimed: ReadonlySet<string> = new Set()): FleetGateway | null {
  const g = gatewaySchema.safeParse(entry);
  if (!g.success || claimed.has(g.data.sn)) return null;
  const devices: FleetDevice[] = [];
  const mine = new Set<string>();
  for (const raw of g.data.devices) {
    const d = deviceSchema.safeParse(raw);
    if (!d.success || claimed.has(d.data.sn) || mine.has(d.data.sn)) continue;
    // The gateway's own record is always first and always the gateway's SN.
    if ((d.data.sn === g.data.sn) !== (d.data.role === 'gateway')) continue;
    mine.add(d.data.sn);
    devices.push(restoreDevice(d.data));
  }
  const base = newGateway(g.data.sn, g.data.manual ?? false);
  const own = devices.find((d) => d.sn === g.data.sn) ?? newDevice(g.data.sn, 'gateway');
  const ordered = [own, ...devices.filter((d) => d !== own)];
  return withDevices(base, ordered, { topoAt: g.data.topoAt ?? undefined, lastSeen: g.data.seen ?? undefined });
}

/** The fleet of these gateways: SNs sorted, each device owned by the first gateway listing it. */
export function fleetOfGateways(gateways: Iterable<FleetGateway>): FleetState {
  const byGateway = new Map<string, FleetGateway>();
  const deviceGateway = new Map<string, string>();
  for (const gateway of gateways) {
    if (byGateway.has(gateway.sn) || deviceGateway.has(gateway.sn)) continue;
    byGateway.set(gateway.sn, gateway);
    deviceGateway.set(gateway.sn, gateway.sn);
    for (const device of gateway.devices) if (!deviceGateway.has(device.sn)) deviceGateway.set(device.sn, gateway.sn);
  }
  return { gateways: byGateway, gatewaySns: [...byGateway.keys()].sort(compareSn), deviceGateway };
}

export function storedRosterEntry(sn: string, entry: RosterEntry): StoredRosterEntry {
  return {
    sn,
    ...(entry.added === undefined ? {} : { added: entry.added }),
    ...(entry.removed === undefined ? {} : { removed: entry.removed }),
  };
}

/** A stored roster entry back, or null. */
export function restoreRosterEntry(item: unknown): [string, RosterEntry] | null {
  const entry = rosterEntrySchema.safeParse(item);
  if (!entry.success) return null;
  const { sn, added, removed } = entry.data;
  return [sn, { ...(added === undefined ? {} : { added }), ...(removed === undefined ? {} : { removed }) }];
}
