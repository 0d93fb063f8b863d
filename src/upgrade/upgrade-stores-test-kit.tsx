/** Renders the Upgrade screen with stores of the test's own, as the app's providers would. */
import { render, type RenderResult } from '@testing-library/react';
import type { ReactElement } from 'react';
import { CampaignsStoreProvider } from '../campaigns/campaign-context';
import { createCampaignsStore, type CampaignsStore } from '../campaigns/campaign-store';
import { ManualFirmwareStoreProvider } from '../firmware/manual-firmware-context';
import { createManualFirmwareStore, type ManualFirmwareStore } from '../firmware/manual-firmware-store';
import { FleetStoreProvider } from '../fleet/fleet-context';
import { createFleetStore, type FleetStore } from '../fleet/fleet-store';
import { TasksStoreProvider } from '../tasks/tasks-context';
import type { TasksStore } from '../tasks/tasks-state';
import { createTasksStore } from '../tasks/tasks-store';
import { SelectionStoreProvider } from './selection-context';
import { createSelectionStore, type SelectionStore } from './selection-store';

export interface UpgradeStores {
  fleet: FleetStore;
  tasks: TasksStore;
  campaigns: CampaignsStore;
  selection: SelectionStore;
  manualFirmware: ManualFirmwareStore;
}

/** Fresh, empty stores (nothing kept between pages), except those given. */
export function createUpgradeStores(given: Partial<UpgradeStores> = {}): UpgradeStores {
  return {
    fleet: createFleetStore(),
    tasks: createTasksStore(),
    campaigns: createCampaignsStore(),
    selection: createSelectionStore(),
    manualFirmware: createManualFirmwareStore(null),
    ...given,
  };
}

export function renderWithStores(ui: ReactElement, stores: UpgradeStores): RenderResult {
  return render(
    <FleetStoreProvider value={stores.fleet}>
      <TasksStoreProvider value={stores.tasks}>
        <CampaignsStoreProvider value={stores.campaigns}>
          <SelectionStoreProvider value={stores.selection}>
            <ManualFirmwareStoreProvider value={stores.manualFirmware}>{ui}</ManualFirmwareStoreProvider>
          </SelectionStoreProvider>
        </CampaignsStoreProvider>
      </TasksStoreProvider>
    </FleetStoreProvider>,
  );
}
