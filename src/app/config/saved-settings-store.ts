import { createStore } from 'zustand/vanilla';
import { clearSavedSettings, readSavedSettings, writeSavedSettings, type SavedSettings, type SettingsStorage } from './saved-settings';

export interface SavedSettingsState {
  settings: SavedSettings;
  settingsSaved(settings: SavedSettings): void;
  settingsReset(): void;
}

export function createSavedSettingsStore(storage: SettingsStorage) {
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

function browserStorage(name: 'localStorage' | 'sessionStorage'): Storage | null {
  try {
    return typeof window === 'undefined' ? null : window[name];
  } catch {
    // Accessing the property itself throws when site data is blocked.
    return null;
  }
}

export const savedSettingsStore = createSavedSettingsStore({
  local: browserStorage('localStorage'),
  session: browserStorage('sessionStorage'),
});
