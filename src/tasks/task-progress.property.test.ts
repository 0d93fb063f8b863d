import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { OtaProgressDecoded } from '../protocol/messages.ts';
import { STEP_KEYS, SUB_STATUSES } from '../protocol/status.ts';
import { applyBatch } from './task-batch.ts';
import { taskCreated } from './task-command.ts';
import { applyProgress } from './task-progress.ts';
import { EMPTY_TASK_TABLE, type TaskTable } from './task-table.ts';
import { progress } from './task-test-kit.ts';

const NOW = 9_000_000;

/** What a dock sends for one upgrade: strictly increasing timestamps, at most one terminal event, last. */
const upgradeEvents = fc
  .record({
    start: fc.integer({ min: 1_600_000_000_000, max: 1_800_000_000_000 }),
    sharedTid: fc.boolean(),
    steps: fc.array(
      fc.record({
        gap: fc.integer({ min: 1, max: 60_000 }),
        status: fc.constantFrom('sent' as const, 'in_progress' as const, 'paused' as const),
        percent: fc.integer({ min: 0, max: 100 }),
        step: fc.option(fc.constantFrom(...STEP_KEYS), { nil: null }),
        sub: fc.option(fc.constantFrom(...SUB_STATUSES), { nil: null }),
        rate: fc.option(fc.integer({ min: 0, max: 50_000_000 }), { nil: undefined }),
      }),
      { minLength: 1, maxLength: 25 },
    ),
    end: fc.option(fc.constantFrom('ok' as const, 'failed' as const, 'canceled' as const, 'timeout' as const, 'rejected' as const), {
      nil: null,
    }),
  })
  .map(({ start, sharedTid, steps, end }) => {
    let ts = start;
    const events: OtaProgressDecoded[] = steps.map((s, i) => {
      ts += s.gap;
      return progress({
        ts,
        tid: sharedTid ? 'echoed-tid' : `tid-${i}`,
        status: s.status,
        percent: s.percent,
        step: s.step,
        sub: s.sub,
        rate: s.rate,
      });
    });
    if (end !== null) events.push(progress({ ts: ts + 1, tid: sharedTid ? 'echoed-tid' : 'tid-end', status: end, percent: 100 }));
    return events;
  });

/** The same events, some delivered more than once, in any order. */
const deliveries = upgradeEvents.chain((events) =>
  fc
    .array(fc.nat({ max: events.length - 1 }), { maxLength: events.length * 2 })
    .map((dupes) => [...events, ...dupes.map((i) => events[i]!)])
    .chain((all) => fc.shuffledSubarray(all, { minLength: all.length, maxLength: all.length }))
    .map((arrival) => ({ events, arrival })),
);

const start = fc.constantFrom<'ours' | 'elsewhere'>('ours', 'elsewhere');

function initial(kind: 'ours' | 'elsewhere'): TaskTable {
  return kind === 'ours'
    ? taskCreated(EMPTY_TASK_TABLE, { bid: 'bid-1', tid: 'tid-create', gateway: 'DOCK1', devices: [{ sn: 'DOCK1' }] }, 1)
    : EMPTY_TASK_TABLE;
}

function inOrderOnce(table: TaskTable, events: readonly OtaProgressDecoded[]): TaskTable {
  return events.reduce((t, e) => applyProgress(t, e, NOW), table);
}

describe('progress in any order (property)', () => {
  it('any arrival order with duplicates ends in the same task as timestamp order once', () => {
    fc.assert(
      fc.property(deliveries, start, ({ events, arrival }, kind) => {
        const expected = inOrderOnce(initial(kind), events);
        const actual = arrival.reduce((t, e) => applyProgress(t, e, NOW), initial(kind));
        expect(actual.byBid.get('bid-1')).toEqual(expected.byBid.get('bid-1'));
        expect(actual.order).toEqual(expected.order);
      }),
      { numRuns: 300 },
    );
  });

  it('the same holds when the arrivals come in batches of any size', () => {
    fc.assert(
      fc.property(deliveries, start, fc.integer({ min: 1, max: 10 }), ({ events, arrival }, kind, size) => {
        const expected = inOrderOnce(initial(kind), events);
        let table = initial(kind);
        for (let i = 0; i < arrival.length; i += size) table = applyBatch(table, arrival.slice(i, i + size), NOW, 60_000);
        expect(table.byBid.get('bid-1')).toEqual(expected.byBid.get('bid-1'));
      }),
      { numRuns: 150 },
    );
  });

  it('the task shows the newest event, and a terminal event ends it', () => {
    fc.assert(
      fc.property(deliveries, ({ events, arrival }) => {
        const task = arrival.reduce((t, e) => applyProgress(t, e, NOW), EMPTY_TASK_TABLE).byBid.get('bid-1')!;
        const newest = events.at(-1)!;
        expect(task.execution).toMatchObject({
          status: newest.status,
          percent: newest.percent,
          step: newest.step,
          lastEventAt: newest.meta.timestamp,
        });
        expect(task.terminal).toBe(['ok', 'failed', 'canceled', 'timeout', 'rejected'].includes(newest.status));
        expect(task.events).toHaveLength(events.length);
      }),
      { numRuns: 150 },
    );
  });
});

/** The same upgrades, some events without a percent (no progress block, or none in it). */
const withGaps = deliveries.chain(({ events, arrival }) =>
  fc.array(fc.boolean(), { minLength: events.length, maxLength: events.length }).map((drop) => {
    const gap = new Map(events.map((e, i) => [e, drop[i] === true ? { ...e, percent: null } : e]));
    return { events: events.map((e) => gap.get(e)!), arrival: arrival.map((e) => gap.get(e)!) };
  }),
);

describe('progress without a percent (property)', () => {
  it('an older or repeated event never moves the bar; a newer one without percent keeps it; a terminal one ends the task', () => {
    fc.assert(
      fc.property(withGaps, start, ({ events, arrival }, kind) => {
        let table = initial(kind);
        for (const event of arrival) {
          const before = table.byBid.get('bid-1')?.execution ?? null;
          table = applyProgress(table, event, NOW);
          const after = table.byBid.get('bid-1')!.execution!;
          const older = before !== null && before.lastEventAt !== null && event.meta.timestamp! < before.lastEventAt;
          const repeated = before !== null && before.lastEventAt === event.meta.timestamp;
          if (older || repeated) expect(after.percent).toBe(before.percent);
          else if (event.percent === null && before !== null && (event.step === null || event.step === before.step))
            expect(after.percent).toBe(before.percent);
        }
        const task = table.byBid.get('bid-1')!;
        const newest = events.at(-1)!;
        expect(task.execution).toMatchObject({ status: newest.status, lastEventAt: newest.meta.timestamp });
        expect(task.terminal).toBe(['ok', 'failed', 'canceled', 'timeout', 'rejected'].includes(newest.status));
      }),
      { numRuns: 300 },
    );
  });
});
