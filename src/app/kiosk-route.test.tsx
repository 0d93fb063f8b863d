import { screen } from '@testing-library/react';
import { createMemoryRouter, RouterProvider } from 'react-router';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { buildOtaProgress, encodeMessage } from '../protocol/builders';
import { decode } from '../protocol/decode';
import { eventsTopic } from '../protocol/topics';
import { topo } from '../fleet/fleet-test-kit';
import type { AppStores } from './app-context';
import { createTestStores, renderWithStores } from './app-test-kit';
import { Layout } from './layout';

function renderApp(config: object | null, search: string, stores?: AppStores) {
  window.history.replaceState(null, '', `/${search}`);
  vi.stubGlobal(
    'fetch',
    vi.fn(async () =>
      config === null
        ? new Response('', { status: 404 })
        : new Response(JSON.stringify(config), { headers: { 'content-type': 'application/json' } }),
    ),
  );
  const router = createMemoryRouter([{ path: '/', element: <Layout />, children: [{ index: true, element: <p>operator screen</p> }] }]);
  return renderWithStores(<RouterProvider router={router} />, stores);
}

afterEach(() => {
  vi.unstubAllGlobals();
  window.history.replaceState(null, '', '/');
});

describe('kiosk wiring', () => {
  it('shows the wallboard instead of the operator layout with ?kiosk', async () => {
    renderApp(null, '?kiosk&gateway=DOCK-7');
    expect(await screen.findByRole('heading', { name: 'Firmware upgrades' })).toBeInTheDocument();
    expect(screen.getByRole('banner')).toHaveTextContent('Gateways DOCK-7…');
    expect(screen.queryByRole('navigation')).not.toBeInTheDocument();
    expect(screen.queryByText('operator screen')).not.toBeInTheDocument();
  });

  it('names a device on the board by the model the fleet knows when the task does not', async () => {
    const stores = createTestStores();
    stores.fleet.getState().batchReceived([topo('DOCK-M', '3-3-0')], Date.now());
    stores.tasks
      .getState()
      .batchReceived(
        [
          decode(
            eventsTopic('DOCK-M'),
            encodeMessage(buildOtaProgress({ bid: 'b-m', status: 'in_progress', percent: 30, step: 'download_firmware' })),
          ),
        ],
        Date.now(),
      );
    renderApp(null, '?kiosk', stores);
    const bar = await screen.findByRole('progressbar', { name: 'Upgrade progress DOCK-M' });
    expect(bar.closest('li')).toHaveTextContent('DJI Dock 3');
  });

  it('shows the wallboard when config.json says kiosk', async () => {
    renderApp({ kiosk: true }, '');
    expect(await screen.findByRole('heading', { name: 'Firmware upgrades' })).toBeInTheDocument();
    expect(screen.queryByRole('navigation')).not.toBeInTheDocument();
  });

  it('keeps the operator layout when the URL switches kiosk off over config.json', async () => {
    renderApp({ kiosk: true }, '?kiosk=0');
    expect(await screen.findByText('operator screen')).toBeInTheDocument();
    expect(screen.getByRole('navigation')).toBeInTheDocument();
  });

  it('passes rejected configuration values to the board as notes', async () => {
    renderApp(null, '?kiosk&broker=ftp://nope');
    const notes = await screen.findByRole('contentinfo', { name: 'Configuration notes' });
    expect(notes).toHaveTextContent(/^broker \(URL\): /);
  });
});
