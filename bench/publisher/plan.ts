/**
 * Who publishes what, when: pure so the harness and the publisher agree on names and values.
 * Gateway i of N publishes once per second (round r), at offset i * spreadMs / N inside the
 * round: spreadMs 1000 spreads the fleet evenly, 50 makes every round a burst.
 */
import type { StepKey } from '../../src/protocol/status.ts';

export const PROBE_PREFIX = 'PROBE';

export interface FleetPlan {
  gateways: number;
  probes: number;
}

export interface Schedule {
  /** Gateway publish offsets inside each 1 s round span this many ms. */
  spreadMs: number;
  rounds: number;
  /** Percent advances every this many rounds, so a long soak still ends at or below 100 per step. */
  roundsPerPercent: number;
}

/** Probes are spread over the index range so they see the whole round's load, not its start. */
export function probeIndexes(plan: FleetPlan): Set<number> {
  const probes = Math.min(plan.probes, plan.gateways);
  const set = new Set<number>();
  for (let j = 0; j < probes; j++) set.add(Math.floor((j * plan.gateways) / probes));
  return set;
}

/** SNs of the fleet, by gateway index. Probe SNs share a prefix no other SN contains. */
export function gatewaySns(plan: FleetPlan): string[] {
  const probes = probeIndexes(plan);
  let probe = 0;
  const sns: string[] = [];
  for (let i = 0; i < plan.gateways; i++) {
    sns.push(probes.has(i) ? `${PROBE_PREFIX}${String(probe++).padStart(3, '0')}` : `BGW${String(i).padStart(5, '0')}`);
  }
  return sns;
}

export function isProbe(sn: string): boolean {
  return sn.startsWith(PROBE_PREFIX);
}

/** Offset (ms from the schedule start) of message m, where m = round * gateways + index. */
export function messageOffsetMs(m: number, gateways: number, schedule: Schedule): number {
  const round = Math.floor(m / gateways);
  const index = m % gateways;
  return round * 1000 + (index * schedule.spreadMs) / gateways;
}

/** Download 0..99, then upgrade 0..99: the percent rises on every advance within a step. */
export function progressAt(round: number, schedule: Schedule): { step: StepKey; percent: number } {
  const j = Math.min(199, Math.floor(round / Math.max(1, schedule.roundsPerPercent)));
  return j < 100 ? { step: 'download_firmware', percent: j } : { step: 'upgrade_firmware', percent: j - 100 };
}

/** roundsPerPercent for a run of this many rounds: 1 (every message moves the bar) while it fits. */
export function roundsPerPercentFor(rounds: number): number {
  return Math.max(1, Math.ceil(rounds / 200));
}
