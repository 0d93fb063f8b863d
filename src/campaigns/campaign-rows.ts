/**
 * What the campaign view shows, derived from the campaign record and the live task table: one row
 * per gateway, counts per state, overall percent, elapsed and ETA. Pure, so it is tested directly.
 */
import { canRetryGateway } from './campaign-actions.ts';
import { summarizeFigures, type CampaignFigures, type FigureState } from './campaign-figures.ts';
import type { Campaign, CampaignAttempt, CampaignGateway, GatewayWait, SkipReason } from './campaign-types.ts';
import { taskCompletion, taskState } from '../tasks/task-derived.ts';
import { TASK_STATE_LABELS } from '../tasks/state-look.ts';
import { taskFailure, type TaskFailure } from '../tasks/task-failure.ts';
import type { TaskTable } from '../tasks/task-table.ts';
import type { TaskTimings, UpgradeTask } from '../tasks/task-types.ts';

/** A gateway's state in the campaign: its newest task's shown state, or why there is none. */
export type GatewayRowState = FigureState;

export const GATEWAY_ROW_LABELS: Readonly<Record<GatewayRowState, string>> = {
  ...TASK_STATE_LABELS,
  'not-sent': 'Not sent yet',
  skipped: 'Skipped',
  'retry-queued': 'Retry queued',
};

/** What the Result column says, as data: the words are chosen at render (campaign-texts.ts). */
export type GatewayResult =
  | { kind: 'skipped'; reason: SkipReason }
  /** The idle gate holds it (not a failure): "Dock working: waiting until idle". */
  | { kind: 'waiting'; wait: GatewayWait }
  /** Why the newest attempt's task failed and what to do next (task-failure.ts). */
  | { kind: 'failure'; failure: TaskFailure }
  | { kind: 'code'; code: number }
  | { kind: 'text'; text: string }
  | null;

export interface GatewayRow {
  gateway: string;
  deviceSns: string[];
  state: GatewayRowState;
  /** The state in English (GATEWAY_ROW_LABELS): the report's default words and the counts' key. */
  label: string;
  /** Shown as "312015: The dock is busy ... Wait until ...", the skip reason, or nothing. */
  result: GatewayResult;
  /** The sub-status value the device reported (a protocol word or its own), or null. */
  subStatus: string | null;
  attempts: number;
  /** The newest attempt's task, for the task detail link. */
  bid: string | null;
  /** 0..100; an ended or skipped gateway counts as complete. */
  completion: number;
  canRetry: boolean;
  attempt: CampaignAttempt | null;
  task: UpgradeTask | null;
}

function rowState(
  gw: CampaignGateway,
  attempt: CampaignAttempt | null,
  task: UpgradeTask | null,
  now: number,
  timings: TaskTimings,
): GatewayRowState {
  if (gw.skippedReason !== null) return 'skipped';
  if (gw.retryRequested) return 'retry-queued';
  if (attempt === null) return 'not-sent';
  if (task !== null) return taskState(task, now, timings);
  return attempt.lastState ?? 'queued';
}

/** The code of a result line stored by the orchestrator ("312015: ..."), which starts with it. */
function storedResult(text: string | null | undefined): GatewayResult {
  if (text === null || text === undefined || text === '') return null;
  const code = /^(-?\d+): /.exec(text)?.[1];
  return code === undefined ? { kind: 'text', text } : { kind: 'code', code: Number(code) };
}

function subStatusValue(task: UpgradeTask | null): string | null {
  const execution = task?.execution ?? null;
  if (task === null || execution === null || task.command === 'rejected') return null;
  if (execution.subStatus !== null) return execution.subStatus;
  return execution.subStatusRaw !== null && execution.subStatusRaw !== '' ? execution.subStatusRaw : null;
}

export function gatewayRow(gw: CampaignGateway, table: TaskTable, now: number, timings: TaskTimings): GatewayRow {
  const attempt = gw.attempts.at(-1) ?? null;
  const task = attempt === null ? null : (table.byBid.get(attempt.bid) ?? null);
  const state = rowState(gw, attempt, task, now, timings);
  const failure = task === null ? null : taskFailure(task, taskState(task, now, timings));
  const result: GatewayResult =
    gw.skippedReason !== null
      ? { kind: 'skipped', reason: gw.skippedReason }
      : gw.waiting != null
        ? { kind: 'waiting', wait: gw.waiting }
        : failure !== null
          ? { kind: 'failure', failure }
          : storedResult(attempt?.resultText);
  const ended = attempt?.outcome !== null && attempt !== null;
  return {
    gateway: gw.gateway,
    deviceSns: gw.devices.map((d) => d.sn),
    state,
    label: GATEWAY_ROW_LABELS[state],
    result,
    subStatus: subStatusValue(task),
    attempts: gw.attempts.length,
    bid: attempt?.bid ?? null,
    completion: gw.skippedReason !== null || ended ? 100 : task === null ? 0 : taskCompletion(task),
    canRetry: canRetryGateway(gw),
    attempt,
    task,
  };
}

export function gatewayRows(campaign: Campaign, table: TaskTable, now: number, timings: TaskTimings): GatewayRow[] {
  return campaign.gateways.map((gw) => gatewayRow(gw, table, now, timings));
}

export interface CampaignProgress {
  /** Rows per state, in first-seen order (only states that occur); label is the English word. */
  counts: { state: GatewayRowState; label: string; count: number }[];
  /** Succeeded, failed, active, not sent yet, skipped: the same figures the Monitor shows (campaign-figures.ts). */
  figures: CampaignFigures;
  /** figures.percent: failures count as not done. */
  percent: number;
  elapsedMs: number;
  /** null when nothing has finished yet to estimate from, or when nothing is left. */
  etaMs: number | null;
  failed: number;
  succeeded: number;
}

export function campaignProgress(campaign: Campaign, rows: readonly GatewayRow[], now: number): CampaignProgress {
  const counts = new Map<GatewayRowState, number>();
  for (const row of rows) counts.set(row.state, (counts.get(row.state) ?? 0) + 1);
  const figures = summarizeFigures(rows);
  const end = campaign.finishedAt ?? now;
  const durations = rows.flatMap((r) => {
    const a = r.attempt;
    return a?.outcome === 'succeeded' && a.finishedAt !== null ? [a.finishedAt - (a.publishedAt ?? a.createdAt)] : [];
  });
  const left = rows.reduce((sum, r) => sum + (100 - r.completion) / 100, 0);
  let etaMs: number | null = null;
  if (durations.length > 0 && left > 0 && (campaign.state === 'running' || campaign.state === 'paused')) {
    const mean = durations.reduce((a, b) => a + b, 0) / durations.length;
    const pending = rows.filter((r) => r.completion < 100).length;
    const lanes = Math.max(1, Math.min(campaign.maxParallel ?? pending, pending));
    etaMs = (left * mean) / lanes;
  }
  return {
    counts: [...counts].map(([state, count]) => ({ state, label: GATEWAY_ROW_LABELS[state], count })),
    figures,
    percent: figures.percent ?? 0,
    elapsedMs: Math.max(0, end - campaign.createdAt),
    etaMs,
    failed: figures.failed,
    succeeded: figures.succeeded,
  };
}
