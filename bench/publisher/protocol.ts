/** Messages between the harness and the publisher process (Node IPC). */
import type { StepKey } from '../../src/protocol/status.ts';
import type { FleetPlan, Load, Schedule } from './plan.ts';

/** `gateways` are the ones sending ota_progress; with the mix load `docks` counts them and the idle ones. */
export interface PublisherInit extends FleetPlan {
  type: 'init';
  url: string;
  /** QoS of ota_progress; osd and state go at QoS 0, as docks send them. */
  qos: 0 | 1;
  load: Load;
  docks: number;
}

export interface PublisherRun extends Schedule {
  type: 'run';
  /** Gateways whose last published percent the harness wants back (all probes are always sent). */
  sample: string[];
}

export type ToPublisher = PublisherInit | PublisherRun | { type: 'exit' };

export interface ProbePublish {
  sn: string;
  step: StepKey;
  percent: number;
  /** Epoch ms, the message's own `timestamp`. */
  at: number;
}

export interface RunReport {
  type: 'done';
  /** ota_progress messages published. */
  offered: number;
  /** osd and state messages published (mix load; 0 otherwise). */
  osdOffered: number;
  stateOffered: number;
  acked: number;
  /** How late the publisher got behind its schedule (ms): large values mean it could not keep up. */
  lagP99Ms: number;
  lagMaxMs: number;
  startedAt: number;
  endedAt: number;
  probePublishes: ProbePublish[];
  finals: Record<string, { step: StepKey; percent: number }>;
}

export type FromPublisher = { type: 'ready' } | RunReport | { type: 'error'; message: string };
