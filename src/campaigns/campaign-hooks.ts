/** React access to the campaigns store. */
import { useStore } from 'zustand';
import { useShallow } from 'zustand/react/shallow';
import type { Campaign } from './campaign-types.ts';
import { campaignsStore, type CampaignsStore } from './campaign-store.ts';

export function useCampaign(id: string, store: CampaignsStore = campaignsStore): Campaign | undefined {
  return useStore(store, (s) => s.campaigns.find((c) => c.id === id));
}

/** Campaign ids, oldest first; re-renders only when the list changes. */
export function useCampaignIds(store: CampaignsStore = campaignsStore): string[] {
  return useStore(store, useShallow((s) => s.campaigns.map((c) => c.id)));
}

export function useCampaigns(store: CampaignsStore = campaignsStore): readonly Campaign[] {
  return useStore(store, (s) => s.campaigns);
}

/** The operator actions, stable across renders. */
export function campaignActions(store: CampaignsStore = campaignsStore) {
  const s = store.getState();
  return {
    pause: (id: string) => s.campaignPaused(id, Date.now()),
    resume: (id: string) => s.campaignResumed(id, Date.now()),
    abort: (id: string) => s.campaignAborted(id, Date.now()),
    retryFailed: (id: string) => s.failedRetried(id, Date.now()),
    retryGateway: (id: string, gateway: string) => s.gatewayRetried(id, gateway, Date.now()),
  };
}
