import { describe, expect, it } from 'vitest';
import { emptyFleet } from '../src/fleet/fleet-model.ts';
import { taskCreated } from '../src/tasks/task-command.ts';
import { EMPTY_TASK_TABLE } from '../src/tasks/task-table.ts';
import { DOCK2, firmware, fleetOf, M3D } from '../src/upgrade/upgrade-test-kit.ts';
import type { PlanFile } from './plan-file.ts';
import { resolvePlan, unseenGateways } from './plan-resolve.ts';

const NOW = 1_700_000_000_000;
const dockFw = firmware('dock2', DOCK2, '10.02.0308');
const airFw = firmware('m3d', M3D, '08.01.0001');

function planOf(gateways: string[], extra: Partial<PlanFile> = {}): PlanFile {
  return { name: null, firmware: [dockFw, airFw], gateways, maxParallel: 2, pauseAfterFailures: { count: 1 }, canarySize: null, ...extra };
}

const fleet = fleetOf(
  [
    {
      sn: 'GW-1',
      aircraft: { sn: 'AC-1' },
      dockState: { firmwareVersion: '10.01.0206' },
      aircraftState: { firmwareVersion: '07.00.0001' },
    },
    {
      sn: 'GW-2',
      aircraft: { sn: 'AC-2' },
      dockState: { firmwareVersion: '10.02.0308' },
      aircraftState: { firmwareVersion: '07.00.0001' },
    },
    { sn: 'GW-3', dockState: { firmwareVersion: '10.02.0308' } },
  ],
  NOW,
).getState();

const inputs = { fleet, tasks: EMPTY_TASK_TABLE, now: NOW + 1_000, discoverSeconds: 10, skipIneligible: false };

describe('resolvePlan', () => {
  it('builds the plan the wizard builds: the devices on the model, their from versions, the options', () => {
    const result = resolvePlan(planOf(['GW-1', 'GW-2']), [dockFw, airFw], inputs);
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    const { plan } = result.resolved;
    expect(plan.maxParallel).toBe(2);
    expect(plan.pauseAfterFailures).toEqual({ count: 1 });
    expect(plan.items.map((i) => [i.gateway, i.devices.map((d) => `${d.sn}@${d.product_version}`)])).toEqual([
      ['GW-1', ['GW-1@10.02.0308', 'AC-1@08.01.0001']],
      // GW-2's dock is already on 10.02.0308: only its aircraft is sent.
      ['GW-2', ['AC-2@08.01.0001']],
    ]);
    expect(plan.items[0]?.deviceInfo).toEqual([
      { sn: 'GW-1', modelKey: DOCK2, fromVersion: '10.01.0206' },
      { sn: 'AC-1', modelKey: M3D, fromVersion: '07.00.0001' },
    ]);
    expect(plan.firmware.map((f) => f.id)).toEqual(['dock2', 'm3d']);
  });

  it('refuses an SN the broker never reported, naming the plan entry', () => {
    const result = resolvePlan(planOf(['GW-1', 'GW-9']), [dockFw, airFw], inputs);
    expect(result).toEqual({
      ok: false,
      problems: [{ where: 'gateways[1]', message: 'unknown gateway SN GW-9: it did not report on the broker within 10 s' }],
    });
    expect(unseenGateways(planOf(['GW-1', 'GW-9']), fleet)).toEqual(['GW-9']);
    expect(unseenGateways(planOf(['GW-1']), emptyFleet)).toEqual(['GW-1']);
  });

  it('refuses a gateway that would be skipped, with the reason, unless told to leave it out', () => {
    const plan = planOf(['GW-1', 'GW-3'], { firmware: [dockFw] });
    const refused = resolvePlan(plan, [dockFw], inputs);
    expect(refused.ok).toBe(false);
    expect(!refused.ok && refused.problems).toEqual([
      { where: 'gateways[1]', message: expect.stringMatching(/^GW-3 would be skipped: .*10\.02\.0308.*--skip-ineligible/) },
    ]);
    const left = resolvePlan(plan, [dockFw], { ...inputs, skipIneligible: true });
    expect(left.ok && left.resolved.plan.items.map((i) => i.gateway)).toEqual(['GW-1']);
    expect(left.ok && left.resolved.skipped.map((s) => s.sn)).toEqual(['GW-3']);
  });

  it('refuses a gateway with an upgrade still running on it', () => {
    const tasks = taskCreated(EMPTY_TASK_TABLE, { bid: 'b-1', tid: 't-1', gateway: 'GW-1', devices: [{ sn: 'GW-1' }], attempt: 1 }, NOW);
    const result = resolvePlan(planOf(['GW-1']), [dockFw, airFw], { ...inputs, tasks });
    expect(!result.ok && result.problems[0]?.message).toMatch(/GW-1 would be skipped: .*b-1/);
  });

  it('refuses a gateway gone quiet (offline) like the wizard', () => {
    const result = resolvePlan(planOf(['GW-1']), [dockFw, airFw], { ...inputs, now: NOW + 10 * 60_000 });
    expect(!result.ok && result.problems[0]).toMatchObject({ where: 'gateways[0]' });
  });

  it('refuses a firmware whose model no planned device has', () => {
    const m30 = firmware('m30', '0-67-0', '09.00.0001');
    const result = resolvePlan(planOf(['GW-1'], { firmware: [dockFw, m30] }), [dockFw, m30], inputs);
    expect(!result.ok && result.problems).toEqual([
      {
        where: 'firmware[1].model',
        message: "unknown model 0-67-0: no device of the plan's gateways has it (they have 3-2-0 (DJI Dock 2), 0-91-0 (Mavic 3D))",
      },
    ]);
  });

  it('refuses a canary as large as what will be sent', () => {
    const result = resolvePlan(planOf(['GW-1', 'GW-3'], { firmware: [dockFw], canarySize: 1 }), [dockFw], {
      ...inputs,
      skipIneligible: true,
    });
    expect(!result.ok && result.problems).toEqual([
      { where: 'canarySize', message: 'must be fewer than the 1 gateways that will be sent, or null' },
    ]);
  });
});
