/**
 * Two tabs of one browser: two task stores, each with its own persistence, over one storage. The
 * fake delivers a tab's write to the other tabs' listeners later (as the `storage` event does) and
 * never to the writer.
 */
import { describe, expect, it } from 'vitest';
import { otaCreate, progress, reply } from './task-test-kit.ts';
import { connectTasksPersistence, loadTasks, TASKS_STORAGE_KEY, type PersistenceTimers, type StorageChanges, type TaskStorage } from './tasks-persistence.ts';
import { createTasksStore } from './tasks-store.ts';

class SharedStorage {
  readonly data = new Map<string, string>();
  reads = 0;
  private readonly listeners = new Map<number, Map<string, Set<() => void>>>();
  private queue: { key: string; from: number }[] = [];

  tab(id: number): { storage: TaskStorage; changes: StorageChanges } {
    const storage: TaskStorage = {
      getItem: (key) => {
        this.reads++;
        return this.data.get(key) ?? null;
      },
      setItem: (key, value) => {
        this.data.set(key, value);
        this.queue.push({ key, from: id });
      },
      removeItem: (key) => {
        this.data.delete(key);
        this.queue.push({ key, from: id });
      },
    };
    const changes: StorageChanges = {
      subscribe: (key, listener) => {
        const byKey = this.listeners.get(id) ?? new Map<string, Set<() => void>>();
        this.listeners.set(id, byKey);
        const set = byKey.get(key) ?? new Set();
        byKey.set(key, set);
        set.add(listener);
        return () => set.delete(listener);
      },
    };
    return { storage, changes };
  }

  /** Hands the pending writes to the other tabs, and whatever they write in turn. */
  deliver(): void {
    while (this.queue.length > 0) {
      const { key, from } = this.queue.shift() as { key: string; from: number };
      for (const [id, byKey] of this.listeners) if (id !== from) for (const listener of byKey.get(key) ?? []) listener();
    }
  }
}

function manualTimers(): PersistenceTimers & { fire(): void } {
  const pending = new Map<number, () => void>();
  let next = 0;
  return {
    setTimeout(fn) {
      pending.set(++next, fn);
      return next;
    },
    clearTimeout(handle) {
      pending.delete(handle as number);
    },
    fire() {
      const fns = [...pending.values()];
      pending.clear();
      for (const fn of fns) fn();
    },
  };
}

function openTab(shared: SharedStorage, id: number) {
  const store = createTasksStore();
  const timers = manualTimers();
  const { storage, changes } = shared.tab(id);
  const persistence = connectTasksPersistence(store, storage, { timers, changes, now: () => 10_000 });
  return { store, timers, persistence };
}

const INPUT = {
  bid: 'b1',
  tid: 't1',
  gateway: 'DOCK1',
  devices: [{ sn: 'DOCK1', fromVersion: '1.0.0', targetVersion: '2.0.0', fileSize: 1_000_000 }],
  campaignId: 'c1',
  attempt: 2,
  retryOf: 'b0',
};

describe('two tabs over one storage', () => {
  it("the tab that did not send an upgrade never overwrites the sender's record of it, and both tabs converge", () => {
    const shared = new SharedStorage();
    const a = openTab(shared, 1);
    const b = openTab(shared, 2);

    // B sees A's ota_create on the broker before A's first save: to B it is started elsewhere.
    b.store.getState().batchReceived([otaCreate({ bid: 'b1', tid: 't1', ts: 450 })], 500);
    a.store.getState().taskCreated(INPUT, 400);
    a.store.getState().taskPublished('b1', 450);
    a.timers.fire();
    shared.deliver();
    expect(b.store.getState().table.byBid.get('b1')).toMatchObject({ origin: 'this-console', campaignId: 'c1', attempt: 2, retryOf: 'b0' });

    // Progress reaches B; B saves; A learns it from B's write.
    b.store.getState().batchReceived([reply({ bid: 'b1', tid: 't1' }), progress({ bid: 'b1', ts: 2_000, percent: 60, tid: 'p1' })], 2_100);
    b.timers.fire();
    const stored = loadTasks(shared.tab(9).storage).byBid.get('b1');
    expect(stored).toMatchObject({ origin: 'this-console', campaignId: 'c1', attempt: 2, retryOf: 'b0', command: 'accepted', execution: { percent: 60 } });
    expect(stored?.devices[0]).toMatchObject({ fromVersion: '1.0.0', targetVersion: '2.0.0', fileSize: 1_000_000 });
    shared.deliver();
    expect(a.store.getState().table.byBid.get('b1')).toMatchObject({ origin: 'this-console', execution: { percent: 60 } });
  });

  it('a gateway task one tab has not stored yet survives the other tab writing first', () => {
    const shared = new SharedStorage();
    const a = openTab(shared, 1);
    const b = openTab(shared, 2);
    a.store.getState().taskCreated(INPUT, 400);
    a.timers.fire();
    b.store.getState().batchReceived([progress({ bid: 'other', gateway: 'DOCK2', ts: 1_000, tid: 'x' })], 1_100);
    // B's write is pending while A's event arrives: B merges first, then writes both.
    shared.deliver();
    b.timers.fire();
    expect([...loadTasks(shared.tab(9).storage).byBid.keys()].sort()).toEqual(['b1', 'other']);
    shared.deliver();
    expect([...a.store.getState().table.byBid.keys()].sort()).toEqual(['b1', 'other']);
  });

  it('writes back when it knows more than the other tab stored, and stops once both agree', () => {
    const shared = new SharedStorage();
    const a = openTab(shared, 1);
    const b = openTab(shared, 2);
    a.store.getState().taskCreated(INPUT, 400);
    b.store.getState().batchReceived([progress({ bid: 'seen-by-b', gateway: 'DOCK2', ts: 1_000, tid: 'x' })], 1_100);
    b.timers.fire(); // B writes first, without A's task
    a.timers.fire(); // A had not seen B's event yet: its write drops B's task
    shared.deliver(); // B sees A's write lacks its task and writes back (A merges it, quietly)
    b.timers.fire();
    shared.deliver();
    a.timers.fire();
    b.timers.fire();
    shared.deliver();
    expect([...loadTasks(shared.tab(9).storage).byBid.keys()].sort()).toEqual(['b1', 'seen-by-b']);
    // Converged: nothing more to write on either side.
    const settled = shared.data.get(TASKS_STORAGE_KEY);
    a.timers.fire();
    b.timers.fire();
    shared.deliver();
    expect(shared.data.get(TASKS_STORAGE_KEY)).toBe(settled);
    for (const tab of [a, b]) expect([...tab.store.getState().table.byBid.keys()].sort()).toEqual(['b1', 'seen-by-b']);
  });

  it('a single tab reads storage once, at the start', () => {
    const shared = new SharedStorage();
    const a = openTab(shared, 1);
    for (let i = 0; i < 5; i++) {
      a.store.getState().batchReceived([progress({ bid: 'solo', ts: 1_000 + i, percent: i * 10, tid: `t${i}` })], 2_000 + i);
      a.timers.fire();
    }
    shared.deliver();
    expect(shared.reads).toBe(1);
    expect(loadTasks(shared.tab(9).storage).byBid.get('solo')?.execution?.percent).toBe(40);
  });
});
