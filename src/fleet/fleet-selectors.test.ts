import { describe, expect, it } from 'vitest';
import { applyBatch } from './apply-batch.ts';
import { emptyFleet } from './fleet-model.ts';
import { DEFAULT_STALE_AFTER_MS, gatewayList, livenessAt, searchGatewaySns } from './fleet-selectors.ts';
import { topo } from './fleet-test-kit.ts';

const T0 = 1_700_000_000_000;

describe('livenessAt', () => {
  it('is online until the threshold passes, then stale; never-heard is unseen', () => {
    expect(livenessAt(null, T0)).toBe('unseen');
    expect(livenessAt(T0, T0)).toBe('online');
    expect(livenessAt(T0, T0 + DEFAULT_STALE_AFTER_MS - 1)).toBe('online');
    expect(livenessAt(T0, T0 + DEFAULT_STALE_AFTER_MS)).toBe('stale');
  });

  it('uses the threshold it is given', () => {
    expect(livenessAt(T0, T0 + 5_000, 10_000)).toBe('online');
    expect(livenessAt(T0, T0 + 5_000, 4_000)).toBe('stale');
  });
});

describe('gateway list and search', () => {
  const fleet = applyBatch(
    emptyFleet,
    [
      topo('DOCK10', '3-1-0', [{ sn: 'AIR77', model: '0-67-0' }]),
      topo('DOCK2', '3-1-0'),
      topo('dock3', '3-1-0', [{ sn: 'AIR78', model: '0-67-0' }]),
    ],
    T0,
  );

  it('lists gateways in natural SN order and returns the same array for the same fleet', () => {
    expect(gatewayList(fleet).map((g) => g.sn)).toEqual(['DOCK2', 'dock3', 'DOCK10']);
    expect(gatewayList(fleet)).toBe(gatewayList(fleet));
  });

  it('matches gateway SNs and device SNs, case-insensitively, keeping the order', () => {
    expect(searchGatewaySns(fleet.gatewaySns, fleet.deviceGateway, 'dock1')).toEqual(['DOCK10']);
    expect(searchGatewaySns(fleet.gatewaySns, fleet.deviceGateway, 'air7')).toEqual(['dock3', 'DOCK10']);
    expect(searchGatewaySns(fleet.gatewaySns, fleet.deviceGateway, 'DOCK')).toEqual(['DOCK2', 'dock3', 'DOCK10']);
    expect(searchGatewaySns(fleet.gatewaySns, fleet.deviceGateway, '  ')).toBe(fleet.gatewaySns);
    expect(searchGatewaySns(fleet.gatewaySns, fleet.deviceGateway, 'nothing')).toEqual([]);
  });
});
