import { act, renderHook } from '@testing-library/react';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { KNOWN_RESULT_CODES } from '../protocol/result-codes';
import { SUB_STATUSES, TASK_STATUSES } from '../protocol/status';
import { setLanguage } from '../ui/i18n/i18n';
import { deviceStatusText, resultCodeLine, taskStatusLabel, taskSubStatusLabel } from './task-status-text';
import type { CommandState, UpgradeTask } from './task-types';
import { useTaskStatusText } from './use-status-words';

const COMMANDS: readonly CommandState[] = ['queued', 'published', 'accepted', 'rejected', 'no-reply'];

const resultCode = fc.oneof(fc.constant(0), fc.constantFrom(...KNOWN_RESULT_CODES), fc.integer({ min: -5, max: 999_999 }));

/** Any task the store could hold, including values a device invented and combinations the rules branch on. */
const anyTask: fc.Arbitrary<UpgradeTask> = fc
  .record({
    sns: fc.uniqueArray(fc.constantFrom('DOCK-1', 'DRONE-1', 'DOCK-2'), { minLength: 1, maxLength: 2 }),
    command: fc.option(fc.constantFrom(...COMMANDS), { nil: null }),
    resultCode: fc.option(resultCode, { nil: null }),
    supersededBy: fc.option(fc.constant('bid-newer'), { nil: undefined }),
    execution: fc.option(
      fc.record({
        status: fc.constantFrom(...TASK_STATUSES),
        subStatus: fc.option(fc.constantFrom(...SUB_STATUSES), { nil: null }),
        subStatusRaw: fc.option(fc.oneof(fc.constant(''), fc.constantFrom(...SUB_STATUSES), fc.string({ maxLength: 12 })), { nil: null }),
        percent: fc.double({ min: 0, max: 100, noNaN: true }),
        result: resultCode,
      }),
      { nil: null },
    ),
  })
  .map(({ sns, command, resultCode: code, supersededBy, execution }) => ({
    bid: 'bid-1',
    gateway: sns[0]!,
    devices: sns.map((sn) => ({ sn, verification: null })),
    devicesInferred: false,
    origin: 'this-console',
    command,
    tid: 'tid-1',
    resultCode: code,
    execution: execution === null ? null : { ...execution, step: null, rate: null, lastEventAt: null, lastAppliedAt: 1 },
    terminal: false,
    attempt: 1,
    ...(supersededBy === undefined ? {} : { supersededBy }),
    createdAt: 1,
    publishedAt: null,
    finishedAt: null,
    lastReceivedAt: 1,
    events: [],
  }));

describe('useTaskStatusText', () => {
  it('in English says exactly what task-status-text.ts says, for any task', () => {
    const { result } = renderHook(() => useTaskStatusText());
    const text = result.current;
    fc.assert(
      fc.property(anyTask, fc.constantFrom('DOCK-1', 'DRONE-1', 'DOCK-2', 'OTHER'), (task, sn) => {
        expect(text.deviceStatusText(task, sn)).toBe(deviceStatusText(task, sn));
        expect(text.statusLabel(task)).toBe(taskStatusLabel(task));
        expect(text.subStatusLabel(task)).toBe(taskSubStatusLabel(task));
      }),
      { numRuns: 2_000 },
    );
    fc.assert(
      fc.property(resultCode, (code) => {
        expect(text.resultCodeLine(code)).toBe(resultCodeLine(code));
      }),
    );
  });

  it('speaks Chinese with the protocol labels in zh-CN', async () => {
    const { result } = renderHook(() => useTaskStatusText());
    await act(() => setLanguage('zh-CN', { persist: false }));
    const base = fc.sample(anyTask, { numRuns: 1, seed: 1 })[0]!;
    const downloading: UpgradeTask = {
      ...base,
      devices: [{ sn: 'DOCK-1', verification: null }],
      command: 'accepted',
      resultCode: 0,
      execution: {
        status: 'in_progress',
        subStatus: 'DOWNLOADING',
        subStatusRaw: 'DOWNLOADING',
        step: null,
        percent: 39.6,
        rate: null,
        result: 0,
        lastEventAt: null,
        lastAppliedAt: 1,
      },
    };
    const { supersededBy: _dropped, ...open } = downloading;
    expect(result.current.deviceStatusText(open, 'DOCK-1')).toBe('40% · 进行中 · 下载中');
    const rejected: UpgradeTask = { ...open, command: 'rejected', resultCode: 312015, execution: null };
    expect(result.current.deviceStatusText(rejected, 'DOCK-1')).toBe('0% · 拒绝 · 312015：机场忙碌中（例如正在执行飞行任务）');
    expect(result.current.statusLabel({ ...open, execution: null, command: 'published' })).toBe('已发送');
    expect(result.current.statusLabel({ ...open, supersededBy: 'newer' })).toBe('已被新任务取代');
  });
});
