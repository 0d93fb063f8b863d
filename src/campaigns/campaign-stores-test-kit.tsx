/** Renders campaign (and Monitor) components with stores of the test's own, as the app's providers would. */
import { render, type RenderResult } from '@testing-library/react';
import type { ReactElement } from 'react';
import { CampaignsStoreProvider } from './campaign-context';
import { createCampaignsStore, type CampaignsStore } from './campaign-store';
import { TasksStoreProvider } from '../tasks/tasks-context';
import type { TasksStore } from '../tasks/tasks-state';
import { createTasksStore } from '../tasks/tasks-store';

export interface TaskAndCampaignStores {
  tasks: TasksStore;
  campaigns: CampaignsStore;
}

/** Stores not given are made fresh (and empty) for this render. */
export function renderWithStores(
  ui: ReactElement,
  given: Partial<TaskAndCampaignStores> = {},
): RenderResult & { stores: TaskAndCampaignStores } {
  const stores: TaskAndCampaignStores = { tasks: given.tasks ?? createTasksStore(), campaigns: given.campaigns ?? createCampaignsStore() };
  return {
    stores,
    ...render(
      <TasksStoreProvider value={stores.tasks}>
        <CampaignsStoreProvider value={stores.campaigns}>{ui}</CampaignsStoreProvider>
      </TasksStoreProvider>,
    ),
  };
}
