import { describe, expect, it } from 'vitest';
import { dockAndDrone, kit, T0 } from '../tasks/task-scenario-test-kit';
import { DEFAULT_TASK_TIMINGS } from '../tasks/task-types';
import { activeDeviceCards, kioskFigures, recentFailures, RECENT_FAILURE_WINDOW_MS, tasksForBoard, watchingSince } from './kiosk-view';

const timings = DEFAULT_TASK_TIMINGS;

function fleet() {
  const k = kit();
  k.started(dockAndDrone('b-a1', 'DOCK-A1', 'DRONE-A1'));
  k.progress('DOCK-A1', { bid: 'b-a1', status: 'in_progress', percent: 40, step: 'download_firmware' });
  k.started(dockAndDrone('b-a2', 'DOCK-A2', 'DRONE-A2'));
  k.progress(
    'DOCK-A2',
    { bid: 'b-a2', status: 'failed', percent: 10, step: 'download_firmware', subStatus: 'DOWNLOAD_FAILED' },
    T0 + 1_000,
  );
  k.started(dockAndDrone('b-b1', 'DOCK-B1', 'DRONE-B1'));
  k.reply('DOCK-B1', 'tid-b-b1', 'b-b1', 312015, T0 + 2_000);
  k.progress('DOCK-B2', { bid: 'b-b2', status: 'in_progress', percent: 70, step: 'upgrade_firmware' });
  k.progress('DOCK-B3', { bid: 'b-b3', status: 'ok', percent: 100, step: 'upgrade_firmware' });
  return k;
}

describe('tasksForBoard', () => {
  it('keeps the gateways whose SN starts with the prefix, in task order', () => {
    const { store } = fleet();
    const table = store.getState().table;
    expect(tasksForBoard(table, null).map((t) => t.bid)).toEqual(['b-a1', 'b-a2', 'b-b1', 'b-b2', 'b-b3']);
    expect(tasksForBoard(table, 'DOCK-A').map((t) => t.bid)).toEqual(['b-a1', 'b-a2']);
    expect(tasksForBoard(table, 'DOCK-B2').map((t) => t.bid)).toEqual(['b-b2']);
    // A prefix, not a substring: "A1" is inside "DOCK-A1" but no SN starts with it.
    expect(tasksForBoard(table, 'A1')).toEqual([]);
  });

  it('keeps only the tasks of the campaign asked for', () => {
    const k = kit();
    k.started({ bid: 'c-1', tid: 't-c-1', gateway: 'DOCK-C1', devices: [{ sn: 'DOCK-C1' }], campaignId: 'camp-1' });
    k.started({ bid: 'c-2', tid: 't-c-2', gateway: 'DOCK-C2', devices: [{ sn: 'DOCK-C2' }], campaignId: 'camp-2' });
    const table = k.store.getState().table;
    expect(tasksForBoard(table, null, 'camp-1').map((t) => t.bid)).toEqual(['c-1']);
    expect(tasksForBoard(table, 'DOCK-C2', 'camp-1')).toEqual([]);
  });
});

describe('activeDeviceCards', () => {
  it('has one card per device of each task still running, none for finished tasks', () => {
    const { store } = fleet();
    const cards = activeDeviceCards(tasksForBoard(store.getState().table, null));
    expect(cards.map((c) => c.sn)).toEqual(['DOCK-A1', 'DRONE-A1', 'DOCK-B2']);
    expect(new Set(cards.map((c) => c.key)).size).toBe(cards.length);
  });
});

describe('kioskFigures', () => {
  it('counts the tiles over the filtered tasks only', () => {
    const { store } = fleet();
    const table = store.getState().table;
    const all = kioskFigures(tasksForBoard(table, null), T0 + 3_000, timings);
    expect(all).toMatchObject({ inProgress: 2, ok: 1, failed: 1, rejected: 1, stalled: 0, total: 5 });
    const a = kioskFigures(tasksForBoard(table, 'DOCK-A'), T0 + 3_000, timings);
    expect(a).toMatchObject({ inProgress: 1, ok: 0, failed: 1, rejected: 0, total: 2 });
    // Two tasks: one at 40 % of its first step (20 % overall), one failed (not done): mean 10 %.
    expect(a.overallPercent).toBe(10);
  });

  it('counts a silent task as stalled, not in progress, once the stalled time has passed', () => {
    const { store } = fleet();
    const tasks = tasksForBoard(store.getState().table, 'DOCK-A1');
    expect(kioskFigures(tasks, T0 + timings.stalledAfterMs + 1, timings)).toMatchObject({ inProgress: 0, stalled: 1 });
  });

  it('estimates the ETA from the slowest active task and has none without progress to go on', () => {
    const k = kit();
    k.progress('DOCK-E', { bid: 'b-e', status: 'in_progress', percent: 10, step: 'upgrade_firmware' }, T0);
    expect(kioskFigures(tasksForBoard(k.store.getState().table, null), T0, timings).etaMs).toBeNull();
    // 120 MB in the task, 60 % of it left at 1 MB/s: 72 s, the longer of the two.
    k.started(dockAndDrone('b-f', 'DOCK-F', 'DRONE-F'));
    k.progress('DOCK-F', { bid: 'b-f', status: 'in_progress', percent: 40, step: 'download_firmware', rate: 1_000_000 });
    k.started(dockAndDrone('b-g', 'DOCK-G', 'DRONE-G'));
    k.progress('DOCK-G', { bid: 'b-g', status: 'in_progress', percent: 90, step: 'download_firmware', rate: 1_000_000 });
    expect(kioskFigures(tasksForBoard(k.store.getState().table, null), T0, timings).etaMs).toBe(72_000);
  });
});

describe('recentFailures', () => {
  it('lists failures newest first with the reason in words', () => {
    const { store } = fleet();
    const failures = recentFailures(tasksForBoard(store.getState().table, null), T0 + 3_000, timings);
    expect(failures.map((f) => f.bid)).toEqual(['b-b1', 'b-a2']);
    expect(failures[0]).toMatchObject({ gateway: 'DOCK-B1', label: 'Rejected', devices: ['DOCK-B1', 'DRONE-B1'] });
    expect(failures[0]?.failure).toEqual({ reason: { kind: 'code', code: 312015 }, nextStep: expect.any(String) });
    expect(failures[1]).toMatchObject({ label: 'Failed', failure: { reason: { kind: 'sub-status', value: 'DOWNLOAD_FAILED' } } });
  });

  it('leaves out failures older than the window and keeps at most the maximum', () => {
    const { store } = fleet();
    const tasks = tasksForBoard(store.getState().table, null);
    expect(recentFailures(tasks, T0 + 3_000, timings, 1).map((f) => f.bid)).toEqual(['b-b1']);
    expect(recentFailures(tasks, T0 + RECENT_FAILURE_WINDOW_MS + 60_000, timings)).toEqual([]);
  });
});

describe('watchingSince', () => {
  it('vouches for "no failures" from the opening of the board until it has watched the whole window', () => {
    expect(watchingSince(T0, T0 + 60_000)).toBe(T0);
    expect(watchingSince(T0, T0 + RECENT_FAILURE_WINDOW_MS - 1)).toBe(T0);
    expect(watchingSince(T0, T0 + RECENT_FAILURE_WINDOW_MS)).toBeNull();
  });
});

describe('kioskFigures: what can be verified', () => {
  it('counts as checkable only the succeeded upgrades whose target version is known', () => {
    const k = kit();
    k.started(dockAndDrone('b-own', 'DOCK-O', 'DRONE-O'));
    k.progress('DOCK-O', { bid: 'b-own', status: 'ok', percent: 100, step: 'upgrade_firmware' });
    // Seen only as events (started before the board opened, or elsewhere): no target version.
    k.progress('DOCK-X', { bid: 'b-seen', status: 'ok', percent: 100, step: 'upgrade_firmware' });
    k.progress('DOCK-Y', { bid: 'b-run', status: 'in_progress', percent: 10, step: 'download_firmware' });
    const figures = kioskFigures(tasksForBoard(k.store.getState().table, null), T0, timings);
    expect(figures).toMatchObject({ ok: 2, verified: 0, checkable: 1, uncheckable: 1 });
  });
});
