/** React access to the fleet: one atomic selector per hook, so a component re-renders only for what it reads. */
import { useStore } from 'zustand';
import type { FleetDevice, FleetGateway } from './fleet-model.ts';
import { deviceBySn, devicesOfGateway, gatewayBySn, isGatewayUpgrading, selectGatewaySns } from './fleet-selectors.ts';
import { fleetStore, type FleetStoreState } from './fleet-store.ts';

export function useFleet<T>(selector: (state: FleetStoreState) => T): T {
  return useStore(fleetStore, selector);
}

export const useGatewaySns = (): readonly string[] => useFleet(selectGatewaySns);
export const useGateway = (sn: string): FleetGateway | undefined => useFleet((s) => gatewayBySn(s, sn));
export const useDevicesOfGateway = (sn: string): readonly FleetDevice[] => useFleet((s) => devicesOfGateway(s, sn));
export const useDevice = (deviceSn: string): FleetDevice | undefined => useFleet((s) => deviceBySn(s, deviceSn));
export const useIsGatewayUpgrading = (sn: string): boolean => useFleet((s) => isGatewayUpgrading(s, sn));
