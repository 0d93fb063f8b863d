/**
 * The page's campaign machinery, started once on import: campaigns restored from storage and
 * written back, and the driver sending through the active broker session. Imported by the app's
 * batch consumers so it runs from the first page load, whatever screen is open.
 */
import type { StoreApi } from 'zustand/vanilla';
import { activeSessionStore } from '../broker/active-session.ts';
import type { Decoded } from '../protocol/messages.ts';
import { defaultIds } from '../protocol/ids.ts';
import { startCampaignDriver, type CampaignDriver } from './campaign-driver.ts';
import { connectCampaignsPersistence } from './campaign-persistence.ts';
import { campaignsStore } from './campaign-store.ts';
import { watchCampaignAlerts } from './campaign/campaign-alerts.ts';
import { browserStorage } from './tasks-persistence.ts';
import { tasksStore } from './tasks-store.ts';

function start(): CampaignDriver {
  const storage = browserStorage();
  const persistence = storage === null ? null : connectCampaignsPersistence(campaignsStore, storage);
  return startCampaignDriver({
    campaigns: campaignsStore,
    tasks: tasksStore,
    publisher: () => activeSessionStore.getState().session,
    ids: defaultIds,
    now: Date.now,
    persistNow: () => persistence?.flush(),
    alsoWatch: [activeSessionStore as StoreApi<unknown>],
  });
}

export const campaignDriver: CampaignDriver = start();

if (typeof document !== 'undefined') watchCampaignAlerts(campaignsStore);

/**
 * Batch consumer: the tasks store has just applied the batch (it is listed first), so a result
 * that frees a slot sends the next gateway in the same frame.
 */
export function campaignBatchReceived(batch: readonly Decoded[]): void {
  if (batch.length > 0) campaignDriver.tick();
}
