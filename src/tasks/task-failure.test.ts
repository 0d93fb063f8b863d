import { describe, expect, it } from 'vitest';
import { taskState } from './task-derived.ts';
import { taskFailure } from './task-failure.ts';
import { dockAndDrone, kit, T0 } from './task-scenario-test-kit.ts';
import { DEFAULT_TASK_TIMINGS, type UpgradeTask } from './task-types.ts';

function failureOf(store: ReturnType<typeof kit>['store'], bid: string, now = T0 + 1_000) {
  const task = store.getState().table.byBid.get(bid) as UpgradeTask;
  return taskFailure(task, taskState(task, now, DEFAULT_TASK_TIMINGS));
}

describe('taskFailure', () => {
  it('is null while an upgrade goes well and after it ended well', () => {
    const k = kit();
    k.started(dockAndDrone('b1', 'DOCK-A', 'DRONE-A'));
    k.reply('DOCK-A', 'tid-b1', 'b1', 0);
    expect(failureOf(k.store, 'b1')).toBeNull();
    k.progress('DOCK-A', { bid: 'b1', status: 'in_progress', step: 'download_firmware', percent: 40 });
    expect(failureOf(k.store, 'b1')).toBeNull();
    k.progress('DOCK-A', { bid: 'b1', status: 'ok', step: 'upgrade_firmware', percent: 100 }, T0 + 500);
    expect(failureOf(k.store, 'b1')).toBeNull();
  });

  it('explains a refusal by its code, with the code table’s next step', () => {
    const k = kit();
    k.started(dockAndDrone('b1', 'DOCK-A', 'DRONE-A'));
    k.reply('DOCK-A', 'tid-b1', 'b1', 312015);
    expect(failureOf(k.store, 'b1')).toEqual({ reason: { kind: 'code', code: 312015 }, nextStep: 'waitForIdle' });
  });

  it('explains "failed" with result 0 by the sub-status the device sent', () => {
    const k = kit();
    k.started(dockAndDrone('b1', 'DOCK-A', 'DRONE-A'));
    k.reply('DOCK-A', 'tid-b1', 'b1', 0);
    k.progress('DOCK-A', { bid: 'b1', status: 'failed', subStatus: 'DOWNLOAD_FAILED', step: 'download_firmware', percent: 21 });
    expect(failureOf(k.store, 'b1')).toEqual({ reason: { kind: 'sub-status', value: 'DOWNLOAD_FAILED' }, nextStep: 'checkDownload' });
  });

  it('prefers a progress result code over the sub-status', () => {
    const k = kit();
    k.progress('DOCK-X', { bid: 'x', status: 'failed', subStatus: 'DOWNLOAD_FAILED', percent: 21, result: 312016 });
    expect(failureOf(k.store, 'x')).toEqual({ reason: { kind: 'code', code: 312016 }, nextStep: 'checkAircraftLink' });
  });

  it('says only the end status when nothing else is known', () => {
    const k = kit();
    k.progress('DOCK-X', { bid: 'x', status: 'timeout', percent: 50 });
    k.progress('DOCK-Y', { bid: 'y', status: 'canceled', percent: 50 });
    k.progress('DOCK-Z', { bid: 'z', status: 'failed', percent: 50 });
    expect(failureOf(k.store, 'x')).toEqual({ reason: { kind: 'status', status: 'timeout' }, nextStep: 'retry' });
    expect(failureOf(k.store, 'y')).toEqual({ reason: { kind: 'status', status: 'canceled' }, nextStep: 'startAgain' });
    expect(failureOf(k.store, 'z')).toEqual({ reason: { kind: 'status', status: 'failed' }, nextStep: 'retry' });
  });

  it('explains a command nobody answered, and a device on the wrong version', () => {
    const k = kit();
    k.started(dockAndDrone('b1', 'DOCK-A', 'DRONE-A'));
    const late = T0 + DEFAULT_TASK_TIMINGS.replyTimeoutMs + 1;
    expect(failureOf(k.store, 'b1', late)).toEqual({ reason: { kind: 'no-reply' }, nextStep: 'checkOnline' });

    k.started(dockAndDrone('b2', 'DOCK-B', 'DRONE-B'));
    k.reply('DOCK-B', 'tid-b2', 'b2', 0);
    k.progress('DOCK-B', { bid: 'b2', status: 'ok', step: 'upgrade_firmware', percent: 100 });
    k.version('DOCK-B', 'DOCK-B', '10.01.0001', T0 + 10);
    k.version('DOCK-B', 'DRONE-B', '08.01.0001', T0 + 10);
    const after = T0 + DEFAULT_TASK_TIMINGS.verifyGraceMs + 20;
    k.store.getState().clockTicked(after);
    expect(failureOf(k.store, 'b2', after)).toEqual({
      reason: { kind: 'mismatch', reported: '10.01.0001', target: '10.02.0002' },
      nextStep: 'checkReportedVersion',
    });
  });
});
