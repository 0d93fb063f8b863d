/**
 * The Upgrade screen's target filters are the Fleet's (src/fleet/fleet-filters.ts): SN text, model,
 * version, online, "not on the newest version", "needs a consistency upgrade", kept in the URL the
 * same way (`#/upgrade?model=3-2-0&outdated=1`), so one link opens both screens on the same docks.
 * What they show is recomputed once a second from the fleet as it is then: versions and liveness
 * move with telemetry, and a per-message recount of a thousand gateways would buy nothing.
 */
import { useCallback, useMemo, useState } from 'react';
import { useSearchParams } from 'react-router';
import { fleetFiltersToParams, parseFleetFilters, shownGatewaySns, type FleetFilters } from '../fleet/fleet-filters.ts';
import { useFleetStore } from '../fleet/fleet-context.ts';
import { useGatewaySns } from '../fleet/fleet-hooks.ts';
import { fleetOverview, type ModelOverview, type NewestVersions } from '../fleet/fleet-overview.ts';
import { DEFAULT_STALE_AFTER_MS, gatewayList } from '../fleet/fleet-selectors.ts';
import { useNowSeconds } from './use-resolutions.ts';

export function useTargetFilters(): [FleetFilters, (next: FleetFilters) => void] {
  const [params, setParams] = useSearchParams();
  const filters = useMemo(() => parseFleetFilters(params).filters, [params]);
  const setFilters = useCallback((next: FleetFilters) => setParams(fleetFiltersToParams(next), { replace: true }), [setParams]);
  return [filters, setFilters];
}

/** Keeps the previous list while the SNs are the same, so the rows do not redraw every second. */
function sameListMemo() {
  let last: readonly string[] = [];
  return (next: readonly string[]): readonly string[] => {
    if (next === last || (next.length === last.length && next.every((sn, i) => sn === last[i]))) return last;
    last = next;
    return next;
  };
}

/** SNs of the gateways the filters let through, in SN order. */
export function useShownGateways(filters: FleetFilters, newest: NewestVersions): readonly string[] {
  const gatewaySns = useGatewaySns();
  const fleet = useFleetStore();
  const now = useNowSeconds();
  const [memo] = useState(sameListMemo);
  return useMemo(
    () => memo(shownGatewaySns(gatewaySns, fleet.getState().gateways, filters, { newest, now, staleAfterMs: DEFAULT_STALE_AFTER_MS })),
    [gatewaySns, fleet, filters, newest, now, memo],
  );
}

/** The models the fleet has, with their versions (newest first), for the filter menus. */
export function useFleetModels(newest: NewestVersions): readonly ModelOverview[] {
  const fleet = useFleetStore();
  const now = useNowSeconds();
  const gatewaySns = useGatewaySns();
  return useMemo(
    () => (gatewaySns.length === 0 ? [] : fleetOverview(gatewayList(fleet.getState()), newest, now, DEFAULT_STALE_AFTER_MS).models),
    [fleet, newest, now, gatewaySns],
  );
}
