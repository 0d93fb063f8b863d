import { describe, expect, it } from 'vitest';
import { produceFleet } from './fleet-draft.ts';
import { emptyFleet, newGateway, type FleetState } from './fleet-model.ts';

function fleetOf(count: number): FleetState {
  return produceFleet(emptyFleet, (draft) => {
    for (let i = 0; i < count; i++) {
      draft.setGateway(newGateway(`GW${i}`));
      draft.mapDevice(`GW${i}`, `GW${i}`);
    }
  });
}

describe('fleet drafts', () => {
  it('a batch of changes leaves every earlier state as it was, and reads its own writes', () => {
    const before = fleetOf(200);
    const seen = produceFleet(before, (draft) => {
      draft.setGateway({ ...newGateway('GW5'), lastSeen: 42 });
      expect(draft.gateway('GW5')?.lastSeen).toBe(42);
    });
    expect(seen.gateways.get('GW5')?.lastSeen).toBe(42);
    expect(before.gateways.get('GW5')?.lastSeen).toBeNull();
    expect([...seen.gateways.keys()]).toEqual([...before.gateways.keys()]);
    expect(seen.gatewaySns).toBe(before.gatewaySns);
  });

  it('a removal after changes in the same batch keeps the changes and drops the gateway', () => {
    const before = fleetOf(200);
    const after = produceFleet(before, (draft) => {
      draft.setGateway({ ...newGateway('GW1'), lastSeen: 7 });
      draft.setGateway(newGateway('NEW1'));
      draft.deleteGateway('GW2');
      draft.setGateway({ ...newGateway('GW3'), lastSeen: 9 });
    });
    expect(after.gateways.size).toBe(200);
    expect(after.gateways.has('GW2')).toBe(false);
    expect(after.gateways.get('GW1')?.lastSeen).toBe(7);
    expect(after.gateways.get('GW3')?.lastSeen).toBe(9);
    expect(after.gatewaySns).toContain('NEW1');
    expect(after.gatewaySns).not.toContain('GW2');
    expect(after.deviceGateway.has('GW2')).toBe(false);
    expect(before.gateways.size).toBe(200);
    expect(before.gateways.has('GW2')).toBe(true);
  });

  it('a batch that changed nothing gives back the same state', () => {
    const before = fleetOf(10);
    expect(produceFleet(before, (draft) => draft.setGateway(before.gateways.get('GW1')!))).toBe(before);
  });
});
