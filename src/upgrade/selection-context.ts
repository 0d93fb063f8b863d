/**
 * The gateways ticked on the Upgrade screen reach its components through this context. The app
 * provides one store for the page (above the routes, so the choice survives a visit to another
 * screen); a test provides its own.
 */
import { createContext, useContext, useMemo } from 'react';
import { useStore } from 'zustand';
import type { SelectionStore } from './selection-store.ts';

const SelectionStoreContext = createContext<SelectionStore | null>(null);

/** `<SelectionStoreProvider value={store}>` (a React 19 context is its own provider). */
export const SelectionStoreProvider = SelectionStoreContext;

function useSelectionStore(): SelectionStore {
  const store = useContext(SelectionStoreContext);
  if (store === null) throw new Error('selection hooks need a <SelectionStoreProvider> above them');
  return store;
}

export function useIsSelected(sn: string): boolean {
  return useStore(useSelectionStore(), (s) => s.selected.has(sn));
}

export function useSelected(): ReadonlySet<string> {
  return useStore(useSelectionStore(), (s) => s.selected);
}

export interface SelectionActions {
  toggle(sn: string, on: boolean): void;
  select(sns: readonly string[]): void;
  deselect(sns: readonly string[]): void;
  clear(): void;
}

/** Stable across renders. */
export function useSelectionActions(): SelectionActions {
  const store = useSelectionStore();
  return useMemo(
    () => ({
      toggle: (sn, on) => store.getState().gatewayToggled(sn, on),
      select: (sns) => store.getState().gatewaysSelected(sns),
      deselect: (sns) => store.getState().gatewaysDeselected(sns),
      clear: () => store.getState().selectionCleared(),
    }),
    [store],
  );
}
