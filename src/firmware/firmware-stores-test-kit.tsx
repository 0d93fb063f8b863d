/** Renders firmware components with a manual-firmware store of the test's own, as the app's providers would. */
import { render, type RenderResult } from '@testing-library/react';
import type { ReactElement } from 'react';
import { ManualFirmwareStoreProvider } from './manual-firmware-context';
import { createManualFirmwareStore, type ManualFirmwareStore } from './manual-firmware-store';

/** Without a store: a fresh one that keeps nothing between pages. */
export function renderWithManualFirmware(ui: ReactElement, store: ManualFirmwareStore = createManualFirmwareStore(null)): RenderResult {
  return render(<ManualFirmwareStoreProvider value={store}>{ui}</ManualFirmwareStoreProvider>);
}
