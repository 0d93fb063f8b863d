/**
 * The campaigns store reaches components through this context, never as a module singleton: the
 * app's bootstrap provides the page's store, a test provides its own.
 */
import { createContext, useContext } from 'react';
import type { CampaignLinkStore } from './campaign-runtime.ts';
import type { CampaignsStore } from './campaign-store.ts';

const CampaignsStoreContext = createContext<CampaignsStore | null>(null);

/** `<CampaignsStoreProvider value={store}>` (a React 19 context is its own provider). */
export const CampaignsStoreProvider = CampaignsStoreContext;

export function useCampaignsStore(): CampaignsStore {
  const store = useContext(CampaignsStoreContext);
  if (store === null) throw new Error('useCampaignsStore needs a <CampaignsStoreProvider> above it');
  return store;
}

const CampaignLinkContext = createContext<CampaignLinkStore | null>(null);

/** The campaigns-on-broker link of the current session; null (the default) where there is none, as in tests. */
export const CampaignLinkProvider = CampaignLinkContext;

export function useCampaignLinkStore(): CampaignLinkStore | null {
  return useContext(CampaignLinkContext);
}
