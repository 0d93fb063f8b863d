import { describe, expect, it } from 'vitest';
import { applyBatch } from './apply-batch.ts';
import { emptyFleet, type FleetState } from './fleet-model.ts';
import { fleetOverview, isBehindNewest } from './fleet-overview.ts';
import { gatewayList } from './fleet-selectors.ts';
import { osd, state, topo } from './fleet-test-kit.ts';

const NOW = 1_800_000_000_000;
const STALE = 60_000;

function fleet(): FleetState {
  let s = applyBatch(
    emptyFleet,
    [
      topo('DOCK1', '3-2-0', [{ sn: 'AC1', model: '0-91-0' }]),
      state('DOCK1', { firmwareVersion: '10.01.0001' }),
      state('AC1', { firmwareVersion: '08.00.0001', compatibleStatus: 1 }, 'DOCK1'),
      topo('DOCK2', '3-2-0'),
      state('DOCK2', { firmwareVersion: '10.02.0002' }),
      osd('DOCK2', 3),
      topo('DOCK3', '3-2-0'),
    ],
    NOW - 10_000,
  );
  // DOCK3 reported long ago: offline now.
  s = applyBatch(s, [], NOW);
  return s;
}

describe('fleetOverview', () => {
  it('counts versions per model, marks the newest catalog version (even at 0) and puts docks first', () => {
    const s = applyBatch(emptyFleet, [topo('DOCK9', '3-2-0'), state('DOCK9', { firmwareVersion: '10.01.0001' })], NOW);
    const overview = fleetOverview(gatewayList(s), new Map([['3-2-0', '10.03.0000']]), NOW, STALE);
    expect(overview.models).toHaveLength(1);
    expect(overview.models[0]?.versions).toEqual([
      { version: '10.03.0000', count: 0, newest: true },
      { version: '10.01.0001', count: 1, newest: false },
    ]);
    expect(overview.models[0]?.notNewest).toBe(1);
  });

  it('counts online, offline, upgrading and consistency per model and gateways overall', () => {
    const s = fleet();
    const overview = fleetOverview(gatewayList(s), new Map([['3-2-0', '10.02.0002']]), NOW, STALE);
    expect(overview.gateways).toEqual({ total: 3, online: 3, offline: 0, upgrading: 1 });
    const [dock, aircraft] = overview.models;
    expect(dock?.modelKey).toBe('3-2-0');
    expect(dock?.productName).toBe('DJI Dock 2');
    expect(dock?.devices).toBe(3);
    expect(dock?.upgrading).toBe(1);
    // DOCK3 has not reported a version: it is not on the newest either.
    expect(dock?.notNewest).toBe(2);
    expect(dock?.versions.map((v) => [v.version, v.count, v.newest])).toEqual([
      ['10.02.0002', 1, true],
      ['10.01.0001', 1, false],
      [null, 1, false],
    ]);
    expect(aircraft?.modelKey).toBe('0-91-0');
    expect(aircraft?.needsConsistency).toBe(1);
    expect(aircraft?.newest).toBeNull();
    expect(aircraft?.notNewest).toBe(0);

    const later = fleetOverview(gatewayList(s), new Map(), NOW + 2 * STALE, STALE);
    expect(later.gateways).toMatchObject({ online: 0, offline: 3 });
    expect(later.models[0]).toMatchObject({ online: 0, offline: 3 });
  });

  it('reads 07.00.0100 and 7.0.100 as the newest version when the catalog spells it one way', () => {
    const s = applyBatch(emptyFleet, [topo('D', '3-2-0'), state('D', { firmwareVersion: '7.0.100' })], NOW);
    const newest = new Map([['3-2-0', '07.00.0100']]);
    const overview = fleetOverview(gatewayList(s), newest, NOW, STALE);
    expect(overview.models[0]?.versions).toEqual([{ version: '07.00.0100', count: 1, newest: true }]);
    const device = s.gateways.get('D')?.devices[0];
    expect(device && isBehindNewest(device, newest)).toBe(false);
  });
});
