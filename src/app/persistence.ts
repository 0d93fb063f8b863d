/**
 * The console's browser storage: one IndexedDB database holding the task history, the fleet and
 * the campaigns (docs/persistence.md), opened by the bootstrap before the campaign runtime starts.
 * Without IndexedDB the kit runs in memory and says so (the Settings screen shows it).
 */
import { CAMPAIGNS_STORE_SPEC, indexedDbCampaigns, type CampaignsStorageLink } from '../campaigns/campaign-records';
import { connectFleetRecords, FLEET_STORE_SPECS, type FleetRecords } from '../fleet/fleet-records';
import type { FleetStore } from '../fleet/fleet-store';
import type { DatabaseSpec } from '../lib/persist/persist-database';
import { openPersistKit, type PersistKit } from '../lib/persist/persist-kit';
import { TASKS_STORE_SPEC } from '../tasks/task-records';
import { connectTaskHistory, type TaskHistory } from '../tasks/tasks-history';
import type { TasksStore } from '../tasks/tasks-state';

export const CONSOLE_DATABASE: DatabaseSpec = {
  name: 'ota-console',
  // 2: the kit's store of pagehide-journal markers (src/lib/persist/unload-journal.ts).
  version: 2,
  stores: [TASKS_STORE_SPEC, ...FLEET_STORE_SPECS, CAMPAIGNS_STORE_SPEC],
};

export interface ConsolePersistence {
  kit: PersistKit;
  history: TaskHistory;
  fleet: FleetRecords;
  campaigns: CampaignsStorageLink;
  /** The stored tasks and fleet (and what was moved from localStorage) are in the stores. */
  ready: Promise<void>;
}

/**
 * Opens the database and connects the task and fleet stores to it; the campaigns' link is handed to
 * the campaign runtime, which connects it in the tab that leads. `legacy` is the page's
 * localStorage, where the previous version kept everything: moved into IndexedDB on the first start.
 */
export async function startPersistence(
  stores: { tasks: TasksStore; fleet: FleetStore },
  legacy: Storage | null,
): Promise<ConsolePersistence> {
  const kit = await openPersistKit({ database: CONSOLE_DATABASE });
  const history = connectTaskHistory(stores.tasks, kit, { legacy });
  const fleet = connectFleetRecords(stores.fleet, kit, { legacy });
  const campaigns = indexedDbCampaigns(kit, { legacy });
  return { kit, history, fleet, campaigns, ready: Promise.all([history.ready, fleet.ready]).then(() => undefined) };
}
