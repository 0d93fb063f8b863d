/**
 * The known fleet in IndexedDB, so a reload shows every gateway (and the firmware last reported)
 * before the next update_topo: one record per gateway and one per roster entry (the operator's adds
 * and removals, fleet-sync.ts). Written when they change, found by comparing the store with what was
 * last written once per write period (gateways and roster entries are immutable, so a change is a
 * different object); a gateway the store no longer holds is deleted. A gateway whose last-seen
 * alone moved is written at most once a minute: every message from it moves it.
 *
 * Another tab's write names its keys: those gateways and roster entries are read and merged with
 * the rules of fleet-sync.ts (later act wins; the fresher record of a gateway), and what we then
 * hold as they stored it is not written back.
 */
import { z } from 'zod';
import type { StoreSpec } from '../lib/persist/persist-database.ts';
import { ChangePacer } from '../lib/persist/change-pacer.ts';
import type { PersistKit, RecordCollection } from '../lib/persist/persist-kit.ts';
import { readLegacyFleet, removeLegacyFleet, type LegacyStorage } from './fleet-legacy-storage.ts';
import type { FleetGateway } from './fleet-model.ts';
import {
  fleetOfGateways,
  GATEWAY_FACTS,
  restoreGateway,
  restoreRosterEntry,
  sameStoredGateway,
  storedGateway,
  storedRosterEntry,
} from './fleet-record-form.ts';
import type { FleetStore } from './fleet-store.ts';
import { boundedRoster, type RosterEntry } from './fleet-sync.ts';

export const FLEET_RECORD_VERSION = 1;
export const GATEWAYS_STORE = 'gateways';
export const ROSTER_STORE = 'fleet-roster';
export const FLEET_STORE_SPECS: readonly StoreSpec[] = [{ name: GATEWAYS_STORE }, { name: ROSTER_STORE }];

const recordSchema = z.object({ v: z.literal(FLEET_RECORD_VERSION), value: z.unknown() });

export function gatewayFromRecord(record: unknown): FleetGateway | null {
  const parsed = recordSchema.safeParse(record);
  return parsed.success ? restoreGateway(parsed.data.value) : null;
}

export function rosterEntryFromRecord(record: unknown): [string, RosterEntry] | null {
  const parsed = recordSchema.safeParse(record);
  return parsed.success ? restoreRosterEntry(parsed.data.value) : null;
}

export interface FleetRecords {
  /** Resolves once the stored (and moved) fleet is in the store. */
  readonly ready: Promise<void>;
  flush(): Promise<void>;
  stop(): void;
}

function sameEntry(a: RosterEntry | undefined, b: RosterEntry): boolean {
  return a !== undefined && a.added === b.added && a.removed === b.removed;
}

export interface FleetRecordsOptions {
  legacy?: LegacyStorage | null;
  now?: () => number;
}

export function connectFleetRecords(store: FleetStore, kit: PersistKit, options: FleetRecordsOptions = {}): FleetRecords {
  const legacy = options.legacy ?? null;
  const now = options.now ?? Date.now;
  // Weak: gateway objects are immutable, and holding the version last written of each would keep a
  // second copy of a 10,000-gateway fleet alive. `knownSns` finds the removed ones.
  const writtenGateways = new WeakSet<FleetGateway>();
  const knownSns = new Set<string>();
  const writtenRoster = new Map<string, RosterEntry>();
  let diffedGateways: WeakRef<ReadonlyMap<string, FleetGateway>> | null = null;
  let diffedRoster: ReadonlyMap<string, RosterEntry> | null = null;
  let stopped = false;
  /** A change of last-seen only is written at a slower pace than the rest (change-pacer.ts). */
  const pacer = new ChangePacer(GATEWAY_FACTS);

  const gateways: RecordCollection<FleetGateway> = kit.collection({
    store: GATEWAYS_STORE,
    encode: (gateway) => ({ v: FLEET_RECORD_VERSION, value: storedGateway(gateway) }),
    decode: gatewayFromRecord,
    current: (sn) => {
      const gateway = store.getState().gateways.get(sn);
      if (gateway !== undefined) pacer.written(sn, gateway, now());
      return gateway;
    },
    dirtyKeys(full) {
      const current = store.getState().gateways;
      // The same fleet holds nothing new, unless some of it was held back last time.
      if (diffedGateways?.deref() === current && !pacer.holding && !full) return [];
      diffedGateways = new WeakRef(current);
      pacer.beginAsk();
      const at = now();
      const dirty: string[] = [];
      current.forEach((gateway, sn) => {
        knownSns.add(sn);
        if (writtenGateways.has(gateway)) return;
        if (!pacer.due(sn, gateway, at, full)) return;
        writtenGateways.add(gateway);
        dirty.push(sn);
      });
      pacer.retain((sn) => current.has(sn), current.size);
      for (const sn of knownSns) {
        if (current.has(sn)) continue;
        knownSns.delete(sn);
        dirty.push(sn);
      }
      return dirty;
    },
    askAgainIn: () => pacer.askAgainIn(),
  });

  const roster: RecordCollection<[string, RosterEntry]> = kit.collection({
    store: ROSTER_STORE,
    encode: ([sn, entry]) => ({ v: FLEET_RECORD_VERSION, value: storedRosterEntry(sn, entry) }),
    decode: rosterEntryFromRecord,
    // Roster entries are never deleted: a removal is itself an entry.
    current: (sn) => {
      const entry = store.getState().roster.get(sn);
      return entry === undefined ? null : [sn, entry];
    },
    dirtyKeys() {
      const current = store.getState().roster;
      if (current === diffedRoster) return [];
      diffedRoster = current;
      const dirty: string[] = [];
      current.forEach((entry, sn) => {
        if (writtenRoster.get(sn) === entry) return;
        writtenRoster.set(sn, entry);
        dirty.push(sn);
      });
      return dirty;
    },
  });

  /** Merges stored gateways and roster entries into the store; what it then holds as stored needs no write. */
  function merge(storedGateways: readonly FleetGateway[], storedRoster: readonly [string, RosterEntry][]): void {
    if (stopped || (storedGateways.length === 0 && storedRoster.length === 0)) return;
    store.getState().fleetMerged(fleetOfGateways(storedGateways), new Map(storedRoster));
    const state = store.getState();
    for (const stored of storedGateways) {
      const held = state.gateways.get(stored.sn);
      if (held === undefined || !sameStoredGateway(held, stored)) continue;
      writtenGateways.add(held);
      pacer.written(stored.sn, held, now());
      knownSns.add(stored.sn);
    }
    for (const [sn, entry] of storedRoster) {
      const held = state.roster.get(sn);
      if (held !== undefined && sameEntry(held, entry)) writtenRoster.set(sn, held);
    }
  }

  async function moveLegacy(): Promise<void> {
    if (legacy === null) return;
    const old = readLegacyFleet(legacy);
    if (old === null) return;
    if (kit.status.mode !== 'indexeddb') {
      // No IndexedDB: the old fleet is shown from memory and its key stays for a later start.
      merge(old.gateways, old.roster);
      return;
    }
    await gateways.putAll(old.gateways, (g) => g.sn, { onlyNew: true });
    await roster.putAll(old.roster, ([sn]) => sn, { onlyNew: true });
    if (kit.status.mode === 'indexeddb') removeLegacyFleet(legacy);
  }

  async function restore(): Promise<void> {
    await moveLegacy();
    const [storedGateways, storedRoster] = await Promise.all([gateways.readAll(), roster.readAll()]);
    // Removals accumulate: the newest acts are kept.
    merge(storedGateways.values, [...boundedRoster(new Map(storedRoster.values))]);
  }

  const unsubscribeStore = store.subscribe((state, previous) => {
    if (state.gateways !== previous.gateways) gateways.changed();
    if (state.roster !== previous.roster) roster.changed();
  });

  /** Another tab wrote these SNs (in either store): both records of each are read and merged. */
  const heard = (keys: readonly string[]): void => {
    void Promise.all([gateways.readKeys(keys), roster.readKeys(keys)]).then(([g, r]) => merge(g.values, r.values));
  };
  const unsubscribeGateways = gateways.onRemoteChange(heard);
  const unsubscribeRoster = roster.onRemoteChange(heard);

  return {
    ready: restore().catch(() => undefined),
    flush: () => kit.flush(),
    stop() {
      stopped = true;
      unsubscribeStore();
      unsubscribeGateways();
      unsubscribeRoster();
    },
  };
}
