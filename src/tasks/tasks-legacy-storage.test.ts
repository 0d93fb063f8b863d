import { describe, expect, it } from 'vitest';
import { MemoryStorage } from '../lib/work-slices-test-kit.ts';
import { taskCreated } from './task-command.ts';
import { applyProgress } from './task-progress.ts';
import { EMPTY_TASK_TABLE, tasksInOrder, type TaskTable } from './task-table.ts';
import { progress } from './task-test-kit.ts';
import { RAW_KEPT_EVENTS, type UpgradeTask } from './task-types.ts';
import { LEGACY_TASKS_KEY, readLegacyTasks } from './tasks-legacy-storage.ts';

function sampleTable(events = 3): TaskTable {
  let table = taskCreated(
    EMPTY_TASK_TABLE,
    {
      bid: 'bid-1',
      tid: 'tid-1',
      gateway: 'DOCK1',
      devices: [{ sn: 'DOCK1', modelKey: '3-2-0', fromVersion: '1', targetVersion: '2', fileSize: 9 }],
      campaignId: 'c',
    },
    5,
  );
  for (let i = 0; i < events; i++)
    table = applyProgress(
      table,
      progress({ ts: 100 + i, percent: i % 100, tid: `t${String(i)}`, sub: 'DOWNLOADING', step: 'download_firmware', rate: 7 }),
      200 + i,
    );
  return applyProgress(table, progress({ bid: 'other', gateway: 'DOCK2', status: 'failed', result: 312013 }), 999);
}

/** The document the previous version wrote: `{version: 1, savedAt, tasks}`, events' raw JSON as text. */
function legacyStorage(tasks: readonly unknown[]): MemoryStorage {
  const storage = new MemoryStorage();
  storage.setItem(LEGACY_TASKS_KEY, JSON.stringify({ version: 1, savedAt: 1, tasks }));
  return storage;
}

describe("the previous version's tasks document", () => {
  it('reads every task exactly, in order, including events whose raw JSON was let go', () => {
    const table = sampleTable(RAW_KEPT_EVENTS + 2);
    expect(table.byBid.get('bid-1')?.events.filter((e) => e.raw === undefined)).toHaveLength(2);
    const loaded = readLegacyTasks(legacyStorage(tasksInOrder(table)));
    expect(loaded?.order).toEqual(table.order);
    expect(tasksInOrder(loaded ?? EMPTY_TASK_TABLE)).toEqual(tasksInOrder(table));
  });

  it('reads events stored before the raw JSON was kept as text: the parsed object, or null where it was let go', () => {
    const table = sampleTable(RAW_KEPT_EVENTS + 2);
    const stored = JSON.parse(JSON.stringify(tasksInOrder(table))) as { events: { raw?: unknown }[] }[];
    for (const task of stored) for (const event of task.events) event.raw = typeof event.raw === 'string' ? JSON.parse(event.raw) : null;
    const parsedRaw = (task: UpgradeTask | undefined) => task?.events.map((e) => (e.raw === undefined ? 'not kept' : JSON.parse(e.raw)));
    const loaded = readLegacyTasks(legacyStorage(stored))?.byBid.get('bid-1');
    expect(loaded?.events.every((e) => e.raw === undefined || typeof e.raw === 'string')).toBe(true);
    expect(parsedRaw(loaded)).toEqual(parsedRaw(table.byBid.get('bid-1')));
    expect(parsedRaw(loaded)?.filter((raw) => raw === 'not kept')).toHaveLength(2);
  });

  it.each([
    ['invalid JSON', '{not json'],
    ['a different format version', JSON.stringify({ version: 99, savedAt: 1, tasks: [] })],
    ['a wrong shape', JSON.stringify({ tasks: 'nope' })],
    ['null', 'null'],
  ])('corrupt storage (%s) reads as no tasks', (_name, text) => {
    const storage = new MemoryStorage();
    storage.setItem(LEGACY_TASKS_KEY, text);
    expect(readLegacyTasks(storage)?.order).toEqual([]);
  });

  it('drops a bad task or a bad event alone, keeping the rest', () => {
    const stored = JSON.parse(JSON.stringify(tasksInOrder(sampleTable()))) as Record<string, unknown>[];
    const [first, second] = stored as [Record<string, unknown>, Record<string, unknown>];
    (first.events as unknown[]).push({ status: 'weird' });
    second.terminal = 'yes';
    const loaded = readLegacyTasks(legacyStorage([...stored, { bid: 'garbage' }, 42]));
    expect(loaded?.order).toEqual(['bid-1']);
    expect(loaded?.byBid.get('bid-1')?.events).toHaveLength(3);
  });

  it('a storage without the key, or one that throws on read, reads as nothing to move', () => {
    expect(readLegacyTasks(new MemoryStorage())).toBeNull();
    const broken = {
      getItem: () => {
        throw new Error('denied');
      },
      removeItem: () => undefined,
    };
    expect(readLegacyTasks(broken)).toBeNull();
  });
});
