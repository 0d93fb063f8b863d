/**
 * Issue 8, "Bounded memory": a long session at fleet scale keeps every in-memory collection at its
 * cap. 10,000 upgrade tasks and 100,000 progress events go through the real decoder and the tasks
 * store exactly as the session feeds them (one batch per frame); the diagnostics ring sees the same
 * traffic plus invalid messages. Only counts and caps are asserted: heap is measured and reported
 * (REPORT_HEAP=1), never asserted, since it depends on the engine and the GC.
 */
import { describe, expect, it } from 'vitest';
import { createDiagnosticsStore, INVALID_RING_SIZE } from '../broker/diagnostics-store.ts';
import { buildOtaProgress } from '../protocol/builders.ts';
import { decode } from '../protocol/decode.ts';
import type { Decoded } from '../protocol/messages.ts';
import { eventsTopic } from '../protocol/topics.ts';
import { tasksInOrder } from './task-table.ts';
import { EVENT_LOG_CAP, MAX_TASKS } from './task-types.ts';
import { createTasksStore } from './tasks-store.ts';

const TASKS = 10_000;
const EVENTS_PER_TASK = 9; // 8 in progress, then the terminal one
const LONG_TASK_EVENTS = 10_000; // one upgrade that reports far more often than its log keeps
const BATCH = 500; // messages per flush: a busy frame
const T0 = 1_700_000_000_000;

let tid = 0;
const ids = (timestamp: number) => ({ uuid: () => `tid-${++tid}`, now: () => timestamp });

function progress(gateway: string, bid: string, percent: number, timestamp: number, status: 'in_progress' | 'ok' | 'failed'): Decoded {
  const message = buildOtaProgress(
    { gateway, bid, status, percent, step: percent < 50 ? 'download_firmware' : 'upgrade_firmware' },
    ids(timestamp),
  );
  return decode(eventsTopic(gateway), JSON.stringify(message));
}

/** Every task's events, interleaved across tasks as a busy broker would deliver them. */
function* fleetTraffic(): Generator<Decoded> {
  for (let step = 0; step < EVENTS_PER_TASK; step++) {
    for (let i = 0; i < TASKS; i++) {
      const terminal = step === EVENTS_PER_TASK - 1;
      yield progress(
        `DOCK-${i}`,
        `bid-${i}`,
        terminal ? 100 : step * 10,
        T0 + step * 1_000,
        terminal ? (i % 10 === 0 ? 'failed' : 'ok') : 'in_progress',
      );
    }
  }
  for (let n = 0; n < LONG_TASK_EVENTS; n++) {
    yield progress('DOCK-LONG', 'bid-long', n % 100, T0 + 100_000 + n, 'in_progress');
  }
}

function* batches<T>(items: Iterable<T>, size: number): Generator<T[]> {
  let batch: T[] = [];
  for (const item of items) {
    batch.push(item);
    if (batch.length === size) {
      yield batch;
      batch = [];
    }
  }
  if (batch.length > 0) yield batch;
}

function heapMiB(): number {
  (globalThis as { gc?: () => void }).gc?.();
  return process.memoryUsage().heapUsed / 2 ** 20;
}

describe('bounded memory at fleet scale', () => {
  it('10,000 tasks and 100,000 events: task count at its cap, every event log capped, diagnostics ring bounded', () => {
    const tasks = createTasksStore();
    const diagnostics = createDiagnosticsStore();
    const heapBefore = heapMiB();
    let delivered = 0;
    let invalid = 0;
    let now = T0;
    let peakTasks = 0;

    for (const batch of batches(fleetTraffic(), BATCH)) {
      // A few broken messages per frame, as a noisy fleet sends.
      const noise = [decode('thing/product/DOCK-NOISE/events', '{broken'), decode('thing/product/DOCK-NOISE/events', '[]')];
      now += 16;
      tasks.getState().batchReceived(batch, now);
      diagnostics.getState().batchObserved([...batch, ...noise], now);
      delivered += batch.length;
      invalid += noise.length;
      peakTasks = Math.max(peakTasks, tasks.getState().table.order.length);
    }

    expect(delivered).toBe(TASKS * EVENTS_PER_TASK + LONG_TASK_EVENTS);
    const { table } = tasks.getState();
    // While the fleet is mid-upgrade every task is active (active tasks are never dropped); once
    // they end, the table shrinks to its cap, keeping the newest.
    expect(peakTasks).toBe(TASKS);
    expect(table.order).toHaveLength(MAX_TASKS);
    expect(table.byBid.size).toBe(MAX_TASKS);
    expect(table.order.at(-1)).toBe('bid-long');
    expect(table.byBid.has('bid-0')).toBe(false);
    expect(table.byBid.has(`bid-${TASKS - 1}`)).toBe(true);

    const all = tasksInOrder(table);
    expect(Math.max(...all.map((t) => t.events.length))).toBe(EVENT_LOG_CAP);
    const long = table.byBid.get('bid-long');
    expect(long?.events).toHaveLength(EVENT_LOG_CAP);
    // The log keeps the newest events.
    expect(long?.events.at(-1)?.timestamp).toBe(T0 + 100_000 + LONG_TASK_EVENTS - 1);
    expect(all.filter((t) => t.bid !== 'bid-long').every((t) => t.events.length === EVENTS_PER_TASK)).toBe(true);

    const diag = diagnostics.getState();
    expect(diag.total).toBe(delivered + invalid);
    expect(diag.invalidTotal).toBe(invalid);
    expect(diag.recentInvalid).toHaveLength(INVALID_RING_SIZE);

    const heapAfter = heapMiB();
    if (process.env.REPORT_HEAP === '1') {
      console.info(
        `heap: ${heapBefore.toFixed(1)} MiB before, ${heapAfter.toFixed(1)} MiB after (${MAX_TASKS} tasks kept, ${delivered} events fed)`,
      );
    }
  }, 60_000);
});
