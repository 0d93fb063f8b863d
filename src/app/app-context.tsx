/**
 * Every store of the page, composed for React in one place. The bootstrap makes the page's
 * instances; a test makes its own (app-test-kit.tsx).
 *
 * The shell's stores (broker connection, saved settings, reconnect requests, session errors) exist
 * before the first paint. The features' stores come with their machinery in a chunk loaded after
 * it (bootstrap-features.ts), so the shell paints within the initial JS budget: the screens wait
 * for them under <FeatureProviders>, inside the Suspense boundary they already have. Each feature's
 * context then hands its store to that feature's hooks. The broker's stores are read through the
 * hooks below (src/broker has no React); a feature screen that shows one gets it as a prop.
 */
import { QueryClientProvider, type QueryClient } from '@tanstack/react-query';
import { createContext, use, useContext, type ReactNode } from 'react';
import { useStore } from 'zustand';
import type { ActiveSessionState } from '../broker/active-session';
import type { BrokerStores } from '../broker/broker-stores';
import type { ConnectionState, ConnectionStore } from '../broker/connection-store';
import type { DiagnosticsStore } from '../broker/diagnostics-store';
import { CampaignLinkProvider, CampaignsStoreProvider } from '../campaigns/campaign-context';
import type { CampaignsStore } from '../campaigns/campaign-store';
import { ManualFirmwareStoreProvider } from '../firmware/manual-firmware-context';
import type { ManualFirmwareStore } from '../firmware/manual-firmware-store';
import { FleetStoreProvider } from '../fleet/fleet-context';
import type { FleetStore } from '../fleet/fleet-store';
import { TasksStoreProvider } from '../tasks/tasks-context';
import { TaskHistoryProvider, type TaskHistoryReader } from '../tasks/tasks-history-context';
import type { TasksStore } from '../tasks/tasks-state';
import { SelectionStoreProvider } from '../upgrade/selection-context';
import type { SelectionStore } from '../upgrade/selection-store';
import type { SavedSettings } from './config/saved-settings';
import type { SavedSettingsStore } from './config/saved-settings-store';
import type { ReconnectStore } from './session/reconnect-store';
import type { SessionErrorStore } from './session/session-error-store';
import { StorageStatusProvider, type PersistStatusSource } from './settings/storage-note';
import type { CampaignLinkStore } from '../campaigns/campaign-runtime';

export interface ShellStores {
  broker: BrokerStores;
  savedSettings: SavedSettingsStore;
  reconnect: ReconnectStore;
  sessionError: SessionErrorStore;
}

export interface FeatureStores {
  tasks: TasksStore;
  fleet: FleetStore;
  campaigns: CampaignsStore;
  /** The gateways ticked on the Upgrade screen; above the routes, so a visit elsewhere keeps them. */
  selection: SelectionStore;
  manualFirmware: ManualFirmwareStore;
  /** The whole task history (IndexedDB), for the Monitor's search and the task detail; none in tests that give none. */
  history?: TaskHistoryReader;
  /** Where tasks, fleet and campaigns are kept (Settings says so); none in tests that give none. */
  storage?: PersistStatusSource;
  /** Campaigns on the broker: the current session's link (who drives, commands); none in tests that give none. */
  campaignLink?: CampaignLinkStore;
}

export type AppStores = ShellStores & FeatureStores;

interface AppContextValue {
  shell: ShellStores;
  features: FeatureStores | Promise<FeatureStores>;
}

const AppContext = createContext<AppContextValue | null>(null);

function useAppContext(): AppContextValue {
  const value = useContext(AppContext);
  if (value === null) throw new Error('app hooks need <AppProviders> above them');
  return value;
}

export interface AppProvidersProps {
  shell: ShellStores;
  /** The features' stores, or the promise of them while their chunk loads. */
  features: FeatureStores | Promise<FeatureStores>;
  queryClient: QueryClient;
  children: ReactNode;
}

export function AppProviders({ shell, features, queryClient, children }: AppProvidersProps) {
  return (
    <QueryClientProvider client={queryClient}>
      <AppContext value={{ shell, features }}>{children}</AppContext>
    </QueryClientProvider>
  );
}

/** Gives its children the features' stores; suspends (to the nearest Suspense) until they exist. */
export function FeatureProviders({ children }: { children: ReactNode }) {
  const given = useAppContext().features;
  const stores = given instanceof Promise ? use(given) : given;
  return (
    <TasksStoreProvider value={stores.tasks}>
      <FleetStoreProvider value={stores.fleet}>
        <CampaignsStoreProvider value={stores.campaigns}>
          <SelectionStoreProvider value={stores.selection}>
            <ManualFirmwareStoreProvider value={stores.manualFirmware}>
              <TaskHistoryProvider value={stores.history ?? null}>
                <StorageStatusProvider value={stores.storage ?? null}>
                  <CampaignLinkProvider value={stores.campaignLink ?? null}>{children}</CampaignLinkProvider>
                </StorageStatusProvider>
              </TaskHistoryProvider>
            </ManualFirmwareStoreProvider>
          </SelectionStoreProvider>
        </CampaignsStoreProvider>
      </FleetStoreProvider>
    </TasksStoreProvider>
  );
}

const useShell = (): ShellStores => useAppContext().shell;

export function useConnection<T>(selector: (state: ConnectionState) => T): T {
  return useStore(useShell().broker.connection, selector);
}

export function useActiveSession<T>(selector: (state: ActiveSessionState) => T): T {
  return useStore(useShell().broker.activeSession, selector);
}

/** For the routes that hand a broker store to a feature screen (the kiosk, Diagnostics). */
export const useConnectionStore = (): ConnectionStore => useShell().broker.connection;
export const useDiagnosticsStore = (): DiagnosticsStore => useShell().broker.diagnostics;

export function useSavedSettings(): SavedSettings {
  return useStore(useShell().savedSettings, (s) => s.settings);
}

export interface SettingsActions {
  /** Saves the settings and reconnects with them. */
  saveAndReconnect(settings: SavedSettings): void;
  /** Forgets the saved settings and reconnects with what applies then. */
  resetAndReconnect(): void;
}

export function useSettingsActions(): SettingsActions {
  const { savedSettings, reconnect } = useShell();
  return {
    saveAndReconnect(settings) {
      savedSettings.getState().settingsSaved(settings);
      reconnect.getState().reconnectRequested();
    },
    resetAndReconnect() {
      savedSettings.getState().settingsReset();
      reconnect.getState().reconnectRequested();
    },
  };
}

/** How many reconnects were asked for: the session runner restarts the session when it grows. */
export function useReconnectRequests(): number {
  return useStore(useShell().reconnect, (s) => s.requests);
}

export function useSessionError(): string | null {
  return useStore(useShell().sessionError, (s) => s.error);
}
