/**
 * The model of a device the task itself does not name (an upgrade the board only saw as events):
 * the kiosk imports no fleet, so the shell hands it a hook that reads one. The hook must stay the
 * same for the life of the board (it is called as a hook).
 */
import { createContext, useContext } from 'react';

/** A hook: the device's model key (e.g. "3-2-0") as something else knows it, or null. */
export type UseDeviceModelKey = (sn: string) => string | null;

const useNoModel: UseDeviceModelKey = () => null;

const DeviceModelContext = createContext<UseDeviceModelKey>(useNoModel);

export const DeviceModelProvider = DeviceModelContext.Provider;

export function useDeviceModelKey(sn: string): string | null {
  const useModelKey = useContext(DeviceModelContext);
  return useModelKey(sn);
}
