import { afterEach, describe, expect, it } from 'vitest';
import type { ChangeChannel } from '../lib/persist/change-channel.ts';
import { MINOR_CHANGE_EVERY_MS } from '../lib/persist/change-pacer.ts';
import { openPersistKit, type PersistKit } from '../lib/persist/persist-kit.ts';
import { freshIndexedDb, linkedChannels, manualTimers, settle } from '../lib/persist/persist-kit-test-kit.ts';
import { MemoryStorage } from '../lib/work-slices-test-kit.ts';
import { otaCreate, progress, reply } from './task-test-kit.ts';
import { RAW_KEPT_EVENTS } from './task-types.ts';
import { TASKS_DATABASE } from './tasks-database-test-kit.ts';
import { connectTaskHistory, DEFAULT_HISTORY_CAP, type TaskHistory, type TaskHistoryOptions } from './tasks-history.ts';
import { LEGACY_TASKS_KEY } from './tasks-legacy-storage.ts';
import { createTasksStore } from './tasks-store.ts';

const opened: { kit: PersistKit; history: TaskHistory }[] = [];
afterEach(() => {
  for (const { kit, history } of opened.splice(0)) {
    history.stop();
    kit.close();
  }
});

interface TabOptions extends TaskHistoryOptions {
  factory?: IDBFactory | null;
  channel?: ChangeChannel | null;
}

async function openTab(options: TabOptions = {}) {
  const { factory = freshIndexedDb(), channel = null, ...historyOptions } = options;
  const time = manualTimers();
  const kit = await openPersistKit({ database: TASKS_DATABASE, factory, channel, timers: time.timers, slices: null, pageEvents: null });
  const store = createTasksStore();
  const history = connectTaskHistory(store, kit, {
    now: () => 10_000,
    intervals: { setInterval: () => 0, clearInterval: () => undefined },
    ...historyOptions,
  });
  opened.push({ kit, history });
  await history.ready;
  return { kit, store, history, time };
}

/** A task that ran and finished on gateway `gw` at time `at`. */
function finished(bid: string, gw: string, at: number) {
  return [
    progress({ bid, gateway: gw, ts: at, percent: 10, tid: `${bid}-1` }),
    progress({ bid, gateway: gw, ts: at + 1, status: 'ok', percent: 100, tid: `${bid}-2` }),
  ];
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

describe('task history on IndexedDB', () => {
  it('a reload keeps every task with its last state, event logs included', async () => {
    const factory = freshIndexedDb();
    const first = await openTab({ factory });
    const events = Array.from({ length: RAW_KEPT_EVENTS + 3 }, (_, i) =>
      progress({ bid: 'a', ts: 100 + i, percent: i * 10, tid: `t${String(i)}`, step: 'upgrade_firmware', sub: 'UPGRADING', rate: 7 }),
    );
    first.store.getState().batchReceived(events, 10);
    first.store.getState().batchReceived([progress({ bid: 'other', gateway: 'DOCK2', status: 'failed', result: 312013 })], 20);
    first.time.fire();
    await first.kit.flush();
    const task = first.store.getState().table.byBid.get('a');
    expect(task?.events.filter((e) => e.raw === undefined)).toHaveLength(3);

    const second = await openTab({ factory });
    expect(second.store.getState().table.byBid.get('a')).toEqual(task);
    expect(second.store.getState().table.byBid.get('other')).toEqual(first.store.getState().table.byBid.get('other'));
    expect(second.store.getState().table.order).toEqual(first.store.getState().table.order);
  });

  it('writes once per debounce period, and then only the tasks that changed', async () => {
    const [channel] = linkedChannels(1);
    const tab = await openTab({ channel });
    tab.store.getState().batchReceived([progress({ bid: 'x', gateway: 'DOCK1', tid: 'x1' })], 1);
    tab.store.getState().batchReceived([progress({ bid: 'y', gateway: 'DOCK2', tid: 'y1' })], 2);
    tab.store.getState().batchReceived([progress({ bid: 'x', gateway: 'DOCK1', ts: 2_000, percent: 5, tid: 'x2' })], 3);
    expect(tab.time.pending).toBe(1);
    tab.time.fire();
    await tab.kit.flush();
    tab.store.getState().batchReceived([progress({ bid: 'y', gateway: 'DOCK2', ts: 3_000, percent: 50, tid: 'y2' })], 4);
    tab.time.fire();
    await tab.kit.flush();
    expect(channel?.posted).toEqual([[{ store: 'tasks', keys: ['x', 'y'] }], [{ store: 'tasks', keys: ['y'] }]]);
  });

  it('writes a change of progress alone at most once a minute per task, any other change at once, everything on a flush', async () => {
    let clock = 10_000;
    const [channel] = linkedChannels(1);
    const tab = await openTab({ channel, now: () => clock });
    const posted = () => channel?.posted.map((notices) => notices.flatMap((n) => n.keys)) ?? [];
    const step = async (batch: ReturnType<typeof progress>[]) => {
      tab.store.getState().batchReceived(batch, clock);
      tab.time.fire();
      await settle();
    };
    await step([
      progress({ bid: 'x', gateway: 'DOCK1', ts: 1_000, percent: 5, tid: 'x1' }),
      progress({ bid: 'y', gateway: 'DOCK2', ts: 1_000, percent: 5, tid: 'y1' }),
    ]);
    clock += 1_000;
    await step([
      progress({ bid: 'x', gateway: 'DOCK1', ts: 2_000, percent: 6, tid: 'x2' }),
      progress({ bid: 'y', gateway: 'DOCK2', ts: 2_000, status: 'failed', result: 312013, tid: 'y2' }),
    ]);
    expect(posted()).toEqual([['x', 'y'], ['y']]);
    expect((await tab.history.read('x'))?.execution?.percent).toBe(5);
    expect((await tab.history.read('y'))?.terminal).toBe(true);

    // Nothing else changes: the kit still asks again once x's minute is up, and x is written then.
    expect(tab.time.pending).toBe(1);
    expect(tab.time.delays.at(-1)).toBe(MINOR_CHANGE_EVERY_MS);
    clock += MINOR_CHANGE_EVERY_MS;
    tab.time.fire();
    tab.time.fire();
    await settle();
    expect(posted().at(-1)).toEqual(['x']);
    expect((await tab.history.read('x'))?.execution?.percent).toBe(6);

    // A flush (pagehide does one) takes a progress-only change at once.
    clock += 1_000;
    await step([progress({ bid: 'x', gateway: 'DOCK1', ts: 3_000, percent: 7, tid: 'x3' })]);
    expect((await tab.history.read('x'))?.execution?.percent).toBe(6);
    await tab.kit.flush();
    expect((await tab.history.read('x'))?.execution?.percent).toBe(7);
  });

  it('restores every open task and the newest finished ones up to the live limit; live tasks win over restored ones', async () => {
    const factory = freshIndexedDb();
    const first = await openTab({ factory });
    first.store.getState().batchReceived([progress({ bid: 'open-old', gateway: 'GW0', ts: 1, tid: 'o' })], 1);
    for (let i = 1; i <= 5; i++) first.store.getState().batchReceived(finished(`f${String(i)}`, `GW${String(i)}`, i * 100), i * 100);
    await first.kit.flush();

    const second = await openTab({ factory, restoreLimit: 2 });
    expect([...second.store.getState().table.byBid.keys()].sort()).toEqual(['f4', 'f5', 'open-old']);

    const third = createTasksStore();
    third
      .getState()
      .batchReceived([progress({ bid: 'f5', gateway: 'GW5', ts: 9_999, percent: 42, status: 'in_progress', tid: 'live' })], 9_999);
    const kit = await openPersistKit({ database: TASKS_DATABASE, factory, channel: null, slices: null, pageEvents: null });
    const history = connectTaskHistory(third, kit, { intervals: { setInterval: () => 0, clearInterval: () => undefined } });
    opened.push({ kit, history });
    await history.ready;
    expect(third.getState().table.byBid.get('f5')?.execution?.percent).toBe(42);
  });

  it('keeps far more finished tasks than the live table holds, and the search finds an SN in all of them', async () => {
    const factory = freshIndexedDb();
    const tab = await openTab({ factory, restoreLimit: 3 });
    for (let i = 0; i < 12; i++)
      tab.store.getState().batchReceived(finished(`old-${String(i)}`, `DOCK-${String(i).padStart(2, '0')}`, 100 + i * 10), 100 + i * 10);
    await tab.kit.flush();
    const reloaded = await openTab({ factory, restoreLimit: 3 });
    expect(reloaded.store.getState().table.byBid.has('old-0')).toBe(false);
    expect((await reloaded.history.search('dock-00')).map((t) => t.bid)).toEqual(['old-0']);
    // Case does not matter, and a prefix finds every match, newest first.
    expect((await reloaded.history.search('DOCK-1')).map((t) => t.bid)).toEqual(['old-11', 'old-10']);
    // As in the live table, a needle inside an SN finds it too.
    expect((await reloaded.history.search('k-0')).map((t) => t.bid)).toEqual(Array.from({ length: 10 }, (_, i) => `old-${String(9 - i)}`));
    expect((await reloaded.history.search('-1')).map((t) => t.bid)).toEqual(['old-11', 'old-10']);
    expect(await reloaded.history.search('  ')).toEqual([]);
    expect(await reloaded.history.search('nothing')).toEqual([]);
    expect((await reloaded.history.read('old-0'))?.gateway).toBe('DOCK-00');
    expect(await reloaded.history.read('never')).toBeNull();
  });

  it('reads every task of exactly one SN (a dock page), newest first, not those of SNs it prefixes', async () => {
    const factory = freshIndexedDb();
    const tab = await openTab({ factory, restoreLimit: 2 });
    for (let i = 0; i < 5; i++) tab.store.getState().batchReceived(finished(`a-${String(i)}`, 'DOCK-1', 100 + i * 10), 100 + i * 10);
    tab.store.getState().batchReceived(finished('b-0', 'DOCK-10', 500), 500);
    await tab.kit.flush();
    const reloaded = await openTab({ factory, restoreLimit: 2 });
    expect((await reloaded.history.ofSn('dock-1')).map((t) => t.bid)).toEqual(['a-4', 'a-3', 'a-2', 'a-1', 'a-0']);
    expect((await reloaded.history.ofSn('DOCK-10')).map((t) => t.bid)).toEqual(['b-0']);
    expect(await reloaded.history.ofSn(' ')).toEqual([]);
  });

  it('the history cap drops the oldest finished tasks first and never an open one', async () => {
    expect(DEFAULT_HISTORY_CAP).toBe(100_000);
    const tab = await openTab({ historyCap: 3 });
    tab.store.getState().batchReceived([progress({ bid: 'still-open', gateway: 'GW-OPEN', ts: 1, tid: 'o' })], 1);
    for (let i = 1; i <= 6; i++) tab.store.getState().batchReceived(finished(`f${String(i)}`, `GW${String(i)}`, i * 100), i * 100);
    await tab.kit.flush();
    expect(await tab.history.prune()).toBe(3);
    expect((await tab.history.search('gw')).map((t) => t.bid).sort()).toEqual(['f4', 'f5', 'f6', 'still-open']);
    tab.history.historyCapChanged(1);
    await settle(20);
    expect((await tab.history.search('gw')).map((t) => t.bid).sort()).toEqual(['f6', 'still-open']);
  });

  it("moves the previous version's localStorage tasks into the history on the first start, then removes the key", async () => {
    const factory = freshIndexedDb();
    const source = await openTab();
    source.store.getState().taskCreated(INPUT, 400);
    source.store.getState().batchReceived(finished('done-1', 'DOCK9', 500), 600);
    const tasks = [...source.store.getState().table.order].map((bid) => source.store.getState().table.byBid.get(bid));
    const legacy = new MemoryStorage();
    legacy.setItem(LEGACY_TASKS_KEY, JSON.stringify({ version: 1, savedAt: 700, tasks: [...tasks, { bid: '' }] }));
    legacy.setItem('ota-console:settings', '{"rememberPassword":false}');

    const migrated = await openTab({ factory, legacy });
    expect([...migrated.store.getState().table.byBid.values()]).toEqual(tasks);
    expect(legacy.getItem(LEGACY_TASKS_KEY)).toBeNull();
    expect(legacy.getItem('ota-console:settings')).not.toBeNull();

    const reloaded = await openTab({ factory, legacy });
    expect([...reloaded.store.getState().table.byBid.values()]).toEqual(tasks);
  });

  it('without IndexedDB runs in memory: the old tasks are shown and their key is kept for a later start', async () => {
    const legacy = new MemoryStorage();
    const source = await openTab();
    source.store.getState().taskCreated(INPUT, 400);
    const task = source.store.getState().table.byBid.get('b1');
    legacy.setItem(LEGACY_TASKS_KEY, JSON.stringify({ version: 1, savedAt: 1, tasks: [task] }));
    const tab = await openTab({ factory: null, legacy });
    expect(tab.kit.status).toMatchObject({ mode: 'memory', reason: 'unsupported' });
    expect(tab.store.getState().table.byBid.get('b1')).toEqual(task);
    expect(legacy.getItem(LEGACY_TASKS_KEY)).not.toBeNull();
    tab.store.getState().batchReceived([progress({ bid: 'b1', tid: 'p' })], 500);
    await tab.kit.flush();
    expect(await tab.history.search('DOCK1')).toEqual([]);
  });
});

describe('two tabs over one history', () => {
  async function twoTabs() {
    const factory = freshIndexedDb();
    const [channelA, channelB] = linkedChannels(2);
    const a = await openTab({ factory, channel: channelA });
    const b = await openTab({ factory, channel: channelB });
    return { a, b, posted: { a: channelA?.posted ?? [], b: channelB?.posted ?? [] } };
  }

  it("the tab that did not send an upgrade never overwrites the sender's record of it, and both tabs converge", async () => {
    const { a, b } = await twoTabs();
    // B sees A's ota_create on the broker before A's first write: to B it is started elsewhere.
    b.store.getState().batchReceived([otaCreate({ bid: 'b1', tid: 't1', ts: 450 })], 500);
    a.store.getState().taskCreated(INPUT, 400);
    a.store.getState().taskPublished('b1', 450);
    a.time.fire();
    await a.kit.flush();
    await settle();
    expect(b.store.getState().table.byBid.get('b1')).toMatchObject({ origin: 'this-console', campaignId: 'c1', attempt: 2, retryOf: 'b0' });

    // Progress reaches B; B writes; A learns it from B's write.
    b.store.getState().batchReceived([reply({ bid: 'b1', tid: 't1' }), progress({ bid: 'b1', ts: 2_000, percent: 60, tid: 'p1' })], 2_100);
    b.time.fire();
    await b.kit.flush();
    await settle();
    expect(a.store.getState().table.byBid.get('b1')).toMatchObject({
      origin: 'this-console',
      command: 'accepted',
      execution: { percent: 60 },
    });
    expect(a.store.getState().table.byBid.get('b1')?.devices[0]).toMatchObject({
      fromVersion: '1.0.0',
      targetVersion: '2.0.0',
      fileSize: 1_000_000,
    });
  });

  it('a task each tab saw alone ends up in both tabs and in the history', async () => {
    const { a, b } = await twoTabs();
    a.store.getState().taskCreated(INPUT, 400);
    b.store.getState().batchReceived([progress({ bid: 'other', gateway: 'DOCK2', ts: 1_000, tid: 'x' })], 1_100);
    a.time.fire();
    b.time.fire();
    await Promise.all([a.kit.flush(), b.kit.flush()]);
    await settle();
    for (const tab of [a, b]) expect([...tab.store.getState().table.byBid.keys()].sort()).toEqual(['b1', 'other']);
    expect((await a.history.search('dock')).map((t) => t.bid).sort()).toEqual(['b1', 'other']);
  });

  it('writes back what it knows more than the other tab wrote, and stops once both agree', async () => {
    const { a, b, posted } = await twoTabs();
    a.store.getState().taskCreated(INPUT, 400);
    b.store.getState().batchReceived([progress({ bid: 'b1', ts: 1_000, percent: 30, tid: 'p1' })], 1_000);
    b.time.fire();
    await b.kit.flush(); // B writes first: the task as seen elsewhere, with progress
    await settle();
    // A merged it; its own facts (campaign, attempt, versions) are more than B wrote: A writes back.
    a.time.fire();
    await a.kit.flush();
    await settle();
    expect(posted.a).toEqual([[{ store: 'tasks', keys: ['b1'] }]]);
    expect(b.store.getState().table.byBid.get('b1')).toMatchObject({
      origin: 'this-console',
      campaignId: 'c1',
      execution: { percent: 30 },
    });
    // B merged A's record and has nothing to add: nothing more is written on either side.
    for (let round = 0; round < 3; round++) {
      a.time.fire();
      b.time.fire();
      await Promise.all([a.kit.flush(), b.kit.flush()]);
      await settle();
    }
    expect(posted.a).toHaveLength(1);
    expect(posted.b).toHaveLength(1);
    expect(a.store.getState().table.byBid.get('b1')).toEqual(b.store.getState().table.byBid.get('b1'));
  });

  it('a single tab reads the history only at the start', async () => {
    const tab = await openTab();
    let reads = 0;
    const original = IDBObjectStore.prototype.get;
    IDBObjectStore.prototype.get = function counted(this: IDBObjectStore, key: IDBValidKey | IDBKeyRange) {
      reads += 1;
      return original.call(this, key);
    };
    try {
      for (let i = 0; i < 5; i++) {
        tab.store.getState().batchReceived([progress({ bid: 'solo', ts: 1_000 + i, percent: i * 10, tid: `t${String(i)}` })], 2_000 + i);
        tab.time.fire();
        await tab.kit.flush();
      }
    } finally {
      IDBObjectStore.prototype.get = original;
    }
    expect(reads).toBe(0);
  });
});
