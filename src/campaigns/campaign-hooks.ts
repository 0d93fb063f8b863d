/** React access to the campaigns store. */
import { useMemo } from 'react';
import { useStore } from 'zustand';
import type { LeaseHolder } from './campaign-lease.ts';
import type { BrokerCapability } from './campaign-broker-link.ts';
import { campaignControlPermission, type CampaignControlPermission } from './campaign-permission.ts';
import type { CampaignLinkStore } from './campaign-runtime.ts';
import { useCampaignLinkStore, useCampaignsStore } from './campaign-context.ts';
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

const EMPTY_LINK_STATE = {
  connected: false,
  clientId: '',
  drivers: {},
  newer: {},
  publishRefused: null,
  writeDenied: null,
  probe: 'unchecked' as const,
};
const NO_STATE: NonNullable<ReturnType<CampaignLinkStore['getState']>['link']>['state'] = {
  getState: () => EMPTY_LINK_STATE,
  getInitialState: () => EMPTY_LINK_STATE,
  setState: () => undefined,
  subscribe: () => () => undefined,
};
const NO_LINK_STORE: CampaignLinkStore = {
  getState: () => ({ link: null }),
  getInitialState: () => ({ link: null }),
  setState: () => undefined,
  subscribe: () => () => undefined,
};

/**
 * The operator actions, stable across renders. With campaigns on the broker, Pause, Resume, Abort
 * and Retry are commands to the campaign's driver (applied here when this console drives it).
 */
export function useCampaignActions(): CampaignActions {
  const store = useCampaignsStore();
  const linkStore = useCampaignLinkStore();
  return useMemo(() => {
    const s = () => store.getState();
    const link = () => linkStore?.getState().link ?? null;
    const viaLink = (
      id: string,
      name: 'pause' | 'resume' | 'abort' | 'retry-failed' | 'retry-gateway',
      local: () => void,
      gateway?: string,
    ): void => {
      const current = link();
      if (current === null) local();
      else void current.command(id, name, gateway).catch(() => undefined);
    };
    return {
      start: (plan) => s().campaignStarted(plan, Date.now()),
      pause: (id) => viaLink(id, 'pause', () => s().campaignPaused(id, Date.now())),
      resume: (id) => viaLink(id, 'resume', () => s().campaignResumed(id, Date.now())),
      abort: (id) => viaLink(id, 'abort', () => s().campaignAborted(id, Date.now())),
      retryFailed: (id) => viaLink(id, 'retry-failed', () => s().failedRetried(id, Date.now())),
      retryGateway: (id, gateway) => viaLink(id, 'retry-gateway', () => s().gatewayRetried(id, gateway, Date.now()), gateway),
    };
  }, [store, linkStore]);
}

/** Who drives the campaign (campaigns on the broker), and why this console cannot send commands, if so. */
export function useCampaignDriver(id: string): { driver: LeaseHolder | null; refused: string | null; onBroker: boolean } {
  const linkStore = useCampaignLinkStore() ?? NO_LINK_STORE;
  const link = useStore(linkStore, (s) => s.link);
  const driver = useStore(link?.state ?? NO_STATE, (s) => s.drivers[id] ?? null);
  const refused = useStore(link?.state ?? NO_STATE, (s) => s.publishRefused);
  return { driver, refused, onBroker: link !== null };
}

/**
 * Whether this console may Pause, Resume, Abort or Retry the campaign, and why not
 * (campaign-permission.ts): the campaign page's controls and the Monitor's campaign bar use it.
 * `readOnly`: a read-only viewer or the kiosk.
 */
export function useCampaignControlPermission(id: string, readOnly: boolean): CampaignControlPermission {
  const linkStore = useCampaignLinkStore() ?? NO_LINK_STORE;
  const link = useStore(linkStore, (s) => s.link);
  const linkState = link?.state ?? NO_STATE;
  const drivesIt = useStore(linkState, (s) => s.clientId !== '' && s.drivers[id]?.clientId === s.clientId);
  const writeDenied = useStore(linkState, (s) => s.writeDenied);
  const newerFormat = useStore(linkState, (s) => Object.hasOwn(s.newer, id));
  const controlledElsewhere = useCampaignsControlledElsewhere();
  const onBroker = link !== null;
  return useMemo(
    () => campaignControlPermission({ readOnly, onBroker, drivesIt, controlledElsewhere, writeDenied, newerFormat }),
    [readOnly, onBroker, drivesIt, controlledElsewhere, writeDenied, newerFormat],
  );
}

/** Whether the broker can hold campaigns ('unsupported': retained messages do not come through wildcard subscriptions). */
export function useBrokerCapability(): BrokerCapability {
  const linkStore = useCampaignLinkStore() ?? NO_LINK_STORE;
  const link = useStore(linkStore, (s) => s.link);
  return useStore(link?.state ?? NO_STATE, (s) => s.probe);
}

const NO_NEWER: Readonly<Record<string, { v: number; name: string | null }>> = {};

/** Campaigns on the broker written by a newer format (read-only here). */
export function useNewerCampaigns(): Readonly<Record<string, { v: number; name: string | null }>> {
  const linkStore = useCampaignLinkStore() ?? NO_LINK_STORE;
  const link = useStore(linkStore, (s) => s.link);
  return useStore(link?.state ?? NO_STATE, (s) => s.newer) ?? NO_NEWER;
}
