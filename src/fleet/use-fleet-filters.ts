/** The Fleet screen's filters, read from and written to the route's query (fleet-filters.ts). */
import { useCallback, useMemo } from 'react';
import { useSearchParams } from 'react-router';
import { fleetFiltersToParams, NO_FILTERS, parseFleetFilters, type FleetFilters, type ParsedFilters } from './fleet-filters.ts';

export interface FleetFiltersControl extends ParsedFilters {
  /**
   * Changes some filters. A typed search replaces the history entry (no entry per keystroke); a
   * picked filter adds one, so Back undoes it.
   */
  update(patch: Partial<FleetFilters>, options?: { replace?: boolean }): void;
  /** Every filter off; the sort order stays. */
  clear(): void;
}

export function useFleetFilters(): FleetFiltersControl {
  const [params, setParams] = useSearchParams();
  const query = params.toString();
  const parsed = useMemo(() => parseFleetFilters(new URLSearchParams(query)), [query]);
  const { filters } = parsed;
  const update = useCallback(
    (patch: Partial<FleetFilters>, options: { replace?: boolean } = {}) => {
      void setParams(fleetFiltersToParams({ ...filters, ...patch }), { replace: options.replace ?? false });
    },
    [filters, setParams],
  );
  const clear = useCallback(
    () => void setParams(fleetFiltersToParams({ ...NO_FILTERS, sort: filters.sort, dir: filters.dir })),
    [filters.sort, filters.dir, setParams],
  );
  return { ...parsed, update, clear };
}
