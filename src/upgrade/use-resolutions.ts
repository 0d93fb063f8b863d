/**
 * Live resolutions for the Upgrade screen. The fleet changes with every telemetry batch, but a
 * resolution only changes when a version, a status or a liveness does: answers are compared by a
 * signature so the preview re-renders for what it shows, not for every osd message.
 */
import { useCallback, useMemo, useState } from 'react';
import type { Firmware } from '../firmware/firmware.ts';
import { useFleetStore } from '../fleet/fleet-context.ts';
import { useFleet } from '../fleet/fleet-hooks.ts';
import { livenessAt } from '../fleet/fleet-selectors.ts';
import { useClockValue } from '../ui/clock.ts';
import { activeTaskOf, type TaskTable } from '../tasks/task-table.ts';
import { useTasksStore } from '../tasks/tasks-context.ts';
import { useTasks, useTaskTable } from '../tasks/tasks-hooks.ts';
import { eligibleGateways } from './eligible.ts';
import { resolveGateway, type GatewayResolution, type UpgradeTypeChoice } from './resolve-targets.ts';

/** The clock in whole seconds: liveness has a one-minute threshold, finer ticks change nothing. */
const toSeconds = (now: number) => Math.floor(now / 1000);

export function useNowSeconds(): number {
  return useClockValue(toSeconds) * 1000;
}

export function useActiveTaskBid(gatewaySn: string): string | null {
  return useTasks((s) => activeTaskOf(s.table.byBid, s.table.order, gatewaySn)?.bid ?? null);
}

/** Each gateway's newest task that has not ended, in one pass over the table. */
export function activeTaskByGateway(table: TaskTable): ReadonlyMap<string, string> {
  const active = new Map<string, string>();
  for (const bid of table.order) {
    const task = table.byBid.get(bid);
    if (task !== undefined && !task.terminal) active.set(task.gateway, bid);
  }
  return active;
}

/** What a preview row shows; equal signatures mean nothing visible changed. */
export function resolutionSignature(r: GatewayResolution): string {
  return JSON.stringify([
    r.gatewaySn,
    r.targets.map((t) => [t.sn, t.productName, t.fromVersion, t.firmware.key, t.upgradeType, t.consistencyOffered]),
    r.onTarget.map((d) => [d.sn, d.version]),
    r.skip,
  ]);
}

function signatureMemo() {
  let last: { signature: string; value: GatewayResolution[] } | null = null;
  return (value: GatewayResolution[]): GatewayResolution[] => {
    const signature = value.map(resolutionSignature).join('\n');
    if (last !== null && last.signature === signature) return last.value;
    last = { signature, value };
    return value;
  };
}

export interface ResolutionInputs {
  /** Selected SNs, in the order they should be listed (display order). */
  sns: readonly string[];
  chosen: readonly Firmware[];
  types: UpgradeTypeChoice;
}

/** Resolutions of the selected gateways that the fleet knows, in `sns` order. */
export function useResolutions({ sns, chosen, types }: ResolutionInputs): GatewayResolution[] {
  const now = useNowSeconds();
  const table = useTaskTable();
  const gateways = useFleet((s) => s.gateways);
  const active = useMemo(() => activeTaskByGateway(table), [table]);
  const [memo] = useState(signatureMemo);
  return useMemo(() => {
    if (chosen.length === 0) return memo([]);
    const resolved = sns.flatMap((sn) => {
      const gateway = gateways.get(sn);
      if (gateway === undefined) return [];
      const activeTaskBid = active.get(sn) ?? null;
      return [resolveGateway({ gateway, liveness: livenessAt(gateway.lastSeen, now), activeTaskBid }, chosen, types)];
    });
    return memo(resolved);
  }, [sns, chosen, types, gateways, active, now, memo]);
}

/**
 * Which of the given gateways the chosen firmware would go to, read from the stores when called
 * (a click on "Select all eligible"), so the screen need not resolve every gateway on each render.
 */
export function useEligibleOf(chosen: readonly Firmware[]): (sns: readonly string[]) => string[] {
  const fleet = useFleetStore();
  const tasks = useTasksStore();
  return useCallback(
    (sns: readonly string[]) =>
      eligibleGateways(sns, chosen, {
        gateways: fleet.getState().gateways,
        activeTasks: activeTaskByGateway(tasks.getState().table),
        now: Date.now(),
      }),
    [fleet, tasks, chosen],
  );
}
