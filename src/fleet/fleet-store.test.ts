import { describe, expect, it } from 'vitest';
import { createFleetStore, persistFleet, type Timers } from './fleet-store.ts';
import { FLEET_STORAGE_KEY, loadFleet, type FleetStorage } from './fleet-persistence.ts';
import { deviceBySn } from './fleet-selectors.ts';
import { osd, state, topo } from './fleet-test-kit.ts';

const T0 = 1_700_000_000_000;

function memoryStorage(): FleetStorage & { items: Map<string, string>; writes: number } {
  const items = new Map<string, string>();
  return {
    items,
    writes: 0,
    getItem: (k) => items.get(k) ?? null,
    setItem(k, v) {
      this.writes++;
      items.set(k, v);
    },
    removeItem: (k) => void items.delete(k),
  };
}

/** Timers run by hand, so persistence tests do not wait. */
function manualTimers(): Timers & { runAll(): void; pending(): number } {
  const queue = new Map<number, () => void>();
  let next = 1;
  return {
    setTimeout(fn) {
      queue.set(next, fn);
      return next++;
    },
    clearTimeout(handle) {
      queue.delete(handle as number);
    },
    runAll() {
      const fns = [...queue.values()];
      queue.clear();
      fns.forEach((fn) => fn());
    },
    pending: () => queue.size,
  };
}

describe('fleetStore', () => {
  it('notifies subscribers once per batch, and not at all for a batch that changes nothing', () => {
    const store = createFleetStore();
    let notified = 0;
    store.subscribe(() => notified++);
    store.getState().batchReceived([topo('DOCK1', '3-1-0', [{ sn: 'AC1', model: '0-67-0' }]), state('AC1', { firmwareVersion: '1.0.0' }, 'DOCK1'), osd('DOCK1', 0)], T0);
    expect(notified).toBe(1);
    expect(deviceBySn(store.getState(), 'AC1')?.firmwareVersion).toBe('1.0.0');
    store.getState().batchReceived([osd('DOCK1', 0)], T0 + 10);
    expect(notified).toBe(1);
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

describe('persistFleet', () => {
  it('coalesces changes into one delayed write and a reload shows the fleet before any update_topo', () => {
    const storage = memoryStorage();
    const timers = manualTimers();
    const store = createFleetStore(loadFleet(storage));
    persistFleet(store, storage, 2_000, timers);

    store.getState().batchReceived([topo('DOCK1', '3-2-0')], T0);
    store.getState().batchReceived([state('DOCK1', { firmwareVersion: '10.01.3205' })], T0 + 1_500);
    store.getState().gatewayAdded('MANUAL1');
    expect(storage.writes).toBe(0);
    expect(timers.pending()).toBe(1);
    timers.runAll();
    expect(storage.writes).toBe(1);

    const reloaded = createFleetStore(loadFleet(storage));
    expect(reloaded.getState().gatewaySns).toEqual(['DOCK1', 'MANUAL1']);
    expect(deviceBySn(reloaded.getState(), 'DOCK1')).toMatchObject({ productName: 'DJI Dock 2', firmwareVersion: '10.01.3205' });
  });

  it('flush writes pending changes at once (page hide) and skips writing when nothing changed', () => {
    const storage = memoryStorage();
    const timers = manualTimers();
    const store = createFleetStore();
    const persistence = persistFleet(store, storage, 2_000, timers);
    persistence.flush();
    expect(storage.writes).toBe(0);
    store.getState().gatewayAdded('MANUAL1');
    persistence.flush();
    expect(storage.writes).toBe(1);
    expect(timers.pending()).toBe(0);
    expect(storage.items.get(FLEET_STORAGE_KEY)).toContain('MANUAL1');
    persistence.stop();
    store.getState().gatewayAdded('MANUAL2');
    expect(timers.pending()).toBe(0);
  });
});
