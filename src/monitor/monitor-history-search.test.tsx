import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { createMemoryRouter, RouterProvider } from 'react-router';
import { describe, expect, it, vi } from 'vitest';
import { renderWithStores } from '../campaigns/campaign-stores-test-kit';
import { dockAndDrone, kit } from '../tasks/task-scenario-test-kit';
import { TaskHistoryProvider, type TaskHistoryReader } from '../tasks/tasks-history-context';
import type { UpgradeTask } from '../tasks/task-types';
import MonitorScreen from './monitor-screen';
import TaskDetailScreen from './task-detail-screen';

/** A history holding `tasks`: search by SN prefix (as the IndexedDB index does), read by bid. */
function fakeHistory(tasks: readonly UpgradeTask[]): TaskHistoryReader & { searches: string[] } {
  const searches: string[] = [];
  return {
    searches,
    search: vi.fn(async (text: string) => {
      searches.push(text);
      const needle = text.toLowerCase();
      return tasks.filter((t) => [t.gateway, ...t.devices.map((d) => d.sn)].some((sn) => sn.toLowerCase().startsWith(needle)));
    }),
    read: vi.fn(async (bid: string) => tasks.find((t) => t.bid === bid) ?? null),
    ofSn: vi.fn(async (sn: string) => tasks.filter((t) => t.gateway === sn || t.devices.some((d) => d.sn === sn))),
    historyCapChanged: vi.fn(),
  };
}

/** An old finished upgrade the live table let go of, and a live one. */
function scenario() {
  const old = kit();
  old.started(dockAndDrone('old-1', 'DOCK-OLD', 'DRONE-OLD'));
  old.progress('DOCK-OLD', { bid: 'old-1', status: 'ok', percent: 100 });
  const live = kit();
  live.started(dockAndDrone('live-1', 'DOCK-LIVE', 'DRONE-LIVE'));
  const liveTask = live.store.getState().table.byBid.get('live-1');
  const oldTask = old.store.getState().table.byBid.get('old-1');
  if (liveTask === undefined || oldTask === undefined) throw new Error('scenario tasks missing');
  return { store: live.store, history: fakeHistory([oldTask, liveTask]) };
}

function renderAt(entry: string, history: TaskHistoryReader, store: ReturnType<typeof scenario>['store']) {
  const router = createMemoryRouter(
    [
      { path: '/monitor', element: <MonitorScreen /> },
      { path: '/tasks/:bid', element: <TaskDetailScreen /> },
    ],
    { initialEntries: [entry] },
  );
  return renderWithStores(
    <TaskHistoryProvider value={history}>
      <RouterProvider router={router} />
    </TaskHistoryProvider>,
    { tasks: store },
  );
}

describe('Monitor search through the whole history', () => {
  it('says it is searching, then lists the history matches the live list lacks, once each', async () => {
    const { store, history } = scenario();
    renderAt('/monitor', history, store);
    await userEvent.type(screen.getByRole('searchbox', { name: 'Search devices' }), 'dock-');
    expect(screen.getByText('Searching history…')).toBeInTheDocument();
    const found = await screen.findByRole('list', { name: 'Matches in the history' });
    expect(screen.queryByText('Searching history…')).toBeNull();
    expect(screen.getByRole('heading', { name: '2 earlier devices in the history' })).toBeInTheDocument();
    expect(within(found).getByRole('progressbar', { name: 'Upgrade progress DOCK-OLD' })).toHaveAttribute('aria-valuenow', '100');
    // The live task the history also holds is shown once, in the live list.
    expect(screen.getAllByRole('progressbar', { name: 'Upgrade progress DOCK-LIVE' })).toHaveLength(1);
    expect(history.searches.at(-1)).toBe('dock-');
  });

  it('asks nothing without a search, and a match opens its task from the history', async () => {
    const { store, history } = scenario();
    renderAt('/monitor', history, store);
    expect(screen.queryByText('Searching history…')).toBeNull();
    expect(history.search).not.toHaveBeenCalled();
    await userEvent.type(screen.getByRole('searchbox', { name: 'Search devices' }), 'DRONE-OLD');
    const found = await screen.findByRole('list', { name: 'Matches in the history' });
    await userEvent.click(within(found).getAllByRole('listitem')[0]!);
    const gateway = await screen.findByText('Gateway', { selector: 'dt' });
    expect(gateway.nextElementSibling).toHaveTextContent('DOCK-OLD');
    expect(history.read).toHaveBeenCalledWith('old-1');
  });
});
