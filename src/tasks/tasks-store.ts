/**
 * The live task table. One update per inbound batch (batchReceived), the summary computed in that
 * same flush so selectors only read it. Actions are named for what happened.
 */
import { createStore } from 'zustand/vanilla';
import { applyBatchTracked } from './task-batch.ts';
import { replyTimedOut, taskAcceptedEarlier, taskCreated, taskPublished } from './task-command.ts';
import { EMPTY_TASK_TABLE, pruneTable, type TaskTable } from './task-table.ts';
import { SummaryTally } from './task-tally.ts';
import { tasksDescribed } from './task-describe.ts';
import {
  DEFAULT_TASK_TIMINGS,
  MAX_ACTIVE_ELSEWHERE,
  MAX_TASKS,
  type NewTaskInput,
  type TaskTimings,
  type TasksSummary,
} from './task-types.ts';
import { expireVerifications } from './task-verification.ts';
import { mergeTables } from './tasks-merge.ts';
import type { TasksState, TasksStore } from './tasks-state.ts';

function sameSummary(a: TasksSummary, b: TasksSummary): boolean {
  if (a.total !== b.total || a.active !== b.active || a.overallPercent !== b.overallPercent) return false;
  return (Object.keys(a.counts) as (keyof TasksSummary['counts'])[]).every((k) => a.counts[k] === b.counts[k]);
}

/**
 * Time-derived states (stalled, no reply) are recounted over the whole table at most this often:
 * once per tick of the 1 s clock (with slack for timer jitter), however many screens run one.
 */
export const RECOUNT_INTERVAL_MS = 900;

export function createTasksStore(timings: TaskTimings = DEFAULT_TASK_TIMINGS): TasksStore {
  return createStore<TasksState>()((set, get) => {
    const tally = new SummaryTally();
    let recountedAt = Number.NEGATIVE_INFINITY;
    /** Descriptions of campaign attempts by bid, oldest first; bounded like the tasks seen elsewhere. */
    const descriptions = new Map<string, NewTaskInput>();

    /**
     * The one place the table changes: prune, bump the version, summarise, set once. `touched`
     * lists the only bids that changed (a batch); without it every task is recounted, except on a
     * clock tick over the same table, where only tasks past a stall or reply deadline are. Pruning
     * scans the table, so it runs when the table grew or on a clock tick (tasks that finished since
     * become prunable then), not on every frame of progress, and not when the tally shows that
     * nothing could be pruned.
     */
    function commit(next: TaskTable, now: number, touched?: ReadonlySet<string>, tick = false): void {
      const state = get();
      const grew = next.order.length > state.table.order.length;
      const overCap = next.order.length > MAX_TASKS;
      // A batch that grows a table over the cap is counted first: the tally then says whether the
      // prune scan could find anything (a finished task, or more tasks than active ones seen
      // elsewhere may number). While a fleet of 10,000 first reports, every frame adds tasks and
      // none has finished; the scan of every task found nothing each time.
      const countedFirst = touched !== undefined && grew && overCap;
      if (countedFirst) tally.update(next, touched, now, state.timings);
      const withinElsewhereCap = next.order.length <= MAX_ACTIVE_ELSEWHERE;
      // For the table last counted, the summary tells the same on a tick: at fleet scale every
      // task is active, and the scan found nothing once a second.
      const nothingToPrune = countedFirst
        ? tally.finished === 0 && withinElsewhereCap
        : next === state.table && state.summary.active === state.summary.total && withinElsewhereCap;
      const table = overCap && (grew || tick) && !nothingToPrune ? pruneTable(next, MAX_TASKS) : next;
      if (countedFirst) {
        if (table !== next) {
          tally.recount(table, now, state.timings);
          recountedAt = now;
        }
      } else if (touched !== undefined && table === next) tally.update(table, touched, now, state.timings);
      else if (tick && table === state.table) {
        tally.refresh(table, now, state.timings);
        recountedAt = now;
      } else {
        tally.recount(table, now, state.timings);
        recountedAt = now;
      }
      const summary = tally.summary(now);
      const keptSummary = sameSummary(summary, state.summary) ? state.summary : summary;
      if (table === state.table && keptSummary === state.summary) return;
      if (table === state.table) {
        set({ summary: keptSummary });
        return;
      }
      const changedBids = touched !== undefined && table === next ? touched : null;
      set({ table, summary: keptSummary, version: state.version + 1, changedBids });
    }

    return {
      table: EMPTY_TASK_TABLE,
      version: 0,
      changedBids: null,
      summary: tally.summary(0),
      timings,
      batchReceived(batch, now) {
        const { table, touched } = applyBatchTracked(get().table, batch, now);
        if (table === get().table) return;
        commit(descriptions.size === 0 ? table : tasksDescribed(table, touched, descriptions), now, touched);
      },
      clockTicked(now) {
        // Only a task with a pending verification can expire: at fleet scale none usually is, and
        // the walk over every task ran each second for nothing.
        const table = tally.verifying > 0 ? expireVerifications(get().table, now, get().timings.verifyGraceMs) : get().table;
        if (table === get().table && now - recountedAt < RECOUNT_INTERVAL_MS) return;
        commit(table, now, undefined, true);
      },
      taskCreated(input, now) {
        commit(taskCreated(get().table, input, now), now);
      },
      tasksDescribed(inputs, now) {
        for (const input of inputs) {
          descriptions.delete(input.bid);
          descriptions.set(input.bid, input);
        }
        for (const bid of descriptions.keys()) {
          if (descriptions.size <= MAX_ACTIVE_ELSEWHERE) break;
          descriptions.delete(bid);
        }
        const bids = new Set(inputs.map((i) => i.bid));
        const table = tasksDescribed(get().table, bids, descriptions);
        if (table !== get().table) commit(table, now, bids);
      },
      taskPublished(bid, now) {
        commit(taskPublished(get().table, bid, now), now);
      },
      taskAcceptedEarlier(bid, now) {
        commit(taskAcceptedEarlier(get().table, bid, now), now);
      },
      replyTimedOut(bid, now) {
        commit(replyTimedOut(get().table, bid), now);
      },
      timingsChanged(changes, now) {
        set({ timings: { ...get().timings, ...changes } });
        commit(get().table, now);
      },
      tasksRestored(restored, now) {
        const live = get().table;
        const byBid = new Map(restored.byBid);
        const order = restored.order.filter((bid) => !live.byBid.has(bid));
        for (const [bid, task] of live.byBid) byBid.set(bid, task);
        commit({ byBid, order: [...order, ...live.order] }, now);
      },
      tasksMerged(other, now) {
        commit(mergeTables(get().table, other), now);
      },
      finishedTasksCleared(now) {
        const { table } = get();
        const byBid = new Map([...table.byBid].filter(([, task]) => !task.terminal));
        commit({ byBid, order: table.order.filter((bid) => byBid.has(bid)) }, now);
      },
    };
  });
}
