import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createTestStores, renderWithStores } from './app-test-kit';
import type { AppStores } from './app-context';
import { createSavedSettingsStore } from './config/saved-settings-store';
import SettingsScreen from './settings-screen';

function serveConfig(body: string | null, contentType = 'application/json') {
  vi.stubGlobal(
    'fetch',
    vi.fn(async () =>
      body === null ? new Response('Not found', { status: 404 }) : new Response(body, { headers: { 'content-type': contentType } }),
    ),
  );
}

function renderSettings() {
  return renderWithStores(<SettingsScreen />, stores);
}

function row(setting: string) {
  const header = screen.getByRole('rowheader', { name: setting });
  const cells = within(header.closest('tr')!).getAllByRole('cell');
  return { value: cells[0]!.textContent, source: cells[1]!.textContent };
}

function storedValues(storage: Storage): string[] {
  return Array.from({ length: storage.length }, (_, i) => storage.getItem(storage.key(i)!)!);
}

// The saved settings live in jsdom's storages here, which the tests read back.
let stores: AppStores;

beforeEach(() => {
  localStorage.clear();
  sessionStorage.clear();
  stores = createTestStores({ savedSettings: createSavedSettingsStore({ local: localStorage, session: sessionStorage }) });
  window.history.replaceState(null, '', '/');
});

afterEach(() => {
  vi.unstubAllGlobals();
});

describe('SettingsScreen', () => {
  it('shows defaults and says there is no config.json when the file is missing', async () => {
    serveConfig(null);
    renderSettings();
    expect(await screen.findByText(/No config\.json \(HTTP 404\)/)).toBeInTheDocument();
    expect(row('Broker URL')).toEqual({ value: 'ws://localhost:8083/mqtt', source: 'default' });
    expect(row('Firmware catalog URL')).toEqual({ value: 'firmware/catalog.json', source: 'default' });
    expect(screen.getByLabelText('Broker URL')).toHaveValue('ws://localhost:8083/mqtt');
  });

  it('treats an index.html answer as defaults', async () => {
    serveConfig('<!doctype html><html></html>', 'text/html');
    renderSettings();
    expect(await screen.findByText(/web page or other non-JSON/)).toBeInTheDocument();
    expect(row('Broker URL').source).toBe('default');
  });

  it('applies config.json and lists the keys it rejected, keeping the valid ones', async () => {
    serveConfig(JSON.stringify({ brokerUrl: 'http://wrong/mqtt', username: 'fleet', readOnly: 'yes' }));
    renderSettings();
    expect(await screen.findByText('Loaded config.json.')).toBeInTheDocument();
    expect(row('Username')).toEqual({ value: 'fleet', source: 'config.json' });
    expect(row('Broker URL')).toEqual({ value: 'ws://localhost:8083/mqtt', source: 'default' });
    expect(row('Read-only')).toEqual({ value: 'no', source: 'default' });
    const rejected = screen.getByRole('heading', { name: /Rejected values/ }).parentElement!;
    expect(within(rejected).getByText('brokerUrl').closest('li')).toHaveTextContent(/ws:\/\/ or wss:\/\//);
    expect(within(rejected).getByText('readOnly')).toBeInTheDocument();
  });

  it('saves broker and credentials, keeping the password out of localStorage unless asked', async () => {
    serveConfig(null);
    const user = userEvent.setup();
    const requestsBefore = stores.reconnect.getState().requests;
    renderSettings();
    const url = await screen.findByLabelText('Broker URL');
    await user.clear(url);
    await user.type(url, 'wss://broker.example/mqtt');
    await user.type(screen.getByLabelText('Username'), 'ops');
    await user.type(screen.getByLabelText('Password'), 'hunter2');
    expect(screen.getByRole('checkbox', { name: 'Remember password on this device' })).not.toBeChecked();
    await user.click(screen.getByRole('button', { name: 'Save & reconnect' }));

    expect(row('Broker URL')).toEqual({ value: 'wss://broker.example/mqtt', source: 'saved' });
    expect(row('Username')).toEqual({ value: 'ops', source: 'saved' });
    expect(row('Password')).toEqual({ value: 'set (hidden)', source: 'saved' });
    expect(storedValues(localStorage).join()).not.toContain('hunter2');
    expect(storedValues(sessionStorage)).toContain('hunter2');
    expect(stores.reconnect.getState().requests).toBe(requestsBefore + 1);
    expect(screen.getByText(/kept until this tab closes/)).toBeInTheDocument();
  });

  it('remembers the password in localStorage when ticked, and forgets it when unticked', async () => {
    serveConfig(null);
    const user = userEvent.setup();
    renderSettings();
    await user.type(await screen.findByLabelText('Password'), 'hunter2');
    const remember = screen.getByRole('checkbox', { name: 'Remember password on this device' });
    await user.click(remember);
    await user.click(screen.getByRole('button', { name: 'Save & reconnect' }));
    expect(storedValues(localStorage)).toContain('hunter2');
    expect(storedValues(sessionStorage)).not.toContain('hunter2');

    await user.click(remember);
    await user.click(screen.getByRole('button', { name: 'Save & reconnect' }));
    expect(storedValues(localStorage).join()).not.toContain('hunter2');
    expect(storedValues(sessionStorage)).toContain('hunter2');
  });

  it('offers the MQTT version: config.json sets it, a saved choice wins and is kept on this device', async () => {
    serveConfig(JSON.stringify({ protocolVersion: '3.1.1' }));
    const user = userEvent.setup();
    const requestsBefore = stores.reconnect.getState().requests;
    renderSettings();
    const version = await screen.findByRole('combobox', { name: 'MQTT version' });
    expect(version).toHaveValue('3.1.1');
    expect(version).toHaveAccessibleDescription(expect.stringContaining('last worked for this broker URL'));
    expect(
      within(version)
        .getAllByRole('option')
        .map((o) => o.textContent),
    ).toEqual(['Automatic (MQTT 5 or 3.1.1)', 'MQTT 5 only', 'MQTT 3.1.1 only']);
    expect(row('MQTT version')).toEqual({ value: '3.1.1', source: 'config.json' });

    await user.selectOptions(version, 'MQTT 5 only');
    await user.click(screen.getByRole('button', { name: 'Save & reconnect' }));
    expect(row('MQTT version')).toEqual({ value: '5', source: 'saved' });
    expect(JSON.parse(localStorage.getItem('ota-console:settings') ?? '{}')).toMatchObject({ protocolVersion: '5' });
    expect(stores.reconnect.getState().requests).toBe(requestsBefore + 1);

    await user.click(screen.getByRole('button', { name: 'Reset to defaults' }));
    expect(screen.getByRole('combobox', { name: 'MQTT version' })).toHaveValue('3.1.1');
  });

  it('refuses a broker URL that is not ws://, wss:// or a path, with the message tied to the input', async () => {
    serveConfig(null);
    const user = userEvent.setup();
    const requestsBefore = stores.reconnect.getState().requests;
    renderSettings();
    const url = await screen.findByLabelText('Broker URL');
    await user.clear(url);
    await user.type(url, 'http://broker.example:8083/mqtt');
    await user.click(screen.getByRole('button', { name: 'Save & reconnect' }));

    expect(url).toHaveAttribute('aria-invalid', 'true');
    expect(url).toHaveAccessibleDescription(expect.stringContaining('Use a ws:// or wss:// URL, or a path on this host such as /mqtt.'));
    expect(url).toHaveFocus();
    expect(row('Broker URL').source).toBe('default');
    expect(localStorage.length).toBe(0);
    expect(stores.reconnect.getState().requests).toBe(requestsBefore);

    await user.clear(url);
    await user.type(url, '/mqtt');
    expect(url).not.toHaveAttribute('aria-invalid');
    await user.click(screen.getByRole('button', { name: 'Save & reconnect' }));
    expect(row('Broker URL')).toEqual({ value: '/mqtt', source: 'saved' });
  });

  it('reset to defaults drops what was saved and shows the values that apply again', async () => {
    serveConfig(JSON.stringify({ brokerUrl: 'wss://from-file/mqtt' }));
    const user = userEvent.setup();
    renderSettings();
    const url = await screen.findByLabelText('Broker URL');
    expect(url).toHaveValue('wss://from-file/mqtt');
    await user.clear(url);
    await user.type(url, 'ws://saved:1/mqtt');
    await user.type(screen.getByLabelText('Password'), 'pw');
    await user.click(screen.getByRole('checkbox', { name: 'Remember password on this device' }));
    await user.click(screen.getByRole('button', { name: 'Save & reconnect' }));
    expect(row('Broker URL').source).toBe('saved');

    await user.click(screen.getByRole('button', { name: 'Reset to defaults' }));
    expect(row('Broker URL')).toEqual({ value: 'wss://from-file/mqtt', source: 'config.json' });
    expect(row('Password')).toEqual({ value: 'not set', source: 'default' });
    expect(screen.getByLabelText('Broker URL')).toHaveValue('wss://from-file/mqtt');
    expect(screen.getByLabelText('Password')).toHaveValue('');
    expect(localStorage.length + sessionStorage.length).toBe(0);
  });

  it('shows URL parameters as the winning source, read-only state and the kiosk role', async () => {
    window.history.replaceState(null, '', '/?broker=%2Fmqtt&kiosk');
    serveConfig(JSON.stringify({ brokerUrl: 'wss://from-file/mqtt' }));
    renderSettings();
    expect(await screen.findByLabelText('Broker URL')).toHaveValue('/mqtt');
    expect(row('Broker URL')).toEqual({ value: '/mqtt', source: 'URL' });
    expect(row('Kiosk')).toEqual({ value: 'yes', source: 'URL' });
    expect(screen.getByLabelText('Broker URL')).toHaveAccessibleDescription(expect.stringContaining('The page URL sets this value'));
    expect(screen.getByText(/Read-only: nothing is published \(kiosk mode\)/)).toBeInTheDocument();
    expect(screen.getByText('kiosk')).toBeInTheDocument();
  });

  it('names a bad URL parameter instead of silently ignoring it', async () => {
    window.history.replaceState(null, '', '/?broker=mqtt%3A%2F%2Fb%3A1883&readonly=perhaps');
    serveConfig(null);
    renderSettings();
    const rejected = (await screen.findByRole('heading', { name: /Rejected values/ })).parentElement!;
    expect(within(rejected).getByText('broker').closest('li')).toHaveTextContent(/URL parameter.*ws:\/\/ or wss:\/\//);
    expect(within(rejected).getByText('readonly').closest('li')).toHaveTextContent('use readonly=1 or readonly=0, not "perhaps"');
    expect(row('Broker URL').source).toBe('default');
  });
});
