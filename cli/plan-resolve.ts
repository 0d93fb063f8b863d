/**
 * A plan file becomes the CampaignPlan the Upgrade wizard would build for the same choices: the
 * fleet the broker reported (update_topo, state, osd) and the tasks seen on it are resolved with
 * the wizard's own code (src/upgrade/resolve-targets.ts, build-plan.ts). Pure: the caller learns
 * the fleet and says when.
 */
import type { CampaignPlan } from '../src/campaigns/campaign-types.ts';
import type { Firmware } from '../src/firmware/firmware.ts';
import type { FleetState } from '../src/fleet/fleet-model.ts';
import { livenessAt } from '../src/fleet/fleet-selectors.ts';
import { modelLabel } from '../src/protocol/models.ts';
import { activeTaskOf, type TaskTable } from '../src/tasks/task-table.ts';
import { buildCampaignPlan } from '../src/upgrade/build-plan.ts';
import { resolveGateway, willSend, type GatewayResolution } from '../src/upgrade/resolve-targets.ts';
import { skipReasonText } from '../src/upgrade/skip-reasons.ts';
import type { PlanFile, PlanProblem } from './plan-file.ts';

export interface ResolvedPlan {
  plan: CampaignPlan;
  /** Gateways left out (only with skipIneligible), with why. */
  skipped: { sn: string; reasons: string[] }[];
}

export type PlanResolution = { ok: true; resolved: ResolvedPlan } | { ok: false; problems: PlanProblem[] };

export interface ResolveInputs {
  fleet: FleetState;
  tasks: TaskTable;
  now: number;
  /** How long the fleet was listened to, for the "unknown SN" sentence. */
  discoverSeconds: number;
  skipIneligible: boolean;
}

/** The plan's gateways the fleet has not heard from yet (to stop listening early once none is left). */
export function unseenGateways(plan: PlanFile, fleet: FleetState): string[] {
  return plan.gateways.filter((sn) => {
    const gw = fleet.gateways.get(sn);
    return gw === undefined || gw.lastSeen === null || gw.topoAt === null;
  });
}

export function resolvePlan(file: PlanFile, firmware: readonly Firmware[], inputs: ResolveInputs): PlanResolution {
  const problems: PlanProblem[] = [];
  const resolutions: GatewayResolution[] = [];
  const skipped: ResolvedPlan['skipped'] = [];
  file.gateways.forEach((sn, i) => {
    const gateway = inputs.fleet.gateways.get(sn);
    if (gateway === undefined || gateway.lastSeen === null) {
      problems.push({
        where: `gateways[${i}]`,
        message: `unknown gateway SN ${sn}: it did not report on the broker within ${inputs.discoverSeconds} s`,
      });
      return;
    }
    const activeTaskBid = activeTaskOf(inputs.tasks.byBid, inputs.tasks.order, sn)?.bid ?? null;
    const resolution = resolveGateway({ gateway, liveness: livenessAt(gateway.lastSeen, inputs.now), activeTaskBid }, firmware);
    resolutions.push(resolution);
    if (willSend(resolution)) return;
    const reasons = resolution.skip.map(skipReasonText);
    if (inputs.skipIneligible) skipped.push({ sn, reasons });
    else
      problems.push({
        where: `gateways[${i}]`,
        message: `${sn} would be skipped: ${reasons.join('; ')} (remove it, or pass --skip-ineligible)`,
      });
  });

  // A firmware no planned device has the model of: a typo in the model, or the wrong gateways.
  const seenModels = new Set<string>();
  for (const sn of file.gateways)
    for (const d of inputs.fleet.gateways.get(sn)?.devices ?? []) if (d.modelKey !== null) seenModels.add(d.modelKey);
  firmware.forEach((f, i) => {
    if (f.model === null || seenModels.has(f.model) || seenModels.size === 0) return;
    const has = [...seenModels].map((m) => `${m} (${modelLabel(m)})`).join(', ');
    problems.push({
      where: `firmware[${i}].model`,
      message: `unknown model ${f.model}: no device of the plan's gateways has it (they have ${has})`,
    });
  });

  if (problems.length > 0) return { ok: false, problems };
  const sending = resolutions.filter(willSend);
  if (sending.length === 0)
    return { ok: false, problems: [{ where: 'gateways', message: 'no gateway of the plan would get an ota_create' }] };
  const plan = {
    ...buildCampaignPlan(sending, {
      maxParallel: file.maxParallel,
      pauseAfterFailures: file.pauseAfterFailures,
      canarySize: file.canarySize,
    }),
    ...(file.timing === undefined ? {} : { timing: file.timing }),
  };
  if (plan.canarySize !== null && plan.canarySize >= plan.items.length) {
    return {
      ok: false,
      problems: [{ where: 'canarySize', message: `must be fewer than the ${plan.items.length} gateways that will be sent, or null` }],
    };
  }
  return { ok: true, resolved: { plan, skipped } };
}
