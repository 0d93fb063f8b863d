import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { emptyFleet, newGateway, type FleetState } from './fleet-model.ts';
import { FLEET_STORAGE_KEY, loadFleetDocument, type FleetStorage } from './fleet-persistence.ts';
import { createFleetStore, persistFleet, type StorageChanges, type Timers } from './fleet-store.ts';
import { mergeFleets, mergeRosters, type Roster, type RosterEntry } from './fleet-sync.ts';
import { osd, topo } from './fleet-test-kit.ts';

const T0 = 1_700_000_000_000;

function fleetOf(...gateways: { sn: string; manual?: boolean; lastSeen?: number }[]): FleetState {
  const map = new Map(gateways.map((g) => [g.sn, { ...newGateway(g.sn, g.manual ?? false), lastSeen: g.lastSeen ?? null }]));
  return { gateways: map, gatewaySns: [...map.keys()].sort(), deviceGateway: new Map([...map.keys()].map((sn) => [sn, sn])) };
}

describe('mergeFleets', () => {
  it('a gateway added by hand in the other tab joins; one removed there leaves, unless it reported after', () => {
    const local = fleetOf({ sn: 'KEEP', lastSeen: T0 }, { sn: 'GONE', lastSeen: T0 }, { sn: 'BACK', lastSeen: T0 + 500 });
    const other = fleetOf({ sn: 'KEEP', lastSeen: T0 }, { sn: 'NEW', manual: true });
    const roster: Roster = new Map([
      ['NEW', { added: T0 + 100 }],
      ['GONE', { removed: T0 + 200 }],
      ['BACK', { added: T0 - 100, removed: T0 + 200 }],
    ]);
    const merged = mergeFleets(local, other, roster);
    expect(merged.gatewaySns).toEqual(['BACK', 'KEEP', 'NEW']);
    expect(merged.gateways.get('NEW')?.manual).toBe(true);
    expect(merged.gateways.get('BACK')?.manual).toBe(false);
    expect(mergeFleets(merged, other, roster)).toBe(merged);
  });

  it('adding again after a removal wins over the removal', () => {
    const merged = mergeFleets(emptyFleet, fleetOf({ sn: 'X', manual: true }), new Map([['X', { added: 3, removed: 2 }]]));
    expect(merged.gatewaySns).toEqual(['X']);
  });
});

const entryArb: fc.Arbitrary<RosterEntry> = fc
  .record({ added: fc.option(fc.integer({ min: 0, max: 9 }), { nil: undefined }), removed: fc.option(fc.integer({ min: 0, max: 9 }), { nil: undefined }) })
  .map((e) => ({ ...(e.added === undefined ? {} : { added: e.added }), ...(e.removed === undefined ? {} : { removed: e.removed }) }));
const rosterArb: fc.Arbitrary<Roster> = fc.dictionary(fc.constantFrom('A', 'B', 'C', 'D'), entryArb).map((o) => new Map(Object.entries(o)));
const fleetArb: fc.Arbitrary<FleetState> = fc
  .subarray(['A', 'B', 'C', 'D'])
  .chain((sns) => fc.tuple(...sns.map((sn) => fc.record({ sn: fc.constant(sn), manual: fc.boolean(), lastSeen: fc.integer({ min: 0, max: 9 }) }))))
  .map((gs) => fleetOf(...gs));
const shape = (f: FleetState) => f.gatewaySns.map((sn) => [sn, f.gateways.get(sn)?.manual, f.gateways.get(sn)?.lastSeen]);

describe('merge properties', () => {
  it('rosters: commutative, idempotent, no act lost', () => {
    fc.assert(
      fc.property(rosterArb, rosterArb, (a, b) => {
        const ab = mergeRosters(a, b);
        expect(Object.fromEntries(ab)).toEqual(Object.fromEntries(mergeRosters(b, a)));
        expect(mergeRosters(ab, a)).toBe(ab);
        expect(mergeRosters(ab, b)).toBe(ab);
        for (const [sn, e] of [...a, ...b]) {
          expect(ab.get(sn)?.added ?? -1).toBeGreaterThanOrEqual(e.added ?? -1);
          expect(ab.get(sn)?.removed ?? -1).toBeGreaterThanOrEqual(e.removed ?? -1);
        }
      }),
    );
  });

  it('fleets: the same gateways and manual flags from either side; merging again changes nothing', () => {
    fc.assert(
      fc.property(fleetArb, fleetArb, rosterArb, rosterArb, (x, y, rx, ry) => {
        const roster = mergeRosters(rx, ry);
        const xy = mergeFleets(x, y, roster);
        expect(shape(xy)).toEqual(shape(mergeFleets(y, x, roster)));
        expect(mergeFleets(xy, y, roster)).toBe(xy);
        expect(mergeFleets(xy, x, roster)).toBe(xy);
      }),
    );
  });
});

/** One storage for two tabs; a write reaches the other tabs' listeners when delivered, never the writer's. */
function sharedStorage() {
  const data = new Map<string, string>();
  const listeners: { tab: number; key: string; fn: () => void }[] = [];
  const queue: { tab: number; key: string }[] = [];
  const tab = (id: number): { storage: FleetStorage; changes: StorageChanges } => ({
    storage: {
      getItem: (key) => data.get(key) ?? null,
      setItem: (key, value) => {
        data.set(key, value);
        queue.push({ tab: id, key });
      },
      removeItem: (key) => {
        data.delete(key);
        queue.push({ tab: id, key });
      },
    },
    changes: {
      subscribe(key, fn) {
        const entry = { tab: id, key, fn };
        listeners.push(entry);
        return () => listeners.splice(listeners.indexOf(entry), 1);
      },
    },
  });
  const deliver = (): void => {
    for (let write = queue.shift(); write !== undefined; write = queue.shift()) {
      for (const l of listeners) if (l.tab !== write.tab && l.key === write.key) l.fn();
    }
  };
  return { data, tab, deliver };
}

function manualTimers(): Timers & { fire(): void } {
  const pending = new Map<number, () => void>();
  let next = 0;
  return {
    setTimeout: (fn) => (pending.set(++next, fn), next),
    clearTimeout: (handle) => void pending.delete(handle as number),
    fire() {
      const fns = [...pending.values()];
      pending.clear();
      fns.forEach((fn) => fn());
    },
  };
}

function openTab(shared: ReturnType<typeof sharedStorage>, id: number) {
  const { storage, changes } = shared.tab(id);
  const doc = loadFleetDocument(storage);
  const store = createFleetStore(doc.fleet, doc.roster);
  const timers = manualTimers();
  persistFleet(store, storage, 2_000, timers, changes);
  return { store, timers };
}

describe('two tabs over one stored fleet', () => {
  it("a gateway added in one tab is not dropped by the other's save, and a removal in one removes in the other", () => {
    const shared = sharedStorage();
    const a = openTab(shared, 1);
    const b = openTab(shared, 2);
    b.store.getState().batchReceived([topo('DOCK1', '3-1-0', [])], T0);
    a.store.getState().gatewayAdded('MANUAL1', T0 + 10);
    // Both write before either hears of the other's write.
    a.timers.fire();
    b.timers.fire();
    shared.deliver();
    a.timers.fire();
    b.timers.fire();
    shared.deliver();
    const stored = () => loadFleetDocument(shared.tab(9).storage).fleet.gatewaySns;
    expect(stored()).toEqual(['DOCK1', 'MANUAL1']);
    expect(b.store.getState().gatewaySns).toEqual(['DOCK1', 'MANUAL1']);
    expect(a.store.getState().gatewaySns).toEqual(['DOCK1', 'MANUAL1']);

    b.store.getState().gatewayRemoved('MANUAL1', T0 + 20);
    b.timers.fire();
    shared.deliver();
    expect(a.store.getState().gatewaySns).toEqual(['DOCK1']);
    // A's next save (a gateway reporting) keeps the removal.
    a.store.getState().batchReceived([osd('DOCK1', 0)], T0 + 30);
    a.timers.fire();
    expect(stored()).toEqual(['DOCK1']);
    expect(shared.data.has(FLEET_STORAGE_KEY)).toBe(true);
  });
});
