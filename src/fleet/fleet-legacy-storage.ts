/**
 * What the previous version kept in localStorage: the whole fleet and the operator's roster as one
 * JSON document under 'ota-console.fleet' (format version 1). Read once, on the first start with
 * IndexedDB, to move it into records; then the key is removed. Reading never throws.
 */
import { z } from 'zod';
import { restoreGateway, restoreRosterEntry } from './fleet-record-form.ts';
import type { FleetGateway } from './fleet-model.ts';
import { MAX_ROSTER_ENTRIES, type RosterEntry } from './fleet-sync.ts';

export const LEGACY_FLEET_KEY = 'ota-console.fleet';
/** The previous version kept at most this many gateways. */
const MAX_LEGACY_GATEWAYS = 10_000;

export type LegacyStorage = Pick<Storage, 'getItem' | 'removeItem'>;

const documentSchema = z.object({ version: z.literal(1), gateways: z.array(z.unknown()), roster: z.array(z.unknown()).optional() });

export interface LegacyFleet {
  gateways: FleetGateway[];
  roster: [string, RosterEntry][];
}

/** The stored gateways and roster; null when the key is absent (an unreadable document reads as empty). */
export function readLegacyFleet(storage: LegacyStorage): LegacyFleet | null {
  let text: string | null;
  try {
    text = storage.getItem(LEGACY_FLEET_KEY);
  } catch {
    return null;
  }
  if (text === null) return null;
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    return { gateways: [], roster: [] };
  }
  const doc = documentSchema.safeParse(json);
  if (!doc.success) return { gateways: [], roster: [] };
  const gateways: FleetGateway[] = [];
  const claimed = new Set<string>();
  for (const entry of doc.data.gateways.slice(0, MAX_LEGACY_GATEWAYS)) {
    const gateway = restoreGateway(entry, claimed);
    if (gateway === null) continue;
    gateways.push(gateway);
    for (const device of gateway.devices) claimed.add(device.sn);
    claimed.add(gateway.sn);
  }
  const roster: [string, RosterEntry][] = [];
  for (const item of (doc.data.roster ?? []).slice(0, MAX_ROSTER_ENTRIES)) {
    const entry = restoreRosterEntry(item);
    if (entry !== null) roster.push(entry);
  }
  return { gateways, roster };
}

export function removeLegacyFleet(storage: LegacyStorage): void {
  try {
    storage.removeItem(LEGACY_FLEET_KEY);
  } catch {
    // Refused now: the fleet is moved already, a second move changes nothing.
  }
}
