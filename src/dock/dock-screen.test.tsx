import { act, screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { state, topo } from '../fleet/fleet-test-kit.ts';
import { dockAndDrone, kit, T0 } from '../tasks/task-scenario-test-kit.ts';
import DockScreen from './dock-screen.tsx';
import { historyOf, renderDock } from './dock-stores-test-kit.tsx';

const MINUTE = 60_000;
const routes = [{ path: '/fleet/:sn', element: <DockScreen /> }];

/** One upgrade only the stored history holds (the live table let it go), one live that failed. */
function scenario() {
  // The kit's device clock starts at its `now`: the dock reports ok 12 minutes after the start.
  const old = kit(T0 - 48 * MINUTE);
  old.started(dockAndDrone('b-stored', 'DOCK1', 'AC1'), T0 - 60 * MINUTE);
  old.progress('DOCK1', { bid: 'b-stored', status: 'ok', percent: 100 }, T0 - 48 * MINUTE);
  const stored = old.store.getState().table.byBid.get('b-stored');
  if (stored === undefined) throw new Error('no stored task');
  const live = kit();
  live.started(dockAndDrone('b-live', 'DOCK1', 'AC1'), T0 - 2 * MINUTE);
  live.progress('DOCK1', { bid: 'b-live', status: 'failed', percent: 30, result: 316001 }, T0);
  return { tasks: live.store, history: historyOf([stored]) };
}

describe('DockScreen', () => {
  it('shows the devices, the last state and every upgrade, from the history and the live table', async () => {
    const { tasks, history } = scenario();
    const { stores } = renderDock(routes, '/fleet/DOCK1', { tasks, history });
    act(() =>
      stores.fleet
        .getState()
        .batchReceived(
          [
            topo('DOCK1', '3-2-0', [{ sn: 'AC1', model: '0-91-0' }]),
            state('DOCK1', { firmwareVersion: '10.02.0002', compatibleStatus: 0 }),
            state('AC1', { firmwareVersion: '08.01.0001', compatibleStatus: 1 }, 'DOCK1'),
          ],
          Date.now(),
        ),
    );
    expect(screen.getByRole('heading', { level: 1 })).toHaveTextContent('Gateway DOCK1');
    const devices = screen.getByRole('table', { name: 'Devices of DOCK1' });
    const aircraft = within(devices).getByRole('rowheader', { name: 'AC1' }).closest('tr');
    expect(aircraft).toHaveTextContent('Mavic 3D');
    expect(aircraft).toHaveTextContent('08.01.0001');
    expect(aircraft).toHaveTextContent('Needs consistency upgrade');
    expect(aircraft).toHaveTextContent('Listed');

    const upgrades = await screen.findByRole('table', { name: 'Upgrades of DOCK1' });
    await waitFor(() => expect(within(upgrades).getAllByRole('row')).toHaveLength(3));
    const [, failed, succeeded] = within(upgrades).getAllByRole('row');
    expect(failed).toHaveTextContent('Failed');
    expect(failed).toHaveTextContent('316001');
    expect(within(failed as HTMLElement).getByRole('link', { name: 'Details of b-live' })).toHaveAttribute('href', '/tasks/b-live');
    expect(succeeded).toHaveTextContent('Successful Execution');
    expect(succeeded).toHaveTextContent('12 min 00 s');
    expect(succeeded).toHaveTextContent('DOCK1: 10.01.0001 → 10.02.0002');
    expect(screen.getByText('2 upgrades')).toBeInTheDocument();

    expect(screen.getByRole('region', { name: 'Last state' })).toHaveTextContent('Last upgrade: Failed');
    const versions = screen.getByRole('table', { name: 'Firmware changes of DOCK1' });
    expect(within(versions).getAllByRole('row')).toHaveLength(3);
    expect(versions).toHaveTextContent('AC1');
  });

  it('opens the gateway’s page for a device SN', async () => {
    const { router, stores } = renderDock(routes, '/fleet/AC1');
    act(() => stores.fleet.getState().batchReceived([topo('DOCK1', '3-2-0', [{ sn: 'AC1', model: '0-91-0' }])], Date.now()));
    await waitFor(() => expect(router.state.location.pathname).toBe('/fleet/DOCK1'));
    expect(screen.getByRole('heading', { level: 1 })).toHaveTextContent('Gateway DOCK1');
  });

  it('shows what the history holds for a gateway the fleet does not know, and says when there is no history', async () => {
    const { history } = scenario();
    renderDock(routes, '/fleet/DOCK1', { history });
    expect(screen.getByText(/This gateway is not in the fleet/)).toBeInTheDocument();
    const upgrades = await screen.findByRole('table', { name: 'Upgrades of DOCK1' });
    expect(within(upgrades).getAllByRole('row')).toHaveLength(2);
  });

  it('shows the live upgrades alone, with a note, when the browser keeps no history', () => {
    const { tasks } = scenario();
    renderDock(routes, '/fleet/DOCK1', { tasks });
    expect(screen.getByText('This browser keeps no upgrade history; only the upgrades in memory are shown.')).toBeInTheDocument();
    expect(within(screen.getByRole('table', { name: 'Upgrades of DOCK1' })).getAllByRole('row')).toHaveLength(2);
  });
});
