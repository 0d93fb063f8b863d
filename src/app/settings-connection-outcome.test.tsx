import { act, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { errorState } from '../broker/broker-error';
import type { ConnectionState } from '../broker/connection-store';
import { setLanguage } from '../ui/i18n/i18n';
import { createTestStores, renderWithStores } from './app-test-kit';
import type { AppStores } from './app-context';
import SettingsScreen from './settings-screen';

let stores: AppStores;

beforeEach(() => {
  localStorage.clear();
  sessionStorage.clear();
  vi.stubGlobal(
    'fetch',
    vi.fn(async () => new Response('Not found', { status: 404 })),
  );
  stores = createTestStores();
  window.history.replaceState(null, '', '/');
});

afterEach(() => {
  vi.unstubAllGlobals();
});

const URL_TRIED = 'ws://localhost:9999/mqtt';
/** What the session reports after the save: a phase change, at a time after it. */
const setConnection = (state: Partial<ConnectionState>) => act(() => stores.broker.connection.setState({ since: Date.now(), ...state }));

/** Saves the form as it is and returns the live region that reports the save. */
async function save() {
  const user = userEvent.setup();
  renderWithStores(<SettingsScreen />, stores);
  await user.click(await screen.findByRole('button', { name: 'Save & reconnect' }));
  const notice = screen.getByText('Saved; the password is kept until this tab closes. Reconnecting…');
  const region = notice.closest<HTMLElement>('[role="status"]')!;
  return { notice, region };
}

/** The "This console" summary's connection line: its term and its value. */
function summaryConnection() {
  const list = within(screen.getByRole('region', { name: 'This console' }));
  const term = list.getAllByRole('term').find((t) => /^Connect/.test(t.textContent))!;
  return { term: term.textContent, value: term.nextElementSibling!.textContent };
}

describe('Settings: what the connection actually did', () => {
  it('a refused connection after a save is said as refused, in red, never as connected to the URL', async () => {
    const { notice, region } = await save();
    expect(notice).not.toHaveClass('text-green-800');
    setConnection({ phase: 'reconnecting', url: URL_TRIED, ...errorState({ kind: 'refused' }) });
    const outcome = within(region).getByText('Refused: Connection refused');
    expect(outcome).toHaveClass('text-red-800');
    expect(region).not.toHaveTextContent(URL_TRIED);
    expect(summaryConnection()).toEqual({ term: 'Connection', value: 'Refused: Connection refused' });
  });

  it('says not authorized with the broker reason and where to look', async () => {
    const { region } = await save();
    setConnection({ phase: 'reconnecting', url: URL_TRIED, ...errorState({ kind: 'connack', code: 4 }) });
    expect(region).toHaveTextContent('Not authorized: Bad username or password. Check the username and password.');
    expect(summaryConnection().value).not.toContain(URL_TRIED);
  });

  it('says not authorized when the broker refused the login by closing the WebSocket (RabbitMQ: 1002 unauthenticated)', async () => {
    const { region } = await save();
    setConnection({
      phase: 'disconnected',
      url: URL_TRIED,
      protocolVersion: null,
      ...errorState({ kind: 'socketClosed', code: 1002, reason: 'unauthenticated' }),
    });
    const outcome = within(region).getByText(
      'Not authorized: The broker closed the WebSocket (code 1002: unauthenticated). Check the username and password.',
    );
    expect(outcome).toHaveClass('text-red-800');
    expect(summaryConnection()).toEqual({ term: 'Connection', value: outcome.textContent });
  });

  it('says which MQTT version the connection uses once connected, 3.1.1 included', async () => {
    const { region } = await save();
    setConnection({ phase: 'connected', url: URL_TRIED, protocolVersion: 4, ...errorState(null) });
    expect(within(region).getByText(`Connected to ${URL_TRIED} (MQTT 3.1.1)`)).toHaveClass('text-green-800');
  });

  it('says Connecting while it tries, then Connected with the URL and protocol once connected', async () => {
    const { region } = await save();
    setConnection({ phase: 'connecting', url: URL_TRIED, ...errorState(null) });
    expect(region).toHaveTextContent('Connecting…');
    expect(summaryConnection()).toEqual({ term: 'Connection', value: 'Connecting…' });
    setConnection({ phase: 'connected', url: URL_TRIED, protocolVersion: 5 });
    expect(within(region).getByText(`Connected to ${URL_TRIED} (MQTT 5)`)).toHaveClass('text-green-800');
    expect(summaryConnection()).toEqual({ term: 'Connected to', value: `Connected to ${URL_TRIED} (MQTT 5)` });
  });

  it('does not take the old session, still connected to the old URL, for what the save did', async () => {
    const OLD_URL = 'ws://old.example:8083/mqtt';
    setConnection({ phase: 'connected', url: OLD_URL, protocolVersion: 5, since: Date.now() - 60_000 });
    const { region } = await save();
    expect(region).toHaveTextContent('Connecting…');
    expect(region).not.toHaveTextContent(OLD_URL);
    setConnection({ phase: 'disconnected', ...errorState(null) });
    setConnection({ phase: 'connecting', url: URL_TRIED });
    expect(region).toHaveTextContent('Connecting…');
    setConnection({ phase: 'connected', url: URL_TRIED, protocolVersion: 4 });
    expect(region).toHaveTextContent(`Connected to ${URL_TRIED} (MQTT 3.1.1)`);
  });

  it('a lost connection is said as not connected, with its reason', async () => {
    const { region } = await save();
    setConnection({ phase: 'reconnecting', url: URL_TRIED, ...errorState({ kind: 'lost' }) });
    expect(region).toHaveTextContent('Not connected: Connection lost');
  });

  it('speaks Chinese', async () => {
    const { region } = await save();
    setConnection({ phase: 'reconnecting', url: URL_TRIED, ...errorState({ kind: 'connack', code: 5 }) });
    await act(() => setLanguage('zh-CN', { persist: false }));
    expect(region).toHaveTextContent('未获授权：未授权。请检查用户名和密码。');
    await act(() => setLanguage('en', { persist: false }));
  });
});
