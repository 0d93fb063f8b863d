import type { FigureItem, FigureState } from '../campaigns/campaign-figures';
import type { GatewayRow } from '../campaigns/campaign-rows';
import type { Campaign, CampaignGateway, SkipReason } from '../campaigns/campaign-types';
import { taskCompletion } from '../tasks/task-derived';
import type { TaskState, UpgradeTask } from '../tasks/task-types';

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

interface Picked {
  ref: DeviceRowRef;
  earlier: boolean;
  rank: number;
  age: number;
  index: number;
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

function sorted(picked: Picked[], sort: MonitorSort): DeviceRowRef[] {
  picked.sort((a, b) => Number(a.earlier) - Number(b.earlier) || (sort === 'state' ? a.rank - b.rank : b.age - a.age) || b.index - a.index);
  return picked.map((p) => p.ref);
}

/**
 * For each device SN in `wanted` (null: every SN), the task that upgrades it last (newest
 * createdAt; the later one in the table on a tie).
 */
function latestTaskBySn(
  tasks: readonly UpgradeTask[],
  wanted: ReadonlySet<string> | null,
): Map<string, { task: UpgradeTask; index: number }> {
  const latest = new Map<string, { task: UpgradeTask; index: number }>();
  tasks.forEach((task, index) => {
    for (const device of task.devices) {
      if (wanted !== null && !wanted.has(device.sn)) continue;
      const seen = latest.get(device.sn);
      if (seen === undefined || task.createdAt > seen.task.createdAt || (task.createdAt === seen.task.createdAt && index > seen.index)) {
        latest.set(device.sn, { task, index });
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
  sns: string[];
}

/** Tasks with a device that matches the query, the search tested first (it is cheaper than the state). */
function candidates(tasks: readonly UpgradeTask[], query: RowQuery, stateOf: (task: UpgradeTask) => TaskState): Candidate[] {
  const match = snMatch(query);
  const found: Candidate[] = [];
  tasks.forEach((task, index) => {
    let sns: string[] | null = null;
    for (const device of task.devices) if (match(task.gateway, device.sn)) (sns ??= []).push(device.sn);
    if (sns === null) return;
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
  out: Picked[],
  onTask: (task: UpgradeTask, state: TaskState, latestShown: boolean) => void,
): void {
  for (const { task, state, index, sns } of found) {
    let latestShown = false;
    for (const sn of sns) {
      const earlier = isEarlier(task, sn);
      latestShown ||= !earlier;
      out.push({
        ref: { kind: 'task', key: `${task.bid}/${sn}`, bid: task.bid, sn, earlier },
        earlier,
        rank: STATE_RANK[state],
        age: task.lastReceivedAt,
        index,
      });
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
  return taskView(tasks, query, stateOf).rows.filter((row): row is TaskRowRef => row.kind === 'task');
}

/** Every task that matches the query (and the campaign filter, by the task's campaign id). */
export function taskView(tasks: readonly UpgradeTask[], query: RowQuery, stateOf: (task: UpgradeTask) => TaskState): MonitorView {
  const inCampaign = query.campaign === 'all' ? tasks : tasks.filter((task) => task.campaignId === query.campaign);
  const found = candidates(inCampaign, query, stateOf);
  // Only the SNs shown need their latest task: a search for a few docks does not map the fleet.
  const latest = latestTaskBySn(tasks, query.search.trim() === '' ? null : new Set(found.flatMap((c) => c.sns)));
  const picked: Picked[] = [];
  const items: FigureItem[] = [];
  let earlier = 0;
  pickTaskRows(
    found,
    (task, sn) => latest.get(sn)?.task !== task,
    picked,
    (task, state, latestShown) => {
      if (latestShown) items.push({ state, completion: taskCompletion(task) });
      else earlier += 1;
    },
  );
  return { rows: sorted(picked, query.sort), items, earlier };
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
): MonitorView {
  const campaignId = campaign.id;
  const plan = new Map(campaign.gateways.map((gw) => [gw.gateway, gw]));
  const match = snMatch(query);
  const picked: Picked[] = [];
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
        picked.push({
          ref: { kind: 'task', key: `${task.bid}/${device.sn}`, bid: task.bid, sn: device.sn, earlier: false },
          earlier: false,
          rank: STATE_RANK[gw.state],
          age: task.lastReceivedAt,
          index,
        });
      }
    } else {
      const planned = plan.get(gw.gateway);
      const devices =
        planned === undefined ? [] : planned.devices.map((d) => planRow(campaignId, planned, d.sn, d.product_version, gw.state));
      for (const ref of devices) {
        if (!match(gw.gateway, ref.sn)) continue;
        shown = true;
        picked.push({ ref, earlier: false, rank: STATE_RANK[gw.state], age: gw.attempt?.createdAt ?? 0, index });
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
    () => (earlier += 1),
  );
  return { rows: sorted(picked, query.sort), items, earlier };
}
