import { describe, expect, it } from 'vitest';
import { taskCreated } from './task-command.ts';
import { applyProgress, RAW_KEEP_LIMIT } from './task-progress.ts';
import { EMPTY_TASK_TABLE, type TaskTable } from './task-table.ts';
import { progress } from './task-test-kit.ts';
import { EVENT_LOG_CAP, RAW_KEPT_EVENTS, type UpgradeTask } from './task-types.ts';

const NOW = 50_000;

function ours(bid = 'bid-1', gateway = 'DOCK1'): TaskTable {
  return taskCreated(EMPTY_TASK_TABLE, { bid, tid: `tid-${bid}`, gateway, devices: [{ sn: gateway, targetVersion: '2.0.0' }] }, 10);
}

function only(table: TaskTable, bid = 'bid-1'): UpgradeTask {
  const task = table.byBid.get(bid);
  if (task === undefined) throw new Error(`no task ${bid}`);
  return task;
}

describe('applyProgress', () => {
  it('records status, sub-status, step, percent, rate and times of the event', () => {
    const table = applyProgress(
      ours(),
      progress({ ts: 1_000, percent: 42, step: 'download_firmware', sub: 'DOWNLOADING', rate: 2048 }),
      NOW,
    );
    expect(only(table).execution).toEqual({
      status: 'in_progress',
      subStatus: 'DOWNLOADING',
      subStatusRaw: 'DOWNLOADING',
      step: 'download_firmware',
      percent: 42,
      rate: 2048,
      result: 0,
      lastEventAt: 1_000,
      lastAppliedAt: NOW,
    });
    expect(only(table).lastReceivedAt).toBe(NOW);
    expect(only(table).events).toHaveLength(1);
  });

  it('keeps percent with its step: it restarts at 0 when the step changes', () => {
    let table = applyProgress(ours(), progress({ ts: 1_000, percent: 100, step: 'download_firmware' }), NOW);
    table = applyProgress(table, progress({ ts: 2_000, percent: 0, step: 'upgrade_firmware', tid: 't2' }), NOW);
    expect(only(table).execution).toMatchObject({ step: 'upgrade_firmware', percent: 0 });
  });

  it('ignores an event older than the newest applied one, but logs it in time order', () => {
    let table = applyProgress(ours(), progress({ ts: 2_000, percent: 60, tid: 'a' }), NOW);
    table = applyProgress(table, progress({ ts: 1_000, percent: 30, tid: 'b' }), NOW + 1);
    expect(only(table).execution).toMatchObject({ percent: 60, lastEventAt: 2_000 });
    expect(only(table).events.map((e) => e.percent)).toEqual([30, 60]);
  });

  it('ignores a redelivery with the same timestamp, status and percent (even with another tid)', () => {
    const first = applyProgress(ours(), progress({ ts: 1_000, percent: 10, tid: 'a' }), NOW);
    const again = applyProgress(first, progress({ ts: 1_000, percent: 10, tid: 'b' }), NOW + 5);
    expect(again).toBe(first);
  });

  it('ignores a redelivery with the same tid when the device sends no timestamp', () => {
    const first = applyProgress(ours(), progress({ ts: null, percent: 10, tid: 'a' }), NOW);
    expect(applyProgress(first, progress({ ts: null, percent: 10, tid: 'a' }), NOW + 1)).toBe(first);
  });

  it('applies distinct events that share the ota_create tid (Autel echoes it)', () => {
    let table = applyProgress(ours(), progress({ ts: 1_000, percent: 10, tid: 'tid-bid-1' }), NOW);
    table = applyProgress(table, progress({ ts: 2_000, percent: 20, tid: 'tid-bid-1' }), NOW);
    expect(only(table).execution?.percent).toBe(20);
  });

  it('falls back to arrival order when events carry no timestamp', () => {
    let table = applyProgress(ours(), progress({ ts: null, percent: 50, tid: 'a' }), NOW);
    table = applyProgress(table, progress({ ts: null, percent: 20, tid: 'b' }), NOW + 1);
    expect(only(table).execution).toMatchObject({ percent: 20, lastEventAt: null });
  });

  it('a terminal task stays terminal for its bid; a new bid is a new task', () => {
    let table = applyProgress(ours(), progress({ ts: 1_000, status: 'failed', sub: 'DOWNLOAD_FAILED', tid: 'a' }), NOW);
    expect(only(table)).toMatchObject({ terminal: true, finishedAt: 1_000 });
    table = applyProgress(table, progress({ ts: 2_000, status: 'in_progress', percent: 5, tid: 'b' }), NOW + 1);
    expect(only(table).execution?.status).toBe('failed');
    expect(only(table).events).toHaveLength(2);
    table = applyProgress(table, progress({ bid: 'bid-2', ts: 3_000, percent: 1, tid: 'c' }), NOW + 2);
    expect(only(table, 'bid-2')).toMatchObject({ origin: 'elsewhere', terminal: false });
    expect(only(table).execution?.status).toBe('failed');
  });

  it('reads failure from status, not result: failed with result 0 is terminal', () => {
    const table = applyProgress(ours(), progress({ status: 'failed', result: 0 }), NOW);
    expect(only(table).terminal).toBe(true);
  });

  it('caps the event log at the first event and the newest ones', () => {
    let table = ours();
    for (let i = 0; i < EVENT_LOG_CAP + 20; i++)
      table = applyProgress(table, progress({ ts: 1_000 + i, percent: i % 100, tid: `t${i}` }), NOW);
    const events = only(table).events;
    expect(events).toHaveLength(EVENT_LOG_CAP);
    expect(events[0]?.timestamp).toBe(1_000);
    expect(events[1]?.timestamp).toBe(1_021);
    expect(events.at(-1)?.timestamp).toBe(1_000 + EVENT_LOG_CAP + 19);
    // Between the first and the newest of a full log: not kept.
    const late = applyProgress(table, progress({ ts: 1_001, percent: 77, tid: 'late' }), NOW);
    expect(only(late).events).toBe(events);
    // Older than the first: it becomes the first, the previous first goes.
    const earliest = only(applyProgress(table, progress({ ts: 999, percent: 0, tid: 'early' }), NOW)).events;
    expect(earliest.map((e) => e.timestamp).slice(0, 2)).toEqual([999, 1_021]);
    expect(earliest).toHaveLength(EVENT_LOG_CAP);
  });

  it('keeps the raw JSON of the newest RAW_KEPT_EVENTS events only, also when an older event arrives late', () => {
    let table = ours();
    for (let i = 0; i < 12; i += 1) if (i !== 9) table = applyProgress(table, progress({ ts: 1_000 + i, percent: i, tid: `t${i}` }), NOW);
    table = applyProgress(table, progress({ ts: 1_009, percent: 9, tid: 't9' }), NOW);
    table = applyProgress(table, progress({ ts: 1_003, percent: 3, tid: 't3-again' }), NOW);
    const events = only(table).events;
    const withRaw = events.filter((e) => e.raw !== undefined).map((e) => e.timestamp);
    expect(withRaw).toEqual([1_007, 1_008, 1_009, 1_010, 1_011].slice(-RAW_KEPT_EVENTS));
    expect(JSON.parse(events.at(-1)?.raw ?? 'null')).toMatchObject({ data: { output: { progress: { percent: 11 } } } });
  });

  it('counts only events that came with their raw JSON: ticks sent without it leave the newest such events theirs', () => {
    const tick = (ts: number) => {
      const m = progress({ ts, percent: ts - 1_000, tid: `t${ts}` });
      return { ...m, meta: { ...m.meta, text: '' } };
    };
    let table = ours();
    for (const ts of [1_000, 1_001]) table = applyProgress(table, progress({ ts, percent: ts - 1_000, tid: `t${ts}` }), NOW);
    for (const ts of [1_002, 1_003, 1_004]) table = applyProgress(table, tick(ts), NOW);
    const rawOf = (t: TaskTable) =>
      only(t)
        .events.filter((e) => e.raw !== undefined)
        .map((e) => e.timestamp);
    expect(only(table).events).toHaveLength(5);
    expect(rawOf(table)).toEqual([1_000, 1_001].slice(-RAW_KEPT_EVENTS));
    const later = applyProgress(table, progress({ ts: 1_005, percent: 5, tid: 't1005' }), NOW);
    expect(rawOf(later)).toEqual([1_000, 1_001, 1_005].slice(-RAW_KEPT_EVENTS));
    // The same events in another order end the same.
    let shuffled = ours();
    for (const m of [
      tick(1_003),
      progress({ ts: 1_005, percent: 5, tid: 't1005' }),
      tick(1_002),
      progress({ ts: 1_001, percent: 1, tid: 't1001' }),
      tick(1_004),
      progress({ ts: 1_000, percent: 0, tid: 't1000' }),
    ])
      shuffled = applyProgress(shuffled, m, NOW);
    expect(only(shuffled).events).toEqual(only(later).events);
  });

  it('replaces an oversized raw payload by a note', () => {
    const big = progress({ sub: 'X'.repeat(RAW_KEEP_LIMIT) });
    const table = applyProgress(ours(), big, NOW);
    expect(JSON.parse(only(table).events[0]?.raw ?? 'null')).toEqual({ note: `payload of ${big.meta.size} bytes not kept` });
    const message = progress({ percent: 3 });
    const small = applyProgress(ours(), message, NOW);
    expect(only(small).events[0]?.raw).toBe(message.meta.text);
  });
});

describe('progress correlation', () => {
  it('matches by bid first', () => {
    const table = applyProgress(ours('bid-1'), progress({ bid: 'bid-1', percent: 9 }), NOW);
    expect(only(table)).toMatchObject({ origin: 'this-console', execution: { percent: 9 } });
    expect(table.order).toEqual(['bid-1']);
  });

  it('without a bid, goes to the gateway active task', () => {
    let table = ours('bid-1', 'DOCK1');
    table = taskCreated(table, { bid: 'bid-2', tid: 't', gateway: 'DOCK2', devices: [{ sn: 'DOCK2' }] }, 20);
    table = applyProgress(table, progress({ bid: null, gateway: 'DOCK2', percent: 33 }), NOW);
    expect(only(table, 'bid-2').execution?.percent).toBe(33);
    expect(only(table, 'bid-1').execution).toBeNull();
  });

  it('without a bid and no active task, records a task started elsewhere, and keeps using it', () => {
    let table = applyProgress(EMPTY_TASK_TABLE, progress({ bid: null, gateway: 'DOCK9', ts: 4_000, percent: 1, tid: 'a' }), NOW);
    table = applyProgress(table, progress({ bid: null, gateway: 'DOCK9', ts: 5_000, percent: 2, tid: 'b' }), NOW);
    expect(table.order).toHaveLength(1);
    const task = only(table, table.order[0]);
    expect(task).toMatchObject({ origin: 'elsewhere', gateway: 'DOCK9', command: null, devicesInferred: true, createdAt: 4_000 });
    expect(task.devices).toEqual([{ sn: 'DOCK9', verification: null }]);
    expect(task.execution?.percent).toBe(2);
  });

  it('an unknown bid is a task started elsewhere under that bid', () => {
    const table = applyProgress(ours('bid-1'), progress({ bid: 'other', percent: 4 }), NOW);
    expect(only(table, 'other')).toMatchObject({ origin: 'elsewhere', bid: 'other', gateway: 'DOCK1' });
    expect(only(table).execution).toBeNull();
  });

  it('a finished gateway task is not active: bid-less progress starts a new task', () => {
    let table = applyProgress(ours(), progress({ status: 'ok', percent: 100, tid: 'a' }), NOW);
    table = applyProgress(table, progress({ bid: null, ts: 9_000, percent: 3, tid: 'b' }), NOW);
    expect(table.order).toHaveLength(2);
    expect(only(table).execution?.status).toBe('ok');
  });

  it('returns the same table for an event that changes nothing', () => {
    const table = applyProgress(ours(), progress({ percent: 3 }), NOW);
    expect(applyProgress(table, progress({ percent: 3 }), NOW)).toBe(table);
  });
});
