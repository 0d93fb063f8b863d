/**
 * The fleet store reaches components through this context, never as a module singleton: the app's
 * bootstrap provides the page's store, a test provides its own.
 */
import { createContext, useContext } from 'react';
import type { FleetStore } from './fleet-store.ts';

const FleetStoreContext = createContext<FleetStore | null>(null);

/** `<FleetStoreProvider value={store}>` (a React 19 context is its own provider). */
export const FleetStoreProvider = FleetStoreContext;

export function useFleetStore(): FleetStore {
  const store = useContext(FleetStoreContext);
  if (store === null) throw new Error('useFleetStore needs a <FleetStoreProvider> above it');
  return store;
}
