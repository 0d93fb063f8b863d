/**
 * The gateways ticked on the Upgrade screen. Kept outside the screen so the choice survives a
 * visit to another screen; cleared once a campaign starts, so the next campaign starts from none.
 */
import { createStore, type StoreApi } from 'zustand/vanilla';

export interface SelectionState {
  selected: ReadonlySet<string>;
  gatewayToggled(sn: string, on: boolean): void;
  gatewaysSelected(sns: readonly string[]): void;
  gatewaysDeselected(sns: readonly string[]): void;
  selectionCleared(): void;
}

export type SelectionStore = StoreApi<SelectionState>;

const EMPTY: ReadonlySet<string> = new Set();

export function createSelectionStore(): SelectionStore {
  return createStore<SelectionState>()((set, get) => ({
    selected: EMPTY,
    gatewayToggled(sn, on) {
      if (get().selected.has(sn) === on) return;
      const next = new Set(get().selected);
      if (on) next.add(sn);
      else next.delete(sn);
      set({ selected: next });
    },
    gatewaysSelected(sns) {
      const current = get().selected;
      if (sns.every((sn) => current.has(sn))) return;
      set({ selected: new Set([...current, ...sns]) });
    },
    gatewaysDeselected(sns) {
      const current = get().selected;
      if (!sns.some((sn) => current.has(sn))) return;
      const drop = new Set(sns);
      set({ selected: new Set([...current].filter((sn) => !drop.has(sn))) });
    },
    selectionCleared() {
      if (get().selected.size > 0) set({ selected: EMPTY });
    },
  }));
}
