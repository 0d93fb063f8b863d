/**
 * The table's summary kept up to date from the tasks a batch changed, instead of re-deriving every
 * task on every frame (10,000 tasks at 60 flushes a second was most of the main thread). Each
 * task's contribution (shown state, completion, active) is remembered so a change subtracts the
 * old one and adds the new. States that move with the clock alone (stalled, no reply) change
 * only through refresh() (or recount()), which the store runs from the clock at most once a second;
 * refresh re-derives just the tasks whose stall or reply deadline has passed since they were derived.
 */
import { emptyCounts, taskOverallShare, taskState, timeStateChangesAt } from './task-derived.ts';
import type { TaskTable } from './task-table.ts';
import type { TaskState, TaskTimings, TasksSummary, UpgradeTask } from './task-types.ts';
import { verificationPending } from './task-verification.ts';

interface Contribution {
  state: TaskState;
  completion: number;
  active: boolean;
  /** Ended ok with a device still to report the target version (expireVerifications may move it). */
  verifying: boolean;
  /** From this time on the clock alone may change the state (timeStateChangesAt). */
  recheckAt: number;
}

export class SummaryTally {
  private readonly byBid = new Map<string, Contribution>();
  private counts = emptyCounts();
  private active = 0;
  private completion = 0;
  private verifyingCount = 0;

  /** Tasks with a device whose verification is pending: none, and a clock tick has none to expire. */
  get verifying(): number {
    return this.verifyingCount;
  }

  /** Tasks counted that have ended (the rest are active). */
  get finished(): number {
    return this.byBid.size - this.active;
  }

  /** Every task of the table re-derived at `now`. */
  recount(table: TaskTable, now: number, timings: TaskTimings): void {
    this.byBid.clear();
    this.counts = emptyCounts();
    this.active = 0;
    this.completion = 0;
    this.verifyingCount = 0;
    for (const bid of table.order) this.add(table, bid, now, timings);
  }

  /**
   * Only these bids re-derived at `now`; a bid no longer in the table is taken out. A task already
   * counted keeps its contribution object, re-derived in place: at fleet scale this runs for
   * 10,000 tasks a second, and a new object (and a Map delete and set) each time was garbage for
   * the page's collector.
   */
  update(table: TaskTable, bids: Iterable<string>, now: number, timings: TaskTimings): void {
    for (const bid of bids) {
      const c = this.byBid.get(bid);
      if (c === undefined) {
        this.add(table, bid, now, timings);
        continue;
      }
      const task = table.byBid.get(bid);
      this.take(c);
      if (task === undefined) {
        this.byBid.delete(bid);
        continue;
      }
      derive(c, task, now, timings);
      this.put(c);
    }
  }

  /**
   * The clock moved to `now` and the table is the one last counted: only the tasks whose state may
   * have moved with it are re-derived (at fleet scale a full recount every second re-derived 10,000
   * tasks and allocated as many contributions, a 50-70 ms task on a busy machine).
   */
  refresh(table: TaskTable, now: number, timings: TaskTimings): void {
    const due: string[] = [];
    this.byBid.forEach((c, bid) => {
      if (c.recheckAt <= now) due.push(bid);
    });
    if (due.length > 0) this.update(table, due, now, timings);
  }

  summary(now: number): TasksSummary {
    const total = this.byBid.size;
    return {
      counts: { ...this.counts },
      total,
      active: this.active,
      overallPercent: total === 0 ? null : this.completion / total,
      computedAt: now,
    };
  }

  private add(table: TaskTable, bid: string, now: number, timings: TaskTimings): void {
    const task = table.byBid.get(bid);
    if (task === undefined || this.byBid.has(bid)) return;
    const c: Contribution = { state: 'queued', completion: 0, active: false, verifying: false, recheckAt: 0 };
    derive(c, task, now, timings);
    this.byBid.set(bid, c);
    this.put(c);
  }

  private put(c: Contribution): void {
    this.counts[c.state] += 1;
    this.completion += c.completion;
    if (c.active) this.active += 1;
    if (c.verifying) this.verifyingCount += 1;
  }

  private take(c: Contribution): void {
    this.counts[c.state] -= 1;
    this.completion -= c.completion;
    if (c.active) this.active -= 1;
    if (c.verifying) this.verifyingCount -= 1;
  }
}

/** `c` set to what `task` contributes at `now`. */
function derive(c: Contribution, task: UpgradeTask, now: number, timings: TaskTimings): void {
  c.state = taskState(task, now, timings);
  c.completion = taskOverallShare(task, c.state);
  c.active = !task.terminal;
  c.verifying = verificationPending(task);
  c.recheckAt = timeStateChangesAt(task, now, timings);
}
