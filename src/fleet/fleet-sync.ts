/**
 * Two tabs of one browser share the stored fleet. Gateways an operator added or removed by hand
 * must not be lost when the other tab saves, so each tab keeps a roster of those acts with their
 * times; rosters merge by keeping the later time of each act, and the fleets merge under the
 * merged roster (the later of add and remove wins; a removed gateway that reported after its
 * removal is back, as it would be in the tab that removed it). Commutative and idempotent.
 */
import { compareSn } from './fleet-draft.ts';
import type { FleetGateway, FleetState } from './fleet-model.ts';
import { withDevices } from './fleet-model.ts';

export interface RosterEntry {
  /** Local time an operator last added the gateway (typed or imported). */
  readonly added?: number;
  /** Local time an operator last removed it. */
  readonly removed?: number;
}

/** Gateway SN -> the operator's last acts on it. */
export type Roster = ReadonlyMap<string, RosterEntry>;

export const EMPTY_ROSTER: Roster = new Map();

/** Roster entries kept (the most recent acts): removals accumulate, storage is small. */
export const MAX_ROSTER_ENTRIES = 20_000;

function later(a: number | undefined, b: number | undefined): number | undefined {
  if (a === undefined) return b;
  if (b === undefined) return a;
  return Math.max(a, b);
}

function lastAct(entry: RosterEntry): number {
  return Math.max(entry.added ?? -1, entry.removed ?? -1);
}

export function withAct(roster: Roster, sn: string, act: 'added' | 'removed', at: number): Roster {
  const entry = roster.get(sn) ?? {};
  if ((entry[act] ?? Number.NEGATIVE_INFINITY) >= at) return roster;
  const next = new Map(roster);
  next.set(sn, { ...entry, [act]: at });
  return next;
}

/** Both rosters, each act at its later time; `a` itself when `b` adds nothing. */
export function mergeRosters(a: Roster, b: Roster): Roster {
  let next: Map<string, RosterEntry> | null = null;
  for (const [sn, theirs] of b) {
    const mine = a.get(sn);
    const added = later(mine?.added, theirs.added);
    const removed = later(mine?.removed, theirs.removed);
    if (mine !== undefined && added === mine.added && removed === mine.removed) continue;
    next ??= new Map(a);
    next.set(sn, { ...(added === undefined ? {} : { added }), ...(removed === undefined ? {} : { removed }) });
  }
  return next ?? a;
}

/** The newest MAX_ROSTER_ENTRIES acts. */
export function boundedRoster(roster: Roster, max = MAX_ROSTER_ENTRIES): Roster {
  if (roster.size <= max) return roster;
  return new Map([...roster].sort(([, x], [, y]) => lastAct(y) - lastAct(x)).slice(0, max));
}

/** What the roster says of a gateway: removed (and not heard since), added by hand, or nothing. */
function verdict(entry: RosterEntry | undefined, lastSeen: number | null): 'removed' | 'manual' | 'auto' | null {
  if (entry === undefined) return null;
  if (entry.removed !== undefined && (entry.added ?? Number.NEGATIVE_INFINITY) < entry.removed) {
    return lastSeen !== null && lastSeen > entry.removed ? 'auto' : 'removed';
  }
  return entry.added !== undefined ? 'manual' : null;
}

/** Of two records of one gateway, the one heard from last (then the one with the newer topology). */
function fresher(a: FleetGateway, b: FleetGateway): FleetGateway {
  if ((a.lastSeen ?? -1) !== (b.lastSeen ?? -1)) return (a.lastSeen ?? -1) > (b.lastSeen ?? -1) ? a : b;
  if ((a.topoAt ?? -1) !== (b.topoAt ?? -1)) return (a.topoAt ?? -1) > (b.topoAt ?? -1) ? a : b;
  return a.devices.length >= b.devices.length ? a : b;
}

/**
 * `local` and `other` (another tab's stored fleet) as one under `roster` (already merged). `local`
 * itself when nothing changes, so a tab that already holds everything stays quiet.
 */
export function mergeFleets(local: FleetState, other: FleetState, roster: Roster): FleetState {
  const gateways = new Map<string, FleetGateway>();
  let changed = false;
  const sns = new Set([...local.gateways.keys(), ...other.gateways.keys()]);
  for (const sn of sns) {
    const mine = local.gateways.get(sn);
    const theirs = other.gateways.get(sn);
    let chosen = mine === undefined ? theirs : theirs === undefined ? mine : fresher(mine, theirs);
    if (chosen === undefined) continue;
    const seen = Math.max(mine?.lastSeen ?? -1, theirs?.lastSeen ?? -1);
    const rule = verdict(roster.get(sn), seen < 0 ? null : seen);
    if (rule === 'removed') {
      if (mine !== undefined) changed = true;
      continue;
    }
    const manual = rule === null ? (mine?.manual ?? false) || (theirs?.manual ?? false) : rule === 'manual';
    chosen = withDevices(chosen, chosen.devices, { manual });
    if (chosen !== mine) changed = true;
    gateways.set(sn, chosen);
  }
  if (!changed) return local;
  return { gateways, gatewaySns: [...gateways.keys()].sort(compareSn), deviceGateway: deviceIndex(gateways) };
}

/** Device SN -> gateway; a device two gateways list belongs to the one with the newer topology. */
function deviceIndex(gateways: ReadonlyMap<string, FleetGateway>): Map<string, string> {
  const index = new Map<string, string>();
  const byTopo = [...gateways.values()].sort((a, b) => (b.topoAt ?? -1) - (a.topoAt ?? -1) || compareSn(a.sn, b.sn));
  for (const gateway of byTopo) {
    index.set(gateway.sn, gateway.sn);
    for (const device of gateway.devices) if (!index.has(device.sn)) index.set(device.sn, gateway.sn);
  }
  return index;
}
