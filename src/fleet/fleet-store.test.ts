import { describe, expect, it } from 'vitest';
import { createFleetStore } from './fleet-store.ts';
import { deviceBySn } from './fleet-selectors.ts';
import { osd, state, topo } from './fleet-test-kit.ts';

const T0 = 1_700_000_000_000;

describe('fleetStore', () => {
  it('notifies subscribers once per batch, and not at all for a batch that changes nothing', () => {
    const store = createFleetStore();
    let notified = 0;
    store.subscribe(() => notified++);
    store
      .getState()
      .batchReceived(
        [topo('DOCK1', '3-1-0', [{ sn: 'AC1', model: '0-67-0' }]), state('AC1', { firmwareVersion: '1.0.0' }, 'DOCK1'), osd('DOCK1', 0)],
        T0,
      );
    expect(notified).toBe(1);
    expect(deviceBySn(store.getState(), 'AC1')?.firmwareVersion).toBe('1.0.0');
    store.getState().batchReceived([osd('DOCK1', 0)], T0 + 10);
    expect(notified).toBe(1);
  });

  it('drops an osd still on its way after osdUnwatched, and takes osd again once osdWatched names the device', () => {
    const store = createFleetStore();
    store.getState().batchReceived([topo('DOCK1', '3-1-0', []), osd('DOCK1', 3)], T0);
    expect(deviceBySn(store.getState(), 'DOCK1')?.modeCode).toBe(3);
    store.getState().osdUnwatched(['DOCK1']);
    expect(deviceBySn(store.getState(), 'DOCK1')?.modeCode).toBeNull();
    // Published before the unsubscribe took effect: it must not bring back a mode nothing will clear.
    store.getState().batchReceived([osd('DOCK1', 3), state('DOCK1', { firmwareVersion: '2.0.0' })], T0 + 10);
    expect(deviceBySn(store.getState(), 'DOCK1')).toMatchObject({ modeCode: null, firmwareVersion: '2.0.0' });
    store.getState().osdWatched(['DOCK1']);
    store.getState().batchReceived([osd('DOCK1', 3)], T0 + 20);
    expect(deviceBySn(store.getState(), 'DOCK1')?.modeCode).toBe(3);
  });

  it('adds, imports and removes gateways, reporting each outcome', () => {
    const store = createFleetStore();
    store.getState().batchReceived([topo('DOCK1', '3-1-0', [{ sn: 'AC1', model: '0-67-0' }])], T0);
    const { gatewayAdded, gatewaysImported, gatewayRemoved } = store.getState();
    expect(gatewayAdded('NEW1')).toEqual({ status: 'added', sn: 'NEW1' });
    expect(gatewayAdded('NEW1')).toEqual({ status: 'already-known', sn: 'NEW1' });
    expect(gatewayAdded('AC1')).toEqual({ status: 'is-device', sn: 'AC1', gatewaySn: 'DOCK1' });
    expect(gatewayAdded('A/B')).toMatchObject({ status: 'invalid', sn: 'A/B' });
    expect(store.getState().gateways.get('NEW1')).toMatchObject({ manual: true, lastSeen: null });

    let notified = 0;
    const stop = store.subscribe(() => notified++);
    const outcomes = gatewaysImported(['NEW2', 'DOCK1', 'NEW3']);
    stop();
    expect(notified).toBe(1);
    expect(outcomes.map((o) => o.status)).toEqual(['added', 'already-known', 'added']);
    expect(store.getState().gatewaySns).toEqual(['DOCK1', 'NEW1', 'NEW2', 'NEW3']);
    // A discovered gateway the operator lists becomes one of theirs (kept and persisted first).
    expect(store.getState().gateways.get('DOCK1')?.manual).toBe(true);

    gatewayRemoved('DOCK1');
    expect(store.getState().gatewaySns).toEqual(['NEW1', 'NEW2', 'NEW3']);
    expect(deviceBySn(store.getState(), 'AC1')).toBeUndefined();
  });
});
