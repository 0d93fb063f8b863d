import { afterEach, describe, expect, it } from 'vitest';
import { summarizeFigures } from '../campaigns/campaign-figures';
import { campaignProgress, gatewayRows } from '../campaigns/campaign-rows';
import { createWorld, gatewaySn, makePlan, type World } from '../campaigns/campaign-test-kit';
import { taskState } from '../tasks/task-derived';
import { tasksInOrder } from '../tasks/task-table';
import { dockAndDrone, kit, T0 } from '../tasks/task-scenario-test-kit';
import type { UpgradeTask } from '../tasks/task-types';
import { campaignView, DEFAULT_ROW_QUERY, TaskRowCache, taskView, type DeviceRowRef, type RowQuery } from './device-rows';

const keys = (rows: readonly DeviceRowRef[]) =>
  rows.map((r) => (r.kind === 'task' ? `${r.bid}/${r.sn}${r.earlier ? ' (earlier)' : ''}` : `${r.state}:${r.sn}`));

describe('taskView', () => {
  function retried() {
    const k = kit();
    // The first attempt on DOCK-A failed; the retry (a new task, later) succeeded.
    k.started(dockAndDrone('b-old', 'DOCK-A', 'DRONE-A'), T0);
    k.progress('DOCK-A', { bid: 'b-old', status: 'failed', step: 'download_firmware', percent: 3, result: 312028 }, T0 + 10);
    k.started({ ...dockAndDrone('b-new', 'DOCK-A', 'DRONE-A'), attempt: 2, retryOf: 'b-old' }, T0 + 20);
    k.progress('DOCK-A', { bid: 'b-new', status: 'ok', subStatus: 'UPGRADE_SUCCESS', step: 'upgrade_firmware', percent: 100 }, T0 + 30);
    k.started(dockAndDrone('b-other', 'DOCK-B', 'DRONE-B'), T0 + 40);
    k.progress('DOCK-B', { bid: 'b-other', status: 'in_progress', step: 'download_firmware', percent: 40 }, T0 + 50);
    return tasksInOrder(k.store.getState().table);
  }
  const stateOf = (task: UpgradeTask) => taskState(task, T0 + 60, { stalledAfterMs: 1e9, replyTimeoutMs: 1e9, verifyGraceMs: 1e9 });

  it('lists each device’s latest attempt first: an old failure does not stay on top after a successful retry', () => {
    const view = taskView(retried(), DEFAULT_ROW_QUERY, stateOf);
    expect(keys(view.rows)).toEqual([
      'b-other/DOCK-B',
      'b-other/DRONE-B',
      'b-new/DOCK-A',
      'b-new/DRONE-A',
      'b-old/DOCK-A (earlier)',
      'b-old/DRONE-A (earlier)',
    ]);
    // The tiles count the latest attempts; the earlier one is counted apart.
    expect(summarizeFigures(view.items)).toMatchObject({ total: 2, succeeded: 1, failed: 0, active: 1 });
    expect(view.earlier).toBe(1);
  });

  it('counts only what the filters leave', () => {
    const tasks = retried();
    const search: RowQuery = { ...DEFAULT_ROW_QUERY, search: 'drone-b' };
    const bySearch = taskView(tasks, search, stateOf);
    expect(keys(bySearch.rows)).toEqual(['b-other/DRONE-B']);
    expect(summarizeFigures(bySearch.items)).toMatchObject({ total: 1, active: 1 });
    expect(bySearch.earlier).toBe(0);

    const failedOnly = taskView(tasks, { ...DEFAULT_ROW_QUERY, state: 'failed' }, stateOf);
    expect(keys(failedOnly.rows)).toEqual(['b-old/DOCK-A (earlier)', 'b-old/DRONE-A (earlier)']);
    expect(failedOnly.items).toEqual([]);
    expect(failedOnly.earlier).toBe(1);
  });

  it('searches case aside, inside an SN, with regular-expression characters taken as they are, and keeps earlier attempts apart', () => {
    const tasks = retried();
    const rows = (search: string) => keys(taskView(tasks, { ...DEFAULT_ROW_QUERY, search }, stateOf).rows);
    // A search for the drone still knows that the failed attempt on it is an earlier one.
    expect(rows(' Drone-A ')).toEqual(['b-new/DRONE-A', 'b-old/DRONE-A (earlier)']);
    expect(rows('ock-')).toHaveLength(6);
    expect(rows('DOCK.A')).toEqual([]);
    expect(rows('.*')).toEqual([]);
    expect(rows('(')).toEqual([]);
  });

  it('keeps a row the same object from one view to the next while its task and place stay, with a cache', () => {
    const k = kit();
    k.started(dockAndDrone('b-old', 'DOCK-A', 'DRONE-A'), T0);
    k.progress('DOCK-A', { bid: 'b-old', status: 'in_progress', step: 'download_firmware', percent: 3 }, T0 + 10);
    const cache = new TaskRowCache();
    const first = taskView(tasksInOrder(k.store.getState().table), DEFAULT_ROW_QUERY, stateOf, cache).rows;
    k.progress('DOCK-A', { bid: 'b-old', status: 'in_progress', step: 'download_firmware', percent: 9 }, T0 + 11);
    const second = taskView(tasksInOrder(k.store.getState().table), DEFAULT_ROW_QUERY, stateOf, cache).rows;
    expect(second).toHaveLength(2);
    second.forEach((row, i) => expect(row).toBe(first[i]));

    // A retry of the same devices: the old rows turn earlier (new objects, same keys), the new ones come.
    k.progress('DOCK-A', { bid: 'b-old', status: 'failed', step: 'download_firmware', percent: 9, result: 312028 }, T0 + 12);
    k.started({ ...dockAndDrone('b-new', 'DOCK-A', 'DRONE-A'), attempt: 2, retryOf: 'b-old' }, T0 + 20);
    const third = taskView(tasksInOrder(k.store.getState().table), DEFAULT_ROW_QUERY, stateOf, cache).rows;
    expect(keys(third)).toEqual(['b-new/DOCK-A', 'b-new/DRONE-A', 'b-old/DOCK-A (earlier)', 'b-old/DRONE-A (earlier)']);
    expect(third[2]).not.toBe(first[0]);
    expect(third[2]?.key).toBe(first[0]?.key);
    // What is the same as a view without a cache would give.
    expect(third).toEqual(taskView(tasksInOrder(k.store.getState().table), DEFAULT_ROW_QUERY, stateOf).rows);

    // A row whose task left the view is let go: when it comes back it is a new object.
    const failed = taskView(tasksInOrder(k.store.getState().table), { ...DEFAULT_ROW_QUERY, state: 'in_progress' }, stateOf, cache).rows;
    expect(failed).toEqual([]);
    taskView(tasksInOrder(k.store.getState().table), { ...DEFAULT_ROW_QUERY, state: 'in_progress' }, stateOf, cache);
    const back = taskView(tasksInOrder(k.store.getState().table), DEFAULT_ROW_QUERY, stateOf, cache).rows;
    expect(back[0]).not.toBe(third[0]);
    expect(keys(back)).toEqual(keys(third));
  });

  it('sorts by last event within the latest attempts, and again within the earlier ones', () => {
    const view = taskView(retried(), { ...DEFAULT_ROW_QUERY, sort: 'age' }, stateOf);
    expect(keys(view.rows).slice(0, 2)).toEqual(['b-other/DOCK-B', 'b-other/DRONE-B']);
    expect(keys(view.rows).slice(4)).toEqual(['b-old/DOCK-A (earlier)', 'b-old/DRONE-A (earlier)']);
  });
});

describe('campaignView', () => {
  let w: World;
  afterEach(() => w.stop());

  async function campaign() {
    w = createWorld();
    const id = w.campaigns.getState().campaignStarted(makePlan(4, { maxParallel: 2 }), w.clock.now);
    await w.settle();
    w.reject(gatewaySn(1), 312015);
    w.report(gatewaySn(2), 'in_progress', 20);
    await w.settle();
    return id;
  }
  function viewOf(id: string, query: RowQuery = { ...DEFAULT_ROW_QUERY, campaign: id }) {
    const c = w.campaigns.getState().campaigns.find((x) => x.id === id)!;
    const { table, timings } = w.tasks.getState();
    const rows = gatewayRows(c, table, w.clock.now, timings);
    const view = campaignView(c, rows, tasksInOrder(table), query, (task) => taskState(task, w.clock.now, timings));
    return { view, progress: campaignProgress(c, rows, w.clock.now) };
  }

  it('shows gateways not sent yet as rows, and counts exactly what the campaign page counts', async () => {
    const id = await campaign();
    const { view, progress } = viewOf(id);
    // 1 was rejected, 2 upgrades, 3 went out in 1's place, 4 waits for room.
    expect(keys(view.rows)).toEqual([
      expect.stringMatching(/\/DOCK001$/),
      expect.stringMatching(/\/DOCK002$/),
      expect.stringMatching(/\/DOCK003$/),
      'not-sent:DOCK004',
    ]);
    expect(summarizeFigures(view.items)).toEqual(progress.figures);
    expect(progress.figures).toMatchObject({ total: 4, failed: 1, active: 2, notSent: 1 });
  });

  it('lists a retried gateway as waiting, its failed attempt after the latest ones, and filters on the campaign’s own states', async () => {
    const id = await campaign();
    w.campaigns.getState().gatewayRetried(id, gatewaySn(1), w.clock.now);
    const { view, progress } = viewOf(id);
    const rows = keys(view.rows);
    expect(rows.at(-1)).toMatch(/\/DOCK001 \(earlier\)$/);
    expect(rows).toContain('retry-queued:DOCK001');
    expect(summarizeFigures(view.items)).toEqual(progress.figures);
    expect(progress.figures).toMatchObject({ failed: 0, notSent: 2 });
    expect(view.earlier).toBe(1);

    const waiting = viewOf(id, { ...DEFAULT_ROW_QUERY, campaign: id, state: 'retry-queued' }).view;
    expect(keys(waiting.rows)).toEqual(['retry-queued:DOCK001']);
    expect(summarizeFigures(waiting.items)).toMatchObject({ total: 1, notSent: 1 });
  });

  it('carries what the plan says a device gets to its row', async () => {
    const id = await campaign();
    const row = viewOf(id).view.rows.find((r) => r.kind === 'plan');
    expect(row).toMatchObject({
      kind: 'plan',
      gateway: 'DOCK004',
      sn: 'DOCK004',
      modelKey: '3-1-0',
      fromVersion: '10.0.0',
      targetVersion: '10.1.0',
    });
  });
});
