import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { applyBatch } from './task-batch.ts';
import { taskCreated, taskPublished } from './task-command.ts';
import { EMPTY_TASK_TABLE, type TaskTable } from './task-table.ts';
import { otaCreate, progress, reply } from './task-test-kit.ts';
import { EVENT_LOG_CAP, type TaskEvent, type TaskExecution, type UpgradeTask } from './task-types.ts';
import { mergeEvents, mergeTables, mergeTask } from './tasks-merge.ts';

const GRACE = 300_000;

/** The same upgrade as the tab that sent it records it, and as a second tab sees it on the broker. */
function twoViews(): { mine: UpgradeTask; seen: UpgradeTask } {
  let a = taskCreated(
    EMPTY_TASK_TABLE,
    {
      bid: 'b1',
      tid: 't1',
      gateway: 'DOCK1',
      devices: [{ sn: 'DOCK1', fromVersion: '1.0.0', targetVersion: '2.0.0', fileSize: 1_000_000 }],
      campaignId: 'c1',
      attempt: 2,
      retryOf: 'b0',
    },
    400,
  );
  a = taskPublished(a, 'b1', 450);
  a = applyBatch(a, [reply({ bid: 'b1', tid: 't1' }), progress({ bid: 'b1', ts: 1_000, percent: 10, tid: 'p1' })], 1_100, GRACE);
  const b = applyBatch(
    EMPTY_TASK_TABLE,
    [
      otaCreate({ bid: 'b1', tid: 't1', ts: 450 }),
      progress({ bid: 'b1', ts: 1_000, percent: 10, tid: 'p1' }),
      progress({ bid: 'b1', ts: 2_000, percent: 60, tid: 'p2' }),
    ],
    2_100,
    GRACE,
  );
  return { mine: a.byBid.get('b1') as UpgradeTask, seen: b.byBid.get('b1') as UpgradeTask };
}

describe('mergeTask', () => {
  it("keeps the sender's facts and the other tab's newer progress", () => {
    const { mine, seen } = twoViews();
    expect(seen.origin).toBe('elsewhere');
    const merged = mergeTask(seen, mine);
    expect(merged).toMatchObject({
      origin: 'this-console',
      campaignId: 'c1',
      attempt: 2,
      retryOf: 'b0',
      command: 'accepted',
      lastReceivedAt: 2_100,
    });
    expect(merged.devices).toEqual([
      expect.objectContaining({ sn: 'DOCK1', fromVersion: '1.0.0', targetVersion: '2.0.0', fileSize: 1_000_000 }),
    ]);
    expect(merged.execution?.percent).toBe(60);
    expect(merged.events.map((e) => e.percent)).toEqual([10, 60]);
    // From either side the same, but for which tab's copy of a shared event (arrival time) is kept.
    const withoutArrival = (t: UpgradeTask) => ({ ...t, events: t.events.map((e) => e.timestamp) });
    expect(withoutArrival(mergeTask(mine, seen))).toEqual(withoutArrival(merged));
  });

  it('never moves a finished task back, and returns the same object when the other adds nothing', () => {
    const { mine } = twoViews();
    const ended = applyBatch(
      { byBid: new Map([['b1', mine]]), order: ['b1'] },
      [progress({ bid: 'b1', ts: 500, status: 'failed', percent: 100, tid: 'x' })],
      1_200,
      GRACE,
    );
    // An event with an older device time does not apply, so fake one that ended at an older time.
    const failed: UpgradeTask = {
      ...mine,
      terminal: true,
      finishedAt: 900,
      execution: { ...(mine.execution as TaskExecution), status: 'failed', lastEventAt: 900 },
    };
    const running: UpgradeTask = {
      ...mine,
      execution: { ...(mine.execution as TaskExecution), percent: 90, lastEventAt: 5_000 },
      lastReceivedAt: 5_000,
    };
    expect(mergeTask(running, failed)).toMatchObject({ terminal: true, execution: { status: 'failed' }, lastReceivedAt: 5_000 });
    expect(mergeTask(failed, running)).toMatchObject({ terminal: true, execution: { status: 'failed' } });
    const endedTask = ended.byBid.get('b1') as UpgradeTask;
    expect(mergeTask(endedTask, mine)).toBe(endedTask);
  });

  it('keeps the first event and the newest when the union outgrows the log', () => {
    const event = (ts: number): TaskEvent => ({
      receivedAt: ts,
      timestamp: ts,
      tid: null,
      status: 'in_progress',
      subStatus: null,
      subStatusRaw: null,
      step: null,
      percent: ts % 100,
      result: 0,
      rate: null,
      raw: undefined,
    });
    const a = Array.from({ length: EVENT_LOG_CAP }, (_, i) => event(i * 2));
    const b = Array.from({ length: EVENT_LOG_CAP }, (_, i) => event(i * 2 + 1));
    const merged = mergeEvents(a, b);
    expect(merged).toHaveLength(EVENT_LOG_CAP);
    expect(merged[0]?.timestamp).toBe(0);
    expect(merged[1]?.timestamp).toBe(EVENT_LOG_CAP + 1);
    expect(merged.at(-1)?.timestamp).toBe(2 * EVENT_LOG_CAP - 1);
    expect(mergeEvents(a, a.slice(10, 20))).toBe(a);
  });
});

describe('mergeTables', () => {
  it('adds the tasks only the other tab knows, by creation time, and is the same table when nothing is new', () => {
    const local = applyBatch(
      EMPTY_TASK_TABLE,
      [progress({ bid: 'x', gateway: 'D1', ts: 1_000, tid: '1' }), progress({ bid: 'z', gateway: 'D3', ts: 3_000, tid: '2' })],
      5_000,
      GRACE,
    );
    const other = applyBatch(
      EMPTY_TASK_TABLE,
      [progress({ bid: 'y', gateway: 'D2', ts: 2_000, tid: '3' }), progress({ bid: 'x', gateway: 'D1', ts: 1_000, tid: '1' })],
      5_000,
      GRACE,
    );
    const merged = mergeTables(local, other);
    expect(merged.order).toEqual(['x', 'y', 'z']);
    expect(mergeTables(merged, other)).toBe(merged);
    expect(mergeTables(merged, local)).toBe(merged);
  });
});

// --- properties -------------------------------------------------------------------------------

const statuses = ['sent', 'in_progress', 'paused', 'ok', 'failed', 'canceled'] as const;
const eventPool: TaskEvent[] = Array.from({ length: 12 }, (_, i) => ({
  receivedAt: 10_000 + i * 100,
  timestamp: 1_000 + i * 100,
  tid: `p${i}`,
  status: i === 11 ? 'ok' : 'in_progress',
  subStatus: null,
  subStatusRaw: null,
  step: i < 6 ? 'download_firmware' : 'upgrade_firmware',
  percent: (i * 9) % 100,
  result: 0,
  rate: null,
  raw: undefined,
}));

const executionArb: fc.Arbitrary<TaskExecution | null> = fc.option(
  fc.record({
    status: fc.constantFrom(...statuses),
    subStatus: fc.constant(null),
    subStatusRaw: fc.constant(null),
    step: fc.constantFrom('download_firmware' as const, 'upgrade_firmware' as const, null),
    percent: fc.integer({ min: 0, max: 100 }),
    rate: fc.option(fc.integer({ min: 0, max: 1_000 }), { nil: null }),
    result: fc.constant(0),
    lastEventAt: fc.option(
      fc.integer({ min: 0, max: 5 }).map((n) => 1_000 + n * 100),
      { nil: null },
    ),
    lastAppliedAt: fc.integer({ min: 0, max: 5 }).map((n) => 10_000 + n * 100),
  }),
  { nil: null },
);

/** What only the sending tab knows; one upgrade has one sender, so every record of a bid agrees on it. */
const senderArb = fc.record({
  campaignId: fc.option(fc.constantFrom('c1', 'c2'), { nil: undefined }),
  retryOf: fc.option(fc.constant('b0'), { nil: undefined }),
  attempt: fc.integer({ min: 1, max: 3 }),
  fromVersion: fc.option(fc.constantFrom('1.0', '1.1'), { nil: undefined }),
});
type Sender = typeof senderArb extends fc.Arbitrary<infer S> ? S : never;

/** One tab's record of bid b1: what it saw, and the sender's facts if it is the sender. */
const viewArb = (sender: Sender): fc.Arbitrary<UpgradeTask> =>
  fc
    .record({
      origin: fc.constantFrom('this-console' as const, 'elsewhere' as const),
      devicesInferred: fc.boolean(),
      knowsFile: fc.boolean(),
      command: fc.constantFrom(
        'queued' as const,
        'published' as const,
        'accepted' as const,
        'no-reply' as const,
        'rejected' as const,
        null,
      ),
      execution: executionArb,
      terminal: fc.boolean(),
      createdAt: fc.integer({ min: 0, max: 3 }),
      lastReceivedAt: fc.integer({ min: 0, max: 3 }),
      events: fc.subarray(eventPool),
    })
    .map((r): UpgradeTask => {
      const own = r.origin === 'this-console';
      const inferred = r.devicesInferred && !own;
      return {
        bid: 'b1',
        gateway: 'DOCK1',
        devices: inferred
          ? [{ sn: 'DOCK1', verification: null }]
          : [
              {
                sn: 'DOCK1',
                verification: null,
                ...(own && sender.fromVersion !== undefined ? { fromVersion: sender.fromVersion } : {}),
                ...(own || r.knowsFile ? { targetVersion: '2.0', fileSize: 1_000 } : {}),
              },
            ],
        devicesInferred: inferred,
        origin: r.origin,
        command: r.command,
        tid: own || r.knowsFile ? 't1' : null,
        resultCode: r.command === 'rejected' ? 312_014 : null,
        execution: r.execution,
        terminal: r.terminal,
        attempt: own ? sender.attempt : 1,
        ...(own && sender.retryOf !== undefined ? { retryOf: sender.retryOf } : {}),
        ...(own && sender.campaignId !== undefined ? { campaignId: sender.campaignId } : {}),
        createdAt: r.createdAt,
        publishedAt: null,
        finishedAt: r.terminal ? 2_000 : null,
        lastReceivedAt: r.lastReceivedAt,
        events: r.events,
      };
    });

const pairArb = senderArb.chain((sender) => fc.tuple(viewArb(sender), viewArb(sender)));
const tripleArb = senderArb.chain((sender) => fc.tuple(viewArb(sender), viewArb(sender), viewArb(sender)));

/** What the merge must decide the same way from either side. */
function facts(t: UpgradeTask): unknown {
  return {
    origin: t.origin,
    campaignId: t.campaignId,
    attempt: t.attempt,
    retryOf: t.retryOf,
    terminal: t.terminal,
    command: t.command,
    execution: t.execution,
    devices: t.devices.map((d) => [d.sn, d.fromVersion, d.targetVersion, d.fileSize]),
    createdAt: t.createdAt,
    lastReceivedAt: t.lastReceivedAt,
    events: t.events.map((e) => e.timestamp),
  };
}

describe('mergeTask properties', () => {
  it('is commutative on the facts that matter', () => {
    fc.assert(
      fc.property(pairArb, ([a, b]) => {
        expect(facts(mergeTask(a, b))).toEqual(facts(mergeTask(b, a)));
      }),
    );
  });

  it('is associative on those facts, so three tabs converge in any order', () => {
    fc.assert(
      fc.property(tripleArb, ([a, b, c]) => {
        expect(facts(mergeTask(mergeTask(a, b), c))).toEqual(facts(mergeTask(a, mergeTask(b, c))));
      }),
    );
  });

  it('is idempotent: merging again (either record, or itself) changes nothing', () => {
    fc.assert(
      fc.property(pairArb, ([a, b]) => {
        const m = mergeTask(a, b);
        expect(mergeTask(m, m)).toBe(m);
        expect(mergeTask(m, a)).toBe(m);
        expect(mergeTask(m, b)).toBe(m);
      }),
    );
  });

  it("never loses 'this-console' or its campaign, and never moves a task backwards", () => {
    fc.assert(
      fc.property(pairArb, ([a, b]) => {
        const m = mergeTask(a, b);
        const own = [a, b].find((t) => t.origin === 'this-console');
        if (own !== undefined) {
          expect(m.origin).toBe('this-console');
          expect(m.campaignId).toBe(own.campaignId);
          expect(m.attempt).toBe(own.attempt);
          expect(m.devices[0]?.fromVersion).toBe(own.devices[0]?.fromVersion);
        }
        expect(m.terminal).toBe(a.terminal || b.terminal);
        for (const t of [a, b]) {
          if (t.execution?.lastEventAt != null && !m.terminal)
            expect(m.execution?.lastEventAt ?? -1).toBeGreaterThanOrEqual(t.execution.lastEventAt);
          expect(m.lastReceivedAt).toBeGreaterThanOrEqual(t.lastReceivedAt);
          for (const e of t.events) expect(m.events.some((x) => x.timestamp === e.timestamp)).toBe(true);
        }
      }),
    );
  });

  it('merging tables converges: local+other and other+local hold the same facts', () => {
    fc.assert(
      fc.property(pairArb, fc.boolean(), fc.boolean(), ([a, b], onlyA, onlyB) => {
        const x: TaskTable = {
          byBid: new Map([['b1', a], ...(onlyA ? [['xa', { ...a, bid: 'xa' }] as const] : [])]),
          order: ['b1', ...(onlyA ? ['xa'] : [])],
        };
        const y: TaskTable = {
          byBid: new Map([...(onlyB ? [['yb', { ...b, bid: 'yb' }] as const] : []), ['b1', b]]),
          order: [...(onlyB ? ['yb'] : []), 'b1'],
        };
        const xy = mergeTables(x, y);
        const yx = mergeTables(y, x);
        expect(new Set(xy.order)).toEqual(new Set(yx.order));
        for (const bid of xy.order) expect(facts(xy.byBid.get(bid) as UpgradeTask)).toEqual(facts(yx.byBid.get(bid) as UpgradeTask));
        expect(mergeTables(xy, y)).toBe(xy);
        expect(mergeTables(xy, x)).toBe(xy);
      }),
    );
  });
});
