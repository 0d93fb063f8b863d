import { describe, expect, it } from 'vitest';
import { DEFAULT_TASK_TIMINGS } from '../tasks/task-types.ts';
import { dockAndDrone, kit, T0 } from '../tasks/task-scenario-test-kit.ts';
import { dockUpgrades, versionHistory } from './dock-upgrades.ts';
import { lastTaskOf } from './last-upgrade.ts';

const MINUTE = 60_000;

function twoUpgrades() {
  const k = kit();
  k.started(dockAndDrone('b-old', 'DOCK1', 'AC1'), T0 - 60 * MINUTE);
  k.progress('DOCK1', { bid: 'b-old', status: 'ok', percent: 100 }, T0 - 50 * MINUTE);
  k.started(dockAndDrone('b-new', 'DOCK1', 'AC1'), T0 - 5 * MINUTE);
  k.progress('DOCK1', { bid: 'b-new', status: 'failed', percent: 40, result: 316001 }, T0);
  k.started(dockAndDrone('b-other', 'DOCK2', 'AC2'), T0);
  return k;
}

describe('dock upgrades', () => {
  it('lists the gateway’s tasks newest first with state, result code and duration; the live copy wins over the stored one', () => {
    const k = twoUpgrades();
    const table = k.store.getState().table;
    const live = [...table.byBid.values()];
    const storedOld = { ...(table.byBid.get('b-old') as (typeof live)[number]), devices: [] };
    const storedGone = { ...(table.byBid.get('b-old') as (typeof live)[number]), bid: 'b-gone', createdAt: T0 - 90 * MINUTE };
    const upgrades = dockUpgrades('DOCK1', live, [storedOld, storedGone], T0, DEFAULT_TASK_TIMINGS);
    expect(upgrades.map((u) => [u.task.bid, u.state, u.resultCode])).toEqual([
      ['b-new', 'failed', 316001],
      ['b-old', 'ok', null],
      ['b-gone', 'ok', null],
    ]);
    // The live b-old (with devices) replaced the stored copy.
    expect(upgrades[1]?.task.devices).toHaveLength(2);
    expect(upgrades.every((u) => u.durationMs !== null && u.durationMs >= 0)).toBe(true);
  });

  it('reads the versions each successful upgrade moved the devices to', () => {
    const k = twoUpgrades();
    const upgrades = dockUpgrades('DOCK1', k.store.getState().table.byBid.values(), [], T0, DEFAULT_TASK_TIMINGS);
    expect(versionHistory(upgrades).map((c) => [c.deviceSn, c.from, c.to, c.bid])).toEqual([
      ['DOCK1', '10.01.0001', '10.02.0002', 'b-old'],
      ['AC1', '08.00.0001', '08.01.0001', 'b-old'],
    ]);
  });

  it('finds each gateway’s newest task, once per table', () => {
    const k = twoUpgrades();
    const table = k.store.getState().table;
    expect(lastTaskOf(table, 'DOCK1')?.bid).toBe('b-new');
    expect(lastTaskOf(table, 'DOCK2')?.bid).toBe('b-other');
    expect(lastTaskOf(table, 'DOCK3')).toBeUndefined();
  });
});
