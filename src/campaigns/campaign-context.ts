/**
 * The campaigns store reaches components through this context, never as a module singleton: the
 * app's bootstrap provides the page's store, a test provides its own.
 */
import { createContext, useContext } from 'react';
import type { CampaignsStore } from './campaign-store.ts';

const CampaignsStoreContext = createContext<CampaignsStore | null>(null);

/** `<CampaignsStoreProvider value={store}>` (a React 19 context is its own provider). */
export const CampaignsStoreProvider = CampaignsStoreContext;

export function useCampaignsStore(): CampaignsStore {
  const store = useContext(CampaignsStoreContext);
  if (store === null) throw new Error('useCampaignsStore needs a <CampaignsStoreProvider> above it');
  return store;
}
