/**
 * The page's campaign machinery, started once by the app's bootstrap whatever screen is open: the
 * title badge and notifications, and, in the one tab that leads (campaign-leader.ts), persistence
 * and the driver sending through the active broker session. Other tabs mirror the stored campaigns.
 */
import type { StoreApi } from 'zustand/vanilla';
import type { ActiveSessionStore } from '../broker/active-session.ts';
import { defaultIds } from '../protocol/ids.ts';
import type { Decoded } from '../protocol/messages.ts';
import type { TasksStore } from '../tasks/tasks-state.ts';
import type { AlertTexts } from './campaign-alerts.ts';
import { watchCampaignAlerts } from './campaign-alerts.ts';
import { startCampaignDriver, type CampaignDriver } from './campaign-driver.ts';
import { electCampaignLeader } from './campaign-leader.ts';
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
}

export interface CampaignRuntime {
  /**
   * Batch consumer: listed after the tasks store, which has just applied the batch, so a result
   * that frees a slot sends the next gateway in the same frame.
   */
  batchReceived(batch: readonly Decoded[]): void;
  stop(): void;
}

export function startCampaignRuntime({ campaigns, tasks, activeSession, storage, leaseStorage, alertTexts }: CampaignRuntimeDeps): CampaignRuntime {
  let driver: CampaignDriver | null = null;
  let persistence: CampaignsWriter | null = null;
  let stopMirroring: (() => void) | null = null;

  function lead(): void {
    if (driver !== null) return;
    campaigns.getState().controlChanged(false);
    persistence = storage?.connect(campaigns) ?? null;
    driver = startCampaignDriver({
      campaigns,
      tasks,
      publisher: () => activeSession.getState().session,
      ids: defaultIds,
      now: Date.now,
      persistNow: () => persistence?.flush(),
      alsoWatch: [activeSession as StoreApi<unknown>],
    });
  }

  function follow(): void {
    // A lease-based leader whose renewals stalled (a throttled background tab) hands over cleanly.
    driver?.stop();
    driver = null;
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

  return {
    batchReceived(batch) {
      if (batch.length > 0) driver?.tick();
    },
    stop() {
      resign();
      driver?.stop();
      driver = null;
      persistence?.stop();
      persistence = null;
      stopMirroring?.();
      stopAlerts();
    },
  };
}
