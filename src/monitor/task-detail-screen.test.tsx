import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { createMemoryRouter, RouterProvider } from 'react-router';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { dockAndDrone, kit, T0 } from '../tasks/task-scenario-test-kit';
import TaskDetailScreen from './task-detail-screen';
import type { TasksStore } from '../tasks/tasks-state';
import { renderWithStores } from '../campaigns/campaign-stores-test-kit';

function renderDetail(store: TasksStore, bid: string) {
  const router = createMemoryRouter([{ path: '/tasks/:bid', element: <TaskDetailScreen /> }], {
    initialEntries: [`/tasks/${encodeURIComponent(bid)}`],
  });
  return renderWithStores(<RouterProvider router={router} />, { tasks: store });
}

function fact(label: string): string {
  return screen.getByText(label, { selector: 'dt' }).nextElementSibling?.textContent ?? '';
}

afterEach(() => vi.unstubAllGlobals());

describe('TaskDetailScreen', () => {
  it('shows gateway, devices, origin, command state and attempt', () => {
    const k = kit();
    k.started(dockAndDrone('b/1', 'DOCK-A', 'DRONE-A'));
    k.reply('DOCK-A', 'tid-b/1', 'b/1', 0);
    renderDetail(k.store, 'b/1');
    expect(fact('Gateway')).toBe('DOCK-A');
    expect(fact('Started by')).toBe('This console');
    expect(fact('Command')).toBe('Accepted');
    expect(fact("Dock's reply")).toBe('Accepted (result 0)');
    expect(fact('Attempt')).toBe('1');
    const devices = screen.getByRole('table', { name: 'Devices' });
    expect(within(devices).getByRole('rowheader', { name: 'DOCK-A' }).closest('tr')).toHaveTextContent('DJI Dock 2');
    expect(within(devices).getByRole('rowheader', { name: 'DRONE-A' }).closest('tr')).toHaveTextContent('08.01.0001');
    expect(screen.getByText('No progress event yet.')).toBeInTheDocument();
  });

  it('lists every event in a timeline with labels and a text-only raw JSON view', () => {
    const k = kit();
    k.progress('DOCK-X', { bid: 'foreign', status: 'in_progress', subStatus: 'DOWNLOADING', step: 'download_firmware', percent: 20 }, T0);
    k.progress(
      'DOCK-X',
      { bid: 'foreign', status: 'failed', subStatus: 'DOWNLOAD_FAILED', step: 'download_firmware', percent: 21, result: 312016 },
      T0 + 1000,
    );
    renderDetail(k.store, 'foreign');
    expect(fact('Started by')).toMatch(/^Elsewhere/);
    expect(fact('Command')).toBe('Not seen by this console');
    const timeline = screen.getByRole('table', { name: /Timeline/ });
    const rows = within(timeline).getAllByRole('row').slice(1);
    expect(rows).toHaveLength(2);
    expect(rows[0]).toHaveTextContent('In Progress');
    expect(rows[0]).toHaveTextContent('Downloading Firmware');
    expect(rows[1]).toHaveTextContent('Download failed');
    expect(rows[1]).toHaveTextContent('Transmission error between the dock and the aircraft');
    const pre = rows[1]!.querySelector('pre')!;
    expect(JSON.parse(pre.textContent ?? '')).toMatchObject({ bid: 'foreign', method: 'ota_progress', data: { result: 312016 } });
    expect(pre.children).toHaveLength(0);
  });

  it('renders markup inside a payload as text', () => {
    const k = kit();
    k.progress('DOCK-X', { bid: '<img src=x onerror=alert(1)>', status: 'in_progress', percent: 1 });
    renderDetail(k.store, '<img src=x onerror=alert(1)>');
    expect(document.querySelector('img')).toBeNull();
    expect(screen.getAllByText(/<img src=x onerror=alert\(1\)>/).length).toBeGreaterThan(0);
  });

  it('copies the raw JSON, and says how to copy by hand without a clipboard', async () => {
    const k = kit();
    k.progress('DOCK-X', { bid: 'b-9', status: 'in_progress', percent: 5 });
    const writeText = vi.fn(async () => undefined);
    const user = userEvent.setup();
    vi.stubGlobal('navigator', { ...navigator, clipboard: { writeText } });
    const { unmount } = renderDetail(k.store, 'b-9');
    await user.click(screen.getByText('Raw JSON'));
    await user.click(screen.getByRole('button', { name: 'Copy JSON' }));
    expect(writeText).toHaveBeenCalledWith(document.querySelector('pre')?.textContent);
    expect(await screen.findByText('Copied')).toBeInTheDocument();
    unmount();

    vi.stubGlobal('navigator', { ...navigator, clipboard: undefined });
    renderDetail(k.store, 'b-9');
    await user.click(screen.getByRole('button', { name: 'Copy JSON' }));
    expect(await screen.findByText(/select the text and copy it by hand/)).toBeInTheDocument();
  });

  it('says so when the task is not known', () => {
    renderDetail(kit().store, 'nope');
    expect(screen.getByText(/No task with this id/)).toBeInTheDocument();
  });
});
