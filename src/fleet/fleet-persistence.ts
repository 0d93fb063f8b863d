/**
 * The known fleet in localStorage, so a reload shows every gateway (and the firmware last
 * reported) before the next update_topo. Versioned, bounded, and read defensively: storage is
 * shared with other code, other tabs and older builds, so anything unreadable is dropped, not thrown.
 */
import { z } from 'zod';
import { isValidSn } from '../protocol/sn.ts';
import { compareSn } from './fleet-draft.ts';
import { newDevice, patchDevice, withDevices, newGateway, type FleetDevice, type FleetGateway, type FleetState, emptyFleet } from './fleet-model.ts';
import { boundedRoster, EMPTY_ROSTER, MAX_ROSTER_ENTRIES, type Roster, type RosterEntry } from './fleet-sync.ts';
import { runNow } from '../lib/work-slices.ts';

export const FLEET_STORAGE_KEY = 'ota-console.fleet';
export const FLEET_STORAGE_VERSION = 1;
/** Enough for the 10,000-gateway fleets the console is built for (about 2 MB of JSON). */
export const MAX_PERSISTED_GATEWAYS = 10_000;

export type FleetStorage = Pick<Storage, 'getItem' | 'setItem' | 'removeItem'>;

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

const documentSchema = z.object({ version: z.literal(FLEET_STORAGE_VERSION), gateways: z.array(z.unknown()), roster: z.array(z.unknown()).optional() });

/** An operator's add/remove times for one SN (older builds ignore the field, and write none). */
const rosterEntrySchema = z.object({ sn: snSchema, added: timeSchema.optional(), removed: timeSchema.optional() });

type StoredDevice = z.infer<typeof deviceSchema>;
type StoredGateway = Omit<z.infer<typeof gatewaySchema>, 'devices'> & { devices: StoredDevice[] };

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

function storedGateway(g: FleetGateway): StoredGateway {
  return {
    sn: g.sn,
    ...(g.manual && { manual: true }),
    ...(g.topoAt !== null && { topoAt: g.topoAt }),
    ...(g.lastSeen !== null && { seen: g.lastSeen }),
    devices: g.devices.map(storedDevice),
  };
}

/** Which gateways survive when the fleet outgrows the bound: the operator's own first, then the most recently heard. */
function keepOrder(a: FleetGateway, b: FleetGateway): number {
  if (a.manual !== b.manual) return a.manual ? -1 : 1;
  return (b.lastSeen ?? -1) - (a.lastSeen ?? -1);
}

/**
 * The stored text, a gateway at a time (yielding after each): at 10,000 gateways it is megabytes,
 * and built in one go it held up a frame every save. Same text as JSON.stringify of the document.
 */
export function* serializeFleetWork(state: FleetState, limit: number = MAX_PERSISTED_GATEWAYS, roster: Roster = EMPTY_ROSTER): Generator<void, string> {
  let gateways = [...state.gateways.values()];
  if (gateways.length > limit) gateways = gateways.sort(keepOrder).slice(0, limit);
  const acts = [...boundedRoster(roster)].map(([sn, entry]) => ({ sn, ...entry }));
  const parts: string[] = [];
  for (const gateway of gateways) {
    parts.push(JSON.stringify(storedGateway(gateway)));
    yield;
  }
  const tail = acts.length > 0 ? `,"roster":${JSON.stringify(acts)}` : '';
  return `{"version":${JSON.stringify(FLEET_STORAGE_VERSION)},"gateways":[${parts.join(',')}]${tail}}`;
}

export function serializeFleet(state: FleetState, limit: number = MAX_PERSISTED_GATEWAYS, roster: Roster = EMPTY_ROSTER): string {
  return runNow(serializeFleetWork(state, limit, roster));
}

function parseRoster(items: readonly unknown[] | undefined): Roster {
  const roster = new Map<string, RosterEntry>();
  for (const item of (items ?? []).slice(0, MAX_ROSTER_ENTRIES)) {
    const entry = rosterEntrySchema.safeParse(item);
    if (!entry.success) continue;
    const { sn, added, removed } = entry.data;
    roster.set(sn, { ...(added === undefined ? {} : { added }), ...(removed === undefined ? {} : { removed }) });
  }
  return roster;
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

export interface FleetDocument {
  fleet: FleetState;
  roster: Roster;
}

const EMPTY_DOCUMENT: FleetDocument = { fleet: emptyFleet, roster: EMPTY_ROSTER };

/** Parses a stored fleet; entries that do not validate are skipped one by one. */
export function deserializeFleet(json: string | null): FleetState {
  return deserializeFleetDocument(json).fleet;
}

/** The stored fleet and the operator's roster of adds and removals. */
export function deserializeFleetDocument(json: string | null): FleetDocument {
  if (json === null) return EMPTY_DOCUMENT;
  let parsed: unknown;
  try {
    parsed = JSON.parse(json);
  } catch {
    return EMPTY_DOCUMENT;
  }
  const doc = documentSchema.safeParse(parsed);
  if (!doc.success) return EMPTY_DOCUMENT;
  return { fleet: fleetFrom(doc.data.gateways), roster: parseRoster(doc.data.roster) };
}

function fleetFrom(entries: readonly unknown[]): FleetState {

  const gateways = new Map<string, FleetGateway>();
  const deviceGateway = new Map<string, string>();
  for (const entry of entries.slice(0, MAX_PERSISTED_GATEWAYS)) {
    const g = gatewaySchema.safeParse(entry);
    if (!g.success || gateways.has(g.data.sn) || deviceGateway.has(g.data.sn)) continue;
    const devices: FleetDevice[] = [];
    for (const raw of g.data.devices) {
      const d = deviceSchema.safeParse(raw);
      if (!d.success || deviceGateway.has(d.data.sn)) continue;
      // The gateway's own record is always first and always the gateway's SN.
      if ((d.data.sn === g.data.sn) !== (d.data.role === 'gateway')) continue;
      deviceGateway.set(d.data.sn, g.data.sn);
      devices.push(restoreDevice(d.data));
    }
    const base = newGateway(g.data.sn, g.data.manual ?? false);
    const own = devices.find((d) => d.sn === g.data.sn) ?? newDevice(g.data.sn, 'gateway');
    deviceGateway.set(g.data.sn, g.data.sn);
    const ordered = [own, ...devices.filter((d) => d !== own)];
    gateways.set(g.data.sn, withDevices(base, ordered, { topoAt: g.data.topoAt ?? undefined, lastSeen: g.data.seen ?? undefined }));
  }
  return { gateways, gatewaySns: [...gateways.keys()].sort(compareSn), deviceGateway };
}

export function loadFleet(storage: FleetStorage | null): FleetState {
  return loadFleetDocument(storage).fleet;
}

export function loadFleetDocument(storage: FleetStorage | null): FleetDocument {
  if (storage === null) return EMPTY_DOCUMENT;
  try {
    return deserializeFleetDocument(storage.getItem(FLEET_STORAGE_KEY));
  } catch {
    // Storage disabled (privacy mode, sandboxed frame): start empty.
    return EMPTY_DOCUMENT;
  }
}

/**
 * Writes the fleet; when the quota refuses it, keeps halving the number of gateways (the most
 * valuable first) rather than losing everything. Returns how many gateways were written.
 */
/** Writes the fleet, halving the gateways kept while the quota refuses it; the number written. */
export function* saveFleetWork(storage: FleetStorage | null, state: FleetState, roster: Roster = EMPTY_ROSTER): Generator<void, number> {
  if (storage === null) return 0;
  let limit = Math.min(state.gateways.size, MAX_PERSISTED_GATEWAYS);
  for (;;) {
    const text = yield* serializeFleetWork(state, limit, roster);
    try {
      storage.setItem(FLEET_STORAGE_KEY, text);
      return limit;
    } catch {
      if (limit === 0) return 0;
      limit = Math.floor(limit / 2);
    }
  }
}

export function saveFleet(storage: FleetStorage | null, state: FleetState, roster: Roster = EMPTY_ROSTER): number {
  return runNow(saveFleetWork(storage, state, roster));
}
