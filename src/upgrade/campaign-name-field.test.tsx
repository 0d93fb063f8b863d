import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { MemoryRouter, Route, Routes } from 'react-router';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { state, topo } from '../fleet/fleet-test-kit';
import { createCampaignsStore, type CampaignsStore } from '../campaigns/campaign-store';
import UpgradeScreen from './upgrade-screen';
import { createUpgradeStores, renderWithStores, type UpgradeStores } from './upgrade-stores-test-kit';

const DOCK_ENTRY = {
  id: 'dock2-new',
  model: '3-2-0',
  product_name: 'DJI Dock 2',
  product_version: '10.01.2000',
  file_name: 'dock2-10.01.2000.bin',
  file_url: 'files/dock2.bin',
  file_size: 2048,
  md5: 'd1c9dacec124abd350379eb44b9143e5',
  release_notes: '',
  released_at: null,
};

let stores: UpgradeStores;
let campaigns: CampaignsStore;

beforeEach(() => {
  vi.stubGlobal(
    'fetch',
    vi.fn(async () => Response.json({ firmware: [DOCK_ENTRY] })),
  );
  campaigns = createCampaignsStore(() => 'campaign-1');
  stores = createUpgradeStores({ campaigns });
  stores.fleet
    .getState()
    .batchReceived(
      [
        topo('DOCK1', '3-2-0'),
        state('DOCK1', { firmwareVersion: '10.01.1000' }),
        topo('DOCK2', '3-2-0'),
        state('DOCK2', { firmwareVersion: '10.01.1000' }),
      ],
      Date.now(),
    );
});

afterEach(() => vi.unstubAllGlobals());

function renderScreen() {
  const client = new QueryClient({ defaultOptions: { queries: { retry: false } } });
  return renderWithStores(
    <QueryClientProvider client={client}>
      <MemoryRouter initialEntries={['/upgrade']}>
        <Routes>
          <Route path="/upgrade" element={<UpgradeScreen catalogUrl="firmware/catalog.json" />} />
          <Route path="/monitor" element={<h1>Monitor page</h1>} />
        </Routes>
      </MemoryRouter>
    </QueryClientProvider>,
    stores,
  );
}

async function chooseAndSelect(user: ReturnType<typeof userEvent.setup>) {
  const group = await screen.findByRole('radiogroup', { name: /^Firmware for DJI Dock 2/ });
  await user.click(within(group).getByRole('radio', { name: /10\.01\.2000/ }));
  for (const sn of ['DOCK1', 'DOCK2']) await user.click(screen.getByRole('checkbox', { name: `Select gateway ${sn}` }));
}

async function start(user: ReturnType<typeof userEvent.setup>) {
  await user.click(screen.getByRole('button', { name: 'Start upgrade' }));
  await user.click(within(screen.getByRole('dialog')).getByRole('button', { name: 'Confirm' }));
}

describe('Campaign name on Upgrade', () => {
  it('is optional, and shows the automatic name an empty field gives', async () => {
    const user = userEvent.setup({ delay: null });
    renderScreen();
    const field = screen.getByRole('textbox', { name: 'Campaign name' });
    expect(field).toHaveValue('');
    expect(field).toHaveAccessibleDescription('Optional. Empty: named for its firmware and gateways.');
    await chooseAndSelect(user);
    expect(field).toHaveAccessibleDescription('Optional. Empty: “DJI Dock 2 → 10.01.2000, 2 gateways”.');
    await start(user);
    expect(campaigns.getState().campaigns[0]).toMatchObject({ name: 'DJI Dock 2 → 10.01.2000, 2 gateways', nameGiven: false });
  });

  it('names the campaign as typed (trimmed)', async () => {
    const user = userEvent.setup({ delay: null });
    renderScreen();
    await chooseAndSelect(user);
    await user.type(screen.getByRole('textbox', { name: 'Campaign name' }), '  Night batch ');
    await start(user);
    expect(campaigns.getState().campaigns[0]).toMatchObject({ name: 'Night batch', nameGiven: true });
  });
});
