/**
 * The page's campaign machinery, started once on import (the app's batch consumers import it, so
 * it runs from the first page load whatever screen is open): the title badge and notifications,
 * and, in the one tab that leads (campaign-leader.ts), persistence and the driver sending through
 * the active broker session. Other tabs mirror the stored campaigns.
 */
import type { StoreApi } from 'zustand/vanilla';
import { activeSessionStore } from '../broker/active-session.ts';
import { defaultIds } from '../protocol/ids.ts';
import type { Decoded } from '../protocol/messages.ts';
import { startCampaignDriver, type CampaignDriver } from './campaign-driver.ts';
import { CAMPAIGNS_STORAGE_KEY, connectCampaignsPersistence, loadCampaigns, type CampaignsPersistence } from './campaign-persistence.ts';
import { campaignsStore } from './campaign-store.ts';
import { i18n } from '../ui/i18n/i18n.ts';
import { alertTextsFor } from './campaign-alert-texts.ts';
import { watchCampaignAlerts } from './campaign-alerts.ts';
import { electCampaignLeader } from './campaign-leader.ts';
import { browserStorage } from '../tasks/tasks-persistence.ts';
import { tasksStore } from '../tasks/tasks-store.ts';

let driver: CampaignDriver | null = null;
let persistence: CampaignsPersistence | null = null;
let mirroring = false;

function lead(storage: Storage | null): void {
  if (driver !== null) return;
  campaignsStore.getState().controlChanged(false);
  persistence = storage === null ? null : connectCampaignsPersistence(campaignsStore, storage);
  driver = startCampaignDriver({
    campaigns: campaignsStore,
    tasks: tasksStore,
    publisher: () => activeSessionStore.getState().session,
    ids: defaultIds,
    now: Date.now,
    persistNow: () => persistence?.flush(),
    alsoWatch: [activeSessionStore as StoreApi<unknown>],
  });
}

function follow(storage: Storage | null): void {
  // A lease-based leader whose renewals stalled (a throttled background tab) hands over cleanly.
  driver?.stop();
  driver = null;
  persistence?.stop({ write: false });
  persistence = null;
  campaignsStore.getState().controlChanged(true);
  if (storage === null) return;
  campaignsStore.getState().campaignsMirrored(loadCampaigns(storage));
  if (mirroring) return;
  mirroring = true;
  window.addEventListener('storage', (event) => {
    if (event.key === CAMPAIGNS_STORAGE_KEY && campaignsStore.getState().controlledElsewhere) {
      campaignsStore.getState().campaignsMirrored(loadCampaigns(storage));
    }
  });
}

function start(): void {
  if (typeof window === 'undefined') return;
  const storage = browserStorage() as Storage | null;
  watchCampaignAlerts(campaignsStore, alertTextsFor(i18n));
  const locks = typeof navigator !== 'undefined' && 'locks' in navigator ? navigator.locks : null;
  electCampaignLeader(
    {
      locks,
      storage,
      now: Date.now,
      owner: defaultIds.uuid(),
      setInterval: (fn, ms) => window.setInterval(fn, ms),
      clearInterval: (handle) => window.clearInterval(handle as number),
    },
    (role) => (role === 'leader' ? lead(storage) : follow(storage)),
  );
}

start();

/**
 * Batch consumer: the tasks store has just applied the batch (it is listed first), so a result
 * that frees a slot sends the next gateway in the same frame.
 */
export function campaignBatchReceived(batch: readonly Decoded[]): void {
  if (batch.length > 0) driver?.tick();
}
