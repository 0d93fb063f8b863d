import { describe, expect, it } from 'vitest';
import { applyBatch } from './task-batch.ts';
import { taskState } from './task-derived.ts';
import { taskStatusLabel } from './task-status-text.ts';
import { EMPTY_TASK_TABLE, pruneTable, tasksInOrder, type TaskTable } from './task-table.ts';
import { taskCreated } from './task-command.ts';
import { otaCreate, progress } from './task-test-kit.ts';
import { DEFAULT_TASK_TIMINGS, MAX_ACTIVE_ELSEWHERE, MAX_TASKS, type UpgradeTask } from './task-types.ts';
import { createTasksStore } from './tasks-store.ts';
import type { Decoded } from '../protocol/messages.ts';

const GRACE = DEFAULT_TASK_TIMINGS.verifyGraceMs;
const run = (table: TaskTable, batch: Decoded[], now = 10_000): TaskTable => applyBatch(table, batch, now, GRACE);
const task = (table: TaskTable, bid: string): UpgradeTask => {
  const t = table.byBid.get(bid);
  if (t === undefined) throw new Error(`no task ${bid}`);
  return t;
};
const activeCount = (table: TaskTable): number => tasksInOrder(table).filter((t) => !t.terminal).length;

describe('a newer task seen elsewhere supersedes an older open one on the same gateway', () => {
  it('ends the older task as Superseded (canceled), and its late progress does not reopen it', () => {
    let table = run(EMPTY_TASK_TABLE, [progress({ bid: 'old', ts: 1_000, percent: 30, tid: 'a' })]);
    table = run(table, [progress({ bid: 'new', ts: 5_000, percent: 5, tid: 'b' })]);
    const old = task(table, 'old');
    expect(old).toMatchObject({ terminal: true, supersededBy: 'new', finishedAt: 5_000 });
    expect(taskState(old, 10_000, DEFAULT_TASK_TIMINGS)).toBe('canceled');
    expect(taskStatusLabel(old)).toBe('Superseded');
    expect(old.execution?.percent).toBe(30);
    expect(task(table, 'new').terminal).toBe(false);

    table = run(table, [progress({ bid: 'old', ts: 6_000, percent: 40, tid: 'c' })]);
    expect(task(table, 'old')).toMatchObject({ terminal: true, supersededBy: 'new' });
    expect(task(table, 'old').events).toHaveLength(2);
    expect(activeCount(table)).toBe(1);
  });

  it('decides by start time, not arrival: an older bid reporting late is the one superseded', () => {
    let table = run(EMPTY_TASK_TABLE, [progress({ bid: 'new', ts: 5_000, tid: 'a' })]);
    table = run(table, [progress({ bid: 'old', ts: 1_000, tid: 'b' })]);
    expect(task(table, 'old').supersededBy).toBe('new');
    expect(task(table, 'new').terminal).toBe(false);
  });

  it('a gateway working on an older task is not superseded by an ota_create alone (it may be rejected as busy)', () => {
    let table = run(EMPTY_TASK_TABLE, [progress({ bid: 'running', ts: 1_000, tid: 'a' })]);
    table = run(table, [otaCreate({ bid: 'queued-elsewhere', ts: 2_000, tid: 'b' })]);
    expect(task(table, 'running').terminal).toBe(false);
    expect(activeCount(table)).toBe(2);
    table = run(table, [progress({ bid: 'queued-elsewhere', ts: 3_000, tid: 'c' })]);
    expect(task(table, 'running').supersededBy).toBe('queued-elsewhere');
  });

  it('never touches a task this console started, nor tasks on other gateways', () => {
    let table = taskCreated(
      EMPTY_TASK_TABLE,
      { bid: 'mine', tid: 't', gateway: 'DOCK1', devices: [{ sn: 'DOCK1' }], campaignId: 'c1' },
      500,
    );
    table = run(table, [
      progress({ bid: 'mine', ts: 1_000, tid: 'a' }),
      progress({ bid: 'other-dock', gateway: 'DOCK2', ts: 1_000, tid: 'b' }),
    ]);
    table = run(table, [progress({ bid: 'intruder', ts: 9_000, tid: 'c' })]);
    expect(task(table, 'mine').terminal).toBe(false);
    expect(task(table, 'other-dock').terminal).toBe(false);
    expect(activeCount(table)).toBe(3);
  });

  it('finds the older task from any version of the table: after progress-only batches, in two branches, after a prune', () => {
    let table = run(EMPTY_TASK_TABLE, [
      progress({ bid: 'old', ts: 1_000, tid: 'a' }),
      progress({ bid: 'x', gateway: 'DOCK2', ts: 1_000, tid: 'b' }),
    ]);
    for (let i = 1; i <= 3; i++) table = run(table, [progress({ bid: 'old', ts: 1_000 + i * 1_000, percent: i, tid: `a${i}` })]);
    // Two different next batches from the same table: each supersedes in its own result only.
    const one = run(table, [progress({ bid: 'new-1', ts: 9_000, tid: 'c' })]);
    const two = run(table, [progress({ bid: 'new-2', gateway: 'DOCK2', ts: 9_000, tid: 'd' })]);
    expect(task(one, 'old')).toMatchObject({ terminal: true, supersededBy: 'new-1' });
    expect(task(one, 'x').terminal).toBe(false);
    expect(task(two, 'old').terminal).toBe(false);
    expect(task(two, 'x')).toMatchObject({ terminal: true, supersededBy: 'new-2' });
    expect(task(table, 'old').terminal).toBe(false);
    // A table built by pruning (a new order) finds it too.
    const pruned = pruneTable(two, 2);
    expect(pruned.order).toEqual(['old', 'new-2']);
    const after = run(pruned, [progress({ bid: 'newest', ts: 12_000, tid: 'e' })]);
    expect(task(after, 'old')).toMatchObject({ terminal: true, supersededBy: 'newest' });
  });

  it('a flood of invented bids on one gateway leaves one active task, and the table stays at its cap', () => {
    const store = createTasksStore();
    for (let frame = 0; frame < 20; frame++) {
      const batch = Array.from({ length: 250 }, (_, i) =>
        progress({ bid: `fake-${frame}-${i}`, ts: 1_000 + frame * 1_000 + i, tid: `t${i}` }),
      );
      store.getState().batchReceived(batch, 10_000 + frame);
    }
    const { table, summary } = store.getState();
    expect(summary.active).toBe(1);
    expect(table.byBid.get('fake-19-249')?.terminal).toBe(false);
    expect(table.order.length).toBeLessThanOrEqual(MAX_TASKS);
  });
});

describe('pruneTable bounds active tasks seen elsewhere', () => {
  /** One active task seen elsewhere per gateway DOCK<i>, last heard at lastReceivedAt(i). */
  function elsewhereOn(count: number, lastReceivedAt: (i: number) => number): TaskTable {
    const seen = run(
      EMPTY_TASK_TABLE,
      Array.from({ length: count }, (_, i) => progress({ bid: `b${i}`, gateway: `DOCK${i}`, ts: 1_000, tid: `t${i}` })),
    );
    const tasks = tasksInOrder(seen).map((t, i) => ({ ...t, lastReceivedAt: lastReceivedAt(i) }));
    return { byBid: new Map(tasks.map((t) => [t.bid, t])), order: seen.order };
  }

  it('drops the longest silent beyond the cap, never an active task started here', () => {
    const base = elsewhereOn(10, (i) => (i % 2 === 0 ? 100 + i : 900 + i));
    const withMine = taskCreated(base, { bid: 'mine', tid: 't', gateway: 'DOCK-M', devices: [{ sn: 'DOCK-M' }] }, 1);
    const pruned = pruneTable(withMine, 3, 4);
    // Odd gateways were heard last; of those the four newest survive, with the task started here.
    expect([...pruned.byBid.keys()].sort()).toEqual(['b3', 'b5', 'b7', 'b9', 'mine']);
    expect(pruned.order).toEqual(['b3', 'b5', 'b7', 'b9', 'mine']);
  });

  it('terminal tasks go before any active one', () => {
    const base = elsewhereOn(4, (i) => i);
    const ended = run(base, [progress({ bid: 'b3', gateway: 'DOCK3', ts: 2_000, status: 'failed', tid: 'x' })]);
    const pruned = pruneTable(ended, 3, 10);
    expect(pruned.order).toEqual(['b0', 'b1', 'b2']);
  });

  it('keeps 10,000 gateways each with one active task seen elsewhere', () => {
    const store = createTasksStore();
    for (let start = 0; start < 10_000; start += 1_000) {
      const batch = Array.from({ length: 1_000 }, (_, k) =>
        progress({ bid: `bid-${start + k}`, gateway: `DOCK-${start + k}`, ts: 1_000, tid: 't' }),
      );
      store.getState().batchReceived(batch, 10_000);
    }
    expect(store.getState().summary.active).toBe(10_000);
    expect(MAX_ACTIVE_ELSEWHERE).toBeGreaterThanOrEqual(2 * 10_000);
  });
});
