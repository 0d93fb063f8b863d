/**
 * Tasks another console or the headless runner started for a campaign: neither their progress nor
 * their ota_create names a device's model or the version it had before, but the campaign's records
 * on the broker do (each attempt's bid with the gateway's devices). A console that reads the
 * campaign describes those tasks with them, so they show their devices and "from -> to". Pure.
 */
import { putTask, type TaskDraft, type TaskTable, withDraft } from './task-table.ts';
import type { NewTaskInput, TaskDevice, UpgradeTask } from './task-types.ts';
import { startVerification } from './task-verification.ts';

type Described = NewTaskInput['devices'][number];

/** A device with what it lacked filled in from the description; the same object when nothing was missing. */
function filledDevice(device: TaskDevice, described: Described | undefined): TaskDevice {
  if (described === undefined) return device;
  let next = device;
  for (const key of ['modelKey', 'fromVersion', 'targetVersion', 'fileName', 'fileSize'] as const) {
    const value = described[key];
    if (device[key] !== undefined || value === undefined) continue;
    next = next === device ? { ...device } : next;
    (next as Record<typeof key, unknown>)[key] = value;
  }
  return next;
}

function describedDevices(task: UpgradeTask, input: NewTaskInput): readonly TaskDevice[] {
  if (task.devicesInferred || task.devices.length === 0) {
    // The gateway stood in for devices not known: the description lists the real ones.
    return input.devices.map((d) => {
      const known = task.devices.find((t) => t.sn === d.sn);
      return { ...d, verification: null, ...(known?.reportedVersion === undefined ? {} : { reportedVersion: known.reportedVersion }) };
    });
  }
  const bySn = new Map(input.devices.map((d) => [d.sn, d]));
  const devices = task.devices.map((d) => filledDevice(d, bySn.get(d.sn)));
  return devices.every((d, i) => d === task.devices[i]) ? task.devices : devices;
}

/**
 * The task with what the description adds: its devices (replacing the gateway that stood in for
 * them, or filling in model and versions), its campaign, attempt and tid. What the task already
 * knows wins. A description for another gateway (a reused bid) changes nothing.
 */
function describedTask(task: UpgradeTask, input: NewTaskInput): UpgradeTask {
  if (task.gateway !== input.gateway || input.devices.length === 0) return task;
  const devices = describedDevices(task, input);
  const campaignKnown = task.campaignId !== undefined || input.campaignId === undefined;
  if (devices === task.devices && campaignKnown && (task.tid !== null || input.tid === '')) return task;
  const next: UpgradeTask = {
    ...task,
    devices,
    devicesInferred: false,
    tid: task.tid ?? (input.tid === '' ? null : input.tid),
    ...(campaignKnown
      ? {}
      : {
          campaignId: input.campaignId,
          attempt: input.attempt ?? task.attempt,
          ...(input.retryOf === undefined || task.retryOf !== undefined ? {} : { retryOf: input.retryOf }),
        }),
  };
  return task.devicesInferred ? startVerification(next) : next;
}

/** Describes the draft's tasks named by `bids` that have a description. */
function describeTasksInto(draft: TaskDraft, bids: Iterable<string>, descriptions: ReadonlyMap<string, NewTaskInput>): void {
  for (const bid of bids) {
    const input = descriptions.get(bid);
    const task = input === undefined ? undefined : draft.byBid.get(bid);
    if (input !== undefined && task !== undefined) putTask(draft, describedTask(task, input));
  }
}

/** The table with the tasks named by `bids` that have a description described; the same table when none changed. */
export function tasksDescribed(table: TaskTable, bids: Iterable<string>, descriptions: ReadonlyMap<string, NewTaskInput>): TaskTable {
  const named = [...bids].filter((bid) => descriptions.has(bid) && table.byBid.has(bid));
  if (named.length === 0) return table;
  return withDraft(table, (draft) => describeTasksInto(draft, named, descriptions));
}
