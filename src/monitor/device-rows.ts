import type { TaskState, UpgradeTask } from '../tasks/task-types';

/** One row of the monitor: a device of a task. Rows look their data up by these ids. */
export interface DeviceRowRef {
  /** `${bid}/${sn}`: unique, since an SN never contains "/". */
  key: string;
  bid: string;
  sn: string;
}

export type MonitorSort = 'state' | 'age';
export type StateFilter = TaskState | 'all';

export interface RowQuery {
  state: StateFilter;
  /** A campaign id, or 'all'. */
  campaign: string;
  search: string;
  sort: MonitorSort;
}

export const DEFAULT_ROW_QUERY: RowQuery = { state: 'all', campaign: 'all', search: '', sort: 'state' };

// Sorting by state puts what needs a person first, then what is moving, then what is done.
const STATE_RANK: Readonly<Record<TaskState, number>> = {
  stalled: 0,
  failed: 1,
  rejected: 2,
  timeout: 3,
  'no-reply': 4,
  'version-mismatch': 5,
  canceled: 6,
  paused: 7,
  in_progress: 8,
  sent: 9,
  accepted: 10,
  published: 11,
  queued: 12,
  ok: 13,
  verified: 14,
};

function matches(task: UpgradeTask, sn: string, needle: string): boolean {
  return needle === '' || task.gateway.toLowerCase().includes(needle) || sn.toLowerCase().includes(needle);
}

/**
 * The rows to show for a query. `stateOf` is the task store's shown-state selector, passed in so
 * this stays a pure function of its arguments.
 */
export function deviceRows(tasks: readonly UpgradeTask[], query: RowQuery, stateOf: (task: UpgradeTask) => TaskState): DeviceRowRef[] {
  const needle = query.search.trim().toLowerCase();
  const picked: { ref: DeviceRowRef; rank: number; age: number; index: number }[] = [];
  tasks.forEach((task, index) => {
    const state = stateOf(task);
    if (query.state !== 'all' && state !== query.state) return;
    if (query.campaign !== 'all' && task.campaignId !== query.campaign) return;
    for (const device of task.devices) {
      if (!matches(task, device.sn, needle)) continue;
      picked.push({
        ref: { key: `${task.bid}/${device.sn}`, bid: task.bid, sn: device.sn },
        rank: STATE_RANK[state],
        age: task.lastReceivedAt,
        index,
      });
    }
  });
  picked.sort((a, b) => (query.sort === 'state' ? a.rank - b.rank : b.age - a.age) || b.index - a.index);
  return picked.map((p) => p.ref);
}
