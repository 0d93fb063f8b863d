import { describe, expect, it } from 'vitest';
import { applyBatch } from './task-batch.ts';
import { taskCreated } from './task-command.ts';
import { taskState } from './task-derived.ts';
import { applyProgress } from './task-progress.ts';
import { EMPTY_TASK_TABLE, type TaskTable } from './task-table.ts';
import { progress, state } from './task-test-kit.ts';
import { DEFAULT_TASK_TIMINGS, type UpgradeTask } from './task-types.ts';
import { applyState, expireVerifications } from './task-verification.ts';

const GRACE = 60_000;
const OK_AT = 10_000;

function twoDevices(): TaskTable {
  return taskCreated(
    EMPTY_TASK_TABLE,
    {
      bid: 'bid-1',
      tid: 'tid-1',
      gateway: 'DOCK1',
      devices: [
        { sn: 'DOCK1', targetVersion: '2.0.0' },
        { sn: 'AIR1', targetVersion: '5.0.0' },
      ],
    },
    1,
  );
}

function finishedOk(table = twoDevices()): TaskTable {
  return applyProgress(table, progress({ status: 'ok', percent: 100 }), OK_AT);
}

function task(table: TaskTable): UpgradeTask {
  return table.byBid.get('bid-1')!;
}

const verifications = (table: TaskTable) => task(table).devices.map((d) => d.verification);

describe('verification after ok', () => {
  it('is null before ok and pending right after it', () => {
    expect(verifications(twoDevices())).toEqual([null, null]);
    expect(verifications(finishedOk())).toEqual(['pending', 'pending']);
  });

  it('verified when the device reports the target version', () => {
    const table = applyState(finishedOk(), state('DOCK1', '2.0.0'));
    expect(verifications(table)).toEqual(['verified', 'pending']);
    const both = applyState(table, state('AIR1', '5.0.0'));
    expect(taskState(task(both), OK_AT + 1, DEFAULT_TASK_TIMINGS)).toBe('verified');
  });

  it('version mismatch when the device reports another version; a later matching report verifies it', () => {
    const wrong = applyState(finishedOk(), state('DOCK1', '1.0.0'));
    expect(verifications(wrong)).toEqual(['version-mismatch', 'pending']);
    expect(taskState(task(wrong), OK_AT + 1, DEFAULT_TASK_TIMINGS)).toBe('version-mismatch');
    expect(verifications(applyState(wrong, state('DOCK1', '2.0.0')))).toEqual(['verified', 'pending']);
  });

  it('verified stays verified whatever the device reports later', () => {
    const verified = applyState(finishedOk(), state('DOCK1', '2.0.0'));
    expect(verifications(applyState(verified, state('DOCK1', '3.0.0')))[0]).toBe('verified');
  });

  it('a version reported before the ok counts when it equals the target', () => {
    const early = applyState(twoDevices(), state('DOCK1', '2.0.0'));
    expect(task(early).devices[0]?.reportedVersion).toBe('2.0.0');
    expect(verifications(finishedOk(early))).toEqual(['verified', 'pending']);
  });

  it('pending turns version mismatch only once the grace period has passed (fake now)', () => {
    const table = finishedOk();
    expect(expireVerifications(table, OK_AT + GRACE - 1, GRACE)).toBe(table);
    expect(verifications(expireVerifications(table, OK_AT + GRACE, GRACE))).toEqual(['version-mismatch', 'version-mismatch']);
  });

  it('the batch flush evaluates the grace period with its now', () => {
    const table = applyState(finishedOk(), state('DOCK1', '2.0.0'));
    expect(verifications(applyBatch(table, [], OK_AT + GRACE + 5, GRACE))).toEqual(['verified', 'version-mismatch']);
  });

  it('failed tasks are not verified; devices without a target version are not checked', () => {
    const failed = applyProgress(twoDevices(), progress({ status: 'failed' }), OK_AT);
    expect(verifications(applyState(failed, state('DOCK1', '2.0.0')))).toEqual([null, null]);
    const noTarget = taskCreated(EMPTY_TASK_TABLE, { bid: 'bid-1', tid: 't', gateway: 'DOCK1', devices: [{ sn: 'DOCK1' }] }, 1);
    expect(verifications(expireVerifications(finishedOk(noTarget), OK_AT + GRACE * 2, GRACE))).toEqual([null]);
  });

  it("only the device's newest task listens to its reports", () => {
    let table = finishedOk();
    table = taskCreated(table, { bid: 'bid-2', tid: 't2', gateway: 'DOCK1', devices: [{ sn: 'DOCK1', targetVersion: '3.0.0' }] }, 20_000);
    table = applyState(table, state('DOCK1', '3.0.0'));
    expect(verifications(table)).toEqual(['pending', 'pending']);
    expect(table.byBid.get('bid-2')?.devices[0]?.reportedVersion).toBe('3.0.0');
  });

  it('tasks whose devices are inferred ignore state reports', () => {
    const table = applyProgress(EMPTY_TASK_TABLE, progress({ bid: 'x', gateway: 'DOCK5', status: 'ok' }), 1);
    expect(applyState(table, state('DOCK5', '1.0'))).toBe(table);
  });
});
