import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { emptyFleet, newGateway, type FleetState } from './fleet-model.ts';
import { mergeFleets, mergeRosters, type Roster, type RosterEntry } from './fleet-sync.ts';

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
  .record({
    added: fc.option(fc.integer({ min: 0, max: 9 }), { nil: undefined }),
    removed: fc.option(fc.integer({ min: 0, max: 9 }), { nil: undefined }),
  })
  .map((e) => ({ ...(e.added === undefined ? {} : { added: e.added }), ...(e.removed === undefined ? {} : { removed: e.removed }) }));
const rosterArb: fc.Arbitrary<Roster> = fc.dictionary(fc.constantFrom('A', 'B', 'C', 'D'), entryArb).map((o) => new Map(Object.entries(o)));
const fleetArb: fc.Arbitrary<FleetState> = fc
  .subarray(['A', 'B', 'C', 'D'])
  .chain((sns) =>
    fc.tuple(...sns.map((sn) => fc.record({ sn: fc.constant(sn), manual: fc.boolean(), lastSeen: fc.integer({ min: 0, max: 9 }) }))),
  )
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
