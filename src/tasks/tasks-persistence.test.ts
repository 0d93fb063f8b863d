import { describe, expect, it } from 'vitest';
import { taskCreated } from './task-command.ts';
import { applyProgress } from './task-progress.ts';
import { EMPTY_TASK_TABLE, type TaskTable } from './task-table.ts';
import { progress } from './task-test-kit.ts';
import { EVENT_LOG_CAP, RAW_KEPT_EVENTS, type UpgradeTask } from './task-types.ts';
import { connectTasksPersistence, loadTasks, RICHER_RETRY_EVERY, saveTasks, TASKS_STORAGE_KEY, type PersistenceTimers, type TaskStorage } from './tasks-persistence.ts';
import { createTasksStore } from './tasks-store.ts';
import { MemoryStorage } from '../lib/work-slices-test-kit.ts';

class ManualTimers implements PersistenceTimers {
  private queue: { fn: () => void; id: number }[] = [];
  private next = 1;
  setTimeout(fn: () => void): unknown {
    const id = this.next++;
    this.queue.push({ fn, id });
    return id;
  }
  clearTimeout(handle: unknown): void {
    this.queue = this.queue.filter((t) => t.id !== handle);
  }
  get pending(): number {
    return this.queue.length;
  }
  runAll(): void {
    const due = this.queue;
    this.queue = [];
    for (const t of due) t.fn();
  }
}

function sampleTable(events = 3): TaskTable {
  let table = taskCreated(
    EMPTY_TASK_TABLE,
    { bid: 'bid-1', tid: 'tid-1', gateway: 'DOCK1', devices: [{ sn: 'DOCK1', modelKey: '3-2-0', fromVersion: '1', targetVersion: '2', fileSize: 9 }], campaignId: 'c' },
    5,
  );
  for (let i = 0; i < events; i++) table = applyProgress(table, progress({ ts: 100 + i, percent: i % 100, tid: `t${i}`, sub: 'DOWNLOADING', step: 'download_firmware', rate: 7 }), 200 + i);
  return applyProgress(table, progress({ bid: 'other', gateway: 'DOCK2', status: 'failed', result: 312013 }), 999);
}

describe('saveTasks / loadTasks', () => {
  it('round-trips every task exactly, in order, including events whose raw JSON was let go', () => {
    const storage = new MemoryStorage();
    const table = sampleTable(RAW_KEPT_EVENTS + 2);
    expect(table.byBid.get('bid-1')?.events.filter((e) => e.raw === undefined)).toHaveLength(2);
    expect(saveTasks(storage, table, 1)).toBe(true);
    const loaded = loadTasks(storage);
    expect(loaded.order).toEqual(table.order);
    expect([...loaded.byBid.values()]).toEqual([...table.byBid.values()]);
  });

  it('reads events stored before the raw JSON was kept as text: the parsed object, or null where it was let go', () => {
    const storage = new MemoryStorage();
    const table = sampleTable(RAW_KEPT_EVENTS + 2);
    saveTasks(storage, table, 1);
    const stored = JSON.parse(storage.getItem(TASKS_STORAGE_KEY)!) as { tasks: { events: { raw?: unknown }[] }[] };
    for (const task of stored.tasks) for (const event of task.events) event.raw = typeof event.raw === 'string' ? JSON.parse(event.raw) : null;
    storage.setItem(TASKS_STORAGE_KEY, JSON.stringify(stored));
    const parsedRaw = (task: UpgradeTask | undefined) => task?.events.map((e) => (e.raw === undefined ? 'not kept' : JSON.parse(e.raw)));
    const loaded = loadTasks(storage).byBid.get('bid-1');
    expect(loaded?.events.every((e) => e.raw === undefined || typeof e.raw === 'string')).toBe(true);
    expect(parsedRaw(loaded)).toEqual(parsedRaw(table.byBid.get('bid-1')));
    expect(parsedRaw(loaded)?.filter((raw) => raw === 'not kept')).toHaveLength(2);
  });

  it('shrinks event logs and drops raw payloads to stay within the budget', () => {
    const storage = new MemoryStorage();
    const table = sampleTable(EVENT_LOG_CAP);
    const full = JSON.stringify([...table.byBid.values()]).length;
    expect(saveTasks(storage, table, 1, Math.floor(full / 2))).toBe(true);
    const task = loadTasks(storage).byBid.get('bid-1')!;
    expect(task.events.length).toBeLessThan(EVENT_LOG_CAP);
    expect(task.events.length).toBeGreaterThan(0);
    expect(task.events.at(-1)?.timestamp).toBe(100 + EVENT_LOG_CAP - 1);
    expect(task.execution).toEqual(table.byBid.get('bid-1')!.execution);
    if (task.events.every((e) => e.raw === undefined)) expect(storage.getItem(TASKS_STORAGE_KEY)).not.toContain('"raw"');
  });

  it('falls back to fewer tasks when the storage quota refuses even the smallest copy', () => {
    let table: TaskTable = EMPTY_TASK_TABLE;
    for (let i = 0; i < 40; i++) table = applyProgress(table, progress({ bid: `b${i}`, gateway: `GW${i}`, percent: i }), 1);
    const one = JSON.stringify([...table.byBid.values()][0]).length;
    const storage = new MemoryStorage(one * 15);
    expect(saveTasks(storage, table, 1)).toBe(true);
    const loaded = loadTasks(storage);
    expect(loaded.order.length).toBeGreaterThan(0);
    expect(loaded.order.length).toBeLessThan(40);
    expect(loaded.order.at(-1)).toBe('b39');
  });

  it('reports failure when storage refuses every write', () => {
    expect(saveTasks(new MemoryStorage(0), sampleTable(), 1)).toBe(false);
  });

  it.each([
    ['invalid JSON', '{not json'],
    ['a different format version', JSON.stringify({ version: 99, savedAt: 1, tasks: [] })],
    ['a wrong shape', JSON.stringify({ tasks: 'nope' })],
    ['null', 'null'],
  ])('corrupt storage (%s) loads as an empty history', (_name, text) => {
    const storage = new MemoryStorage();
    storage.setItem(TASKS_STORAGE_KEY, text);
    expect(loadTasks(storage).order).toEqual([]);
  });

  it('drops a bad task or a bad event alone, keeping the rest', () => {
    const storage = new MemoryStorage();
    saveTasks(storage, sampleTable(), 1);
    const stored = JSON.parse(storage.getItem(TASKS_STORAGE_KEY)!) as { tasks: Record<string, unknown>[] };
    const [first, second] = stored.tasks as [UpgradeTask & Record<string, unknown>, Record<string, unknown>];
    (first.events as unknown[]).push({ status: 'weird' });
    second.terminal = 'yes';
    stored.tasks.push({ bid: 'garbage' }, 42 as unknown as Record<string, unknown>);
    storage.setItem(TASKS_STORAGE_KEY, JSON.stringify(stored));
    const loaded = loadTasks(storage);
    expect(loaded.order).toEqual(['bid-1']);
    expect(loaded.byBid.get('bid-1')?.events).toHaveLength(3);
  });

  it('a storage that throws on read loads as empty', () => {
    const broken: TaskStorage = {
      getItem: () => {
        throw new Error('denied');
      },
      setItem: () => undefined,
      removeItem: () => undefined,
    };
    expect(loadTasks(broken).order).toEqual([]);
  });
});

describe('connectTasksPersistence', () => {
  it('restores on connect, then writes once per debounce period, not per change', () => {
    const storage = new MemoryStorage();
    saveTasks(storage, sampleTable(), 1);
    storage.writes = 0;
    const store = createTasksStore();
    const timers = new ManualTimers();
    const persistence = connectTasksPersistence(store, storage, { timers, debounceMs: 1_000, now: () => 50 });
    expect(store.getState().table.order).toEqual(['bid-1', 'other']);
    expect(store.getState().summary.total).toBe(2);

    for (let i = 0; i < 10; i++) store.getState().batchReceived([progress({ bid: `n${i}`, gateway: `GW${i}` })], 60 + i);
    expect(storage.writes).toBe(0);
    expect(timers.pending).toBe(1);
    timers.runAll();
    expect(storage.writes).toBe(1);
    expect(loadTasks(storage).order).toHaveLength(12);

    store.getState().batchReceived([progress({ bid: 'last', gateway: 'GWL' })], 99);
    persistence.stop();
    expect(storage.writes).toBe(2);
    expect(loadTasks(storage).byBid.has('last')).toBe(true);
    store.getState().batchReceived([progress({ bid: 'after-stop', gateway: 'GWS' })], 100);
    expect(timers.pending).toBe(0);
  });

  it('tries a copy richer than the last one that fit only every RICHER_RETRY_EVERY writes', () => {
    // A storage where no copy with raw payloads fits (as at fleet scale): steps 0 and 1 are refused.
    const attempts: number[] = [];
    class NoRoomForRaw extends MemoryStorage {
      override setItem(key: string, value: string): void {
        attempts[attempts.length - 1]! += 1;
        if (value.includes('"raw"')) throw new DOMException('full', 'QuotaExceededError');
        super.setItem(key, value);
      }
    }
    const storage = new NoRoomForRaw();
    const store = createTasksStore();
    const timers = new ManualTimers();
    connectTasksPersistence(store, storage, { timers, slices: null, changes: null, now: () => 50 });
    for (let write = 1; write <= 2 * RICHER_RETRY_EVERY; write++) {
      store.getState().batchReceived([progress({ ts: 1_000 + write, percent: write, tid: `w${write}` })], 60 + write);
      attempts.push(0);
      timers.runAll();
    }
    // The first write finds the step that fits; then one attempt a write, and a richer one
    // (refused, then the one that fits) on every RICHER_RETRY_EVERY-th write.
    expect(attempts[0]).toBe(3);
    expect(attempts.flatMap((n, i) => (i > 0 && n === 2 ? [i + 1] : []))).toEqual([RICHER_RETRY_EVERY, 2 * RICHER_RETRY_EVERY]);
    expect(attempts.filter((n) => n === 1)).toHaveLength(2 * RICHER_RETRY_EVERY - 3);
    expect(loadTasks(storage).byBid.get('bid-1')?.events.at(-1)?.tid).toBe(`w${2 * RICHER_RETRY_EVERY}`);
  });

  it('a reload keeps every task with its last state', () => {
    const storage = new MemoryStorage();
    const timers = new ManualTimers();
    const first = createTasksStore();
    connectTasksPersistence(first, storage, { timers });
    first.getState().batchReceived([progress({ bid: 'a', percent: 40, step: 'upgrade_firmware', sub: 'UPGRADING' })], 10);
    timers.runAll();
    const second = createTasksStore();
    connectTasksPersistence(second, storage, { timers });
    expect(second.getState().table.byBid.get('a')).toEqual(first.getState().table.byBid.get('a'));
  });
});
