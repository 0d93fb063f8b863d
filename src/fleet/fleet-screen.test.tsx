import { act, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import FleetScreen from './fleet-screen.tsx';
import { renderWithFleet } from './fleet-stores-test-kit.tsx';
import { createFleetStore, type FleetStore, type FleetStoreState } from './fleet-store.ts';
import { osd, state, topo } from './fleet-test-kit.ts';

const ROW_PX = 90;
const VIEWPORT_PX = 900;

let fleetStore: FleetStore;

// jsdom has no layout: give the scroll area a viewport (clientHeight) and every row a height
// (offsetHeight), which is what the virtualizer reads in a browser.
beforeEach(() => {
  vi.spyOn(Element.prototype, 'clientHeight', 'get').mockReturnValue(VIEWPORT_PX);
  vi.spyOn(Element.prototype, 'clientWidth', 'get').mockReturnValue(1000);
  vi.spyOn(HTMLElement.prototype, 'offsetHeight', 'get').mockImplementation(function (this: HTMLElement) {
    return this.hasAttribute('data-index') ? ROW_PX : VIEWPORT_PX;
  });
  localStorage.clear();
  fleetStore = createFleetStore();
});

afterEach(() => {
  vi.restoreAllMocks();
});

function feed(...batch: Parameters<FleetStoreState['batchReceived']>[0]) {
  act(() => fleetStore.getState().batchReceived(batch, Date.now()));
}

const table = () => screen.getByRole('table', { name: 'Gateways' });
const rowOf = (sn: string) =>
  within(table())
    .getByRole('rowheader', { name: new RegExp(`^${sn}\\b`) })
    .closest('[role="row"]') as HTMLElement;

/** The device line whose kind and SN are shown (a list item has no accessible name of its own). */
function deviceItem(list: HTMLElement, kind: string, sn: string): HTMLElement {
  const items = within(list)
    .getAllByRole('listitem')
    .filter((li) => li.textContent.startsWith(kind) && within(li).queryByText(sn, { exact: true }) !== null);
  expect(items).toHaveLength(1);
  return items[0]!;
}

describe('FleetScreen', () => {
  it('shows every gateway with its dock and aircraft, product names, firmware, consistency, liveness and upgrades', () => {
    renderWithFleet(<FleetScreen />, fleetStore);
    feed(
      topo('DOCK1', '3-2-0', [{ sn: 'AC1', model: '0-91-1' }]),
      state('DOCK1', { firmwareVersion: '10.01.3205', compatibleStatus: 0 }),
      state('AC1', { firmwareVersion: '07.00.0100', compatibleStatus: 1 }, 'DOCK1'),
      osd('DOCK1', 3),
      topo('DOCK2', '3-3-0'),
    );
    expect(within(table()).getAllByRole('columnheader')).toHaveLength(5);
    for (const name of ['Gateway', /^Devices/, 'Connection', 'Upgrade', 'Actions'])
      expect(within(table()).getByRole('columnheader', { name })).toBeInTheDocument();
    const row = rowOf('DOCK1');
    const devices = within(row).getByRole('list', { name: 'Devices of DOCK1' });
    const dock = deviceItem(devices, 'Dock', 'DOCK1');
    expect(dock).toHaveTextContent('DJI Dock 2');
    expect(dock).toHaveTextContent('firmware 10.01.3205');
    expect(dock).not.toHaveTextContent('Needs consistency upgrade');
    const aircraft = deviceItem(devices, 'Aircraft', 'AC1');
    expect(aircraft).toHaveTextContent('Mavic 3TD');
    expect(aircraft).toHaveTextContent('firmware 07.00.0100');
    expect(aircraft).toHaveTextContent('Needs consistency upgrade');
    expect(row).toHaveTextContent('Online');
    expect(row).toHaveTextContent('last seen just now');
    expect(within(row).getAllByText('Upgrading').length).toBeGreaterThan(0);
    expect(rowOf('DOCK2')).toHaveTextContent('No upgrade');
    expect(rowOf('DOCK2')).toHaveTextContent('firmware not reported');

    feed(topo('DOCK1', '3-2-0', []));
    expect(deviceItem(within(rowOf('DOCK1')).getByRole('list', { name: 'Devices of DOCK1' }), 'Aircraft', 'AC1')).toHaveTextContent(
      'Not in topology (offline)',
    );
  });

  it('shows a gateway as stale once the threshold passes without traffic', async () => {
    vi.useFakeTimers({ toFake: ['Date', 'setInterval', 'clearInterval'] });
    try {
      vi.setSystemTime(1_700_000_000_000);
      renderWithFleet(<FleetScreen staleAfterMs={30_000} />, fleetStore);
      feed(topo('DOCK1', '3-1-0'));
      expect(rowOf('DOCK1')).toHaveTextContent('Online');
      act(() => {
        vi.advanceTimersByTime(31_000);
      });
      expect(rowOf('DOCK1')).toHaveTextContent('Stale');
      expect(rowOf('DOCK1')).toHaveTextContent('last seen 31 seconds ago');
    } finally {
      vi.useRealTimers();
    }
  });

  it('adds a gateway by SN, and ties a clear error to the input for an invalid or known SN', async () => {
    const user = userEvent.setup();
    renderWithFleet(<FleetScreen />, fleetStore);
    const input = screen.getByRole('textbox', { name: 'Gateway SN' });
    await user.type(input, 'DOCK/1');
    await user.click(screen.getByRole('button', { name: 'Add gateway' }));
    expect(input).toHaveAttribute('aria-invalid', 'true');
    expect(input).toHaveAccessibleDescription(expect.stringContaining("SN contains '/' (it has a special meaning in MQTT topics)"));
    expect(fleetStore.getState().gatewaySns).toEqual([]);

    await user.clear(input);
    await user.type(input, ' NEW-DOCK_7 {Enter}');
    expect(input).not.toHaveAttribute('aria-invalid');
    expect(input).toHaveValue('');
    expect(screen.getByText('Added gateway NEW-DOCK_7')).toBeInTheDocument();
    const row = rowOf('NEW-DOCK_7');
    expect(row).toHaveTextContent('Added by hand');
    expect(row).toHaveTextContent('Not reported yet');

    await user.type(input, 'NEW-DOCK_7{Enter}');
    expect(input).toHaveAccessibleDescription(expect.stringContaining('Gateway NEW-DOCK_7 is already in the fleet'));
  });

  it('imports a pasted CSV list: valid lines added, each bad line and duplicate reported with its line number', async () => {
    const user = userEvent.setup();
    renderWithFleet(<FleetScreen />, fleetStore);
    feed(topo('DOCK1', '3-1-0'));
    const box = screen.getByRole('textbox', { name: 'Gateway list (CSV or JSON)' });
    await user.click(box);
    await user.paste('sn,site\nDOCK1,x\nDOCK2,y\nBAD#3,z\nDOCK2,w\nDOCK4,v');
    await user.click(screen.getByRole('button', { name: 'Import list' }));
    const report = screen.getByRole('region', { name: 'Import report' });
    expect(report).toHaveTextContent('Added 2 gateways from the pasted list; 2 duplicates skipped; 1 line with errors.');
    const lines = within(within(report).getByRole('list', { name: 'Lines not imported' }))
      .getAllByRole('listitem')
      .map((li) => li.textContent);
    expect(lines).toEqual([
      'Duplicate: Line 2: Gateway DOCK1 is already in the fleet',
      expect.stringMatching(/^Error: Line 4: SN contains '#'/),
      'Duplicate: Line 5: duplicate of line 3',
    ]);
    expect(fleetStore.getState().gatewaySns).toEqual(['DOCK1', 'DOCK2', 'DOCK4']);
  });

  it('imports a JSON file chosen with the file input', async () => {
    const user = userEvent.setup();
    renderWithFleet(<FleetScreen />, fleetStore);
    const file = new File([JSON.stringify({ gateways: ['DOCK7', { sn: 'DOCK8' }, 'A+B'] })], 'docks.json', { type: 'application/json' });
    await user.upload(screen.getByLabelText('Import a file'), file);
    const report = await screen.findByRole('region', { name: 'Import report' });
    expect(report).toHaveTextContent('Added 2 gateways from docks.json; 1 item with errors.');
    expect(report).toHaveTextContent("Item 3: SN contains '+'");
    expect(rowOf('DOCK7')).toBeInTheDocument();
    expect(rowOf('DOCK8')).toBeInTheDocument();
  });

  it('removes a gateway only after confirmation; Cancel and Escape keep it', async () => {
    const user = userEvent.setup();
    renderWithFleet(<FleetScreen />, fleetStore);
    feed(topo('DOCK1', '3-1-0', [{ sn: 'AC1', model: '0-67-0' }]), topo('DOCK2', '3-1-0'));

    await user.click(screen.getByRole('button', { name: 'Remove gateway DOCK1' }));
    let dialog = screen.getByRole('dialog', { name: 'Remove gateway DOCK1?' });
    expect(within(dialog).getByRole('button', { name: 'Cancel' })).toHaveFocus();
    await user.click(within(dialog).getByRole('button', { name: 'Cancel' }));
    expect(screen.queryByRole('dialog')).not.toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'Remove gateway DOCK1' }));
    await user.keyboard('{Escape}');
    expect(screen.queryByRole('dialog')).not.toBeInTheDocument();
    expect(fleetStore.getState().gatewaySns).toEqual(['DOCK1', 'DOCK2']);

    await user.click(screen.getByRole('button', { name: 'Remove gateway DOCK1' }));
    dialog = screen.getByRole('dialog', { name: 'Remove gateway DOCK1?' });
    await user.click(within(dialog).getByRole('button', { name: 'Remove' }));
    expect(screen.queryByRole('dialog')).not.toBeInTheDocument();
    expect(screen.queryByRole('button', { name: 'Remove gateway DOCK1' })).not.toBeInTheDocument();
    expect(fleetStore.getState().gatewaySns).toEqual(['DOCK2']);
    expect(fleetStore.getState().deviceGateway.has('AC1')).toBe(false);
  });

  it('filters by gateway or device SN with the search box', async () => {
    const user = userEvent.setup();
    renderWithFleet(<FleetScreen />, fleetStore);
    feed(topo('DOCK1', '3-1-0', [{ sn: 'AIR-42', model: '0-67-0' }]), topo('DOCK2', '3-1-0'), topo('OTHER', '3-1-0'));
    const search = screen.getByRole('searchbox', { name: 'Search gateways' });
    await user.type(search, 'air-4');
    await waitFor(() =>
      expect(
        within(table())
          .getAllByRole('rowheader')
          .map((h) => h.textContent),
      ).toEqual(['DOCK1']),
    );
    await user.clear(search);
    await user.type(search, 'dock');
    await waitFor(() =>
      expect(
        within(table())
          .getAllByRole('rowheader')
          .map((h) => h.textContent),
      ).toEqual(['DOCK1', 'DOCK2']),
    );
    expect(screen.getByText(/3 gateways, 2 shown/)).toBeInTheDocument();
  });

  it('renders only the rows in view for a 10,000-gateway fleet', () => {
    renderWithFleet(<FleetScreen />, fleetStore);
    const batch = Array.from({ length: 10_000 }, (_, i) => topo(`D${String(i).padStart(5, '0')}`, '3-1-0'));
    feed(...batch);
    expect(table()).toHaveAttribute('aria-rowcount', '10001');
    const rows = within(table()).getAllByRole('rowheader');
    expect(rows.length).toBeGreaterThan(5);
    expect(rows.length).toBeLessThan(40);
    expect(rows[0]).toHaveTextContent('D00000');
  });
});
