import { act, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { createMemoryRouter, RouterProvider } from 'react-router';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { i18n, setLanguage } from '../ui/i18n/i18n';
import { describeConfigFile, type ConfigFileResult } from './config/load-config-file';
import { en } from './locales/en';
import { createTestStores, renderWithStores } from './app-test-kit';
import type { AppStores } from './app-context';
import { Layout } from './layout';
import SettingsScreen from './settings-screen';

function renderShell() {
  vi.stubGlobal(
    'fetch',
    vi.fn(async () => new Response('', { status: 404 })),
  );
  const router = createMemoryRouter([{ path: '/', element: <Layout />, children: [{ index: true, element: <SettingsScreen /> }] }]);
  return renderWithStores(<RouterProvider router={router} />, stores);
}

let stores: AppStores;

beforeEach(() => {
  stores = createTestStores();
  stores.broker.connection.setState({ phase: 'connected' });
  window.history.replaceState(null, '', '/');
});

afterEach(() => {
  vi.unstubAllGlobals();
});

describe('the shell in both languages', () => {
  it('the Settings language switch turns navigation, connection state and settings Chinese, and back', async () => {
    const user = userEvent.setup();
    renderShell();
    const language = await screen.findByRole('combobox', { name: 'Language' });
    await user.selectOptions(language, '简体中文');
    expect(await screen.findByRole('combobox', { name: '语言' })).toHaveValue('zh-CN');
    expect(document.documentElement.lang).toBe('zh-CN');
    const nav = screen.getByRole('navigation', { name: '主导航' });
    expect(
      within(nav)
        .getAllByRole('link')
        .map((a) => a.textContent),
    ).toEqual(['升级', '监控', '批量升级', '设备', '固件', '设置', '诊断']);
    expect(screen.getByRole('status', { name: 'MQTT 服务器连接' })).toHaveTextContent(/^已连接$/);
    expect(screen.getByRole('heading', { level: 1 })).toHaveTextContent('设置');
    expect(screen.getByText(/没有 config\.json（HTTP 404）/)).toBeInTheDocument();
    expect(screen.getByRole('rowheader', { name: '服务器地址' })).toBeInTheDocument();

    await user.selectOptions(screen.getByRole('combobox', { name: '语言' }), 'English');
    expect(await screen.findByRole('status', { name: 'Broker connection' })).toHaveTextContent(/^Connected$/);
    expect(within(screen.getByRole('navigation', { name: 'Main' })).getByRole('link', { name: 'Upgrade' })).toBeInTheDocument();
    expect(document.documentElement.lang).toBe('en');
  });

  it('a phase change while Chinese is shown reads in Chinese', async () => {
    renderShell();
    await act(() => setLanguage('zh-CN', { persist: false }));
    act(() => stores.broker.connection.setState({ phase: 'reconnecting' }));
    expect(screen.getByRole('status', { name: 'MQTT 服务器连接' })).toHaveTextContent(/^重新连接中$/);
    expect(i18n.language).toBe('zh-CN');
  });

  it('the English config-file texts are describeConfigFile word for word', () => {
    const cases: [ConfigFileResult, string][] = [
      [{ kind: 'loaded', layer: {}, issues: [], unknownKeys: [] }, en.configFile.loaded],
      [{ kind: 'missing', status: 404 }, en.configFile.missing.replace('{{status}}', '404')],
      [{ kind: 'not-json', contentType: 'text/html' }, en.configFile.notJson],
      [{ kind: 'malformed', message: 'bad' }, en.configFile.malformed.replace('{{message}}', 'bad')],
      [{ kind: 'unreachable', message: 'down' }, en.configFile.unreachable.replace('{{message}}', 'down')],
    ];
    for (const [result, text] of cases) expect(describeConfigFile(result)).toBe(text);
  });
});
