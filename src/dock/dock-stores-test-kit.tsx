/** Renders the dock feature's screens with stores of the test's own and a memory router at `path`. */
import { render, type RenderResult } from '@testing-library/react';
import type { ReactElement } from 'react';
import { createMemoryRouter, RouterProvider, type DataRouter } from 'react-router';
import { CampaignsStoreProvider } from '../campaigns/campaign-context.ts';
import { createCampaignsStore, type CampaignsStore } from '../campaigns/campaign-store.ts';
import { FleetStoreProvider } from '../fleet/fleet-context.ts';
import { createFleetStore, type FleetStore } from '../fleet/fleet-store.ts';
import { TasksStoreProvider } from '../tasks/tasks-context.ts';
import { TaskHistoryProvider, type TaskHistoryReader } from '../tasks/tasks-history-context.ts';
import type { TasksStore } from '../tasks/tasks-state.ts';
import { createTasksStore } from '../tasks/tasks-store.ts';
import type { UpgradeTask } from '../tasks/task-types.ts';

export interface DockStores {
  tasks: TasksStore;
  fleet: FleetStore;
  campaigns: CampaignsStore;
  history: TaskHistoryReader | null;
}

/** A history holding `tasks`, answering as the IndexedDB one does (exact SN, newest first). */
export function historyOf(tasks: readonly UpgradeTask[]): TaskHistoryReader {
  const named = (task: UpgradeTask, sn: string) => task.gateway === sn || task.devices.some((d) => d.sn === sn);
  return {
    search: async (text) => tasks.filter((task) => [task.gateway, ...task.devices.map((d) => d.sn)].some((sn) => sn.startsWith(text))),
    read: async (bid) => tasks.find((task) => task.bid === bid) ?? null,
    ofSn: async (sn) => tasks.filter((task) => named(task, sn)).sort((a, b) => b.createdAt - a.createdAt),
    historyCapChanged: () => undefined,
  };
}

export function renderDock(
  routes: { path: string; element: ReactElement }[],
  path: string,
  given: Partial<DockStores> = {},
): RenderResult & { stores: DockStores; router: DataRouter } {
  const stores: DockStores = {
    tasks: given.tasks ?? createTasksStore(),
    fleet: given.fleet ?? createFleetStore(),
    campaigns: given.campaigns ?? createCampaignsStore(),
    history: given.history ?? null,
  };
  const router = createMemoryRouter([...routes, { path: '/tasks/:bid', element: <p>Task page</p> }], { initialEntries: [path] });
  return {
    stores,
    router,
    ...render(
      <TasksStoreProvider value={stores.tasks}>
        <FleetStoreProvider value={stores.fleet}>
          <CampaignsStoreProvider value={stores.campaigns}>
            <TaskHistoryProvider value={stores.history}>
              <RouterProvider router={router} />
            </TaskHistoryProvider>
          </CampaignsStoreProvider>
        </FleetStoreProvider>
      </TasksStoreProvider>,
    ),
  };
}
