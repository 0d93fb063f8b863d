import { describe, expect, it } from 'vitest';
import { applyProgress } from './task-progress.ts';
import { EMPTY_TASK_TABLE, type TaskTable } from './task-table.ts';
import { progress } from './task-test-kit.ts';
import { connectTasksPersistence, loadTasks, type PersistenceTimers } from './tasks-persistence.ts';
import { saveTasksWork, serializeTasks, SHRINK_STEPS, TASKS_STORAGE_KEY } from './tasks-save-work.ts';
import { runInSlices, runNow } from '../lib/work-slices.ts';
import { createTasksStore } from './tasks-store.ts';
import { MemoryStorage, steppingClock } from '../lib/work-slices-test-kit.ts';


function fleetTable(gateways: number, eventsEach: number): TaskTable {
  let table: TaskTable = EMPTY_TASK_TABLE;
  for (let e = 0; e < eventsEach; e++) {
    for (let g = 0; g < gateways; g++) {
      table = applyProgress(table, progress({ bid: `b${g}`, gateway: `GW${g}`, percent: e, tid: `t${g}-${e}`, ts: 1_000 + e }), 2_000 + e);
    }
  }
  return table;
}


describe('saving in pieces', () => {
  it('writes exactly the text serializeTasks gives, at every shrink step', () => {
    const table = fleetTable(5, 30);
    const tasks = table.order.map((bid) => table.byBid.get(bid)!);
    SHRINK_STEPS.forEach((step, index) => {
      const storage = new MemoryStorage();
      const outcome = runNow(saveTasksWork(storage, table, 77, Number.MAX_SAFE_INTEGER, index));
      expect(outcome).toEqual({ saved: true, step: index });
      expect(storage.items.get(TASKS_STORAGE_KEY)).toBe(serializeTasks(tasks, step, 77));
    });
  });

  it('gives up on a copy as soon as it passes the budget instead of finishing it', () => {
    const table = fleetTable(50, 20);
    const oneTask = serializeTasks([table.byBid.get('b0')!], SHRINK_STEPS[0]!, 1).length;
    let steps = 0;
    const work = saveTasksWork(new MemoryStorage(), table, 1, oneTask * 10);
    for (let next = work.next(); !next.done; next = work.next()) steps++;
    // Finishing every copy that does not fit would take 50 tasks each, plus 50 for the one written.
    const fits = SHRINK_STEPS.findIndex((step) => serializeTasks([...table.byBid.values()], step, 1).length <= oneTask * 10);
    expect(fits).toBeGreaterThan(1);
    expect(steps).toBeGreaterThanOrEqual(50);
    expect(steps).toBeLessThan(fits * 50);
  });

  it('runs in slices with a pause between them, and a dropped run writes nothing', async () => {
    const table = fleetTable(40, 10);
    const storage = new MemoryStorage();
    const ticking = steppingClock();
    const done = runInSlices(saveTasksWork(storage, table, 5), ticking.clock, () => false, 3);
    expect(ticking.paused).toBe(1);
    expect(storage.writes).toBe(0);
    while (ticking.paused > 0) await ticking.release();
    expect(await done).toEqual({ saved: true, step: 0 });
    expect(loadTasks(storage).order).toEqual(table.order);

    const other = new MemoryStorage();
    let dropped = false;
    const abandoned = runInSlices(saveTasksWork(other, table, 5), ticking.clock, () => dropped, 3);
    dropped = true;
    await ticking.release();
    expect(await abandoned).toBeNull();
    expect(other.writes).toBe(0);
  });
});

describe('debounced writes built in slices', () => {
  function manualTimers(): PersistenceTimers & { fire(): void } {
    let due: (() => void)[] = [];
    return {
      setTimeout: (fn) => due.push(fn),
      clearTimeout: () => undefined,
      fire() {
        const now = due;
        due = [];
        now.forEach((fn) => fn());
      },
    };
  }

  it('a pagehide flush in the middle of a build writes the newest tasks at once, and the build never lands', async () => {
    const storage = new MemoryStorage();
    const store = createTasksStore();
    const timers = manualTimers();
    const ticking = steppingClock();
    const persistence = connectTasksPersistence(store, storage, { timers, slices: ticking.clock, changes: null, now: () => 1 });
    store.getState().batchReceived([...fleetTable(30, 1).byBid.values()].map((t, i) => progress({ bid: t.bid, gateway: t.gateway, percent: i })), 10);
    timers.fire();
    expect(ticking.paused).toBe(1);
    expect(storage.writes).toBe(0);

    store.getState().batchReceived([progress({ bid: 'late', gateway: 'GWL', percent: 1 })], 20);
    persistence.flush();
    expect(storage.writes).toBe(1);
    expect(loadTasks(storage).byBid.has('late')).toBe(true);
    while (ticking.paused > 0) await ticking.release();
    expect(storage.writes).toBe(1);
    persistence.stop();
  });
});
