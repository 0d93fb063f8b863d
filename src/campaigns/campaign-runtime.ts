/**
 * The page's campaign machinery, started once by the app's bootstrap whatever screen is open: the
 * title badge and notifications, and, in the one tab that leads (campaign-leader.ts), persistence
 * (a cache) and the candidacy to drive campaigns. Campaigns live on the broker
 * (campaign-broker-link.ts, one link per broker session): every tab reads them there; only the
 * leading tab of an operator console may take a campaign's lease and drive it. Other tabs also
 * mirror the stored cache.
 */
import { createStore, type StoreApi } from 'zustand/vanilla';
import type { ActiveSessionStore } from '../broker/active-session.ts';
import type { ConnectionStore } from '../broker/connection-store.ts';
import { defaultIds } from '../protocol/ids.ts';
import type { Decoded } from '../protocol/messages.ts';
import type { TasksStore } from '../tasks/tasks-state.ts';
import type { AlertTexts } from './campaign-alerts.ts';
import { watchCampaignAlerts } from './campaign-alerts.ts';
import { startCampaignBrokerLink, type CampaignBrokerLink, type RecordSession } from './campaign-broker-link.ts';
import { electCampaignLeader } from './campaign-leader.ts';
import { createDockActivity } from './dock-activity.ts';
import type { CampaignsStorageLink, CampaignsWriter } from './campaign-records.ts';
import type { CampaignsStore } from './campaign-store.ts';

export interface CampaignRuntimeDeps {
  campaigns: CampaignsStore;
  tasks: TasksStore;
  /** The session the driver publishes through (null between sessions). */
  activeSession: ActiveSessionStore;
  /** null when the page cannot keep data: nothing is restored, nothing is mirrored. */
  storage: CampaignsStorageLink | null;
  /** Where the tabs hold their leadership lease when the page has no Web Locks (null: this tab leads). */
  leaseStorage: Storage | null;
  /** The badge and notification words in the language of the moment. */
  alertTexts: AlertTexts;
  /** The broker connection's phase tells the link when records can be read and written. */
  connection: ConnectionStore;
}

/** What the campaigns on the broker need of a new session. */
export interface CampaignSessionInfo {
  clientId: string;
  readOnly: boolean;
  campaignNamespace: string;
  /** Empty: the client id. */
  consoleLabel: string;
  campaignRetentionDays: number;
}

/** The link of the current session, for the screens (null between sessions). */
export type CampaignLinkStore = StoreApi<{ link: CampaignBrokerLink | null }>;

export interface CampaignRuntime {
  /**
   * Batch consumer: listed after the tasks store, which has just applied the batch, so a result
   * that frees a slot sends the next gateway in the same frame.
   */
  batchReceived(batch: readonly Decoded[]): void;
  /** A new broker session: a new link reads and drives the campaigns through it. */
  sessionStarted(session: RecordSession, info: CampaignSessionInfo): void;
  readonly link: CampaignLinkStore;
  stop(): void;
}

export function startCampaignRuntime({
  campaigns,
  tasks,
  activeSession,
  storage,
  leaseStorage,
  alertTexts,
  connection,
}: CampaignRuntimeDeps): CampaignRuntime {
  let leading = false;
  let persistence: CampaignsWriter | null = null;
  let stopMirroring: (() => void) | null = null;
  const linkStore: CampaignLinkStore = createStore(() => ({ link: null }));
  // Outlives the links: what the docks said before a reconnect still holds until it goes stale.
  const docks = createDockActivity();
  let stopWatchingConnection: (() => void) | null = null;

  function lead(): void {
    if (leading) return;
    leading = true;
    campaigns.getState().controlChanged(false);
    persistence = storage?.connect(campaigns) ?? null;
  }

  function follow(): void {
    // A lease-based leader whose renewals stalled (a throttled background tab) hands over cleanly.
    leading = false;
    persistence?.stop({ write: false });
    persistence = null;
    campaigns.getState().controlChanged(true);
    if (storage === null) return;
    const link = storage;
    const mirror = (): void => {
      void link.load().then((stored) => {
        if (campaigns.getState().controlledElsewhere) campaigns.getState().campaignsMirrored(stored);
      });
    };
    mirror();
    stopMirroring ??= link.subscribe(mirror);
  }

  const stopAlerts = watchCampaignAlerts(campaigns, alertTexts);
  const locks = typeof navigator !== 'undefined' && 'locks' in navigator ? navigator.locks : null;
  const resign = electCampaignLeader(
    {
      locks,
      storage: leaseStorage,
      now: Date.now,
      owner: defaultIds.uuid(),
      setInterval: (fn, ms) => window.setInterval(fn, ms),
      clearInterval: (handle) => window.clearInterval(handle as number),
    },
    (role) => (role === 'leader' ? lead() : follow()),
  );

  function endLink(): void {
    stopWatchingConnection?.();
    stopWatchingConnection = null;
    void linkStore.getState().link?.stop();
    linkStore.setState({ link: null });
  }

  return {
    link: linkStore,
    batchReceived(batch) {
      docks.observe(batch, Date.now());
      linkStore.getState().link?.batchReceived(batch);
    },
    sessionStarted(session, info) {
      endLink();
      const link = startCampaignBrokerLink({
        session,
        namespace: info.campaignNamespace,
        clientId: info.clientId,
        label: info.consoleLabel === '' ? info.clientId : info.consoleLabel,
        campaigns,
        tasks,
        ids: defaultIds,
        now: Date.now,
        canDrive: () => leading && !info.readOnly && activeSession.getState().session === session,
        retentionMs: info.campaignRetentionDays * 24 * 60 * 60 * 1000,
        docks,
      });
      linkStore.setState({ link });
      if (connection.getState().phase === 'connected') link.connected();
      stopWatchingConnection = connection.subscribe((state, previous) => {
        if (state.phase === previous.phase) return;
        if (state.phase === 'connected') link.connected();
        else if (previous.phase === 'connected') link.disconnected();
      });
    },
    stop() {
      resign();
      endLink();
      persistence?.stop();
      persistence = null;
      stopMirroring?.();
      stopAlerts();
    },
  };
}
