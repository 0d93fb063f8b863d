/** React access to the campaigns store. */
import { useMemo } from 'react';
import { useStore } from 'zustand';
import { useCampaignsStore } from './campaign-context.ts';
import type { Campaign, CampaignPlan } from './campaign-types.ts';

export function useCampaign(id: string): Campaign | undefined {
  return useStore(useCampaignsStore(), (s) => s.campaigns.find((c) => c.id === id));
}

export function useCampaigns(): readonly Campaign[] {
  return useStore(useCampaignsStore(), (s) => s.campaigns);
}

/** Another tab runs the campaigns: this one only mirrors them. */
export function useCampaignsControlledElsewhere(): boolean {
  return useStore(useCampaignsStore(), (s) => s.controlledElsewhere);
}

export interface CampaignActions {
  /** Starts a campaign (throws on a bad plan, or when another tab runs campaigns) and returns its id. */
  start(plan: CampaignPlan): string;
  pause(id: string): void;
  resume(id: string): void;
  abort(id: string): void;
  retryFailed(id: string): void;
  retryGateway(id: string, gateway: string): void;
}

/** The operator actions, stable across renders. */
export function useCampaignActions(): CampaignActions {
  const store = useCampaignsStore();
  return useMemo(() => {
    const s = () => store.getState();
    return {
      start: (plan) => s().campaignStarted(plan, Date.now()),
      pause: (id) => s().campaignPaused(id, Date.now()),
      resume: (id) => s().campaignResumed(id, Date.now()),
      abort: (id) => s().campaignAborted(id, Date.now()),
      retryFailed: (id) => s().failedRetried(id, Date.now()),
      retryGateway: (id, gateway) => s().gatewayRetried(id, gateway, Date.now()),
    };
  }, [store]);
}
