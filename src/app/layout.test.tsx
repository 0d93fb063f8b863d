import { act, screen, within } from '@testing-library/react';
import { createMemoryRouter, RouterProvider } from 'react-router';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createTestStores, renderWithStores } from './app-test-kit';
import type { AppStores } from './app-context';
import { Layout } from './layout';

function renderLayout(config: object | null) {
  vi.stubGlobal(
    'fetch',
    vi.fn(async () =>
      config === null
        ? new Response('', { status: 404 })
        : new Response(JSON.stringify(config), { headers: { 'content-type': 'application/json' } }),
    ),
  );
  const router = createMemoryRouter([{ path: '/', element: <Layout />, children: [{ index: true, element: <p>screen body</p> }] }]);
  return renderWithStores(<RouterProvider router={router} />, stores);
}

let stores: AppStores;

beforeEach(() => {
  stores = createTestStores();
  window.history.replaceState(null, '', '/');
});

afterEach(() => {
  vi.unstubAllGlobals();
});

describe('Layout', () => {
  it('has the main navigation with every screen', async () => {
    renderLayout(null);
    const nav = screen.getByRole('navigation');
    expect(
      within(nav)
        .getAllByRole('link')
        .map((a) => a.textContent),
    ).toEqual(['Upgrade', 'Monitor', 'Campaigns', 'Fleet', 'Firmware', 'Settings', 'Diagnostics']);
    expect(await screen.findByText('screen body')).toBeInTheDocument();
  });

  it('keeps the status text to the phase word alone, with the reason beside it', async () => {
    renderLayout(null);
    const status = screen.getByRole('status', { name: 'Broker connection' });
    expect(status).toHaveTextContent(/^Disconnected$/);
    act(() => stores.broker.connection.setState({ phase: 'reconnecting', lastError: 'Connection refused' }));
    expect(status).toHaveTextContent(/^Reconnecting$/);
    expect(screen.getByText('(Connection refused)')).toBeInTheDocument();
    act(() => stores.broker.connection.setState({ phase: 'connected', lastError: null }));
    expect(status).toHaveTextContent(/^Connected$/);
    expect(screen.queryByText(/Connection refused/)).not.toBeInTheDocument();
  });

  it('shows a read-only badge when the configuration is read-only', async () => {
    renderLayout({ readOnly: true });
    expect(await screen.findByText('Read-only')).toBeInTheDocument();
  });

  it('shows no read-only badge for a normal operator console', async () => {
    // The rejected key raises an alert: proof that config.json was read before asserting an absence.
    renderLayout({ readOnly: false, kiosk: 'no' });
    await screen.findByRole('alert');
    expect(screen.queryByText('Read-only')).not.toBeInTheDocument();
  });

  it('alerts on every screen when config.json has values of the wrong type', async () => {
    renderLayout({ kiosk: 'yes', brokerUrl: 'ws://ok/mqtt' });
    const alert = await screen.findByRole('alert');
    expect(alert).toHaveTextContent(/kiosk \(config\.json\)/);
    expect(alert).not.toHaveTextContent(/brokerUrl/);
    expect(within(alert).getByRole('link', { name: 'Open Settings' })).toHaveAttribute('href', '/settings');
  });
});
