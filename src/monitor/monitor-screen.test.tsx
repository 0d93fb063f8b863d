import { act, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { createMemoryRouter, RouterProvider } from 'react-router';
import { describe, expect, it } from 'vitest';
import { dockAndDrone, kit, T0 } from '../tasks/task-scenario-test-kit';
import MonitorScreen from './monitor-screen';
import type { TasksStore } from '../tasks/tasks-state';
import { renderWithStores } from '../campaigns/campaign-stores-test-kit';

function renderMonitor(store: TasksStore, entry = '/monitor') {
  const router = createMemoryRouter(
    [
      { path: '/monitor', element: <MonitorScreen /> },
      { path: '/tasks/:bid', element: <p>task detail page</p> },
    ],
    { initialEntries: [entry] },
  );
  return renderWithStores(<RouterProvider router={router} />, { tasks: store });
}

/** The summary tiles as label → value. */
function tiles(): Record<string, string> {
  const group = screen.getByRole('group', { name: 'Upgrade summary' });
  return Object.fromEntries(
    within(group)
      .getAllByRole('term')
      .map((dt) => [dt.textContent, dt.nextElementSibling?.textContent ?? '']),
  );
}
const hint = (label: string) =>
  within(screen.getByRole('group', { name: 'Upgrade summary' })).getByText(label, { selector: 'dt' }).nextElementSibling?.nextElementSibling
    ?.textContent;

const bar = (sn: string) => screen.getByRole('progressbar', { name: `Upgrade progress ${sn}` });
const rowOf = (sn: string) => bar(sn).closest<HTMLElement>('[role="listitem"]')!;

describe('MonitorScreen rows', () => {
  it('shows one row per device with versions, step, labels, speed and ETA', () => {
    const k = kit();
    k.started(dockAndDrone('b-1', 'DOCK-A', 'DRONE-A'));
    k.progress('DOCK-A', {
      bid: 'b-1',
      status: 'in_progress',
      subStatus: 'DOWNLOADING',
      step: 'download_firmware',
      percent: 40,
      rate: 2_000_000,
    });
    renderMonitor(k.store);

    for (const sn of ['DOCK-A', 'DRONE-A']) {
      expect(bar(sn)).toHaveAttribute('aria-valuenow', '40');
      expect(bar(sn)).toHaveAttribute('aria-valuetext', '40% · In Progress · Downloading');
    }
    const dock = rowOf('DOCK-A');
    expect(within(dock).getAllByRole('link', { name: 'DOCK-A' })[0]).toHaveAttribute('href', '/tasks/b-1');
    expect(dock).toHaveTextContent('DJI Dock 2');
    expect(dock).toHaveTextContent('10.01.0001 → 10.02.0002');
    expect(dock).toHaveTextContent('40%Step 1 of 2 · Downloading Firmware');
    expect(dock).toHaveTextContent('In Progress');
    expect(dock).toHaveTextContent('2.0 MB/s');
    // 60% of the 120 MB of both files left, at 2 MB/s.
    expect(dock).toHaveTextContent('ETA 36 s');
    expect(dock).not.toHaveTextContent('Started elsewhere');
    expect(rowOf('DRONE-A')).toHaveTextContent('Mavic 3D');
    expect(rowOf('DRONE-A')).toHaveTextContent('08.00.0001 → 08.01.0001');
  });

  it('says Sent before any event, and shows a rejection with its code text', () => {
    const k = kit();
    k.started(dockAndDrone('b-1', 'DOCK-A', 'DRONE-A'));
    k.started({ bid: 'b-2', tid: 'tid-b-2', gateway: 'DOCK-B', devices: [{ sn: 'DOCK-B', targetVersion: '1.2' }] });
    k.reply('DOCK-B', 'tid-b-2', 'b-2', 312015);
    renderMonitor(k.store);
    expect(bar('DOCK-A')).toHaveAttribute('aria-valuetext', '0% · Sent');
    expect(bar('DOCK-B')).toHaveAttribute(
      'aria-valuetext',
      '0% · Rejected · 312015: The dock is busy (for example a flight is in progress)',
    );
    expect(rowOf('DOCK-B')).toHaveTextContent('312015: The dock is busy');
  });

  it('shows per device whether the reported version matches the target after ok', () => {
    const k = kit();
    k.started(dockAndDrone('b-1', 'DOCK-A', 'DRONE-A'));
    k.progress('DOCK-A', { bid: 'b-1', status: 'ok', subStatus: 'UPGRADE_SUCCESS', step: 'upgrade_firmware', percent: 100 });
    k.version('DOCK-A', 'DOCK-A', '10.02.0002');
    k.version('DOCK-A', 'DRONE-A', '08.00.0001');
    renderMonitor(k.store);
    expect(rowOf('DOCK-A')).toHaveTextContent('✓ Verified 10.02.0002');
    expect(rowOf('DRONE-A')).toHaveTextContent('✗ Version mismatch: reports 08.00.0001');
    expect(rowOf('DRONE-A')).not.toHaveTextContent('Verified');
  });

  it('says it waits for the version report between ok and the first report', () => {
    const k = kit();
    k.started(dockAndDrone('b-1', 'DOCK-A', 'DRONE-A'));
    k.progress('DOCK-A', { bid: 'b-1', status: 'ok', subStatus: 'UPGRADE_SUCCESS', step: 'upgrade_firmware', percent: 100 });
    renderMonitor(k.store);
    expect(rowOf('DOCK-A')).toHaveTextContent('Waiting for the device to report 10.02.0002');
  });

  it('marks a task it did not start as started elsewhere, and updates the row on the next event', () => {
    const k = kit();
    k.progress('DOCK-X', { bid: 'foreign', status: 'in_progress', subStatus: 'UPGRADING', step: 'upgrade_firmware', percent: 10 });
    renderMonitor(k.store);
    expect(rowOf('DOCK-X')).toHaveTextContent('Started elsewhere');
    expect(rowOf('DOCK-X')).toHaveTextContent('Upgrading Firmware');
    act(() =>
      k.progress(
        'DOCK-X',
        { bid: 'foreign', status: 'ok', subStatus: 'UPGRADE_SUCCESS', step: 'upgrade_firmware', percent: 100 },
        T0 + 5_000,
      ),
    );
    expect(bar('DOCK-X')).toHaveAttribute('aria-valuetext', '100% · Successful Execution · Upgrade successful');
  });

  it('opens the task detail when a row is clicked', async () => {
    const k = kit();
    k.started(dockAndDrone('b 1', 'DOCK-A', 'DRONE-A'));
    renderMonitor(k.store);
    await userEvent.click(within(rowOf('DRONE-A')).getByText('08.01.0001'));
    expect(await screen.findByText('task detail page')).toBeInTheDocument();
  });
});

describe('MonitorScreen filters', () => {
  function threeGateways() {
    const k = kit();
    k.started(dockAndDrone('b-1', 'DOCK-A1', 'DRONE-A1'), T0);
    k.started(dockAndDrone('b-2', 'DOCK-B2', 'DRONE-B2'), T0 + 1);
    k.started(dockAndDrone('b-3', 'DOCK-C3', 'DRONE-C3'), T0 + 2);
    k.progress('DOCK-B2', { bid: 'b-2', status: 'failed', subStatus: 'DOWNLOAD_FAILED', step: 'download_firmware', percent: 3 }, T0 + 10);
    k.progress('DOCK-A1', { bid: 'b-1', status: 'in_progress', subStatus: 'DOWNLOADING', step: 'download_firmware', percent: 50 }, T0 + 20);
    return k;
  }
  const shownSns = () => screen.queryAllByRole('progressbar').map((b) => b.getAttribute('aria-label')?.replace('Upgrade progress ', ''));

  it('filters by gateway or device SN, case-insensitively', async () => {
    renderMonitor(threeGateways().store);
    expect(shownSns()).toHaveLength(6);
    const search = screen.getByRole('searchbox', { name: 'Search devices' });
    await userEvent.type(search, 'dock-b');
    expect(shownSns()).toEqual(['DOCK-B2', 'DRONE-B2']);
    await userEvent.clear(search);
    await userEvent.type(search, 'drone-c3');
    expect(shownSns()).toEqual(['DRONE-C3']);
    await userEvent.clear(search);
    await userEvent.type(search, 'nothing-like-this');
    expect(shownSns()).toEqual([]);
    expect(screen.getByText('No device matches the filters.')).toBeInTheDocument();
  });

  it('filters by state and sorts by state or by last event', async () => {
    renderMonitor(threeGateways().store);
    // By state: failures first, then moving tasks, then waiting ones.
    expect(shownSns().slice(0, 2)).toEqual(['DOCK-B2', 'DRONE-B2']);
    expect(shownSns().slice(2, 4)).toEqual(['DOCK-A1', 'DRONE-A1']);
    await userEvent.selectOptions(screen.getByRole('combobox', { name: 'Sort by' }), 'age');
    expect(shownSns().slice(0, 4)).toEqual(['DOCK-A1', 'DRONE-A1', 'DOCK-B2', 'DRONE-B2']);
    await userEvent.selectOptions(screen.getByRole('combobox', { name: 'State' }), 'Failed');
    expect(shownSns()).toEqual(['DOCK-B2', 'DRONE-B2']);
  });

  it('counts what the table shows in the summary tiles, and follows the filters', async () => {
    renderMonitor(threeGateways().store);
    expect(tiles()).toMatchObject({ Tasks: '3', Succeeded: '0', Failed: '1', Active: '2' });
    expect(hint('Active')).toMatch(/^In Progress 1 · \S.* 1$/);
    await userEvent.type(screen.getByRole('searchbox', { name: 'Search devices' }), 'dock-b');
    await waitFor(() => expect(tiles()).toMatchObject({ Tasks: '1', Failed: '1', Active: '0' }));
    await userEvent.clear(screen.getByRole('searchbox', { name: 'Search devices' }));
    await userEvent.selectOptions(screen.getByRole('combobox', { name: 'State' }), 'in_progress');
    await waitFor(() => expect(tiles()).toMatchObject({ Tasks: '1', Failed: '0', Active: '1' }));
    expect(screen.getByRole('status', { name: 'Devices shown' })).toHaveTextContent('2 devices match');
  });

  it('counts failures as failures in Overall: never 100% with two failures', () => {
    const k = kit();
    k.started(dockAndDrone('b-1', 'DOCK-A', 'DRONE-A'));
    k.started(dockAndDrone('b-2', 'DOCK-B', 'DRONE-B'));
    k.started(dockAndDrone('b-3', 'DOCK-C', 'DRONE-C'));
    k.progress('DOCK-A', { bid: 'b-1', status: 'ok', subStatus: 'UPGRADE_SUCCESS', step: 'upgrade_firmware', percent: 100 });
    k.progress('DOCK-B', { bid: 'b-2', status: 'failed', step: 'download_firmware', percent: 100, result: 312028 });
    k.reply('DOCK-C', 'tid-b-3', 'b-3', 312015);
    renderMonitor(k.store);
    expect(tiles()).toMatchObject({ Tasks: '3', Succeeded: '1', Failed: '2', Overall: '33%' });
    expect(hint('Failed')).toBe('Failed 1 · Rejected 1');
  });
});

describe('MonitorScreen latest attempt first', () => {
  it('puts a successful retry above the failure it replaced, marks that one earlier and counts it apart', () => {
    const k = kit();
    k.started(dockAndDrone('b-old', 'DOCK-A', 'DRONE-A'), T0);
    k.progress('DOCK-A', { bid: 'b-old', status: 'failed', step: 'download_firmware', percent: 3, result: 312028 }, T0 + 10);
    k.started({ ...dockAndDrone('b-new', 'DOCK-A', 'DRONE-A'), attempt: 2, retryOf: 'b-old' }, T0 + 20);
    k.progress('DOCK-A', { bid: 'b-new', status: 'ok', subStatus: 'UPGRADE_SUCCESS', step: 'upgrade_firmware', percent: 100 }, T0 + 30);
    renderMonitor(k.store);
    const rows = screen.getAllByRole('listitem');
    expect(rows.map((r) => r.getAttribute('data-row-key'))).toEqual(['b-new/DOCK-A', 'b-new/DRONE-A', 'b-old/DOCK-A', 'b-old/DRONE-A']);
    expect(rows[0]).not.toHaveTextContent('Earlier attempt');
    expect(rows[2]).toHaveTextContent('Earlier attempt');
    expect(tiles()).toMatchObject({ Tasks: '1', Succeeded: '1', Failed: '0', 'Earlier attempts': '1', Overall: '100%' });
  });
});

describe('MonitorScreen at fleet scale', () => {
  it('renders only a window of rows out of thousands', () => {
    const k = kit();
    for (let i = 0; i < 1500; i++) k.started(dockAndDrone(`b-${i}`, `DOCK-${i}`, `DRONE-${i}`));
    renderMonitor(k.store);
    expect(screen.getByRole('status', { name: 'Devices shown' })).toHaveTextContent('3000 devices');
    const rendered = screen.getAllByRole('progressbar').length;
    expect(rendered).toBeGreaterThan(5);
    expect(rendered).toBeLessThan(40);
  });
});

describe('MonitorScreen campaign filter', () => {
  it('opens filtered to the campaign named in ?campaign= and can show every upgrade again', async () => {
    const k = kit();
    k.started({ ...dockAndDrone('b-1', 'DOCK-A', 'DRONE-A'), campaignId: 'camp-1' });
    k.started({ bid: 'b-2', tid: 'tid-b-2', gateway: 'DOCK-B', devices: [{ sn: 'DOCK-B', targetVersion: '1.2' }] });
    renderMonitor(k.store, '/monitor?campaign=camp-1');
    expect(screen.getByRole('progressbar', { name: 'Upgrade progress DOCK-A' })).toBeInTheDocument();
    expect(screen.queryByRole('progressbar', { name: 'Upgrade progress DOCK-B' })).not.toBeInTheDocument();
    expect(screen.getByRole('status', { name: 'Devices shown' })).toHaveTextContent('2 devices match');

    await userEvent.selectOptions(screen.getByRole('combobox', { name: 'Campaign' }), 'all');
    expect(screen.getByRole('progressbar', { name: 'Upgrade progress DOCK-B' })).toBeInTheDocument();
  });
});
