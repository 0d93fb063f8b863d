/** React access to the fleet: one atomic selector per hook, so a component re-renders only for what it reads. */
import { useMemo } from 'react';
import { useStore } from 'zustand';
import { useFleetStore } from './fleet-context.ts';
import type { FleetGateway } from './fleet-model.ts';
import type { AddOutcome } from './fleet-roster.ts';
import { gatewayBySn, selectGatewaySns } from './fleet-selectors.ts';
import type { FleetStoreState } from './fleet-store.ts';

export function useFleet<T>(selector: (state: FleetStoreState) => T): T {
  return useStore(useFleetStore(), selector);
}

export const useGatewaySns = (): readonly string[] => useFleet(selectGatewaySns);
export const useGateway = (sn: string): FleetGateway | undefined => useFleet((s) => gatewayBySn(s, sn));

export interface FleetActions {
  addGateway(sn: string): AddOutcome;
  importGateways(sns: readonly string[]): AddOutcome[];
  removeGateway(sn: string): void;
}

/** The operator's roster actions, stable across renders. */
export function useFleetActions(): FleetActions {
  const store = useFleetStore();
  return useMemo(
    () => ({
      addGateway: (sn) => store.getState().gatewayAdded(sn),
      importGateways: (sns) => store.getState().gatewaysImported(sns),
      removeGateway: (sn) => store.getState().gatewayRemoved(sn),
    }),
    [store],
  );
}
