/** Renders app components under <AppProviders> with stores of the test's own, never the page's. */
import { QueryClient } from '@tanstack/react-query';
import { render, type RenderResult } from '@testing-library/react';
import type { ReactElement } from 'react';
import { createBrokerStores } from '../broker/broker-stores';
import { createCampaignsStore } from '../campaigns/campaign-store';
import { createManualFirmwareStore } from '../firmware/manual-firmware-store';
import { createFleetStore } from '../fleet/fleet-store';
import { createTasksStore } from '../tasks/tasks-store';
import { createSelectionStore } from '../upgrade/selection-store';
import { AppProviders, FeatureProviders, type AppStores } from './app-context';
import { createSavedSettingsStore } from './config/saved-settings-store';
import { createReconnectStore } from './session/reconnect-store';
import { createSessionErrorStore } from './session/session-error-store';

/** Fresh, empty stores that keep nothing between pages, except those given. */
export function createTestStores(given: Partial<AppStores> = {}): AppStores {
  return {
    tasks: createTasksStore(),
    fleet: createFleetStore(),
    campaigns: createCampaignsStore(),
    selection: createSelectionStore(),
    manualFirmware: createManualFirmwareStore(null),
    broker: createBrokerStores(),
    savedSettings: createSavedSettingsStore({ local: null, session: null }),
    reconnect: createReconnectStore(),
    sessionError: createSessionErrorStore(),
    ...given,
  };
}

/** A fresh query client per render, without retries: a failed config.json shows at once. */
export function renderWithStores(ui: ReactElement, stores: AppStores = createTestStores()): RenderResult & { stores: AppStores } {
  const queryClient = new QueryClient({ defaultOptions: { queries: { retry: false } } });
  return {
    stores,
    ...render(
      <AppProviders shell={stores} features={stores} queryClient={queryClient}>
        <FeatureProviders>{ui}</FeatureProviders>
      </AppProviders>,
    ),
  };
}
