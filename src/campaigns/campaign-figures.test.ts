import { afterEach, describe, expect, it } from 'vitest';
import { FIGURE_BUCKET, summarizeFigures, type FigureItem } from './campaign-figures.ts';
import { campaignProgress, gatewayRows } from './campaign-rows.ts';
import { createWorld, gatewaySn, makePlan, type World } from './campaign-test-kit.ts';
import { taskOverallShare } from '../tasks/task-derived.ts';
import { dockAndDrone, kit } from '../tasks/task-scenario-test-kit.ts';
import { TASK_STATES } from '../tasks/task-types.ts';

const item = (state: FigureItem['state'], completion = 0): FigureItem => ({ state, completion });

describe('summarizeFigures', () => {
  it('counts every state in exactly one bucket', () => {
    const states = Object.keys(FIGURE_BUCKET) as FigureItem['state'][];
    const figures = summarizeFigures(states.map((s) => item(s)));
    expect(figures.total).toBe(states.length);
    expect(figures.succeeded + figures.failed + figures.active + figures.notSent + figures.skipped).toBe(states.length);
    expect(figures).toMatchObject({ succeeded: 3, failed: 5, active: 7, notSent: 2, skipped: 1 });
  });

  it('never says 100% while anything failed: a failure counts as not done', () => {
    const figures = summarizeFigures([
      ...Array.from({ length: 8 }, () => item('verified', 100)),
      item('failed', 100),
      item('rejected', 100),
    ]);
    expect(figures).toMatchObject({ total: 10, succeeded: 8, failed: 2, active: 0 });
    expect(figures.percent).toBe(80);
  });

  it('counts an active item by its progress, and unsent or skipped ones as nothing yet', () => {
    const figures = summarizeFigures([item('ok', 100), item('in_progress', 50), item('not-sent', 0), item('skipped', 100)]);
    expect(figures.percent).toBe((100 + 50) / 4);
    expect(figures).toMatchObject({ succeeded: 1, active: 1, notSent: 1, skipped: 1 });
  });

  it('keeps out-of-range progress within 0..100', () => {
    expect(summarizeFigures([item('in_progress', 180)]).percent).toBe(100);
    expect(summarizeFigures([item('in_progress', Number.NaN)]).percent).toBe(0);
  });

  it('agrees with the task summary’s overall percent (the kiosk’s) on what counts whole and what not at all', () => {
    const k = kit();
    k.started(dockAndDrone('b-1', 'DOCK-A', 'DRONE-A'));
    k.progress('DOCK-A', { bid: 'b-1', status: 'in_progress', step: 'download_firmware', percent: 74 });
    const task = k.store.getState().table.byBid.get('b-1')!;
    for (const state of TASK_STATES) {
      const expected = { succeeded: 100, failed: 0, active: 37, 'not-sent': 0, skipped: 0 }[FIGURE_BUCKET[state]];
      expect(taskOverallShare(task, state), state).toBe(expected);
      expect(summarizeFigures([item(state, 37)]).percent, state).toBe(expected);
    }
  });

  it('has no percent without items', () => {
    expect(summarizeFigures([])).toMatchObject({ total: 0, percent: null, succeeded: 0 });
  });

  it('says which states each bucket holds, in first-seen order', () => {
    const figures = summarizeFigures([item('timeout'), item('rejected'), item('timeout'), item('retry-queued'), item('not-sent')]);
    expect(figures.byState.failed).toEqual([
      { state: 'timeout', count: 2 },
      { state: 'rejected', count: 1 },
    ]);
    expect(figures.byState['not-sent']).toEqual([
      { state: 'retry-queued', count: 1 },
      { state: 'not-sent', count: 1 },
    ]);
    expect(figures.byState.succeeded).toEqual([]);
  });
});

describe('campaign figures from a running campaign', () => {
  let w: World;
  afterEach(() => w.stop());

  it('are the figures of its gateway rows, with the orchestrator’s view of a retried gateway', async () => {
    w = createWorld();
    const id = w.campaigns.getState().campaignStarted(makePlan(5, { maxParallel: 2 }), w.clock.now);
    await w.settle();
    w.report(gatewaySn(1), 'in_progress', 40);
    w.reject(gatewaySn(2), 312015);
    await w.settle();
    const campaign = () => w.campaigns.getState().campaigns.find((c) => c.id === id)!;
    const rows = () => gatewayRows(campaign(), w.tasks.getState().table, w.clock.now, w.tasks.getState().timings);

    // 1 upgrades (40% of its second step), 2 failed, 3 went out in 2's place, 4 and 5 wait for room.
    let progress = campaignProgress(campaign(), rows(), w.clock.now);
    expect(progress.figures).toMatchObject({ total: 5, succeeded: 0, failed: 1, active: 2, notSent: 2, skipped: 0 });
    expect(progress.figures).toEqual(summarizeFigures(rows()));
    expect(progress.percent).toBe(70 / 5);

    w.report(gatewaySn(1), 'ok');
    await w.settle();
    progress = campaignProgress(campaign(), rows(), w.clock.now);
    expect(progress.figures).toMatchObject({ succeeded: 1, failed: 1, active: 2, notSent: 1 });
    expect(progress.percent).toBe(progress.figures.percent);
    expect(progress.failed).toBe(1);
    expect(progress.succeeded).toBe(1);

    // A retry that succeeds takes the gateway from Failed to Succeeded.
    w.campaigns.getState().gatewayRetried(id, gatewaySn(2), w.clock.now);
    await w.settle();
    progress = campaignProgress(campaign(), rows(), w.clock.now);
    expect(progress.figures).toMatchObject({ failed: 0, active: 2, notSent: 2 });
    expect(progress.figures.byState['not-sent']).toContainEqual({ state: 'retry-queued', count: 1 });
    w.report(gatewaySn(3), 'ok');
    await w.settle();
    w.report(gatewaySn(2), 'ok');
    await w.settle();
    progress = campaignProgress(campaign(), rows(), w.clock.now);
    expect(progress.figures).toMatchObject({ succeeded: 3, failed: 0 });
  });
});
