/**
 * Time each thread of a trace spent in tasks, on the wall clock and on the CPU. A thread whose wall
 * time nears 100% of the window while its CPU time is half of that is runnable all the time and
 * gets a core half of it: the machine, not the thread's own work, sets its pace.
 */
import type { TraceEvent } from './trace-events.ts';

export interface ThreadTime {
  /** `pid:tid` */
  thread: string;
  wallUs: number;
  cpuUs: number;
  /** Outermost events counted (tasks, with the `toplevel` category). */
  tasks: number;
}

/**
 * Sums the outermost complete events of each thread (nested ones are inside their parent's time).
 * Events without thread time (tdur) are left out: their CPU share cannot be told.
 */
export function threadTimes(events: readonly TraceEvent[]): ThreadTime[] {
  const byThread = new Map<string, TraceEvent[]>();
  for (const e of events) {
    if (e.ph !== 'X' || e.tdur === undefined || e.dur === undefined) continue;
    const key = `${e.pid}:${e.tid}`;
    const list = byThread.get(key);
    if (list) list.push(e);
    else byThread.set(key, [e]);
  }
  const times: ThreadTime[] = [];
  for (const [thread, list] of byThread) {
    list.sort((a, b) => a.ts - b.ts || (b.dur ?? 0) - (a.dur ?? 0));
    let endOfOuter = Number.NEGATIVE_INFINITY;
    const time: ThreadTime = { thread, wallUs: 0, cpuUs: 0, tasks: 0 };
    for (const e of list) {
      if (e.ts < endOfOuter) continue;
      time.wallUs += e.dur ?? 0;
      time.cpuUs += e.tdur ?? 0;
      time.tasks += 1;
      endOfOuter = e.ts + (e.dur ?? 0);
    }
    times.push(time);
  }
  return times.sort((a, b) => b.cpuUs - a.cpuUs);
}

/** First to last timestamp of the trace's timed events, µs. */
export function traceSpanUs(events: readonly TraceEvent[]): number {
  let first = Number.POSITIVE_INFINITY;
  let last = Number.NEGATIVE_INFINITY;
  for (const e of events) {
    if (e.ph === 'M') continue;
    first = Math.min(first, e.ts);
    last = Math.max(last, e.ts + (e.dur ?? 0));
  }
  return last > first ? last - first : 0;
}
