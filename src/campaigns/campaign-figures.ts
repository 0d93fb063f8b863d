/**
 * A campaign's figures (succeeded, failed, active, not sent yet, skipped, overall percent), computed
 * in one place so the Monitor, the campaign page and the runner never say different numbers for the
 * same upgrades. The input is one item per gateway (or, on the Monitor without a campaign filter,
 * per upgrade task shown), each with its state; the buckets follow the orchestrator's outcomes.
 */
import type { TaskState } from '../tasks/task-types.ts';

/** A gateway's state in a campaign (GatewayRowState in campaign-rows.ts), or a task's shown state. */
export type FigureState = TaskState | 'not-sent' | 'skipped' | 'retry-queued';

export type FigureBucket = 'succeeded' | 'failed' | 'active' | 'not-sent' | 'skipped';

export const FIGURE_BUCKETS: readonly FigureBucket[] = Object.freeze(['succeeded', 'failed', 'active', 'not-sent', 'skipped']);

/**
 * Where a state counts. Succeeded and failed are the orchestrator's attempt outcomes (a version
 * mismatch ended ok and is shown apart by its state; no reply failed the attempt); everything still
 * on the wire or on the device is active; waiting for a (re)send is not sent yet.
 */
export const FIGURE_BUCKET: Readonly<Record<FigureState, FigureBucket>> = {
  ok: 'succeeded',
  verified: 'succeeded',
  'version-mismatch': 'succeeded',
  failed: 'failed',
  rejected: 'failed',
  canceled: 'failed',
  timeout: 'failed',
  'no-reply': 'failed',
  queued: 'active',
  published: 'active',
  accepted: 'active',
  sent: 'active',
  in_progress: 'active',
  paused: 'active',
  stalled: 'active',
  'not-sent': 'not-sent',
  'retry-queued': 'not-sent',
  skipped: 'skipped',
};

export interface FigureItem {
  state: FigureState;
  /** 0..100: how far an active item got (both steps); ignored for the other buckets. */
  completion: number;
}

export interface CampaignFigures {
  total: number;
  succeeded: number;
  failed: number;
  active: number;
  notSent: number;
  skipped: number;
  /**
   * 0..100, null without items: a succeeded item counts whole, an active one by its progress, and a
   * failed, skipped or unsent one not at all, so a campaign with failures never reads 100%.
   */
  percent: number | null;
  /** Items per state within each bucket, in first-seen order (only states that occur). */
  byState: Readonly<Record<FigureBucket, readonly { state: FigureState; count: number }[]>>;
}

function clampPercent(value: number): number {
  return Number.isFinite(value) ? Math.min(100, Math.max(0, value)) : 0;
}

/** The one computation of the figures; every screen that shows them passes its items here. */
export function summarizeFigures(items: Iterable<FigureItem>): CampaignFigures {
  const counts: Record<FigureBucket, number> = { succeeded: 0, failed: 0, active: 0, 'not-sent': 0, skipped: 0 };
  const states: Record<FigureBucket, Map<FigureState, number>> = {
    succeeded: new Map(),
    failed: new Map(),
    active: new Map(),
    'not-sent': new Map(),
    skipped: new Map(),
  };
  let total = 0;
  let done = 0;
  for (const item of items) {
    const bucket = FIGURE_BUCKET[item.state];
    total += 1;
    counts[bucket] += 1;
    states[bucket].set(item.state, (states[bucket].get(item.state) ?? 0) + 1);
    if (bucket === 'succeeded') done += 100;
    else if (bucket === 'active') done += clampPercent(item.completion);
  }
  const byState = Object.fromEntries(
    FIGURE_BUCKETS.map((bucket) => [bucket, [...states[bucket]].map(([state, count]) => ({ state, count }))]),
  ) as Record<FigureBucket, { state: FigureState; count: number }[]>;
  return {
    total,
    succeeded: counts.succeeded,
    failed: counts.failed,
    active: counts.active,
    notSent: counts['not-sent'],
    skipped: counts.skipped,
    percent: total === 0 ? null : done / total,
    byState,
  };
}
