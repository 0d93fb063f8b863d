/**
 * A task as an IndexedDB record: the task itself (checked with storedTaskSchema on the way back, so
 * a bad record is skipped alone) plus the fields the history's indexes read: the task's SNs in lower
 * case (search), when it was created (the newest restored first), when it finished (finished tasks
 * only: the oldest go first when the history is over its cap), and a mark on open tasks (all of
 * them are restored).
 */
import { z } from 'zod';
import type { StoreSpec } from '../lib/persist/persist-database.ts';
import type { FactsRule } from '../lib/persist/change-pacer.ts';
import { sameExecutionCourse } from './task-derived.ts';
import type { TaskExecution, UpgradeTask } from './task-types.ts';
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

/** What a stored task says apart from what moves with every progress event (TASK_FACTS). */
interface TaskFacts {
  readonly task: Omit<UpgradeTask, 'execution' | 'events' | 'lastReceivedAt'>;
  readonly execution: Pick<TaskExecution, 'status' | 'subStatusRaw' | 'step' | 'result' | 'stepResult'> | null;
}

/**
 * Two versions of a task with the same facts differ by progress only (percent, rate, the event log,
 * arrival times), which the history writes at a slower pace (ChangePacer). Tasks are immutable and a
 * progress event keeps `devices` and `republished` as they were, so those compare by reference. A
 * field left out of sameFacts only delays its write.
 */
export const TASK_FACTS: FactsRule<UpgradeTask, TaskFacts> = {
  factsOf(task) {
    // A copy without the event log: the facts of 10,000 tasks must not keep their old logs alive.
    const { execution: e, events: _events, lastReceivedAt: _at, ...rest } = task;
    return {
      task: rest,
      execution:
        e === null ? null : { status: e.status, subStatusRaw: e.subStatusRaw, step: e.step, result: e.result, stepResult: e.stepResult },
    };
  },
  sameFacts(facts, task) {
    // Spelled out, not a loop over field names: this runs for 10,000 tasks every period, and a
    // property read by a variable name is several times slower.
    const t = facts.task;
    if (
      t.bid !== task.bid ||
      t.gateway !== task.gateway ||
      t.devices !== task.devices ||
      t.devicesInferred !== task.devicesInferred ||
      t.origin !== task.origin ||
      t.command !== task.command ||
      t.tid !== task.tid ||
      t.republished !== task.republished ||
      t.resultCode !== task.resultCode ||
      t.terminal !== task.terminal ||
      t.attempt !== task.attempt ||
      t.retryOf !== task.retryOf ||
      t.campaignId !== task.campaignId ||
      t.supersededBy !== task.supersededBy ||
      t.createdAt !== task.createdAt ||
      t.publishedAt !== task.publishedAt ||
      t.finishedAt !== task.finishedAt
    )
      return false;
    const a = facts.execution;
    const b = task.execution;
    if (a === null || b === null) return a === b;
    return sameExecutionCourse(a, b) && a.stepResult === b.stepResult;
  },
};

const recordSchema = z.object({ v: z.literal(TASK_RECORD_VERSION), task: z.unknown() });

/** The task of a stored record, or null when the record (or the task in it) does not check out. */
export function taskFromRecord(record: unknown): UpgradeTask | null {
  const envelope = recordSchema.safeParse(record);
  if (!envelope.success) return null;
  const task = storedTaskSchema.safeParse(envelope.data.task);
  return task.success ? task.data : null;
}
