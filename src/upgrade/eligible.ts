/**
 * "Select all eligible": of the gateways shown, every one the chosen firmware would go to, none
 * that would be skipped (offline, busy, already on the target, no matching device). Pure: the
 * screen passes a snapshot of the fleet, the gateways' active tasks and the time of the click.
 */
import type { Firmware } from '../firmware/firmware.ts';
import type { FleetGateway } from '../fleet/fleet-model.ts';
import { livenessAt } from '../fleet/fleet-selectors.ts';
import { resolveGateway, willSend } from './resolve-targets.ts';

export interface EligibilityFacts {
  gateways: ReadonlyMap<string, FleetGateway>;
  /** Gateway SN -> bid of its task that has not ended. */
  activeTasks: ReadonlyMap<string, string>;
  now: number;
}

export function eligibleGateways(sns: readonly string[], chosen: readonly Firmware[], facts: EligibilityFacts): string[] {
  if (chosen.length === 0) return [];
  return sns.filter((sn) => {
    const gateway = facts.gateways.get(sn);
    if (gateway === undefined) return false;
    const liveness = livenessAt(gateway.lastSeen, facts.now);
    return willSend(resolveGateway({ gateway, liveness, activeTaskBid: facts.activeTasks.get(sn) ?? null }, chosen));
  });
}
