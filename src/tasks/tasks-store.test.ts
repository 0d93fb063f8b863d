import { describe, expect, it } from 'vitest';
import type { Decoded } from '../protocol/messages.ts';
import { filterTaskIds, selectActiveTaskBid, selectCampaignSummary } from './task-selectors.ts';
import { otaCreate, progress, reply, state } from './task-test-kit.ts';
import { MAX_TASKS, type TaskTimings } from './task-types.ts';
import { summarizeTable } from './task-derived.ts';
import { createTasksStore } from './tasks-store.ts';

const T: TaskTimings = { stalledAfterMs: 60_000, replyTimeoutMs: 10_000, verifyGraceMs: 30_000 };
const osd: Decoded = { kind: 'ignored', meta: progress().meta, reason: 'not ours' };

function countUpdates(store: ReturnType<typeof createTasksStore>): () => number {
  let n = 0;
  store.subscribe(() => n++);
  return () => n;
}

describe('tasksStore', () => {
  it('applies a whole batch in one store update, with the summary computed in that flush', () => {
    const store = createTasksStore(T);
    const updates = countUpdates(store);
    store
      .getState()
      .batchReceived(
        [
          progress({ bid: 'a', gateway: 'DOCK1', ts: 1, percent: 10, tid: '1' }),
          progress({ bid: 'a', gateway: 'DOCK1', ts: 2, percent: 20, tid: '2' }),
          progress({ bid: 'b', gateway: 'DOCK2', ts: 1, status: 'ok', percent: 100, tid: '3' }),
          otaCreate({ bid: 'c', gateway: 'DOCK3' }),
          osd,
        ],
        1_000,
      );
    expect(updates()).toBe(1);
    const { summary, table, version } = store.getState();
    expect(table.order).toEqual(['a', 'b', 'c']);
    expect(version).toBe(1);
    expect(summary).toMatchObject({ total: 3, active: 2, computedAt: 1_000 });
    expect(summary.counts).toMatchObject({ in_progress: 1, ok: 1, published: 1 });
  });

  it('a batch with nothing for tasks does not notify subscribers', () => {
    const store = createTasksStore(T);
    store.getState().batchReceived([progress({ bid: 'a' })], 1_000);
    const updates = countUpdates(store);
    store.getState().batchReceived([osd, state('UNKNOWN1', '1.0')], 1_001);
    expect(updates()).toBe(0);
  });

  it('says which bids a batch changed, and null after a change that may touch any', () => {
    const store = createTasksStore();
    store.getState().batchReceived([progress({ bid: 'b-1', gateway: 'G1' }), progress({ bid: 'b-2', gateway: 'G2' })], 1_000);
    expect([...(store.getState().changedBids ?? [])].sort()).toEqual(['b-1', 'b-2']);
    store.getState().batchReceived([progress({ bid: 'b-2', gateway: 'G2', percent: 50, tid: 't-2' })], 2_000);
    expect([...(store.getState().changedBids ?? [])]).toEqual(['b-2']);
    store.getState().tasksRestored(store.getState().table, 3_000);
    expect(store.getState().changedBids).toBeNull();
  });

  it('the command flow: created, published, reply, timed out', () => {
    const store = createTasksStore(T);
    const s = () => store.getState();
    s().taskCreated({ bid: 'x', tid: 'tx', gateway: 'DOCK1', devices: [{ sn: 'DOCK1' }] }, 0);
    s().taskCreated({ bid: 'y', tid: 'ty', gateway: 'DOCK2', devices: [{ sn: 'DOCK2' }] }, 0);
    expect(s().summary.counts.queued).toBe(2);
    s().taskPublished('x', 10);
    s().taskPublished('y', 10);
    s().batchReceived([reply({ bid: 'x', tid: 'tx', result: 312015 })], 20);
    s().replyTimedOut('y', 10_010);
    expect(s().table.byBid.get('x')?.command).toBe('rejected');
    expect(s().summary.counts).toMatchObject({ rejected: 1, 'no-reply': 1, queued: 0 });
  });

  it('clockTicked moves derived states on without traffic, and leaves an unchanged summary alone', () => {
    const store = createTasksStore(T);
    store.getState().batchReceived([progress({ bid: 'a', percent: 5 })], 0);
    const before = store.getState().summary;
    store.getState().clockTicked(1_000);
    expect(store.getState().summary).toBe(before);
    store.getState().clockTicked(T.stalledAfterMs);
    expect(store.getState().summary.counts.stalled).toBe(1);
  });

  it('timingsChanged re-evaluates with the new silence', () => {
    const store = createTasksStore(T);
    store.getState().batchReceived([progress({ bid: 'a', percent: 5 })], 0);
    store.getState().timingsChanged({ stalledAfterMs: 500 }, 600);
    expect(store.getState().summary.counts.stalled).toBe(1);
  });

  it('keeps at most MAX_TASKS, dropping the oldest finished ones, never active ones', () => {
    const store = createTasksStore(T);
    const batch: Decoded[] = [progress({ bid: 'active-old', gateway: 'DOCKA', ts: 1, percent: 1 })];
    for (let i = 0; i < MAX_TASKS + 5; i++) batch.push(progress({ bid: `done-${i}`, gateway: `GW${i}`, status: 'ok', percent: 100 }));
    store.getState().batchReceived(batch, 1);
    const { table } = store.getState();
    expect(table.order).toHaveLength(MAX_TASKS);
    expect(table.byBid.has('active-old')).toBe(true);
    expect(table.byBid.has('done-5')).toBe(false);
    expect(table.byBid.has('done-6')).toBe(true);
    expect(table.byBid.size).toBe(MAX_TASKS);
  });

  it('prunes tasks that finished since on the next clock tick, and leaves an all-active table alone', () => {
    const store = createTasksStore(T);
    const started: Decoded[] = [];
    for (let i = 0; i < MAX_TASKS + 5; i++) started.push(progress({ bid: `b-${i}`, gateway: `GW${i}`, ts: 1, percent: 10 }));
    store.getState().batchReceived(started, 1);
    const active = store.getState().table;
    expect(active.order).toHaveLength(MAX_TASKS + 5);
    store.getState().clockTicked(1_000);
    expect(store.getState().table).toBe(active);
    const finished: Decoded[] = [];
    for (let i = 0; i < 8; i++) finished.push(progress({ bid: `b-${i}`, gateway: `GW${i}`, ts: 2, status: 'ok', percent: 100 }));
    store.getState().batchReceived(finished, 2_000);
    // A batch that adds no task does not scan for pruning; the tick after it does.
    expect(store.getState().table.order).toHaveLength(MAX_TASKS + 5);
    store.getState().clockTicked(3_000);
    const { table, summary } = store.getState();
    expect(table.order).toHaveLength(MAX_TASKS);
    expect(table.byBid.has('b-4')).toBe(false);
    expect(table.byBid.has('b-5')).toBe(true);
    expect(summary.total).toBe(MAX_TASKS);
  });

  it('finishedTasksCleared keeps only active tasks', () => {
    const store = createTasksStore(T);
    store.getState().batchReceived([progress({ bid: 'a', percent: 1 }), progress({ bid: 'b', gateway: 'DOCK2', status: 'failed' })], 1);
    store.getState().finishedTasksCleared(2);
    expect(store.getState().table.order).toEqual(['a']);
  });
});

describe('selectors', () => {
  it('filters ids, finds the active task of a gateway and summarises a campaign', () => {
    const store = createTasksStore(T);
    const s = () => store.getState();
    s().taskCreated({ bid: 'x', tid: 'tx', gateway: 'DOCK1', devices: [{ sn: 'DOCK1' }], campaignId: 'c1' }, 0);
    s().taskCreated({ bid: 'y', tid: 'ty', gateway: 'DOCK2', devices: [{ sn: 'DOCK2' }], campaignId: 'c1' }, 0);
    s().batchReceived([progress({ bid: 'y', gateway: 'DOCK2', status: 'ok', percent: 100 }), progress({ bid: 'z', gateway: 'DOCK3' })], 5);
    expect(filterTaskIds(s(), { campaignId: 'c1' })).toEqual(['x', 'y']);
    expect(filterTaskIds(s(), { origin: 'elsewhere' })).toEqual(['z']);
    expect(selectActiveTaskBid('DOCK1')(s())).toBe('x');
    expect(selectActiveTaskBid('DOCK2')(s())).toBeNull();
    const summary = selectCampaignSummary('c1')(s());
    expect(summary).toMatchObject({ total: 2, active: 1, overallPercent: 50 });
    expect(selectCampaignSummary('c1')(s())).toBe(summary);
  });
});

describe('the summary kept from the tasks a batch changed', () => {
  it('equals a full recount after every batch of mixed progress, replies and terminal events', () => {
    const store = createTasksStore(T);
    const s = () => store.getState();
    for (let i = 0; i < 6; i++)
      s().taskCreated({ bid: `own-${i}`, tid: `tc-${i}`, gateway: `OWN${i}`, devices: [{ sn: `OWN${i}`, targetVersion: '2' }] }, 0);
    const statuses = ['in_progress', 'in_progress', 'paused', 'ok', 'failed'] as const;
    for (let round = 0; round < 12; round++) {
      const batch: Decoded[] = [];
      for (let g = 0; g < 30; g++) {
        if ((g + round) % 3 !== 0) continue;
        const status = round < 8 ? 'in_progress' : statuses[(g + round) % statuses.length]!;
        batch.push(progress({ bid: `b${g}`, gateway: `GW${g}`, ts: 1_000 + round, percent: round * 5, status, tid: `t${g}-${round}` }));
      }
      if (round === 3) batch.push(reply({ bid: 'own-1', tid: 'tc-1', result: 0 }), reply({ bid: 'own-2', tid: 'tc-2', result: 312015 }));
      if (round === 5) batch.push(progress({ bid: 'own-1', gateway: 'OWN1', ts: 2_000, status: 'ok', percent: 100, tid: 'x' }));
      if (round === 6) batch.push(state('OWN1', '2'));
      s().batchReceived(batch, 100 + round);
      expect(s().summary).toEqual(summarizeTable(s().table, 100 + round, T));
    }
    expect(s().summary.total).toBe(36);
    expect(s().summary.counts.verified).toBe(1);
  });

  it('equals a full recount on every clock tick, re-deriving only tasks past a stall or reply deadline', () => {
    const store = createTasksStore(T);
    const s = () => store.getState();
    // Own tasks published at different times (reply deadlines), tasks seen elsewhere last heard at
    // different times (stall deadlines), one that finished, one paused.
    for (let i = 0; i < 5; i++) {
      s().taskCreated({ bid: `own-${i}`, tid: `tc-${i}`, gateway: `OWN${i}`, devices: [{ sn: `OWN${i}`, targetVersion: '2' }] }, i * 3_000);
      s().taskPublished(`own-${i}`, i * 3_000);
    }
    s().batchReceived([reply({ bid: 'own-4', tid: 'tc-4', result: 0 })], 12_500);
    for (let g = 0; g < 8; g++)
      s().batchReceived([progress({ bid: `b${g}`, gateway: `GW${g}`, ts: 1_000 + g, percent: g * 10, tid: `t${g}` })], g * 11_000);
    s().batchReceived([progress({ bid: 'b0', gateway: 'GW0', ts: 5_000, status: 'ok', percent: 100, tid: 'done' })], 20_000);
    s().batchReceived([progress({ bid: 'b1', gateway: 'GW1', ts: 5_000, status: 'paused', percent: 10, tid: 'p' })], 20_000);
    const seen = new Set<string>();
    for (let now = 21_000; now <= 200_000; now += 1_000) {
      s().clockTicked(now);
      // computedAt stays that of the summary kept while nothing in it changed.
      expect({ ...s().summary, computedAt: 0 }).toEqual({ ...summarizeTable(s().table, now, T), computedAt: 0 });
      seen.add(JSON.stringify(s().summary.counts));
    }
    // The ticks did move states on (no reply, stalled), not just keep them.
    expect(s().summary.counts).toMatchObject({ 'no-reply': 4, stalled: 7, ok: 1 });
    expect(seen.size).toBeGreaterThan(5);
  });

  it('time-derived states move on the clock tick, not on an unrelated batch', () => {
    const store = createTasksStore(T);
    store.getState().batchReceived([progress({ bid: 'a', gateway: 'DOCK1', percent: 5 })], 0);
    store.getState().batchReceived([progress({ bid: 'b', gateway: 'DOCK2', percent: 5 })], T.stalledAfterMs);
    expect(store.getState().summary.counts.stalled).toBe(0);
    store.getState().clockTicked(T.stalledAfterMs + 1);
    expect(store.getState().summary.counts).toMatchObject({ stalled: 1, in_progress: 1 });
  });
});

describe('the id list across batches', () => {
  it('stays the same array while a batch only moves existing tasks, and changes when one is added', () => {
    const store = createTasksStore(T);
    store.getState().batchReceived([progress({ bid: 'a', gateway: 'DOCK1', ts: 1, percent: 1, tid: '1' })], 1);
    const ids = store.getState().table.order;
    store.getState().batchReceived([progress({ bid: 'a', gateway: 'DOCK1', ts: 2, percent: 2, tid: '2' })], 2);
    expect(store.getState().table.order).toBe(ids);
    expect(store.getState().table.byBid.get('a')?.execution?.percent).toBe(2);
    store.getState().batchReceived([progress({ bid: 'b', gateway: 'DOCK2', ts: 2, percent: 2, tid: '3' })], 3);
    expect(store.getState().table.order).toEqual(['a', 'b']);
  });

  it('adds the new tasks of a batch in arrival order without changing the array the last table holds', () => {
    const store = createTasksStore(T);
    store.getState().batchReceived([progress({ bid: 'a', gateway: 'DOCK1', ts: 1, tid: '1' })], 1);
    const before = store.getState().table;
    store
      .getState()
      .batchReceived(
        [
          progress({ bid: 'b', gateway: 'DOCK2', ts: 2, tid: '2' }),
          progress({ bid: 'a', gateway: 'DOCK1', ts: 2, percent: 3, tid: '3' }),
          progress({ bid: 'c', gateway: 'DOCK3', ts: 2, tid: '4' }),
        ],
        2,
      );
    expect(store.getState().table.order).toEqual(['a', 'b', 'c']);
    expect(before.order).toEqual(['a']);
    expect(before.byBid.get('a')?.execution?.percent).toBe(0);
  });
});

describe('verification on the clock tick', () => {
  it('expires a pending device after the grace, also beside a device already found mismatched', () => {
    const store = createTasksStore(T);
    const s = () => store.getState();
    const devices = [
      { sn: 'DOCK1', targetVersion: '2' },
      { sn: 'AIR1', targetVersion: '5' },
    ];
    s().taskCreated({ bid: 'own', tid: 'tc', gateway: 'DOCK1', devices }, 0);
    s().batchReceived([reply({ bid: 'own', tid: 'tc', result: 0 })], 10);
    s().clockTicked(1_000);
    const before = s().table;
    // Nothing waits for a version yet: the tick leaves the table as it is.
    expect(s().table).toBe(before);
    s().batchReceived([progress({ bid: 'own', gateway: 'DOCK1', ts: 2_000, status: 'ok', percent: 100, tid: 'x' })], 2_000);
    s().batchReceived([state('DOCK1', '1')], 2_500);
    const verification = () =>
      s()
        .table.byBid.get('own')
        ?.devices.map((d) => d.verification);
    expect(verification()).toEqual(['version-mismatch', 'pending']);
    s().clockTicked(2_000 + T.verifyGraceMs - 1);
    expect(verification()).toEqual(['version-mismatch', 'pending']);
    s().clockTicked(2_000 + T.verifyGraceMs);
    expect(verification()).toEqual(['version-mismatch', 'version-mismatch']);
    expect(s().summary.counts).toEqual(summarizeTable(s().table, 2_000 + T.verifyGraceMs, T).counts);
  });
});
