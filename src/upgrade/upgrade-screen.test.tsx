import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { act, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { MemoryRouter, Route, Routes } from 'react-router';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { osd, state, topo } from '../fleet/fleet-test-kit';
import type { Decoded } from '../protocol/messages';
import { createCampaignsStore, type CampaignsStore } from '../campaigns/campaign-store';
import UpgradeScreen from './upgrade-screen';
import { createUpgradeStores, renderWithStores, type UpgradeStores } from './upgrade-stores-test-kit';

const FILE_BASE = new URL('firmware/', document.baseURI).href;
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
const AIRCRAFT_ENTRY = {
  ...DOCK_ENTRY,
  id: 'm3d',
  model: '0-91-0',
  product_name: 'Mavic 3D',
  product_version: '07.01.0100',
  file_name: 'm3d-07.01.0100.bin',
  file_url: 'files/m3d.bin',
  file_size: 4096,
};
const OLD_DOCK_ENTRY = { ...DOCK_ENTRY, id: 'dock2-old', product_version: '10.01.1000', file_name: 'dock2-10.01.1000.bin' };

type Handler = (url: string, init?: RequestInit) => Response | undefined;

function stubFetch(extra: Handler = () => undefined) {
  vi.stubGlobal(
    'fetch',
    vi.fn(
      async (url: string, init?: RequestInit) =>
        extra(url, init) ?? Response.json({ firmware: [DOCK_ENTRY, OLD_DOCK_ENTRY, AIRCRAFT_ENTRY] }),
    ),
  );
}

function seedFleet(now = Date.now()) {
  const batch: Decoded[] = [
    topo('DOCK1', '3-2-0', [{ sn: 'AC1', model: '0-91-0' }]),
    state('DOCK1', { firmwareVersion: '10.01.1000', compatibleStatus: 1 }),
    state('AC1', { firmwareVersion: '07.00.0001' }, 'DOCK1'),
    topo('DOCK2', '3-2-0'),
    state('DOCK2', { firmwareVersion: '10.01.1500' }),
    topo('DOCK3', '3-2-0'),
    state('DOCK3', { firmwareVersion: '10.01.2000' }),
  ];
  stores.fleet.getState().batchReceived(batch, now);
}

let stores: UpgradeStores;
let campaigns: CampaignsStore;

function renderScreen(props: { readOnly?: boolean } = {}) {
  const client = new QueryClient({ defaultOptions: { queries: { retry: false } } });
  return renderWithStores(
    <QueryClientProvider client={client}>
      <MemoryRouter initialEntries={['/upgrade']}>
        <Routes>
          <Route path="/upgrade" element={<UpgradeScreen catalogUrl="firmware/catalog.json" {...props} />} />
          <Route path="/monitor" element={<h1>Monitor page</h1>} />
        </Routes>
      </MemoryRouter>
    </QueryClientProvider>,
    stores,
  );
}

const startButton = () => screen.getByRole('button', { name: 'Start upgrade' });

async function chooseFirmware(user: ReturnType<typeof userEvent.setup>, group: RegExp, radio: RegExp) {
  const radiogroup = await screen.findByRole('radiogroup', { name: group });
  await user.click(within(radiogroup).getByRole('radio', { name: radio }));
}

beforeEach(() => {
  campaigns = createCampaignsStore(() => 'campaign-1');
  stores = createUpgradeStores({ campaigns });
  seedFleet();
});

afterEach(() => {
  vi.unstubAllGlobals();
});

describe('UpgradeScreen', () => {
  it('offers one radio group per model, each with None and radios naming product, version and file', async () => {
    stubFetch();
    renderScreen();
    const dock = await screen.findByRole('radiogroup', { name: 'Firmware for DJI Dock 2 (3-2-0)' });
    const newest = within(dock).getByRole('radio', { name: 'DJI Dock 2 10.01.2000 — dock2-10.01.2000.bin' });
    expect(within(dock).getAllByRole('radio')).toEqual([
      within(dock).getByRole('radio', { name: 'None' }),
      newest,
      within(dock).getByRole('radio', { name: 'DJI Dock 2 10.01.1000 — dock2-10.01.1000.bin' }),
    ]);
    // The line shows the version, the newest marked; file, size and notes are on demand.
    expect(newest.closest('label')).toHaveTextContent(/^10\.01\.2000newest$/);
    expect(within(dock).getByText('Details')).toBeInTheDocument();
    expect(within(dock).getByRole('radio', { name: 'None' })).toBeChecked();
    expect(screen.getByRole('radiogroup', { name: 'Firmware for Mavic 3D (0-91-0)' })).toBeInTheDocument();
    expect(screen.getByRole('checkbox', { name: 'Select gateway DOCK1' })).not.toBeChecked();
  });

  it('explains why Start is disabled at each step', async () => {
    stubFetch();
    const user = userEvent.setup({ delay: null });
    renderScreen();
    await screen.findByRole('radiogroup', { name: /^Firmware for DJI Dock 2/ });
    expect(startButton()).toBeDisabled();
    expect(startButton()).toHaveAccessibleDescription('Choose a firmware first.');
    await chooseFirmware(user, /^Firmware for DJI Dock 2/, /10\.01\.2000/);
    expect(startButton()).toHaveAccessibleDescription('Select at least one gateway.');
    await user.click(screen.getByRole('checkbox', { name: 'Select gateway DOCK3' }));
    expect(startButton()).toHaveAccessibleDescription('Nothing to send: every selected gateway is skipped (see the preview for why).');
    await user.click(screen.getByRole('checkbox', { name: 'Select gateway DOCK2' }));
    expect(startButton()).toBeEnabled();
    await user.type(screen.getByRole('textbox', { name: 'Max parallel upgrades' }), '0');
    expect(startButton()).toHaveAccessibleDescription('Fix the campaign options: Max parallel upgrades must be at least 1, or empty.');
    expect(screen.getByRole('textbox', { name: 'Max parallel upgrades' })).toBeInvalid();
  });

  it('shows skip reasons beside the gateway and in the preview, and sends dock + aircraft in one item', async () => {
    stubFetch();
    stores.fleet.getState().batchReceived([osd('DOCK2', 3)], Date.now());
    const user = userEvent.setup({ delay: null });
    renderScreen();
    await chooseFirmware(user, /^Firmware for DJI Dock 2/, /10\.01\.2000/);
    await chooseFirmware(user, /^Firmware for Mavic 3D/, /07\.01\.0100/);
    const gatewayList = screen.getByRole('list', { name: 'Gateways to choose from' });
    expect(within(gatewayList).getByText('Skipped: Already on the target version (DOCK3 10.01.2000)')).toBeInTheDocument();
    expect(within(gatewayList).getByText('Skipped: Busy: DOCK2 reports it is upgrading (osd mode_code 3)')).toBeInTheDocument();
    expect(within(gatewayList).getByText('Will upgrade DOCK1 to 10.01.2000, AC1 to 07.01.0100')).toBeInTheDocument();

    for (const sn of ['DOCK1', 'DOCK2', 'DOCK3']) await user.click(screen.getByRole('checkbox', { name: `Select gateway ${sn}` }));
    expect(screen.getByText('1 ota_create to send (2 devices), 2 selected gateways skipped.')).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'Dry-run preview (3 selected)' }));
    const send = screen.getByRole('group', { name: 'Send to DOCK1' });
    expect(send).toHaveTextContent('DOCK1DJI Dock 210.01.1000 → 10.01.2000');
    expect(send).toHaveTextContent('AC1Mavic 3D07.00.0001 → 07.01.0100type 3 (regular)m3d-07.01.0100.bin');
    expect(screen.getByRole('group', { name: 'Skip DOCK2' })).toHaveTextContent('Busy: DOCK2 reports it is upgrading (osd mode_code 3)');
    expect(screen.getByRole('group', { name: 'Skip DOCK3' })).toHaveTextContent('Already on the target version (DOCK3 10.01.2000)');
  });

  it('offers type 2 only for a device reporting compatible_status 1; confirm starts the campaign with it, clears the selection and opens the Monitor', async () => {
    stubFetch();
    const user = userEvent.setup({ delay: null });
    renderScreen();
    await chooseFirmware(user, /^Firmware for DJI Dock 2/, /10\.01\.2000/);
    await chooseFirmware(user, /^Firmware for Mavic 3D/, /07\.01\.0100/);
    await user.click(screen.getByRole('checkbox', { name: 'Select gateway DOCK1' }));
    await user.click(screen.getByRole('checkbox', { name: 'Select gateway DOCK2' }));
    await user.click(screen.getByRole('button', { name: /^Dry-run preview/ }));
    expect(screen.queryByRole('combobox', { name: 'Upgrade type for AC1' })).not.toBeInTheDocument();
    expect(screen.queryByRole('combobox', { name: 'Upgrade type for DOCK2' })).not.toBeInTheDocument();
    const type = screen.getByRole('combobox', { name: 'Upgrade type for DOCK1' });
    expect(type).toHaveValue('3');
    await user.selectOptions(type, '2');
    await user.type(screen.getByRole('textbox', { name: 'Pause after failures' }), '10%');

    await user.click(startButton());
    const dialog = screen.getByRole('dialog', { name: 'Start the upgrade?' });
    expect(dialog).toHaveTextContent('Upgrade 2 gateways (3 devices) with:');
    expect(dialog).toHaveTextContent('DJI Dock 2 version 10.01.2000 (dock2-10.01.2000.bin)');
    expect(dialog).toHaveTextContent('Mavic 3D version 07.01.0100 (m3d-07.01.0100.bin)');
    expect(dialog).toHaveTextContent('No limit on parallel upgrades; pause after 10% failures.');
    await user.click(within(dialog).getByRole('button', { name: 'Confirm' }));

    expect(await screen.findByRole('heading', { name: 'Monitor page' })).toBeInTheDocument();
    const [campaign] = campaigns.getState().campaigns;
    expect(campaign?.pauseAfterFailures).toEqual({ percent: 10 });
    expect(
      campaign?.gateways.map((g) => [
        g.gateway,
        g.devices.map((d) => [d.sn, d.product_version, d.firmware_upgrade_type, d.file_url, d.file_size, d.md5]),
      ]),
    ).toEqual([
      [
        'DOCK1',
        [
          ['DOCK1', '10.01.2000', 2, `${FILE_BASE}files/dock2.bin`, 2048, DOCK_ENTRY.md5],
          ['AC1', '07.01.0100', 3, `${FILE_BASE}files/m3d.bin`, 4096, DOCK_ENTRY.md5],
        ],
      ],
      ['DOCK2', [['DOCK2', '10.01.2000', 3, `${FILE_BASE}files/dock2.bin`, 2048, DOCK_ENTRY.md5]]],
    ]);
    expect(campaign?.gateways[0]?.deviceInfo).toEqual([
      { sn: 'DOCK1', modelKey: '3-2-0', fromVersion: '10.01.1000' },
      { sn: 'AC1', modelKey: '0-91-0', fromVersion: '07.00.0001' },
    ]);
    expect(stores.selection.getState().selected.size).toBe(0);
  });

  it('dialog: focus starts on Cancel and stays inside; Escape closes it and focus returns to Start', async () => {
    stubFetch();
    const user = userEvent.setup({ delay: null });
    renderScreen();
    await chooseFirmware(user, /^Firmware for DJI Dock 2/, /10\.01\.2000/);
    await user.click(screen.getByRole('checkbox', { name: 'Select gateway DOCK2' }));
    await user.click(startButton());
    const dialog = screen.getByRole('dialog');
    expect(dialog).toHaveTextContent('Upgrade 1 gateway (1 device) with:');
    expect(within(dialog).getByRole('button', { name: 'Cancel' })).toHaveFocus();
    await user.tab();
    expect(within(dialog).getByRole('button', { name: 'Confirm' })).toHaveFocus();
    await user.tab();
    expect(within(dialog).getByRole('button', { name: 'Cancel' })).toHaveFocus();
    await user.tab({ shift: true });
    expect(within(dialog).getByRole('button', { name: 'Confirm' })).toHaveFocus();
    await user.keyboard('{Escape}');
    expect(screen.queryByRole('dialog')).not.toBeInTheDocument();
    expect(startButton()).toHaveFocus();
    expect(campaigns.getState().campaigns).toEqual([]);
    expect(stores.selection.getState().selected.has('DOCK2')).toBe(true);
  });

  it('a pre-flight mismatch blocks the start until "Override pre-flight mismatch" is ticked; unverifiable does not block', async () => {
    const dockFile = `${FILE_BASE}files/dock2.bin`;
    const aircraftFile = `${FILE_BASE}files/m3d.bin`;
    stubFetch((url, init) => {
      if (init?.method !== 'HEAD') return undefined;
      if (url === dockFile) return new Response(null, { headers: { 'content-length': '1000' } });
      if (url === aircraftFile) throw new TypeError('Failed to fetch');
      return undefined;
    });
    const user = userEvent.setup({ delay: null });
    renderScreen();
    await chooseFirmware(user, /^Firmware for DJI Dock 2/, /10\.01\.2000/);
    await user.click(screen.getByRole('checkbox', { name: 'Select gateway DOCK2' }));
    expect(startButton()).toBeEnabled();
    await user.click(screen.getByRole('button', { name: 'Check dock2-10.01.2000.bin' }));
    expect(await screen.findByText('Size mismatch')).toBeInTheDocument();
    expect(startButton()).toBeDisabled();
    expect(startButton()).toHaveAccessibleDescription(
      'The pre-flight check found a mismatch for dock2-10.01.2000.bin. Tick “Override pre-flight mismatch” to send anyway.',
    );
    await user.click(screen.getByRole('checkbox', { name: 'Override pre-flight mismatch' }));
    expect(startButton()).toBeEnabled();
    await user.click(startButton());
    expect(screen.getByRole('dialog')).toHaveTextContent('Pre-flight mismatch overridden for dock2-10.01.2000.bin.');
    await user.click(screen.getByRole('button', { name: 'Cancel' }));

    await chooseFirmware(user, /^Firmware for Mavic 3D/, /07\.01\.0100/);
    await user.click(screen.getByRole('checkbox', { name: 'Select gateway DOCK1' }));
    await user.click(screen.getByRole('button', { name: 'Check m3d-07.01.0100.bin' }));
    expect(await screen.findByText(/^Could not verify from this browser: m3d-07\.01\.0100\.bin\. This does not block/)).toBeInTheDocument();
    expect(startButton()).toBeEnabled();
  });

  it('filters gateways by SN and selects or deselects only what is shown', async () => {
    stubFetch();
    const user = userEvent.setup({ delay: null });
    renderScreen();
    await screen.findByRole('radiogroup', { name: /^Firmware for DJI Dock 2/ });
    await user.type(screen.getByRole('searchbox', { name: 'Filter gateways' }), 'ac1');
    expect(await screen.findByText('0 of 3 selected, 1 shown')).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'Select all shown' }));
    expect([...stores.selection.getState().selected]).toEqual(['DOCK1']);
    await user.clear(screen.getByRole('searchbox', { name: 'Filter gateways' }));
    await user.click(await screen.findByRole('button', { name: 'Select all shown' }));
    expect(screen.getByText('3 of 3 selected')).toBeInTheDocument();
    await user.type(screen.getByRole('searchbox', { name: 'Filter gateways' }), 'DOCK3');
    await user.click(await screen.findByRole('button', { name: 'Select none shown' }));
    expect([...stores.selection.getState().selected].sort()).toEqual(['DOCK1', 'DOCK2']);
  });

  it('renders only the visible part of a long gateway list, yet "Select all shown" selects every gateway', async () => {
    stubFetch();
    const sns = Array.from({ length: 1_000 }, (_, i) => `BULK-${String(i).padStart(4, '0')}`);
    stores.fleet.getState().gatewaysImported(sns);
    const user = userEvent.setup({ delay: null });
    renderScreen();
    await screen.findByRole('radiogroup', { name: /^Firmware for DJI Dock 2/ });
    const rendered = screen.getAllByRole('checkbox', { name: /^Select gateway / }).length;
    expect(rendered).toBeGreaterThan(5);
    expect(rendered).toBeLessThan(100);
    await user.click(screen.getByRole('button', { name: 'Select all shown' }));
    expect(stores.selection.getState().selected.size).toBe(1_003);
    expect(screen.getByText('1003 of 1003 selected')).toBeInTheDocument();
  });

  it('"Select all eligible" takes the shown gateways the chosen firmware would go to, none it would skip', async () => {
    stubFetch();
    const user = userEvent.setup({ delay: null });
    renderScreen();
    await screen.findByRole('radiogroup', { name: /^Firmware for DJI Dock 2/ });
    const eligible = screen.getByRole('button', { name: 'Select all eligible' });
    expect(eligible).toBeDisabled();
    expect(eligible).toHaveAccessibleDescription('Choose a firmware to select the gateways it would go to.');
    await chooseFirmware(user, /^Firmware for DJI Dock 2/, /10\.01\.2000/);
    await user.click(eligible);
    // DOCK3 already runs 10.01.2000; DOCK1 needs it (and a consistency upgrade), DOCK2 needs it.
    expect([...stores.selection.getState().selected].sort()).toEqual(['DOCK1', 'DOCK2']);
    expect(screen.getByText('Selected 2 eligible gateways; 1 shown would be skipped.')).toBeInTheDocument();
    expect(screen.getByText('2 ota_create to send (2 devices), 0 selected gateways skipped.')).toBeInTheDocument();

    await user.click(screen.getByRole('button', { name: 'Clear selection' }));
    await user.selectOptions(screen.getByRole('combobox', { name: 'Version' }), '10.01.1500');
    expect(await screen.findByText('0 of 3 selected, 1 shown')).toBeInTheDocument();
    await user.click(eligible);
    expect([...stores.selection.getState().selected]).toEqual(['DOCK2']);
  });

  it('filters by model, by "not on the newest version" and by connection, as the Fleet does', async () => {
    stubFetch();
    stores.fleet.getState().batchReceived([topo('DOCK9', '3-1-0')], Date.now());
    const user = userEvent.setup({ delay: null });
    renderScreen();
    await screen.findByRole('radiogroup', { name: /^Firmware for DJI Dock 2/ });
    const model = screen.getByRole('combobox', { name: 'Model' });
    expect(
      within(model)
        .getAllByRole('option')
        .map((o) => o.textContent),
    ).toEqual(['All models', 'DJI Dock 2 (3-2-0) · 3', 'DJI Dock (3-1-0) · 1', 'Mavic 3D (0-91-0) · 1']);
    await user.selectOptions(model, '3-2-0');
    expect(await screen.findByText('0 of 4 selected, 3 shown')).toBeInTheDocument();
    // The catalog's newest Dock 2 version is 10.01.2000, which DOCK3 runs.
    await user.selectOptions(screen.getByRole('combobox', { name: 'Version' }), 'Not on the newest version');
    expect(await screen.findByText('0 of 4 selected, 2 shown')).toBeInTheDocument();
    expect(screen.queryByRole('checkbox', { name: 'Select gateway DOCK3' })).not.toBeInTheDocument();
    await user.selectOptions(screen.getByRole('combobox', { name: 'Connection' }), 'Offline');
    expect(await screen.findByText('No gateway matches these filters.')).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'Clear filters' }));
    expect(await screen.findByText('0 of 4 selected')).toBeInTheDocument();
  });

  it('read-only mode keeps Start disabled with the reason', async () => {
    stubFetch();
    const user = userEvent.setup({ delay: null });
    renderScreen({ readOnly: true });
    await chooseFirmware(user, /^Firmware for DJI Dock 2/, /10\.01\.2000/);
    await user.click(screen.getByRole('checkbox', { name: 'Select gateway DOCK2' }));
    expect(startButton()).toHaveAccessibleDescription('Read-only mode: this console sends nothing.');
  });

  it('a gateway going offline moves to skipped as the clock passes the stale threshold', async () => {
    vi.useFakeTimers({ shouldAdvanceTime: true });
    try {
      stubFetch();
      const user = userEvent.setup({ advanceTimers: vi.advanceTimersByTime });
      renderScreen();
      await chooseFirmware(user, /^Firmware for DJI Dock 2/, /10\.01\.2000/);
      await user.click(screen.getByRole('checkbox', { name: 'Select gateway DOCK2' }));
      expect(startButton()).toBeEnabled();
      await user.click(screen.getByRole('button', { name: /^Dry-run preview/ }));
      await act(async () => {
        vi.advanceTimersByTime(61_000);
      });
      expect(screen.getByRole('group', { name: 'Skip DOCK2' })).toHaveTextContent('Offline: no message recently (stale)');
      expect(startButton()).toBeDisabled();
    } finally {
      vi.useRealTimers();
    }
  });
});
