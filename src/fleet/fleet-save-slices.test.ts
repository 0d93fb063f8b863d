import { describe, expect, it } from 'vitest';
import { FLEET_STORAGE_KEY, loadFleetDocument, serializeFleet } from './fleet-persistence.ts';
import { createFleetStore, persistFleet, type Timers } from './fleet-store.ts';
import { topo } from './fleet-test-kit.ts';
import { MemoryStorage, steppingClock } from '../lib/work-slices-test-kit.ts';



function manualTimers(): Timers & { fire(): void } {
  let due: (() => void)[] = [];
  return {
    setTimeout: (fn: () => void) => due.push(fn),
    clearTimeout: () => undefined,
    fire() {
      const now = due;
      due = [];
      now.forEach((fn) => fn());
    },
  };
}

const docks = (from: number, count: number) => Array.from({ length: count }, (_, i) => topo(`DOCK${from + i}`, '3-1-0', []));

describe('fleet saves built in slices', () => {
  it('writes, after its pauses, exactly what a save at once writes', async () => {
    const storage = new MemoryStorage();
    const store = createFleetStore();
    const timers = manualTimers();
    const ticking = steppingClock();
    persistFleet(store, storage, 2_000, timers, null, ticking.clock);
    store.getState().batchReceived(docks(0, 40), 1_000);
    timers.fire();
    expect(ticking.paused).toBeGreaterThan(0);
    expect(storage.writes).toBe(0);
    while (ticking.paused > 0) await ticking.release();
    expect(storage.writes).toBe(1);
    const { gateways, gatewaySns, deviceGateway } = store.getState();
    expect(storage.items.get(FLEET_STORAGE_KEY)).toBe(serializeFleet({ gateways, gatewaySns, deviceGateway }));
    expect(loadFleetDocument(storage).fleet.gatewaySns).toHaveLength(40);
  });

  it('a pagehide flush mid-build writes the newest fleet at once, and the build never lands', async () => {
    const storage = new MemoryStorage();
    const store = createFleetStore();
    const timers = manualTimers();
    const ticking = steppingClock();
    const persistence = persistFleet(store, storage, 2_000, timers, null, ticking.clock);
    store.getState().batchReceived(docks(0, 40), 1_000);
    timers.fire();
    expect(ticking.paused).toBeGreaterThan(0);
    store.getState().gatewayAdded('LATE1', 2_000);
    persistence.flush();
    expect(storage.writes).toBe(1);
    expect(loadFleetDocument(storage).fleet.gatewaySns).toContain('LATE1');
    while (ticking.paused > 0) await ticking.release();
    expect(storage.writes).toBe(1);
    persistence.stop();
  });
});
