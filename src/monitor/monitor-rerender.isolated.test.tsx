import { act, screen } from '@testing-library/react';
import { createMemoryRouter, RouterProvider } from 'react-router';
import { describe, expect, it, vi } from 'vitest';
import { dockAndDrone, kit, T0 } from '../tasks/task-scenario-test-kit';
import MonitorScreen from './monitor-screen';
import { renderWithStores } from '../campaigns/campaign-stores-test-kit';
import * as statusText from '../tasks/status-words';

// Every device row computes its progressbar text once per render: counting the calls counts renders.
vi.mock('../tasks/status-words', async (importOriginal) => {
  const actual = await importOriginal<typeof statusText>();
  return { ...actual, deviceStatusTextIn: vi.fn(actual.deviceStatusTextIn) };
});

describe('MonitorScreen rendering', () => {
  it('re-renders only the rows of the task a progress event belongs to', () => {
    const k = kit();
    for (const n of [1, 2, 3]) k.started(dockAndDrone(`b-${n}`, `DOCK-${n}`, `DRONE-${n}`));
    const router = createMemoryRouter([{ path: '/', element: <MonitorScreen /> }]);
    renderWithStores(<RouterProvider router={router} />, { tasks: k.store });
    expect(screen.getAllByRole('progressbar')).toHaveLength(6);

    const rendered = vi.mocked(statusText.deviceStatusTextIn);
    rendered.mockClear();
    act(() =>
      k.progress('DOCK-2', { bid: 'b-2', status: 'in_progress', subStatus: 'DOWNLOADING', step: 'download_firmware', percent: 9 }, T0 + 1),
    );

    expect(screen.getByRole('progressbar', { name: 'Upgrade progress DRONE-2' })).toHaveAttribute('aria-valuenow', '9');
    const renderedSns = rendered.mock.calls.map(([, sn]) => sn).sort();
    expect(renderedSns).toEqual(['DOCK-2', 'DRONE-2']);
  });
});
