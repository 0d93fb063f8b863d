import { act, screen, within } from '@testing-library/react';
import { createMemoryRouter, RouterProvider } from 'react-router';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { errorState } from '../broker/broker-error';
import FleetScreen from '../fleet/fleet-screen';
import { createFleetStore } from '../fleet/fleet-store';
import { osd, topo } from '../fleet/fleet-test-kit';
import MonitorScreen from '../monitor/monitor-screen';
import { dockAndDrone, kit } from '../tasks/task-scenario-test-kit';
import { formatHourMinute } from '../ui/i18n/format';
import { createTestStores, renderWithStores } from './app-test-kit';
import type { AppStores } from './app-context';
import { Layout } from './layout';

let stores: AppStores;

beforeEach(() => {
  // jsdom has no layout: the virtual lists get a viewport and rows a height.
  vi.spyOn(Element.prototype, 'clientHeight', 'get').mockReturnValue(900);
  vi.spyOn(Element.prototype, 'clientWidth', 'get').mockReturnValue(1000);
  vi.spyOn(HTMLElement.prototype, 'offsetHeight', 'get').mockImplementation(function (this: HTMLElement) {
    return this.hasAttribute('data-index') ? 90 : 900;
  });
  vi.stubGlobal(
    'fetch',
    vi.fn(async () => new Response('', { status: 404 })),
  );
  const k = kit();
  k.started(dockAndDrone('b-1', 'DOCK-A', 'DRONE-A'));
  k.progress('DOCK-A', { bid: 'b-1', status: 'in_progress', subStatus: 'DOWNLOADING', step: 'download_firmware', percent: 40 });
  const fleet = createFleetStore();
  fleet.getState().batchReceived([topo('DOCK1', '3-2-0'), osd('DOCK1', 3)], Date.now());
  stores = createTestStores({ tasks: k.store, fleet });
  stores.broker.connection.setState({ phase: 'connected', since: 1_000 });
});

afterEach(() => {
  vi.restoreAllMocks();
  vi.unstubAllGlobals();
});

function renderAt(path: string) {
  const router = createMemoryRouter(
    [
      {
        path: '/',
        element: <Layout />,
        children: [
          { path: 'monitor', element: <MonitorScreen /> },
          { path: 'fleet', element: <FleetScreen /> },
        ],
      },
    ],
    { initialEntries: [path] },
  );
  return renderWithStores(<RouterProvider router={router} />, stores);
}

const lose = (at: number, info: Parameters<typeof errorState>[0] = { kind: 'lost' }) =>
  act(() => stores.broker.connection.setState({ phase: 'reconnecting', since: at, ...errorState(info) }));
const reconnect = () => act(() => stores.broker.connection.setState({ phase: 'connected', since: Date.now(), ...errorState(null) }));

const monitorTiles = () => within(screen.getByRole('group', { name: 'Upgrade summary' })).getAllByRole('definition');
const monitorRow = (sn: string) =>
  screen.getByRole('progressbar', { name: `Upgrade progress ${sn}` }).closest<HTMLElement>('[role="listitem"]')!;
const dimmedBox = (element: HTMLElement) => element.closest<HTMLElement>('[data-stale]');

describe('Layout: stale data on the operator screens', () => {
  it('Monitor: a banner says since when; tiles and rows are dimmed and point to it; all of it goes on reconnect', async () => {
    renderAt('/monitor');
    expect(await screen.findByRole('progressbar', { name: 'Upgrade progress DOCK-A' })).toBeInTheDocument();
    expect(screen.queryByRole('alert')).not.toBeInTheDocument();
    expect(dimmedBox(monitorRow('DOCK-A'))).toBeNull();
    expect(dimmedBox(monitorTiles()[0]!)).toBeNull();

    const lostAt = Date.now() - 60_000;
    lose(lostAt);
    const alert = screen.getByRole('alert');
    expect(alert).toHaveTextContent(`Connection lost since ${formatHourMinute(lostAt)}`);
    for (const figure of [monitorRow('DOCK-A'), monitorRow('DRONE-A'), ...monitorTiles()]) {
      const box = dimmedBox(figure);
      expect(box).not.toBeNull();
      expect(box).toHaveClass('grayscale');
      expect(box).toHaveAttribute('aria-describedby', alert.id);
    }
    // Dimmed, not hidden: the last known figures stay readable.
    expect(monitorRow('DOCK-A')).toBeVisible();
    expect(monitorRow('DOCK-A')).toHaveAccessibleDescription(/Connection lost since/);

    reconnect();
    expect(screen.queryByRole('alert')).not.toBeInTheDocument();
    expect(dimmedBox(monitorRow('DOCK-A'))).toBeNull();
    expect(dimmedBox(monitorTiles()[0]!)).toBeNull();
  });

  it('Fleet: "Online" is dimmed and explained while the connection is refused', async () => {
    renderAt('/fleet');
    // The gateway's connection cell (the overview and the filters say "Online" too).
    const online = async () =>
      within((await screen.findByRole('rowheader', { name: /^DOCK1\b/ })).closest<HTMLElement>('[role="row"]')!).getByText('Online');
    expect(dimmedBox(await online())).toBeNull();
    lose(Date.now(), { kind: 'refused' });
    expect(screen.getByRole('alert')).toHaveTextContent('Broker refused the connection (Connection refused)');
    expect(dimmedBox(await online())).toHaveAttribute('aria-describedby', 'connection-banner');
    expect(dimmedBox(within(screen.getByRole('group', { name: 'Fleet summary' })).getByText('Online'))).toHaveAttribute(
      'aria-describedby',
      'connection-banner',
    );
    reconnect();
    expect(dimmedBox(await online())).toBeNull();
  });

  it('before the first connect: a quiet line, and the figures dimmed', async () => {
    stores.broker.connection.setState({ phase: 'connecting', since: 1_000 });
    renderAt('/monitor');
    expect(await screen.findByText('Not connected yet. Connecting to the broker…')).toBeInTheDocument();
    expect(screen.queryByRole('alert')).not.toBeInTheDocument();
    expect(dimmedBox(monitorRow('DOCK-A'))).toHaveAttribute('aria-describedby', 'connection-banner');
  });

  it('wrong credentials send the operator to Settings', async () => {
    stores.broker.connection.setState({ phase: 'connecting', since: 1_000 });
    renderAt('/monitor');
    await screen.findByRole('progressbar', { name: 'Upgrade progress DOCK-A' });
    lose(2_000, { kind: 'connack', code: 0x86 });
    const alert = screen.getByRole('alert');
    expect(alert).toHaveTextContent('Not connected yet');
    expect(alert).toHaveTextContent('Not authorized: check the username and password in Settings (Bad username or password)');
  });
});
