/**
 * The second half of the start-up (bootstrap.ts runs it once the shell's code is in): the
 * features' stores, their persistence, campaign leadership and the campaign runtime, and the
 * broker session controller with the stores that consume its batches. Loaded as its own chunk, so
 * the shell paints within the initial JS budget; nothing here runs on import.
 */
import { alertTextsFor } from '../campaigns/campaign-alert-texts';
import { localStorageCampaigns } from '../campaigns/campaign-persistence';
import { startCampaignRuntime } from '../campaigns/campaign-runtime';
import { createCampaignsStore } from '../campaigns/campaign-store';
import { createManualFirmwareStore } from '../firmware/manual-firmware-store';
import { loadFleetDocument } from '../fleet/fleet-persistence';
import { createFleetStore, persistFleet } from '../fleet/fleet-store';
import { connectTasksPersistence } from '../tasks/tasks-persistence';
import { createTasksStore } from '../tasks/tasks-store';
import { i18n } from '../ui/i18n/i18n';
import { createSelectionStore } from '../upgrade/selection-store';
import type { FeatureStores, ShellStores } from './app-context';
import { createBrokerSessionController } from './session/broker-session-controller';
import type { SessionController } from './session/session-controller';

export interface StartedFeatures {
  stores: FeatureStores;
  sessionController: SessionController;
}

/** `local`: the page's localStorage, or null when it has none that works. */
export function startFeatures(shell: ShellStores, local: Storage | null): StartedFeatures {
  // The fleet starts from the last session's, so the list shows before the first update_topo.
  const storedFleet = loadFleetDocument(local);
  const stores: FeatureStores = {
    tasks: createTasksStore(),
    fleet: createFleetStore(storedFleet.fleet, storedFleet.roster),
    campaigns: createCampaignsStore(),
    selection: createSelectionStore(),
    manualFirmware: createManualFirmwareStore(local),
  };

  if (local !== null) connectTasksPersistence(stores.tasks, local);
  const fleetPersistence = persistFleet(stores.fleet, local);
  // pagehide also fires on reload, so a gateway added a moment before is not lost to the delay.
  window.addEventListener('pagehide', fleetPersistence.flush);

  // Campaign persistence follows leadership: only the leading tab writes (campaign-runtime.ts).
  const campaignRuntime = startCampaignRuntime({
    campaigns: stores.campaigns,
    tasks: stores.tasks,
    activeSession: shell.broker.activeSession,
    storage: local === null ? null : localStorageCampaigns(local),
    leaseStorage: local,
    alertTexts: alertTextsFor(i18n),
  });

  const sessionController = createBrokerSessionController({
    broker: shell.broker,
    sessionError: shell.sessionError,
    // Each batch in this order: the campaign driver runs after the tasks store applied it, so a
    // result that frees a slot sends the next gateway in the same frame. Diagnostics is not listed:
    // the broker session counts every batch itself.
    consumers: [
      (batch) => stores.fleet.getState().batchReceived(batch, Date.now()),
      (batch) => stores.tasks.getState().batchReceived(batch, Date.now()),
      campaignRuntime.batchReceived,
    ],
  });

  return { stores, sessionController };
}
