/**
 * The Fleet overview's figures: per model, how many devices run which firmware version (the
 * newest catalog version marked, even when nobody runs it yet), and how many are online, offline,
 * upgrading, flagged for a consistency upgrade or behind the newest version. Pure: the screen
 * recomputes it at most once a second from a snapshot of the store.
 */
import { compareVersions } from '../lib/compare-versions.ts';
import { isDockModel } from '../protocol/models.ts';
import type { FleetDevice, FleetGateway } from './fleet-model.ts';
import { livenessAt } from './fleet-selectors.ts';

/** The newest catalog version per model key (only models the catalog has firmware for). */
export type NewestVersions = ReadonlyMap<string, string>;

export const NO_NEWEST: NewestVersions = new Map();

export interface VersionCount {
  /** null: the devices have not reported a version yet. */
  version: string | null;
  count: number;
  /** This is the newest version the catalog has for the model. */
  newest: boolean;
}

export interface ModelOverview {
  modelKey: string;
  productName: string | null;
  dock: boolean;
  devices: number;
  online: number;
  offline: number;
  upgrading: number;
  needsConsistency: number;
  /** Devices whose version differs from the newest (unreported included); 0 without a newest. */
  notNewest: number;
  newest: string | null;
  /** Newest version first, "not reported" last. */
  versions: VersionCount[];
}

export interface GatewayCounts {
  total: number;
  online: number;
  offline: number;
  upgrading: number;
}

export interface FleetOverview {
  gateways: GatewayCounts;
  models: ModelOverview[];
}

/** A device is online while its last message is fresh and, for an aircraft, while its dock lists it. */
export function deviceOnline(device: FleetDevice, now: number, staleAfterMs: number): boolean {
  if (device.role === 'sub-device' && !device.inTopology) return false;
  return livenessAt(device.lastSeen, now, staleAfterMs) === 'online';
}

/** Not on the newest version the catalog has for its model; false when the catalog has none. */
export function isBehindNewest(device: FleetDevice, newest: NewestVersions): boolean {
  if (device.modelKey === null) return false;
  const target = newest.get(device.modelKey);
  if (target === undefined) return false;
  return device.firmwareVersion === null || compareVersions(device.firmwareVersion, target) !== 0;
}

interface Tally {
  overview: ModelOverview;
  byVersion: Map<string | null, number>;
}

export function fleetOverview(gateways: Iterable<FleetGateway>, newest: NewestVersions, now: number, staleAfterMs: number): FleetOverview {
  const counts: GatewayCounts = { total: 0, online: 0, offline: 0, upgrading: 0 };
  const tallies = new Map<string, Tally>();
  for (const gateway of gateways) {
    counts.total++;
    if (livenessAt(gateway.lastSeen, now, staleAfterMs) === 'online') counts.online++;
    else counts.offline++;
    if (gateway.upgrading) counts.upgrading++;
    for (const device of gateway.devices) {
      if (device.modelKey === null) continue;
      let tally = tallies.get(device.modelKey);
      if (tally === undefined) {
        const newestVersion = newest.get(device.modelKey) ?? null;
        tally = {
          overview: {
            modelKey: device.modelKey,
            productName: device.productName,
            dock: isDockModel(device.modelKey),
            devices: 0,
            online: 0,
            offline: 0,
            upgrading: 0,
            needsConsistency: 0,
            notNewest: 0,
            newest: newestVersion,
            versions: [],
          },
          byVersion: new Map(newestVersion === null ? [] : [[newestVersion, 0]]),
        };
        tallies.set(device.modelKey, tally);
      }
      const o = tally.overview;
      o.devices++;
      if (deviceOnline(device, now, staleAfterMs)) o.online++;
      else o.offline++;
      if (device.upgrading) o.upgrading++;
      if (device.compatibleStatus === 1) o.needsConsistency++;
      if (isBehindNewest(device, newest)) o.notNewest++;
      const version = versionKey(device.firmwareVersion, o.newest);
      tally.byVersion.set(version, (tally.byVersion.get(version) ?? 0) + 1);
    }
  }
  const models = [...tallies.values()].map(({ overview, byVersion }) => {
    overview.versions = [...byVersion]
      .map(([version, count]) => ({ version, count, newest: version !== null && version === overview.newest }))
      .sort(newestFirst);
    return overview;
  });
  // Docks before aircraft, then the larger groups first.
  models.sort((a, b) => Number(b.dock) - Number(a.dock) || b.devices - a.devices || a.modelKey.localeCompare(b.modelKey));
  return { gateways: counts, models };
}

/** "07.00.0100" and "7.0.100" are one version: counted under the catalog's spelling when it is the newest. */
function versionKey(version: string | null, newest: string | null): string | null {
  if (version === null) return null;
  return newest !== null && compareVersions(version, newest) === 0 ? newest : version;
}

function newestFirst(a: VersionCount, b: VersionCount): number {
  if (a.version === null) return b.version === null ? 0 : 1;
  if (b.version === null) return -1;
  return compareVersions(b.version, a.version);
}
