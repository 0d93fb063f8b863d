/**
 * A campaign over time, for its charts: how many gateways were done, failed and active at each
 * moment, and how long its successful upgrades took. Read from the campaign's attempts (which
 * survive task pruning and reach every console through the broker), with the live task table
 * filling in an end the campaign record has not noted yet. Pure.
 */
import { taskState } from '../tasks/task-derived.ts';
import type { TaskTable } from '../tasks/task-table.ts';
import type { TaskState, TaskTimings } from '../tasks/task-types.ts';
import type { AttemptOutcome, Campaign, CampaignAttempt } from './campaign-types.ts';

const SUCCEEDED: ReadonlySet<TaskState> = new Set(['ok', 'verified', 'version-mismatch']);
const FAILED: ReadonlySet<TaskState> = new Set(['failed', 'rejected', 'canceled', 'timeout', 'no-reply']);

export type TimelineState = 'active' | 'done' | 'failed';

export interface TimelinePoint {
  t: number;
  done: number;
  failed: number;
  active: number;
}

export interface CampaignTimeline {
  /** Oldest first; one point per moment a count changed (thinned to at most `maxPoints`). */
  points: TimelinePoint[];
  from: number;
  to: number;
  /** The counts now. */
  current: TimelinePoint;
  gateways: number;
}

interface AttemptSpan {
  start: number;
  end: number | null;
  outcome: AttemptOutcome | null;
}

/** When an attempt started and how it ended, by the campaign's record or else by its live task. */
export function attemptSpan(attempt: CampaignAttempt, table: TaskTable, now: number, timings: TaskTimings): AttemptSpan {
  const start = attempt.publishedAt ?? attempt.createdAt;
  if (attempt.outcome !== null) return { start, end: attempt.finishedAt ?? start, outcome: attempt.outcome };
  const task = table.byBid.get(attempt.bid);
  if (task === undefined || !task.terminal) return { start, end: null, outcome: null };
  const state = taskState(task, now, timings);
  const outcome: AttemptOutcome | null = SUCCEEDED.has(state) ? 'succeeded' : FAILED.has(state) ? 'failed' : null;
  if (outcome === null) return { start, end: null, outcome: null };
  return { start, end: task.finishedAt ?? task.lastReceivedAt, outcome };
}

interface Change {
  t: number;
  gateway: number;
  state: TimelineState;
}

export const MAX_TIMELINE_POINTS = 300;

export function campaignTimeline(
  campaign: Campaign,
  table: TaskTable,
  now: number,
  timings: TaskTimings,
  maxPoints = MAX_TIMELINE_POINTS,
): CampaignTimeline {
  const changes: Change[] = [];
  campaign.gateways.forEach((gw, gateway) => {
    for (const attempt of gw.attempts) {
      const span = attemptSpan(attempt, table, now, timings);
      changes.push({ t: span.start, gateway, state: 'active' });
      // Clocks differ (a device's end time, the console's start): an end never comes before its start.
      if (span.outcome !== null)
        changes.push({ t: Math.max(span.start, span.end ?? span.start), gateway, state: span.outcome === 'succeeded' ? 'done' : 'failed' });
    }
  });
  // Stable sort: at one instant the changes stay in attempt order, so a retry's start follows its failure.
  changes.sort((a, b) => a.t - b.t);
  const stateOf = new Map<number, TimelineState>();
  const counts: Record<TimelineState, number> = { active: 0, done: 0, failed: 0 };
  const points: TimelinePoint[] = [{ t: campaign.createdAt, done: 0, failed: 0, active: 0 }];
  for (const change of changes) {
    const before = stateOf.get(change.gateway);
    if (before !== undefined) counts[before]--;
    counts[change.state]++;
    stateOf.set(change.gateway, change.state);
    const point = { t: Math.max(change.t, campaign.createdAt), ...counts };
    const last = points.at(-1);
    if (last !== undefined && last.t === point.t) points[points.length - 1] = point;
    else points.push(point);
  }
  const to = Math.max(campaign.finishedAt ?? now, points.at(-1)?.t ?? now);
  const current = { t: to, ...counts };
  return {
    points: thin(points, campaign.createdAt, to, maxPoints),
    from: campaign.createdAt,
    to,
    current,
    gateways: campaign.gateways.length,
  };
}

/** At most `max` points: the last point of each equal slice of time (what a step line shows at the slice's end). */
function thin(points: TimelinePoint[], from: number, to: number, max: number): TimelinePoint[] {
  if (points.length <= max) return points;
  const span = Math.max(1, to - from);
  const out: TimelinePoint[] = [];
  let slot = -1;
  for (const point of points) {
    const s = Math.min(max - 1, Math.floor(((point.t - from) / span) * (max - 1)));
    if (s === slot) out[out.length - 1] = point;
    else out.push(point);
    slot = s;
  }
  return out;
}

export interface DurationBin {
  /** ms, inclusive */
  from: number;
  /** ms, exclusive */
  to: number;
  count: number;
}

export interface DurationStats {
  bins: DurationBin[];
  count: number;
  medianMs: number | null;
  minMs: number | null;
  maxMs: number | null;
}

const STEPS_MS = [5, 10, 15, 30, 60, 120, 300, 600, 900, 1_800, 3_600, 7_200, 14_400].map((s) => s * 1_000);
export const MAX_DURATION_BINS = 12;

/** The successful attempts' durations (start to end), in at most MAX_DURATION_BINS bins of a round width. */
export function campaignDurations(campaign: Campaign, table: TaskTable, now: number, timings: TaskTimings): DurationStats {
  const durations: number[] = [];
  for (const gw of campaign.gateways)
    for (const attempt of gw.attempts) {
      const span = attemptSpan(attempt, table, now, timings);
      if (span.outcome === 'succeeded' && span.end !== null) durations.push(Math.max(0, span.end - span.start));
    }
  durations.sort((a, b) => a - b);
  const min = durations[0];
  const max = durations.at(-1);
  if (min === undefined || max === undefined) return { bins: [], count: 0, medianMs: null, minMs: null, maxMs: null };
  const step = STEPS_MS.find((s) => Math.floor(max / s) - Math.floor(min / s) + 1 <= MAX_DURATION_BINS) ?? (STEPS_MS.at(-1) as number);
  const first = Math.floor(min / step);
  // Beyond the widest step (a device clock far off) the last bin holds the rest.
  const last = Math.min(Math.floor(max / step), first + MAX_DURATION_BINS - 1);
  const bins: DurationBin[] = [];
  for (let i = first; i <= last; i++) bins.push({ from: i * step, to: (i + 1) * step, count: 0 });
  const lastBin = bins[bins.length - 1] as DurationBin;
  if (Math.floor(max / step) > last) lastBin.to = max + 1;
  for (const d of durations) {
    const bin = bins[Math.min(Math.floor(d / step), last) - first];
    if (bin !== undefined) bin.count++;
  }
  const mid = Math.floor(durations.length / 2);
  const median =
    durations.length % 2 === 1 ? (durations[mid] as number) : ((durations[mid - 1] as number) + (durations[mid] as number)) / 2;
  return { bins, count: durations.length, medianMs: median, minMs: min, maxMs: max };
}
