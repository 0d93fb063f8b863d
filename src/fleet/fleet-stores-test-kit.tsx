/** Renders fleet components with a store of the test's own, as the app's providers would, under a router at `path`. */
import { render, type RenderResult } from '@testing-library/react';
import type { ReactElement } from 'react';
import { createMemoryRouter, RouterProvider, type DataRouter } from 'react-router';
import { FleetStoreProvider } from './fleet-context.ts';
import { createFleetStore, type FleetStore } from './fleet-store.ts';

export function renderWithFleet(
  ui: ReactElement,
  fleet: FleetStore = createFleetStore(),
  path = '/fleet',
): RenderResult & { fleet: FleetStore; router: DataRouter } {
  const router = createMemoryRouter(
    [
      { path: '/fleet', element: ui },
      { path: '/fleet/:sn', element: <p>Dock page</p> },
    ],
    { initialEntries: [path] },
  );
  return {
    fleet,
    router,
    ...render(
      <FleetStoreProvider value={fleet}>
        <RouterProvider router={router} />
      </FleetStoreProvider>,
    ),
  };
}
