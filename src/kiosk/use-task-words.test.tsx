import { act, renderHook } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { setLanguage } from '../ui/i18n/i18n';
import { dockAndDrone, kit, T0 } from '../tasks/task-scenario-test-kit';
import { TASK_STATE_LABELS } from '../tasks/state-look';
import { deviceStatusText, taskStatusLabel, taskSubStatusLabel } from '../tasks/task-status-text';
import { tasksInOrder } from '../tasks/task-table';
import type { TaskState } from '../tasks/task-types';
import { useTaskWords } from './use-task-words';

/** Tasks in every shape the words depend on: command states, device statuses, sub-statuses, codes. */
function variedTasks() {
  const k = kit();
  k.store.getState().taskCreated(dockAndDrone('b-queued', 'DOCK-Q', 'DRONE-Q'), T0);
  k.started(dockAndDrone('b-sent', 'DOCK-S', 'DRONE-S'));
  k.started(dockAndDrone('b-rej', 'DOCK-R', 'DRONE-R'));
  k.reply('DOCK-R', 'tid-b-rej', 'b-rej', 312015, T0 + 1);
  k.started(dockAndDrone('b-acc', 'DOCK-A', 'DRONE-A'));
  k.reply('DOCK-A', 'tid-b-acc', 'b-acc', 0, T0 + 1);
  k.progress('DOCK-P', { bid: 'b-prog', status: 'in_progress', percent: 42.4, step: 'download_firmware', subStatus: 'DOWNLOADING' });
  k.progress('DOCK-F', { bid: 'b-fail', status: 'failed', percent: 0, step: 'download_firmware', subStatus: 'DOWNLOAD_FAILED' });
  k.progress('DOCK-C', { bid: 'b-code', status: 'failed', percent: 10, step: 'upgrade_firmware', result: 312027 });
  k.progress('DOCK-X', { bid: 'b-rejected', status: 'rejected', percent: 0, result: 312014 });
  k.progress('DOCK-O', { bid: 'b-ok', status: 'ok', percent: 100, step: 'upgrade_firmware' });
  return tasksInOrder(k.store.getState().table);
}

const ALL_STATES = Object.keys(TASK_STATE_LABELS) as TaskState[];

describe('useTaskWords', () => {
  it('says in English exactly what the monitor and the task model say', () => {
    const { result } = renderHook(() => useTaskWords());
    const tasks = variedTasks();
    expect(tasks.map((t) => t.bid)).toHaveLength(9);
    for (const task of tasks) {
      expect(result.current.status(task), task.bid).toBe(taskStatusLabel(task));
      expect(result.current.subStatus(task), task.bid).toBe(taskSubStatusLabel(task));
      for (const device of task.devices)
        expect(result.current.deviceStatus(task, device.sn), task.bid).toBe(deviceStatusText(task, device.sn));
    }
    const byBid = new Map(tasks.map((t) => [t.bid, t]));
    // The Monitor's and the task page's words: why, then what to do next.
    const rejected = byBid.get('b-rej')!;
    expect(result.current.failureReason(rejected, 'rejected')).toBe('312015: The dock is busy (for example a flight is in progress)');
    expect(result.current.failureNextStep(rejected, 'rejected')).toBe(
      'Wait until the dock is idle (no flight, no other task), then retry.',
    );
    expect(result.current.failureReason(byBid.get('b-fail')!, 'failed')).toBe('Download failed');
    expect(result.current.failureNextStep(byBid.get('b-fail')!, 'failed')).toBe(
      'Check that the dock can reach the file URL (network, server, token), then retry.',
    );
    expect(result.current.failureNextStep(byBid.get('b-ok')!, 'ok')).toBeNull();
    for (const state of ALL_STATES) expect(result.current.state(state)).toBe(TASK_STATE_LABELS[state]);
  });

  it('words states, progress and failure reasons in Chinese with the protocol labels', async () => {
    await act(() => setLanguage('zh-CN', { persist: false }));
    const { result } = renderHook(() => useTaskWords());
    const byBid = new Map(variedTasks().map((t) => [t.bid, t]));
    const progress = byBid.get('b-prog')!;
    expect(result.current.deviceStatus(progress, 'DOCK-P')).toMatch(/^42% · [^A-Za-z]+ · [^A-Za-z]+$/);
    expect(result.current.failureReason(byBid.get('b-rej')!, 'rejected')).toMatch(/^312015：[^A-Za-z]+$/);
    expect(result.current.failureNextStep(byBid.get('b-rej')!, 'rejected')).toMatch(/^[^A-Za-z]+。$/);
    expect(result.current.state('stalled')).toBe('停滞');
    expect(result.current.state('verified')).toBe('已验证');
    for (const state of ALL_STATES) expect(result.current.state(state), state).toMatch(/^[^A-Za-z]+$/);
  });
});
