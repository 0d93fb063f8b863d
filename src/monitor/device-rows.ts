import type { FigureItem, FigureState } from '../campaigns/campaign-figures';
import type { GatewayRow } from '../campaigns/campaign-rows';
import type { Campaign, CampaignGateway, SkipReason } from '../campaigns/campaign-types';
import { taskCompletion } from '../tasks/task-derived';
import type { TaskDevice, TaskState, UpgradeTask } from '../tasks/task-types';

/** One row of the monitor for a device of a task. Rows look their task up by bid. */
export interface TaskRowRef {
  kind: 'task';
  /** `${bid}/${sn}`: unique, since an SN never contains "/". */
  key: string;
  bid: string;
  sn: string;
  /** A newer task upgrades this device: this is an earlier attempt, listed after the latest ones. */
  earlier: boolean;
}

/** A device of a campaign gateway with no task to show: not sent yet, retry queued, skipped (or its task is forgotten). */
export interface PlanRowRef {
  kind: 'plan';
  key: string;
  campaignId: string;
  gateway: string;
  sn: string;
  state: FigureState;
  modelKey?: string;
  fromVersion?: string;
  targetVersion?: string;
  skippedReason: SkipReason | null;
}

export type DeviceRowRef = TaskRowRef | PlanRowRef;

export type MonitorSort = 'state' | 'age';
export type StateFilter = FigureState | 'all';

export interface RowQuery {
  state: StateFilter;
  /** A campaign id, or 'all'. */
  campaign: string;
  search: string;
  sort: MonitorSort;
}

export const DEFAULT_ROW_QUERY: RowQuery = { state: 'all', campaign: 'all', search: '', sort: 'state' };

/** Gateway states that only a campaign has: the state filter offers them when a campaign is chosen. */
export const CAMPAIGN_ONLY_STATES: readonly FigureState[] = Object.freeze(['not-sent', 'retry-queued', 'skipped']);

export function isCampaignOnlyState(state: StateFilter): boolean {
  return state === 'not-sent' || state === 'retry-queued' || state === 'skipped';
}

// Sorting by state puts what needs a person first, then what is moving, then what waits, then what is done.
const STATE_RANK: Readonly<Record<FigureState, number>> = {
  stalled: 0,
  failed: 1,
  rejected: 2,
  timeout: 3,
  'no-reply': 4,
  'version-mismatch': 5,
  canceled: 6,
  skipped: 7,
  paused: 8,
  in_progress: 9,
  sent: 10,
  accepted: 11,
  published: 12,
  queued: 13,
  'retry-queued': 14,
  'not-sent': 15,
  ok: 16,
  verified: 17,
};

/** What the Monitor shows for a query: the rows, and what its summary tiles count. */
export interface MonitorView {
  rows: DeviceRowRef[];
  /** One per upgrade with a row shown that is its device's latest (a task, or a campaign gateway). */
  items: FigureItem[];
  /** Tasks shown only as earlier attempts (a newer task upgrades their devices). */
  earlier: number;
}

/**
 * The rows picked for a view with what they sort by, in parallel arrays: the Monitor rebuilds its
 * view of 10,000 tasks once a second, and an object per row for the sort was garbage every second.
 */
class Picked {
  readonly refs: DeviceRowRef[] = [];
  readonly earlier: number[] = [];
  readonly rank: number[] = [];
  readonly age: number[] = [];
  readonly index: number[] = [];

  push(ref: DeviceRowRef, earlier: boolean, rank: number, age: number, index: number): void {
    this.refs.push(ref);
    this.earlier.push(earlier ? 1 : 0);
    this.rank.push(rank);
    this.age.push(age);
    this.index.push(index);
  }

  /** Latest attempts first, then by state (or newest event), then the later task first; ties keep their order. */
  sorted(sort: MonitorSort): DeviceRowRef[] {
    const { refs, earlier, rank, age, index } = this;
    const n = refs.length;
    const order: number[] = new Array<number>(n);
    for (let i = 0; i < n; i++) order[i] = i;
    const key = sort === 'state' ? rank : age;
    // By age the newest first: the key compared the other way round.
    const sign = sort === 'state' ? 1 : -1;
    const at = (list: readonly number[], i: number): number => list[i] ?? 0;
    order.sort((x, y) => at(earlier, x) - at(earlier, y) || sign * (at(key, x) - at(key, y)) || at(index, y) - at(index, x) || x - y);
    const rows: DeviceRowRef[] = [];
    for (const i of order) {
      const ref = refs[i];
      if (ref !== undefined) rows.push(ref);
    }
    return rows;
  }
}

/**
 * Task row refs kept from one view to the next: a row whose task and place did not change is the
 * same object (with its key string), not one of 10,000 made anew every second. Bids that a view
 * did not use are let go when the next one begins.
 */
export class TaskRowCache {
  private readonly byBid = new Map<string, { used: number; refs: TaskRowRef[] }>();
  private view = 0;
  private used = 0;
  /** latestTaskBySn of every SN, with what it was derived from (the tasks' bids, devices and creation times, in order). */
  private latest: { bids: string[]; devices: (readonly TaskDevice[])[]; createdAt: number[]; bySn: Map<string, number> } | null = null;

  /**
   * latestTaskBySn(tasks, null), kept while no task came, went or changed its devices: progress
   * moves none of what it depends on, and mapping 10,000 SNs was a third of a rebuild.
   */
  latestOfAll(tasks: readonly UpgradeTask[]): Map<string, number> {
    const kept = this.latest;
    if (kept !== null && kept.bids.length === tasks.length) {
      let same = true;
      for (let i = 0; i < tasks.length && same; i++) {
        const task = tasks[i];
        same = task !== undefined && task.bid === kept.bids[i] && task.devices === kept.devices[i] && task.createdAt === kept.createdAt[i];
      }
      if (same) return kept.bySn;
    }
    const bySn = latestTaskBySn(tasks, null);
    this.latest = { bids: tasks.map((t) => t.bid), devices: tasks.map((t) => t.devices), createdAt: tasks.map((t) => t.createdAt), bySn };
    return bySn;
  }

  /** Starts a view: what the last one did not use is let go. */
  begin(): void {
    if (this.byBid.size > this.used) {
      for (const [bid, entry] of this.byBid) if (entry.used !== this.view) this.byBid.delete(bid);
    }
    this.view += 1;
    this.used = 0;
  }

  ref(bid: string, sn: string, earlier: boolean): TaskRowRef {
    let entry = this.byBid.get(bid);
    if (entry === undefined) {
      entry = { used: 0, refs: [] };
      this.byBid.set(bid, entry);
    }
    if (entry.used !== this.view) {
      entry.used = this.view;
      this.used += 1;
    }
    const refs = entry.refs;
    let at = 0;
    while (at < refs.length && refs[at]?.sn !== sn) at++;
    const kept = refs[at];
    if (kept !== undefined && kept.earlier === earlier) return kept;
    const ref: TaskRowRef = { kind: 'task', key: kept?.key ?? `${bid}/${sn}`, bid, sn, earlier };
    refs[at] = ref;
    return ref;
  }
}

/** Whether a row's gateway or device SN holds the search text, case aside. */
type SnMatch = (gateway: string, sn: string) => boolean;

const ANY_SN: SnMatch = () => true;

/**
 * The query's search as a test that allocates nothing: it runs over every task of the table once a
 * second, and lower-casing two SNs per task made 20,000 strings a second for the collector.
 */
function snMatch(query: RowQuery): SnMatch {
  const needle = query.search.trim();
  if (needle === '') return ANY_SN;
  const pattern = new RegExp(needle.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'), 'i');
  return (gateway, sn) => pattern.test(gateway) || pattern.test(sn);
}

/**
 * For each device SN in `wanted` (null: every SN), the index in `tasks` of the task that upgrades
 * it last (newest createdAt; the later one in the table on a tie).
 */
function latestTaskBySn(tasks: readonly UpgradeTask[], wanted: ReadonlySet<string> | null): Map<string, number> {
  const latest = new Map<string, number>();
  tasks.forEach((task, index) => {
    for (const device of task.devices) {
      if (wanted !== null && !wanted.has(device.sn)) continue;
      const seenAt = latest.get(device.sn);
      const seen = seenAt === undefined ? undefined : tasks[seenAt];
      if (seen === undefined || task.createdAt > seen.createdAt || (task.createdAt === seen.createdAt && index > (seenAt ?? -1))) {
        latest.set(device.sn, index);
      }
    }
  });
  return latest;
}

/** A task with a row for the query: its shown state and the SNs of its devices that match. */
interface Candidate {
  task: UpgradeTask;
  state: TaskState;
  index: number;
  /** The SNs that match; null when every device of the task does (no array for the common case). */
  sns: string[] | null;
}

/** Tasks with a device that matches the query, the search tested first (it is cheaper than the state). */
function candidates(tasks: readonly UpgradeTask[], query: RowQuery, stateOf: (task: UpgradeTask) => TaskState): Candidate[] {
  const match = snMatch(query);
  const found: Candidate[] = [];
  tasks.forEach((task, index) => {
    let sns: string[] | null = null;
    if (match !== ANY_SN) {
      for (const device of task.devices) if (match(task.gateway, device.sn)) (sns ??= []).push(device.sn);
      if (sns === null) return;
    } else if (task.devices.length === 0) return;
    const state = stateOf(task);
    if (query.state !== 'all' && state !== query.state) return;
    found.push({ task, state, index, sns });
  });
  return found;
}

/**
 * Rows of candidate tasks, one per matching device. `isEarlier` says whether a newer task upgrades
 * the device; `onTask` hears of each task, and whether one of its rows is latest.
 */
function pickTaskRows(
  found: readonly Candidate[],
  isEarlier: (task: UpgradeTask, sn: string) => boolean,
  out: Picked,
  refs: TaskRowCache,
  onTask: (task: UpgradeTask, state: TaskState, latestShown: boolean) => void,
): void {
  for (const { task, state, index, sns } of found) {
    let latestShown = false;
    for (const device of task.devices) {
      const sn = device.sn;
      if (sns !== null && !sns.includes(sn)) continue;
      const earlier = isEarlier(task, sn);
      latestShown ||= !earlier;
      out.push(refs.ref(task.bid, sn, earlier), earlier, STATE_RANK[state], task.lastReceivedAt, index);
    }
    onTask(task, state, latestShown);
  }
}

/**
 * Task rows for a query without a campaign's plan (the live list without a known campaign, the
 * history matches). `stateOf` is the task store's shown-state selector, passed in so this stays a
 * pure function of its arguments.
 */
export function deviceRows(tasks: readonly UpgradeTask[], query: RowQuery, stateOf: (task: UpgradeTask) => TaskState): TaskRowRef[] {
  return taskView(tasks, query, stateOf, new TaskRowCache()).rows.filter((row): row is TaskRowRef => row.kind === 'task');
}

/**
 * Every task that matches the query (and the campaign filter, by the task's campaign id). `refs`
 * keeps row refs from the caller's last view (the Monitor passes the same cache every second).
 */
export function taskView(
  tasks: readonly UpgradeTask[],
  query: RowQuery,
  stateOf: (task: UpgradeTask) => TaskState,
  refs: TaskRowCache = new TaskRowCache(),
): MonitorView {
  refs.begin();
  const inCampaign = query.campaign === 'all' ? tasks : tasks.filter((task) => task.campaignId === query.campaign);
  const found = candidates(inCampaign, query, stateOf);
  // Only the SNs shown need their latest task: a search for a few docks does not map the fleet.
  const latest = query.search.trim() === '' ? refs.latestOfAll(tasks) : latestTaskBySn(tasks, new Set(found.flatMap((c) => c.sns ?? [])));
  const picked = new Picked();
  const items: FigureItem[] = [];
  let earlier = 0;
  pickTaskRows(
    found,
    (task, sn) => {
      const at = latest.get(sn);
      return at === undefined || tasks[at] !== task;
    },
    picked,
    refs,
    (task, state, latestShown) => {
      if (latestShown) items.push({ state, completion: taskCompletion(task) });
      else earlier += 1;
    },
  );
  return { rows: picked.sorted(query.sort), items, earlier };
}

function planRow(campaignId: string, gw: CampaignGateway, sn: string, targetVersion: string, state: FigureState): PlanRowRef {
  const info = gw.deviceInfo.find((d) => d.sn === sn);
  return {
    kind: 'plan',
    // The state is part of the key: a row re-renders when its gateway moves on.
    key: `plan:${campaignId}:${gw.gateway}/${sn}:${state}`,
    campaignId,
    gateway: gw.gateway,
    sn,
    state,
    ...(info?.modelKey === undefined ? {} : { modelKey: info.modelKey }),
    ...(info?.fromVersion === undefined ? {} : { fromVersion: info.fromVersion }),
    targetVersion,
    skippedReason: gw.skippedReason,
  };
}

/**
 * A campaign's view: each gateway as the campaign page has it (gatewayRows), so the tiles count
 * what that page counts. A gateway whose current attempt has a task shows that task's devices; one
 * not sent yet, waiting for a retry or skipped shows its planned devices; the campaign's earlier
 * attempts follow.
 */
export function campaignView(
  campaign: Campaign,
  gateways: readonly GatewayRow[],
  tasks: readonly UpgradeTask[],
  query: RowQuery,
  stateOf: (task: UpgradeTask) => TaskState,
  refs: TaskRowCache = new TaskRowCache(),
): MonitorView {
  refs.begin();
  const campaignId = campaign.id;
  const plan = new Map(campaign.gateways.map((gw) => [gw.gateway, gw]));
  const match = snMatch(query);
  const picked = new Picked();
  const items: FigureItem[] = [];
  const current = new Set<string>();
  gateways.forEach((gw, index) => {
    const task = gw.task;
    const asTask = task !== null && gw.state !== 'not-sent' && gw.state !== 'retry-queued' && gw.state !== 'skipped';
    if (task !== null && asTask) current.add(task.bid);
    if (query.state !== 'all' && gw.state !== query.state) return;
    let shown = false;
    if (asTask) {
      for (const device of task.devices) {
        if (!match(gw.gateway, device.sn)) continue;
        shown = true;
        picked.push(refs.ref(task.bid, device.sn, false), false, STATE_RANK[gw.state], task.lastReceivedAt, index);
      }
    } else {
      const planned = plan.get(gw.gateway);
      const devices =
        planned === undefined ? [] : planned.devices.map((d) => planRow(campaignId, planned, d.sn, d.product_version, gw.state));
      for (const ref of devices) {
        if (!match(gw.gateway, ref.sn)) continue;
        shown = true;
        picked.push(ref, false, STATE_RANK[gw.state], gw.attempt?.createdAt ?? 0, index);
      }
    }
    if (shown) items.push({ state: gw.state, completion: gw.completion });
  });
  // The campaign's other tasks are attempts a newer one replaced.
  const older = tasks.filter((task) => task.campaignId === campaignId && !current.has(task.bid));
  let earlier = 0;
  pickTaskRows(
    candidates(older, query, stateOf),
    () => true,
    picked,
    refs,
    () => (earlier += 1),
  );
  return { rows: picked.sorted(query.sort), items, earlier };
}
