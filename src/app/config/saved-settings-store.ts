import { createStore, type StoreApi } from 'zustand/vanilla';
import { clearSavedSettings, readSavedSettings, writeSavedSettings, type SavedSettings, type SettingsStorage } from './saved-settings';

export interface SavedSettingsState {
  settings: SavedSettings;
  settingsSaved(settings: SavedSettings): void;
  settingsReset(): void;
}

export type SavedSettingsStore = StoreApi<SavedSettingsState>;

export function createSavedSettingsStore(storage: SettingsStorage): SavedSettingsStore {
  return createStore<SavedSettingsState>((set) => ({
    settings: readSavedSettings(storage),
    settingsSaved(settings) {
      writeSavedSettings(storage, settings);
      // Applied for this page even if storage refused the write (blocked site data).
      set({ settings: { ...settings } });
    },
    settingsReset() {
      clearSavedSettings(storage);
      set({ settings: { rememberPassword: false } });
    },
  }));
}
