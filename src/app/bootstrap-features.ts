/**
 * The second half of the start-up (bootstrap.ts runs it once the shell's code is in): the
 * features' stores, their persistence, campaign leadership and the campaign runtime, and the
 * broker session controller with the stores that consume its batches. Loaded as its own chunk, so
 * the shell paints within the initial JS budget; nothing here runs on import.
 */
import { createProtocolVersionMemory } from '../broker/protocol-version-memory';
import { alertTextsFor } from '../campaigns/campaign-alert-texts';
import { startCampaignRuntime } from '../campaigns/campaign-runtime';
import { createCampaignsStore } from '../campaigns/campaign-store';
import { createManualFirmwareStore } from '../firmware/manual-firmware-store';
import { createFleetStore } from '../fleet/fleet-store';
import { createTasksStore } from '../tasks/tasks-store';
import { i18n } from '../ui/i18n/i18n';
import { createSelectionStore } from '../upgrade/selection-store';
import type { FeatureStores, ShellStores } from './app-context';
import { startPersistence } from './persistence';
import { createBrokerSessionController } from './session/broker-session-controller';
import { startOsdWatch } from './session/osd-watch';
import type { SessionController } from './session/session-controller';

export interface StartedFeatures {
  stores: FeatureStores;
  sessionController: SessionController;
}

/**
 * How long the start waits for the stored tasks and fleet before the broker session starts anyway
 * (a database that hangs must not keep the console offline).
 */
const RESTORE_WAIT_MS = 3_000;

/** `local`: the page's localStorage, or null when it has none that works. */
export async function startFeatures(shell: ShellStores, local: Storage | null): Promise<StartedFeatures> {
  const tasks = createTasksStore();
  const fleet = createFleetStore();
  // Tasks, fleet and campaigns live in IndexedDB (app/persistence.ts); what the previous version
  // kept in localStorage moves there on the first start.
  const persistence = await startPersistence({ tasks, fleet }, local);
  const stores: FeatureStores = {
    tasks,
    fleet,
    campaigns: createCampaignsStore(),
    selection: createSelectionStore(),
    manualFirmware: createManualFirmwareStore(local),
    history: persistence.history,
    storage: persistence.kit,
  };
  // The stored tasks are in before the first message: a progress event for a task started here
  // must find it, not create one "started elsewhere".
  await Promise.race([persistence.ready, new Promise((resolve) => setTimeout(resolve, RESTORE_WAIT_MS))]);

  // Campaign persistence follows leadership: only the leading tab writes (campaign-runtime.ts).
  const campaignRuntime = startCampaignRuntime({
    campaigns: stores.campaigns,
    tasks: stores.tasks,
    activeSession: shell.broker.activeSession,
    storage: persistence.campaigns,
    leaseStorage: local,
    alertTexts: alertTextsFor(i18n),
    connection: shell.broker.connection,
  });
  stores.campaignLink = campaignRuntime.link;

  const sessionController = createBrokerSessionController({
    broker: shell.broker,
    sessionError: shell.sessionError,
    campaignSessionStarted: (session, o) => campaignRuntime.sessionStarted(session, o),
    protocolMemory: createProtocolVersionMemory(local),
    // Each batch in this order: the campaign driver runs after the tasks store applied it, so a
    // result that frees a slot sends the next gateway in the same frame. Diagnostics is not listed:
    // the broker session counts every batch itself.
    consumers: [
      (batch) => stores.fleet.getState().batchReceived(batch, Date.now()),
      (batch) => stores.tasks.getState().batchReceived(batch, Date.now()),
      campaignRuntime.batchReceived,
    ],
  });

  // osd only of the devices being upgraded, queued or ticked (osd-watch.ts), for the page's lifetime.
  startOsdWatch({
    tasks: stores.tasks,
    campaigns: stores.campaigns,
    selection: stores.selection,
    fleet: stores.fleet,
    activeSession: shell.broker.activeSession,
  });

  return { stores, sessionController };
}
