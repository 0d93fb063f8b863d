/**
 * The operator's manual firmware entries reach components through this context: the app's
 * bootstrap provides the page's store (kept in localStorage), a test provides its own.
 */
import { createContext, useContext } from 'react';
import { useStore } from 'zustand';
import type { Firmware } from './firmware.ts';
import type { ManualFirmwareState, ManualFirmwareStore } from './manual-firmware-store.ts';

const ManualFirmwareStoreContext = createContext<ManualFirmwareStore | null>(null);

/** `<ManualFirmwareStoreProvider value={store}>` (a React 19 context is its own provider). */
export const ManualFirmwareStoreProvider = ManualFirmwareStoreContext;

function useManualFirmwareStore(): ManualFirmwareStore {
  const store = useContext(ManualFirmwareStoreContext);
  if (store === null) throw new Error('manual firmware hooks need a <ManualFirmwareStoreProvider> above them');
  return store;
}

export function useManualFirmware(): Firmware[] {
  return useStore(useManualFirmwareStore(), (s) => s.entries);
}

/** The add and remove actions (stable: zustand keeps the state's functions). */
export function useManualFirmwareActions(): Pick<ManualFirmwareState, 'manualFirmwareAdded' | 'manualFirmwareRemoved'> {
  const store = useManualFirmwareStore();
  const manualFirmwareAdded = useStore(store, (s) => s.manualFirmwareAdded);
  const manualFirmwareRemoved = useStore(store, (s) => s.manualFirmwareRemoved);
  return { manualFirmwareAdded, manualFirmwareRemoved };
}
