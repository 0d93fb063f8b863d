import { describe, expect, it } from 'vitest';
import { applyReply, replyTimedOut, taskCreated, taskPublished } from './task-command.ts';
import { isStalled, summarizeTasks, taskCompletion, taskEtaMs, taskState } from './task-derived.ts';
import { applyProgress } from './task-progress.ts';
import { EMPTY_TASK_TABLE, type TaskTable } from './task-table.ts';
import { progress, reply } from './task-test-kit.ts';
import type { TaskTimings, UpgradeTask } from './task-types.ts';

const T: TaskTimings = { stalledAfterMs: 60_000, replyTimeoutMs: 10_000, verifyGraceMs: 30_000 };

function created(bid = 'bid-1', fileSize?: number): TaskTable {
  return taskCreated(
    EMPTY_TASK_TABLE,
    { bid, tid: 'tid-1', gateway: 'DOCK1', devices: [{ sn: 'DOCK1', targetVersion: '2', ...(fileSize ? { fileSize } : {}) }] },
    0,
  );
}

const one = (table: TaskTable, bid = 'bid-1'): UpgradeTask => table.byBid.get(bid)!;

describe('taskState', () => {
  it('follows the command before any progress', () => {
    const queued = created();
    expect(taskState(one(queued), 1, T)).toBe('queued');
    const published = taskPublished(queued, 'bid-1', 1_000);
    expect(taskState(one(published), 2_000, T)).toBe('published');
    expect(taskState(one(applyReply(published, reply({}), 3_000)), 4_000, T)).toBe('accepted');
    expect(taskState(one(applyReply(published, reply({ result: 312015 }), 3_000)), 4_000, T)).toBe('rejected');
    expect(taskState(one(replyTimedOut(published, 'bid-1')), 4_000, T)).toBe('no-reply');
  });

  it('derives no reply after the reply timeout while published, before anyone records it', () => {
    const published = one(taskPublished(created(), 'bid-1', 1_000));
    expect(taskState(published, 1_000 + T.replyTimeoutMs - 1, T)).toBe('published');
    expect(taskState(published, 1_000 + T.replyTimeoutMs, T)).toBe('no-reply');
  });

  it('follows the device status once it reports, stalled after the configured silence', () => {
    const running = one(applyProgress(created(), progress({ percent: 10 }), 5_000));
    expect(taskState(running, 5_000 + T.stalledAfterMs - 1, T)).toBe('in_progress');
    expect(taskState(running, 5_000 + T.stalledAfterMs, T)).toBe('stalled');
    expect(isStalled(running, 5_000 + 10 * T.stalledAfterMs, { ...T, stalledAfterMs: 20 * T.stalledAfterMs })).toBe(false);
  });

  it('an accepted command with no progress stalls too; a paused or terminal task never does', () => {
    const accepted = one(applyReply(taskPublished(created(), 'bid-1', 0), reply({}), 1_000));
    expect(taskState(accepted, 1_000 + T.stalledAfterMs, T)).toBe('stalled');
    const paused = one(applyProgress(created(), progress({ status: 'paused' }), 0));
    expect(taskState(paused, 10 * T.stalledAfterMs, T)).toBe('paused');
    const failed = one(applyProgress(created(), progress({ status: 'failed' }), 0));
    expect(taskState(failed, 10 * T.stalledAfterMs, T)).toBe('failed');
  });

  it('ok until verified', () => {
    const ok = one(applyProgress(created(), progress({ status: 'ok', percent: 100 }), 0));
    expect(taskState(ok, 1, T)).toBe('ok');
  });
});

describe('completion and ETA', () => {
  it('counts download as the first half and upgrade as the second; terminal is complete', () => {
    expect(taskCompletion(one(created()))).toBe(0);
    expect(taskCompletion(one(applyProgress(created(), progress({ percent: 50, step: 'download_firmware' }), 0)))).toBe(25);
    expect(taskCompletion(one(applyProgress(created(), progress({ percent: 50, step: 'upgrade_firmware' }), 0)))).toBe(75);
    expect(taskCompletion(one(applyProgress(created(), progress({ percent: 40 }), 0)))).toBe(40);
    expect(taskCompletion(one(applyProgress(created(), progress({ status: 'failed', percent: 3 }), 0)))).toBe(100);
  });

  it('uses rate and remaining bytes while downloading when the file size is known', () => {
    const task = one(applyProgress(created('bid-1', 1_000_000), progress({ percent: 75, step: 'download_firmware', rate: 50_000 }), 0));
    // 250 kB left at 50 kB/s
    expect(taskEtaMs(task)).toBe(5_000);
  });

  it('falls back to the percent slope of the current step', () => {
    let table = created();
    table = applyProgress(table, progress({ ts: 10_000, percent: 20, step: 'upgrade_firmware', tid: 'a' }), 0);
    table = applyProgress(table, progress({ ts: 20_000, percent: 40, step: 'upgrade_firmware', tid: 'b' }), 0);
    // 20 % per 10 s, 60 % left
    expect(taskEtaMs(one(table))).toBe(30_000);
  });

  it('has no ETA without a basis, when paused or finished', () => {
    expect(taskEtaMs(one(created()))).toBeNull();
    expect(taskEtaMs(one(applyProgress(created(), progress({ percent: 20 }), 0)))).toBeNull();
    expect(
      taskEtaMs(one(applyProgress(created('bid-1', 100), progress({ status: 'paused', step: 'download_firmware', rate: 5 }), 0))),
    ).toBeNull();
    expect(taskEtaMs(one(applyProgress(created('bid-1', 100), progress({ status: 'ok', percent: 100 }), 0)))).toBeNull();
  });
});

describe('summarizeTasks', () => {
  it('counts per state, active tasks and the overall percent', () => {
    let table = created('a');
    table = taskCreated(table, { bid: 'b', tid: 'tb', gateway: 'DOCK2', devices: [{ sn: 'DOCK2' }] }, 0);
    table = taskCreated(table, { bid: 'c', tid: 'tc', gateway: 'DOCK3', devices: [{ sn: 'DOCK3' }] }, 0);
    table = applyProgress(table, progress({ bid: 'b', gateway: 'DOCK2', percent: 50, step: 'upgrade_firmware' }), 0);
    table = applyProgress(table, progress({ bid: 'c', gateway: 'DOCK3', status: 'failed' }), 0);
    const summary = summarizeTasks(table.byBid.values(), 1, T);
    expect(summary).toMatchObject({ total: 3, active: 2, computedAt: 1 });
    expect(summary.counts).toMatchObject({ queued: 1, in_progress: 1, failed: 1, ok: 0, stalled: 0 });
    // The failed task counts as not done.
    expect(summary.overallPercent).toBeCloseTo((0 + 75 + 0) / 3);
    expect(summarizeTasks([], 1, T).overallPercent).toBeNull();
  });
});
