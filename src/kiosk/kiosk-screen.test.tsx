import { act, screen, within } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createStore } from 'zustand/vanilla';
import { initialConnectionState, type ConnectionState } from '../broker/connection-store';
import { dockAndDrone, kit, T0 } from '../tasks/task-scenario-test-kit';
import { applyInitialLanguage } from '../ui/i18n/i18n';
import type { TasksStore } from '../tasks/tasks-state';
import { formatHourMinute } from './format';
import { stepLine } from './device-card';
import { DeviceModelProvider } from './device-model-context';
import KioskScreen from './kiosk-screen';
import { renderWithStores } from '../campaigns/campaign-stores-test-kit';
import type { GridShape } from './paging';

const TWO_BY_TWO: GridShape = { columns: 2, rows: 2, pageSize: 4 };

function connected(patch: Partial<ConnectionState> = {}) {
  return createStore<ConnectionState>(() => ({
    ...initialConnectionState,
    phase: 'connected',
    since: T0 - 60_000,
    readOnly: true,
    ...patch,
  }));
}

function board(store: TasksStore, options: { search?: string; connection?: ReturnType<typeof connected>; configNotes?: string[] } = {}) {
  const connection = options.connection ?? connected();
  renderWithStores(
    <KioskScreen connection={connection} search={options.search ?? '?kiosk'} gridShape={TWO_BY_TWO} configNotes={options.configNotes} />,
    { tasks: store },
  );
  return connection;
}

const bars = () => screen.queryAllByRole('progressbar').map((bar) => bar.getAttribute('aria-label'));

beforeEach(() => {
  vi.useFakeTimers();
  vi.setSystemTime(T0);
});

afterEach(() => {
  vi.useRealTimers();
  vi.unstubAllGlobals();
});

describe('KioskScreen connection banner', () => {
  it('says since when the connection is lost, keeps that time across retries, and goes away on reconnect', () => {
    const connection = board(kit().store);
    expect(screen.queryByRole('alert')).not.toBeInTheDocument();
    expect(screen.getByRole('status', { name: 'Broker connection' })).toHaveTextContent('Connected');

    const lostAt = T0 - 5 * 60_000;
    act(() => connection.setState({ phase: 'reconnecting', since: lostAt, lastError: 'connection closed' }));
    expect(screen.getByRole('alert')).toHaveTextContent(`Connection lost since ${formatHourMinute(lostAt)}`);
    expect(screen.getByRole('alert')).toHaveTextContent('connection closed');
    expect(screen.getByText('Data may be out of date')).toBeInTheDocument();
    expect(screen.getByRole('status', { name: 'Broker connection' })).toHaveTextContent('Reconnecting');

    act(() => connection.setState({ phase: 'connecting', since: T0 }));
    expect(screen.getByRole('alert')).toHaveTextContent(`Connection lost since ${formatHourMinute(lostAt)}`);

    act(() => connection.setState({ phase: 'connected', since: T0 }));
    expect(screen.queryByRole('alert')).not.toBeInTheDocument();
    expect(screen.queryByText('Data may be out of date')).not.toBeInTheDocument();
  });

  it('shows a quiet line for the first connect and an alert only once it fails', () => {
    const connection = connected({ phase: 'connecting', since: T0 });
    board(kit().store, { connection });
    expect(screen.getByText('Connecting to the broker…')).toBeInTheDocument();
    expect(screen.queryByRole('alert')).not.toBeInTheDocument();

    act(() => connection.setState({ phase: 'reconnecting', since: T0 + 1_000, lastError: 'connection refused' }));
    expect(screen.getByRole('alert')).toHaveTextContent(`No broker connection since ${formatHourMinute(T0)}`);
  });

  it('shows how long ago the last message came', () => {
    const connection = board(kit().store);
    expect(screen.getByText('No message yet')).toBeInTheDocument();
    act(() => connection.setState({ lastMessageAt: T0 - 5_000 }));
    expect(screen.getByText('Last message 5 s ago')).toBeInTheDocument();
  });
});

describe('KioskScreen pages', () => {
  function tenDocks() {
    const k = kit();
    for (let i = 1; i <= 10; i++) {
      const sn = `DOCK-${String(i).padStart(2, '0')}`;
      k.progress(sn, { bid: `b-${i}`, status: 'in_progress', percent: i * 5, step: 'download_firmware', subStatus: 'DOWNLOADING' });
    }
    return k;
  }

  it('turns the pages on the interval from the URL and starts over after the last', () => {
    board(tenDocks().store, { search: '?kiosk&interval=3' });
    expect(screen.getByText('Page 1 of 3')).toBeInTheDocument();
    expect(bars()).toEqual(['DOCK-01', 'DOCK-02', 'DOCK-03', 'DOCK-04'].map((sn) => `Upgrade progress ${sn}`));
    expect(screen.getByText('Devices 1–4 of 10')).toBeInTheDocument();

    act(() => vi.advanceTimersByTime(2_999));
    expect(screen.getByText('Page 1 of 3')).toBeInTheDocument();
    act(() => vi.advanceTimersByTime(1));
    expect(screen.getByText('Page 2 of 3')).toBeInTheDocument();
    expect(bars()).toEqual(['DOCK-05', 'DOCK-06', 'DOCK-07', 'DOCK-08'].map((sn) => `Upgrade progress ${sn}`));

    act(() => vi.advanceTimersByTime(3_000));
    expect(screen.getByText('Page 3 of 3')).toBeInTheDocument();
    expect(bars()).toEqual(['Upgrade progress DOCK-09', 'Upgrade progress DOCK-10']);

    act(() => vi.advanceTimersByTime(3_000));
    expect(screen.getByText('Page 1 of 3')).toBeInTheDocument();
  });

  it('turns every 10 s by default and shows no page indicator when everything fits', () => {
    const k = tenDocks();
    board(k.store);
    act(() => vi.advanceTimersByTime(9_999));
    expect(screen.getByText('Page 1 of 3')).toBeInTheDocument();
    act(() => vi.advanceTimersByTime(1));
    expect(screen.getByText('Page 2 of 3')).toBeInTheDocument();

    // Eight tasks end: two devices left, one page.
    act(() => {
      for (let i = 1; i <= 8; i++)
        k.progress(`DOCK-${String(i).padStart(2, '0')}`, { bid: `b-${i}`, status: 'ok', percent: 100, step: 'upgrade_firmware' }, T0 + 1);
    });
    expect(screen.queryByText(/^Page \d+ of \d+$/)).not.toBeInTheDocument();
    expect(bars()).toEqual(['Upgrade progress DOCK-09', 'Upgrade progress DOCK-10']);
  });

  it('gives each device the contract progress bar', () => {
    const k = kit();
    k.started(dockAndDrone('b-1', 'DOCK-A', 'DRONE-A'));
    k.progress('DOCK-A', { bid: 'b-1', status: 'in_progress', subStatus: 'DOWNLOADING', step: 'download_firmware', percent: 40 });
    board(k.store);
    for (const sn of ['DOCK-A', 'DRONE-A']) {
      const bar = screen.getByRole('progressbar', { name: `Upgrade progress ${sn}` });
      expect(bar).toHaveAttribute('aria-valuenow', '40');
      expect(bar).toHaveAttribute('aria-valuetext', '40% · In Progress · Downloading');
    }
  });
});

describe('KioskScreen step text', () => {
  it('says the step whole, once, and may wrap instead of being cut', () => {
    const k = kit();
    k.started(dockAndDrone('b-1', 'DOCK-A', 'DRONE-A'));
    k.progress('DOCK-A', { bid: 'b-1', status: 'in_progress', subStatus: 'UPGRADING', step: 'upgrade_firmware', percent: 20 });
    board(k.store);
    const card = screen.getByRole('progressbar', { name: 'Upgrade progress DOCK-A' }).closest('li')!;
    const step = card.querySelector<HTMLElement>('[data-kiosk-step]')!;
    expect(step.textContent).toBe('Upgrading Firmware');
    expect(step).not.toHaveClass('truncate');
    expect(step).toHaveClass('line-clamp-2');
  });

  it('names the device by its model, from the task or else from what the shell knows, not "Gateway"', () => {
    const k = kit();
    k.progress('DOCK-E', { bid: 'b-e', status: 'in_progress', subStatus: 'DOWNLOADING', step: 'download_firmware', percent: 10 });
    const useModelKey = (sn: string) => (sn === 'DOCK-E' ? '3-3-0' : null);
    renderWithStores(
      <DeviceModelProvider value={useModelKey}>
        <KioskScreen connection={connected()} search="?kiosk" gridShape={TWO_BY_TWO} />
      </DeviceModelProvider>,
      { tasks: k.store },
    );
    const card = screen.getByRole('progressbar', { name: 'Upgrade progress DOCK-E' }).closest('li')!;
    expect(card).toHaveTextContent('DJI Dock 3');
    expect(card).not.toHaveTextContent('Gateway');
  });

  it('says of how many upgrades "Verified" counts, and how many it cannot verify', () => {
    const k = kit();
    k.progress('DOCK-X', { bid: 'b-seen', status: 'ok', percent: 100, step: 'upgrade_firmware' });
    board(k.store);
    const tiles = screen.getByRole('group', { name: 'Upgrade summary' });
    const verified = within(tiles).getByText('Verified').parentElement!;
    expect(verified).toHaveTextContent('Verified—1 without a known target version');
    act(() => {
      k.started(dockAndDrone('b-own', 'DOCK-O', 'DRONE-O'));
      k.progress('DOCK-O', { bid: 'b-own', status: 'ok', percent: 100, step: 'upgrade_firmware' });
    });
    expect(verified).toHaveTextContent('Verified0of 1 checkable · 1 without a known target version');
  });

  it('keeps a sub-status the step does not already say', () => {
    expect(stepLine('Downloading Firmware', 'Downloading')).toBe('Downloading Firmware');
    expect(stepLine('Upgrading Firmware', 'Waiting for the device')).toBe('Upgrading Firmware · Waiting for the device');
    expect(stepLine(null, 'Sent')).toBe('Sent');
    expect(stepLine('Upgrading Firmware', null)).toBe('Upgrading Firmware');
  });
});

describe('KioskScreen content', () => {
  function mixedFleet() {
    const k = kit();
    k.progress('DOCK-A1', { bid: 'b-a1', status: 'in_progress', percent: 30, step: 'download_firmware' });
    k.started(dockAndDrone('b-a2', 'DOCK-A2', 'DRONE-A2'));
    k.reply('DOCK-A2', 'tid-b-a2', 'b-a2', 312015, T0 + 60_000);
    k.progress('DOCK-B1', { bid: 'b-b1', status: 'in_progress', percent: 50, step: 'download_firmware' });
    k.progress('DOCK-B2', { bid: 'b-b2', status: 'failed', percent: 0, step: 'download_firmware', subStatus: 'DOWNLOAD_FAILED' });
    return k;
  }

  it('shows only the gateways of the SN prefix, in the grid, the tiles and the failures', () => {
    board(mixedFleet().store, { search: '?kiosk&gateway=DOCK-A' });
    expect(bars()).toEqual(['Upgrade progress DOCK-A1']);
    const tiles = screen.getByRole('group', { name: 'Upgrade summary' });
    expect(within(tiles).getByText('Rejected').nextElementSibling).toHaveTextContent('1');
    expect(within(tiles).getByText('Failed').nextElementSibling).toHaveTextContent('0');
    expect(within(tiles).getByText('In Progress').nextElementSibling).toHaveTextContent('1');
    const failures = screen.getByRole('list', { name: 'Recent failures' });
    expect(within(failures).getAllByRole('listitem')).toHaveLength(1);
    expect(failures).toHaveTextContent('312015: The dock is busy (for example a flight is in progress)');
    expect(screen.getByRole('banner')).toHaveTextContent('Gateways DOCK-A…');
  });

  it('highlights every recent failure with its reason without a filter', () => {
    board(mixedFleet().store);
    expect(bars()).toEqual(['Upgrade progress DOCK-A1', 'Upgrade progress DOCK-B1']);
    const items = within(screen.getByRole('list', { name: 'Recent failures' })).getAllByRole('listitem');
    expect(items.map((item) => item.textContent)).toEqual([
      expect.stringContaining('Rejected312015'),
      expect.stringContaining('FailedDownload failed'),
    ]);
  });

  it('says "no failures" only since it opened, until it has watched for 24 hours', () => {
    board(kit().store);
    const failures = screen.getByRole('region', { name: 'Recent failures' });
    expect(failures).toHaveTextContent(`No failures since ${formatHourMinute(T0)}.`);
    expect(failures).not.toHaveTextContent('24 hours');
    act(() => vi.advanceTimersByTime(24 * 60 * 60 * 1000));
    expect(failures).toHaveTextContent('No failures in the last 24 hours.');
  });

  it('has no control at all: nothing on the board can send anything', () => {
    board(mixedFleet().store);
    for (const role of ['button', 'link', 'textbox', 'checkbox', 'radio', 'combobox', 'searchbox'] as const) {
      expect(screen.queryAllByRole(role), role).toHaveLength(0);
    }
  });

  it('notes rejected URL values and configuration problems in small print', async () => {
    // The console chose the language at start-up (src/ui/i18n) and kept the ?lang= it does not ship.
    const search = '?kiosk&interval=fast&lang=de';
    await applyInitialLanguage({ search, browser: ['en-US'] });
    board(kit().store, { search, configNotes: ['broker (URL): must start with ws:// or wss://'] });
    const notes = screen.getByRole('contentinfo', { name: 'Configuration notes' });
    expect(notes).toHaveTextContent('interval "fast" is not a number: pages turn every 10 s');
    expect(notes).toHaveTextContent('lang "de" is not available: showing English');
    await applyInitialLanguage({ search: '', browser: ['en-US'] });
    expect(notes).toHaveTextContent('broker (URL): must start with ws:// or wss://');
    expect(screen.getByText('No upgrades running')).toBeInTheDocument();
  });
});

describe('KioskScreen wake lock', () => {
  it('keeps the screen awake and asks again when the page becomes visible after losing the lock', async () => {
    const sentinels: { released: boolean; release: ReturnType<typeof vi.fn> }[] = [];
    const request = vi.fn(() => {
      const sentinel = { released: false, release: vi.fn(() => Promise.resolve()) };
      sentinels.push(sentinel);
      return Promise.resolve(sentinel);
    });
    vi.stubGlobal('navigator', Object.assign(Object.create(navigator) as Navigator, { wakeLock: { request } }));

    const view = renderWithStores(<KioskScreen connection={connected()} search="?kiosk" gridShape={TWO_BY_TWO} />, { tasks: kit().store });
    await act(async () => {});
    expect(request).toHaveBeenCalledTimes(1);
    expect(request).toHaveBeenCalledWith('screen');

    // Still held: becoming visible again asks for nothing.
    await act(async () => void document.dispatchEvent(new Event('visibilitychange')));
    expect(request).toHaveBeenCalledTimes(1);

    // The browser released it while hidden; back on screen the board asks again.
    sentinels[0]!.released = true;
    await act(async () => void document.dispatchEvent(new Event('visibilitychange')));
    expect(request).toHaveBeenCalledTimes(2);

    view.unmount();
    expect(sentinels[1]!.release).toHaveBeenCalledTimes(1);
  });
});
