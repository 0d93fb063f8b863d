import { afterEach, describe, expect, it, vi } from 'vitest';
import type { Decoded } from '../protocol/messages.ts';
import { progress } from './task-test-kit.ts';
import { pruneTable } from './task-table.ts';
import { MAX_TASKS, type TaskTimings } from './task-types.ts';
import { createTasksStore } from './tasks-store.ts';

vi.mock('./task-table.ts', async (importOriginal) => {
  const actual = await importOriginal<typeof import('./task-table.ts')>();
  return { ...actual, pruneTable: vi.fn(actual.pruneTable) };
});

const T: TaskTimings = { stalledAfterMs: 60_000, replyTimeoutMs: 10_000, verifyGraceMs: 30_000 };

function started(from: number, count: number): Decoded[] {
  const batch: Decoded[] = [];
  for (let i = from; i < from + count; i++) batch.push(progress({ bid: `b-${i}`, gateway: `GW${i}`, ts: 1, percent: 10 }));
  return batch;
}

describe('tasksStore prune scan while a fleet first reports', () => {
  afterEach(() => vi.mocked(pruneTable).mockClear());

  it('does not scan a table that grows past the cap with every task active', () => {
    const store = createTasksStore(T);
    store.getState().batchReceived(started(0, MAX_TASKS + 5), 1);
    store.getState().batchReceived(started(MAX_TASKS + 5, 50), 2);
    const { table, summary } = store.getState();
    expect(table.order).toHaveLength(MAX_TASKS + 55);
    expect(summary).toMatchObject({ total: MAX_TASKS + 55, active: MAX_TASKS + 55 });
    expect(pruneTable).not.toHaveBeenCalled();
  });

  it('prunes in the batch that grows the table once a task has finished, and counts what is left', () => {
    const store = createTasksStore(T);
    store.getState().batchReceived(started(0, MAX_TASKS), 1);
    const batch = [progress({ bid: 'b-0', gateway: 'GW0', ts: 2, status: 'ok', percent: 100 }), ...started(MAX_TASKS, 3)];
    store.getState().batchReceived(batch, 2);
    const { table, summary } = store.getState();
    expect(pruneTable).toHaveBeenCalledTimes(1);
    expect(table.byBid.has('b-0')).toBe(false);
    expect(table.order).toHaveLength(MAX_TASKS + 2);
    expect(summary).toMatchObject({ total: MAX_TASKS + 2, active: MAX_TASKS + 2 });
  });
});
