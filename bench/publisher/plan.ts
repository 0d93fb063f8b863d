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

/**
 * What the fleet sends. `progress`: every gateway is upgrading and sends ota_progress at 1 Hz,
 * nothing else. `mix`: what a real dock fleet sends (DJI Cloud API): every dock an osd every 2 s
 * and a state now and then, and ota_progress at 1 Hz from the share of docks that are upgrading.
 */
export type Load = 'progress' | 'mix';

export const LOADS: readonly Load[] = ['progress', 'mix'];

/** Seconds between one dock's state messages in the mix (a property changes about this often). */
export const STATE_EVERY_ROUNDS = 30;

/** Docks that are not upgrading: they send osd and state only. Named apart from progress gateways and probes. */
export function idleDockSns(count: number): string[] {
  return Array.from({ length: count }, (_, i) => `DCK${String(i).padStart(5, '0')}`);
}

/** The upgrading docks of a mix of `docks` docks (at least the probes, at most every dock). */
export function upgradingCount(docks: number, share: number, probes: number): number {
  return Math.min(docks, Math.max(Math.min(probes, docks), Math.round(docks * share)));
}

/**
 * One kind of message sent by `count` senders once every `everyRounds` rounds, sender j in round
 * r when (r + j) % everyRounds == 0, at offset j * spreadMs / count inside the round: the rounds
 * carry equal shares, and within a round the senders are spread like the progress gateways.
 */
export interface Stream {
  count: number;
  everyRounds: number;
  spreadMs: number;
}

/** Message k of a stream (in send order) -> sender and offset from the schedule start; null past `rounds`. */
export function streamAt(stream: Stream, k: number): { sender: number; round: number; offsetMs: number } {
  // Every round has the senders with (r + j) % e == 0; walk rounds in order, senders by index.
  const perRound = (r: number) => {
    const phase = (stream.everyRounds - (r % stream.everyRounds)) % stream.everyRounds;
    return phase >= stream.count ? 0 : Math.ceil((stream.count - phase) / stream.everyRounds);
  };
  let round = 0;
  let left = k;
  // Rounds repeat with period everyRounds: skip whole periods first.
  const period = Array.from({ length: stream.everyRounds }, (_, r) => perRound(r));
  const perPeriod = period.reduce((a, b) => a + b, 0);
  if (perPeriod > 0) {
    const periods = Math.floor(left / perPeriod);
    round = periods * stream.everyRounds;
    left -= periods * perPeriod;
  }
  while (left >= period[round % stream.everyRounds]!) {
    left -= period[round % stream.everyRounds]!;
    round += 1;
  }
  const phase = (stream.everyRounds - (round % stream.everyRounds)) % stream.everyRounds;
  const sender = phase + left * stream.everyRounds;
  return { sender, round, offsetMs: round * 1000 + (sender * stream.spreadMs) / stream.count };
}

/** Messages a stream sends in `rounds` rounds. */
export function streamTotal(stream: Stream, rounds: number): number {
  let total = 0;
  for (let r = 0; r < Math.min(rounds, stream.everyRounds); r++) {
    const phase = (stream.everyRounds - (r % stream.everyRounds)) % stream.everyRounds;
    const inRound = phase >= stream.count ? 0 : Math.ceil((stream.count - phase) / stream.everyRounds);
    total += inRound * Math.ceil((rounds - r) / stream.everyRounds);
  }
  return total;
}
