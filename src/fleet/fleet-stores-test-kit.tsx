/** Renders fleet components with a store of the test's own, as the app's providers would. */
import { render, type RenderResult } from '@testing-library/react';
import type { ReactElement } from 'react';
import { FleetStoreProvider } from './fleet-context.ts';
import { createFleetStore, type FleetStore } from './fleet-store.ts';

export function renderWithFleet(ui: ReactElement, fleet: FleetStore = createFleetStore()): RenderResult & { fleet: FleetStore } {
  return { fleet, ...render(<FleetStoreProvider value={fleet}>{ui}</FleetStoreProvider>) };
}
