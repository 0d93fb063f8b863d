import { screen } from '@testing-library/react';
import { createMemoryRouter, RouterProvider } from 'react-router';
import { describe, expect, it } from 'vitest';
import { dockAndDrone, kit, T0 } from '../tasks/task-scenario-test-kit';
import MonitorScreen from './monitor-screen';
import type { TasksStore } from '../tasks/tasks-state';
import { renderWithStores } from '../campaigns/campaign-stores-test-kit';

function renderMonitor(store: TasksStore) {
  const router = createMemoryRouter([{ path: '/monitor', element: <MonitorScreen /> }], { initialEntries: ['/monitor'] });
  return renderWithStores(<RouterProvider router={router} />, { tasks: store });
}

const bar = (sn: string) => screen.getByRole('progressbar', { name: `Upgrade progress ${sn}` });
const rowOf = (sn: string) => bar(sn).closest<HTMLElement>('[role="listitem"]')!;

describe('Monitor row words', () => {
  it('names the step beside the bar, while the bar keeps the percent the device reports', () => {
    const k = kit();
    k.started(dockAndDrone('b-1', 'DOCK-A', 'DRONE-A'));
    k.progress('DOCK-A', { bid: 'b-1', status: 'in_progress', subStatus: 'DOWNLOADING', step: 'download_firmware', percent: 100 });
    k.progress('DOCK-A', { bid: 'b-1', status: 'in_progress', subStatus: 'UPGRADING', step: 'upgrade_firmware', percent: 20 }, T0 + 1000);
    renderMonitor(k.store);
    expect(bar('DOCK-A')).toHaveAttribute('aria-valuenow', '20');
    expect(bar('DOCK-A')).toHaveAttribute('aria-valuetext', '20% · In Progress · Upgrading');
    expect(rowOf('DOCK-A')).toHaveTextContent('20%Step 2 of 2 · Upgrading Firmware');
  });

  it('reads no step once an upgrade finished well', () => {
    const k = kit();
    k.started(dockAndDrone('b-1', 'DOCK-A', 'DRONE-A'));
    k.progress('DOCK-A', { bid: 'b-1', status: 'ok', subStatus: 'UPGRADE_SUCCESS', step: 'upgrade_firmware', percent: 100 });
    renderMonitor(k.store);
    expect(rowOf('DOCK-A')).toHaveTextContent('100%');
    expect(rowOf('DOCK-A')).not.toHaveTextContent('Upgrading Firmware');
    expect(rowOf('DOCK-A')).toHaveTextContent('Successful Execution');
  });

  it('says in which step a failure stopped, why, and what to do next', () => {
    const k = kit();
    k.started(dockAndDrone('b-1', 'DOCK-A', 'DRONE-A'));
    k.reply('DOCK-A', 'tid-b-1', 'b-1', 0);
    k.progress('DOCK-A', { bid: 'b-1', status: 'failed', subStatus: 'DOWNLOAD_FAILED', step: 'download_firmware', percent: 21 });
    renderMonitor(k.store);
    const row = rowOf('DOCK-A');
    expect(row).toHaveTextContent('Stopped in step 1 of 2 · Downloading Firmware');
    expect(row).toHaveTextContent('Download failed');
    expect(row).toHaveTextContent('Check that the dock can reach the file URL');
  });

  it('explains a failure a device sent without a code or sub-status', () => {
    const k = kit();
    k.progress('DOCK-X', { bid: 'x', status: 'timeout', step: 'upgrade_firmware', percent: 40 });
    renderMonitor(k.store);
    expect(rowOf('DOCK-X')).toHaveTextContent('The device gave up (timeout). Retry the upgrade.');
  });

  it('gives a state the same word the campaign page and kiosk use', () => {
    const k = kit();
    k.started(dockAndDrone('b-1', 'DOCK-A', 'DRONE-A'));
    k.progress('DOCK-A', { bid: 'b-1', status: 'ok', subStatus: 'UPGRADE_SUCCESS', step: 'upgrade_firmware', percent: 100 });
    k.version('DOCK-A', 'DOCK-A', '10.02.0002');
    k.version('DOCK-A', 'DRONE-A', '08.01.0001');
    renderMonitor(k.store);
    // The state badge says Verified (as the campaign table does), beside the version mark.
    expect(rowOf('DOCK-A')).toHaveTextContent('✓Verified');
    expect(rowOf('DOCK-A')).not.toHaveTextContent('Successful Execution');
  });
});
