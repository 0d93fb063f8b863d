import { describe, expect, it } from 'vitest';
import { applyBatch } from './apply-batch.ts';
import { emptyFleet } from './fleet-model.ts';
import {
  fleetFiltersToParams,
  NO_FILTERS,
  parseFleetFilters,
  shownGatewaySns,
  VERSION_NOT_REPORTED,
  type FleetFilters,
} from './fleet-filters.ts';
import { state, topo } from './fleet-test-kit.ts';

const NOW = 1_800_000_000_000;
const newest = new Map([['3-2-0', '10.02.0002']]);

function fleet() {
  let s = applyBatch(
    emptyFleet,
    [
      topo('DOCK1', '3-2-0', [{ sn: 'AC1', model: '0-91-0' }]),
      state('DOCK1', { firmwareVersion: '10.01.0001' }),
      state('AC1', { firmwareVersion: '08.00.0001', compatibleStatus: 1 }, 'DOCK1'),
      topo('DOCK10', '3-2-0'),
      state('DOCK10', { firmwareVersion: '10.02.0002' }),
      topo('DOCK2', '3-3-0'),
      state('DOCK2', { firmwareVersion: '01.00.0001' }),
    ],
    NOW - 120_000,
  );
  s = applyBatch(s, [state('DOCK2', { firmwareVersion: '01.00.0001' })], NOW);
  return s;
}

const show = (filters: Partial<FleetFilters>) => {
  const s = fleet();
  return shownGatewaySns(s.gatewaySns, s.gateways, { ...NO_FILTERS, ...filters }, { newest, now: NOW, staleAfterMs: 60_000 });
};

describe('fleet filters', () => {
  it('returns the store list itself without filters, in natural SN order', () => {
    const s = fleet();
    expect(shownGatewaySns(s.gatewaySns, s.gateways, NO_FILTERS, { newest, now: NOW, staleAfterMs: 60_000 })).toBe(s.gatewaySns);
    expect(s.gatewaySns).toEqual(['DOCK1', 'DOCK2', 'DOCK10']);
  });

  it('filters by model, version (of the same device), online state, consistency and "not on the newest"', () => {
    expect(show({ model: '3-2-0' })).toEqual(['DOCK1', 'DOCK10']);
    expect(show({ model: '3-2-0', version: '10.02.0002' })).toEqual(['DOCK10']);
    // The aircraft's version does not make the dock match a Dock 2 version.
    expect(show({ model: '3-2-0', version: '08.00.0001' })).toEqual([]);
    expect(show({ version: '08.00.0001' })).toEqual(['DOCK1']);
    expect(show({ online: 'online' })).toEqual(['DOCK2']);
    expect(show({ online: 'offline' })).toEqual(['DOCK1', 'DOCK10']);
    expect(show({ consistency: true })).toEqual(['DOCK1']);
    expect(show({ model: '3-2-0', outdated: true })).toEqual(['DOCK1']);
    // A model without catalog firmware is never "not on the newest".
    expect(show({ model: '3-3-0', outdated: true })).toEqual([]);
    expect(show({ q: 'ac1' })).toEqual(['DOCK1']);
  });

  it('matches devices that have not reported a version', () => {
    const s = applyBatch(emptyFleet, [topo('NEW1', '3-2-0')], NOW);
    const shown = shownGatewaySns(
      s.gatewaySns,
      s.gateways,
      { ...NO_FILTERS, version: VERSION_NOT_REPORTED },
      { newest, now: NOW, staleAfterMs: 60_000 },
    );
    expect(shown).toEqual(['NEW1']);
  });

  it('sorts by firmware, connection and model, either way, SN breaking ties', () => {
    expect(show({ sort: 'version', dir: 'asc' })).toEqual(['DOCK2', 'DOCK1', 'DOCK10']);
    expect(show({ sort: 'version', dir: 'desc' })).toEqual(['DOCK10', 'DOCK1', 'DOCK2']);
    expect(show({ sort: 'seen', dir: 'desc' })).toEqual(['DOCK2', 'DOCK1', 'DOCK10']);
    expect(show({ sort: 'model', dir: 'asc' })).toEqual(['DOCK1', 'DOCK10', 'DOCK2']);
    expect(show({ sort: 'sn', dir: 'desc' })).toEqual(['DOCK10', 'DOCK2', 'DOCK1']);
  });

  it('round-trips through the URL, writing only what differs from no filters', () => {
    const filters: FleetFilters = { ...NO_FILTERS, model: '3-2-0', outdated: true, online: 'online', sort: 'version', dir: 'desc' };
    const params = fleetFiltersToParams(filters);
    expect(params.toString()).toBe('model=3-2-0&online=online&outdated=1&sort=version&dir=desc');
    expect(parseFleetFilters(params)).toEqual({ filters, notes: [] });
    expect(fleetFiltersToParams(NO_FILTERS).toString()).toBe('');
  });

  it('drops a bad value with a note and keeps the rest', () => {
    const parsed = parseFleetFilters(new URLSearchParams('model=Dock2&online=maybe&outdated=1&sort=size&version=a%0Ab'));
    expect(parsed.filters).toEqual({ ...NO_FILTERS, outdated: true });
    expect(parsed.notes.map((n) => n.param)).toEqual(['model', 'version', 'online', 'sort']);
  });
});
