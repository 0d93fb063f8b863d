import { act, screen, within } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import FleetScreen from '../fleet/fleet-screen.tsx';
import { topo } from '../fleet/fleet-test-kit.ts';
import { dockAndDrone, kit, T0 } from '../tasks/task-scenario-test-kit.ts';
import { renderDock } from './dock-stores-test-kit.tsx';
import { LastUpgradeCell } from './last-upgrade-cell.tsx';

beforeEach(() => {
  // jsdom has no layout: the virtualised table needs a viewport and row heights.
  vi.spyOn(Element.prototype, 'clientHeight', 'get').mockReturnValue(900);
  vi.spyOn(Element.prototype, 'clientWidth', 'get').mockReturnValue(1000);
  vi.spyOn(HTMLElement.prototype, 'offsetHeight', 'get').mockImplementation(function (this: HTMLElement) {
    return this.hasAttribute('data-index') ? 90 : 900;
  });
});
afterEach(() => {
  vi.restoreAllMocks();
});

describe('LastUpgradeCell on the Fleet', () => {
  it('shows a failed last upgrade, a running one and "No upgrade" for a gateway that had none', () => {
    const k = kit();
    k.started(dockAndDrone('b1', 'DOCK1', 'AC1'), T0 - 60_000);
    k.progress('DOCK1', { bid: 'b1', status: 'failed', percent: 30, result: 316001 }, T0);
    k.started(dockAndDrone('b2', 'DOCK2', 'AC2'), T0);
    k.progress('DOCK2', { bid: 'b2', status: 'in_progress', percent: 30 }, T0);
    const { stores } = renderDock([{ path: '/fleet', element: <FleetScreen UpgradeCell={LastUpgradeCell} /> }], '/fleet', {
      tasks: k.store,
    });
    act(() => stores.fleet.getState().batchReceived([topo('DOCK1', '3-2-0'), topo('DOCK2', '3-2-0'), topo('DOCK3', '3-2-0')], Date.now()));
    const row = (sn: string) => screen.getByRole('rowheader', { name: sn }).closest('[role="row"]') as HTMLElement;
    expect(within(row('DOCK1')).getByRole('cell', { name: /Last upgrade: Failed/ })).toBeInTheDocument();
    expect(row('DOCK1')).not.toHaveTextContent('No upgrade');
    expect(row('DOCK2')).toHaveTextContent('Upgrade: In Progress');
    expect(row('DOCK3')).toHaveTextContent('No upgrade');
  });
});
