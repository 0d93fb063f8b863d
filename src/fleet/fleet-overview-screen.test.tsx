import { act, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import FleetScreen from './fleet-screen.tsx';
import { renderWithFleet } from './fleet-stores-test-kit.tsx';
import { createFleetStore, type FleetStore } from './fleet-store.ts';
import { state, topo } from './fleet-test-kit.ts';

const NEWEST = new Map([['3-2-0', '10.02.0002']]);

let fleetStore: FleetStore;

beforeAll(async () => {
  // Loaded once here, so React.lazy resolves at once in each test.
  await import('../ui/charts/bar-chart.tsx');
});

beforeEach(() => {
  // jsdom has no layout: the virtualised table needs a viewport and row heights.
  vi.spyOn(Element.prototype, 'clientHeight', 'get').mockReturnValue(900);
  vi.spyOn(Element.prototype, 'clientWidth', 'get').mockReturnValue(1000);
  vi.spyOn(HTMLElement.prototype, 'offsetHeight', 'get').mockImplementation(function (this: HTMLElement) {
    return this.hasAttribute('data-index') ? 90 : 900;
  });
  fleetStore = createFleetStore();
  fleetStore
    .getState()
    .batchReceived(
      [
        topo('DOCK1', '3-2-0', [{ sn: 'AC1', model: '0-91-0' }]),
        state('DOCK1', { firmwareVersion: '10.01.0001' }),
        state('AC1', { firmwareVersion: '08.00.0001', compatibleStatus: 1 }, 'DOCK1'),
        topo('DOCK2', '3-2-0'),
        state('DOCK2', { firmwareVersion: '10.01.0001' }),
        topo('DOCK3', '3-2-0'),
        state('DOCK3', { firmwareVersion: '10.02.0002' }),
      ],
      Date.now(),
    );
});

afterEach(() => {
  vi.restoreAllMocks();
});

const gatewayTable = () => screen.getByRole('table', { name: 'Gateways' });
const shownRows = () =>
  within(gatewayTable())
    .queryAllByRole('rowheader')
    .map((h) => h.textContent);
/** The chart library loads on first use; under a loaded machine that takes a while. */
const LAZY = { timeout: 10_000 };

const dockChart = () => screen.getByRole('figure', { name: 'DJI Dock 2 (3-2-0): firmware versions' });
const versionTable = () => screen.getByRole('table', { name: 'Firmware versions of DJI Dock 2 (3-2-0)' });
const countOf = (version: RegExp) =>
  within(versionTable()).getByRole('rowheader', { name: version }).closest('tr')?.children[1]?.textContent;

describe('Fleet overview', () => {
  it('draws per model the versions the fleet runs, the newest catalog version marked, with a table of the same numbers', async () => {
    const { container } = renderWithFleet(<FleetScreen newestVersions={NEWEST} />, fleetStore);
    expect(dockChart()).toHaveTextContent('3 devices · 3 online · 0 offline · 0 upgrading · 2 not on the newest (10.02.0002)');
    expect(screen.getByRole('figure', { name: 'Mavic 3D (0-91-0): firmware versions' })).toHaveTextContent('1 need a consistency upgrade');
    expect(within(screen.getByRole('group', { name: 'Fleet summary' })).getByText('Gateways').nextSibling).toHaveTextContent('3');
    expect(countOf(/^10\.02\.0002 newest$/)).toBe('1');
    expect(countOf(/^10\.01\.0001$/)).toBe('2');
    // The chart itself loads on first use and is hidden from screen readers (the table stands for it).
    const bars = await waitFor(() => {
      const found = container.querySelectorAll('[data-model="3-2-0"] svg [data-bar]');
      expect(found).toHaveLength(2);
      return found;
    }, LAZY);
    expect(bars[0]?.closest('svg')).toHaveAttribute('aria-hidden', 'true');
    expect(bars[0]).toHaveAttribute('data-tone', 'marked');
    expect(bars[0]).toHaveTextContent('newest');
  });

  it('follows live reports: a dock that finishes its upgrade moves to the newest bar', async () => {
    renderWithFleet(<FleetScreen newestVersions={NEWEST} />, fleetStore);
    act(() => fleetStore.getState().batchReceived([state('DOCK1', { firmwareVersion: '10.02.0002' })], Date.now()));
    await waitFor(() => expect(countOf(/^10\.02\.0002 newest$/)).toBe('2'), { timeout: 3_000 });
    expect(countOf(/^10\.01\.0001$/)).toBe('1');
    expect(dockChart()).toHaveTextContent('1 not on the newest');
  });

  it('filters to a version by a click on its bar, and back with a second click; the filter is in the URL', async () => {
    const user = userEvent.setup();
    const { container, router } = renderWithFleet(<FleetScreen newestVersions={NEWEST} />, fleetStore);
    const bar = await waitFor(() => {
      const found = container.querySelector('[data-model="3-2-0"] [data-bar="10.01.0001"]');
      expect(found).not.toBeNull();
      return found as Element;
    }, LAZY);
    await user.click(bar);
    expect(new URLSearchParams(router.state.location.search).get('version')).toBe('10.01.0001');
    expect(new URLSearchParams(router.state.location.search).get('model')).toBe('3-2-0');
    await waitFor(() => expect(shownRows()).toEqual(['DOCK1', 'DOCK2']));
    expect(container.querySelector('[data-bar="10.01.0001"]')).toHaveAttribute('data-tone', 'selected');
    expect(screen.getByRole('button', { name: 'Show only DJI Dock 2 on 10.01.0001' })).toHaveAttribute('aria-pressed', 'true');

    await user.click(container.querySelector('[data-model="3-2-0"] [data-bar="10.01.0001"]') as Element);
    expect(router.state.location.search).toBe('');
    await waitFor(() => expect(shownRows()).toEqual(['DOCK1', 'DOCK2', 'DOCK3']));
  });

  it('opens with the filters a shared URL holds, and writes changed ones back', async () => {
    const user = userEvent.setup();
    const { router } = renderWithFleet(<FleetScreen newestVersions={NEWEST} />, fleetStore, '/fleet?model=3-2-0&outdated=1');
    await waitFor(() => expect(shownRows()).toEqual(['DOCK1', 'DOCK2']));
    expect(screen.getByRole('combobox', { name: 'Model' })).toHaveValue('3-2-0');
    const outdated = screen.getByRole('checkbox', { name: 'Not on the newest version' });
    expect(outdated).toBeChecked();

    await user.click(screen.getByRole('checkbox', { name: 'Needs consistency upgrade' }));
    expect(router.state.location.search).toBe('?model=3-2-0&consistency=1&outdated=1');
    // The device filters hold for one device together: DOCK1's aircraft needs a consistency
    // upgrade, but no Dock 2 does.
    await waitFor(() => expect(shownRows()).toEqual([]));
    await user.selectOptions(screen.getByRole('combobox', { name: 'Model' }), '0-91-0');
    expect(router.state.location.search).toBe('?model=0-91-0&consistency=1&outdated=1');
    // The catalog has no Mavic 3D firmware, so none is behind the newest.
    await waitFor(() => expect(shownRows()).toEqual([]));
    await user.click(outdated);
    await waitFor(() => expect(shownRows()).toEqual(['DOCK1']));

    await user.click(screen.getByRole('button', { name: 'Clear filters' }));
    expect(router.state.location.search).toBe('');
    await waitFor(() => expect(shownRows()).toEqual(['DOCK1', 'DOCK2', 'DOCK3']));
    expect(outdated).not.toBeChecked();
  });

  it('says which values of the URL it ignored, and applies the rest', async () => {
    renderWithFleet(<FleetScreen newestVersions={NEWEST} />, fleetStore, '/fleet?online=sometimes&version=10.02.0002');
    expect(within(screen.getByRole('list', { name: 'Ignored filters' })).getByRole('listitem')).toHaveTextContent(
      'Ignored online=sometimes from the address: not a valid value.',
    );
    await waitFor(() => expect(shownRows()).toEqual(['DOCK3']));
  });

  it('sorts by a column header (the order in the URL too) and opens a gateway page from its row', async () => {
    const user = userEvent.setup();
    fleetStore.getState().batchReceived([state('DOCK2', { firmwareVersion: '09.00.0000' })], Date.now());
    const { router } = renderWithFleet(<FleetScreen newestVersions={NEWEST} />, fleetStore);
    await user.click(screen.getByRole('button', { name: 'Firmware' }));
    expect(router.state.location.search).toBe('?sort=version&dir=asc');
    await waitFor(() => expect(shownRows()).toEqual(['DOCK2', 'DOCK1', 'DOCK3']));
    expect(within(gatewayTable()).getByRole('columnheader', { name: /^Devices/ })).toHaveAttribute('aria-sort', 'ascending');
    await user.click(screen.getByRole('button', { name: 'Firmware' }));
    await waitFor(() => expect(shownRows()).toEqual(['DOCK3', 'DOCK1', 'DOCK2']));
    expect(within(gatewayTable()).getByRole('columnheader', { name: /^Devices/ })).toHaveAttribute('aria-sort', 'descending');

    const row = screen.getByRole('rowheader', { name: 'DOCK1' }).closest('[role="row"]') as HTMLElement;
    expect(within(row).getByRole('link', { name: 'DOCK1' })).toHaveAttribute('href', '/fleet/DOCK1');
    await user.click(within(row).getByRole('cell', { name: /Online/ }));
    expect(router.state.location.pathname).toBe('/fleet/DOCK1');
    expect(await screen.findByText('Dock page')).toBeInTheDocument();
  });
});
