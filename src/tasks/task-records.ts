/**
 * A task as an IndexedDB record: the task itself (checked with storedTaskSchema on the way back, so
 * a bad record is skipped alone) plus the fields the history's indexes read: the task's SNs in lower
 * case (search), when it was created (the newest restored first), when it finished (finished tasks
 * only: the oldest go first when the history is over its cap), and a mark on open tasks (all of
 * them are restored).
 */
import { z } from 'zod';
import type { StoreSpec } from '../lib/persist/persist-database.ts';
import type { UpgradeTask } from './task-types.ts';
import { storedTaskSchema } from './tasks-persistence-schema.ts';

export const TASK_RECORD_VERSION = 1;

export const TASKS_STORE = 'tasks';

export const TASK_INDEX = { sns: 'sns', createdAt: 'createdAt', finishedAt: 'finishedAt', open: 'open' } as const;

export const TASKS_STORE_SPEC: StoreSpec = {
  name: TASKS_STORE,
  indexes: [
    { name: TASK_INDEX.sns, keyPath: 'sns', multiEntry: true },
    { name: TASK_INDEX.createdAt, keyPath: 'createdAt' },
    { name: TASK_INDEX.finishedAt, keyPath: 'finishedAt' },
    { name: TASK_INDEX.open, keyPath: 'open' },
  ],
};

export interface TaskRecord {
  v: typeof TASK_RECORD_VERSION;
  task: UpgradeTask;
  sns: string[];
  createdAt: number;
  /** Finished tasks only (a record without the field is not in that index). */
  finishedAt?: number;
  /** Open tasks only. */
  open?: 1;
}

/** SNs are searched without regard to case. */
export function snSearchKey(sn: string): string {
  return sn.trim().toLowerCase();
}

export function taskRecord(task: UpgradeTask): TaskRecord {
  const sns = [...new Set([task.gateway, ...task.devices.map((d) => d.sn)].map(snSearchKey))];
  return {
    v: TASK_RECORD_VERSION,
    task,
    sns,
    createdAt: task.createdAt,
    ...(task.terminal ? { finishedAt: task.finishedAt ?? task.lastReceivedAt } : { open: 1 }),
  };
}

/**
 * What a stored task says apart from what moves with every progress event (percent, rate, the
 * event log, arrival times): two versions with the same key differ by progress only, which the
 * history writes at a slower pace (ChangePacer). A field missing here only delays its write.
 */
export function taskFactsKey(task: UpgradeTask): string {
  const e = task.execution;
  const devices = task.devices
    .map((d) => `${d.sn},${String(d.verification)},${d.reportedVersion ?? ''},${d.targetVersion ?? ''}`)
    .join(';');
  const republished = task.republished?.map((r) => `${r.bid},${String(r.refused)}`).join(';') ?? '';
  return [
    task.gateway,
    String(task.command),
    String(task.tid),
    String(task.resultCode),
    String(task.terminal),
    String(task.finishedAt),
    String(task.publishedAt),
    String(task.createdAt),
    String(task.devicesInferred),
    String(task.supersededBy),
    String(task.campaignId),
    e === null ? '' : `${e.status},${String(e.subStatusRaw)},${String(e.step)},${String(e.result)},${String(e.stepResult)}`,
    devices,
    republished,
  ].join('|');
}

const recordSchema = z.object({ v: z.literal(TASK_RECORD_VERSION), task: z.unknown() });

/** The task of a stored record, or null when the record (or the task in it) does not check out. */
export function taskFromRecord(record: unknown): UpgradeTask | null {
  const envelope = recordSchema.safeParse(record);
  if (!envelope.success) return null;
  const task = storedTaskSchema.safeParse(envelope.data.task);
  return task.success ? task.data : null;
}
