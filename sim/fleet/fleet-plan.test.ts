import { describe, expect, it } from 'vitest';
import { isValidSn } from '../../src/protocol/sn.ts';
import { modelKey, productName } from '../../src/protocol/models.ts';
import { planFleet } from './fleet-plan.ts';

describe('planFleet', () => {
  const fleet = planFleet({ count: 12, prefix: 'SIM', seed: 'demo' });

  it('mixes the three dock models with their aircraft, all with valid SNs and known models', () => {
    const models = new Set(fleet.map((d) => modelKey(d.dock.domain, d.dock.type, d.dock.subType)));
    expect(models).toEqual(new Set(['3-1-0', '3-2-0', '3-3-0']));
    for (const { dock, aircraft } of fleet) {
      expect(isValidSn(dock.sn)).toBe(true);
      expect(productName(modelKey(dock.domain, dock.type, dock.subType))).not.toBeNull();
      if (aircraft) expect(productName(modelKey(aircraft.domain, aircraft.type, aircraft.subType))).not.toBeNull();
    }
  });

  it('has one offline aircraft, some devices asking for consistency and distinct SNs', () => {
    expect(fleet.filter((d) => d.aircraft === null)).toHaveLength(1);
    const all = fleet.flatMap((d) => (d.aircraft ? [d.dock, d.aircraft] : [d.dock]));
    expect(all.filter((d) => d.compatibleStatus === 1).length).toBeGreaterThanOrEqual(2);
    expect(new Set(all.map((d) => d.sn)).size).toBe(all.length);
  });

  it('is the same for the same seed and scales to large fleets', () => {
    expect(planFleet({ count: 12, prefix: 'SIM', seed: 'demo' })).toEqual(fleet);
    const big = planFleet({ count: 12000, prefix: 'SN', seed: 'x' });
    expect(new Set(big.map((d) => d.dock.sn)).size).toBe(12000);
    expect(big.at(-1)!.dock.sn).toBe('SN-DOCK-12000');
  });
});
