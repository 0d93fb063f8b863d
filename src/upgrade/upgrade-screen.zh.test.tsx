import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { act, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { MemoryRouter } from 'react-router';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { osd, state, topo } from '../fleet/fleet-test-kit';
import { setLanguage } from '../ui/i18n/i18n';
import { createCampaignsStore } from '../campaigns/campaign-store';
import UpgradeScreen from './upgrade-screen';
import { createUpgradeStores, renderWithStores, type UpgradeStores } from './upgrade-stores-test-kit';

const DOCK_ENTRY = {
  id: 'dock2-new',
  model: '3-2-0',
  product_name: 'DJI Dock 2',
  product_version: '10.01.2000',
  file_name: 'dock2-10.01.2000.bin',
  file_url: 'files/dock2.bin',
  file_size: 1_572_864,
  md5: 'd1c9dacec124abd350379eb44b9143e5',
  release_notes: '',
  released_at: null,
};

let stores: UpgradeStores;

function renderScreen() {
  const client = new QueryClient({ defaultOptions: { queries: { retry: false } } });
  return renderWithStores(
    <QueryClientProvider client={client}>
      <MemoryRouter>
        <UpgradeScreen catalogUrl="firmware/catalog.json" />
      </MemoryRouter>
    </QueryClientProvider>,
    stores,
  );
}

beforeEach(() => {
  vi.stubGlobal(
    'fetch',
    vi.fn(async () => Response.json({ firmware: [DOCK_ENTRY] })),
  );
  stores = createUpgradeStores({ campaigns: createCampaignsStore(() => 'campaign-zh') });
  stores.fleet
    .getState()
    .batchReceived(
      [
        topo('DOCK1', '3-2-0'),
        state('DOCK1', { firmwareVersion: '10.01.1000' }),
        topo('DOCK2', '3-2-0'),
        state('DOCK2', { firmwareVersion: '10.01.1500' }),
        osd('DOCK2', 3),
        topo('DOCK3', '3-2-0'),
        state('DOCK3', { firmwareVersion: '10.01.2000' }),
      ],
      Date.now(),
    );
});

afterEach(() => {
  vi.unstubAllGlobals();
});

describe('UpgradeScreen in Simplified Chinese', () => {
  it('names the groups, gateways, preview, skip reasons, options and the start in Chinese, with sizes formatted', async () => {
    await act(() => setLanguage('zh-CN', { persist: false }));
    const user = userEvent.setup({ delay: null });
    renderScreen();
    expect(screen.getByRole('heading', { level: 1, name: '升级' })).toBeInTheDocument();
    const group = await screen.findByRole('radiogroup', { name: 'DJI Dock 2（3-2-0）的固件' });
    expect(within(group).getByRole('radio', { name: '不升级' })).toBeChecked();
    expect(group).toHaveTextContent('1.5 MiB');
    const start = screen.getByRole('button', { name: '开始升级' });
    expect(start).toHaveAccessibleDescription('请先选择固件。');

    await user.click(within(group).getByRole('radio', { name: /dock2-10\.01\.2000\.bin/ }));
    expect(start).toHaveAccessibleDescription('请至少选择一个网关。');
    const list = screen.getByRole('list', { name: '可选网关' });
    expect(within(list).getByText('跳过：已是目标版本（DOCK3 10.01.2000）')).toBeInTheDocument();
    expect(within(list).getByText('跳过：忙碌：DOCK2 上报正在升级（osd mode_code 3）')).toBeInTheDocument();
    expect(within(list).getByText('将升级 DOCK1 至 10.01.2000')).toBeInTheDocument();

    for (const sn of ['DOCK1', 'DOCK2', 'DOCK3']) await user.click(screen.getByRole('checkbox', { name: `选择网关 ${sn}` }));
    expect(screen.getByText('已选 3 / 3')).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: '升级预演（已选 3 个）' }));
    expect(screen.getByRole('heading', { name: '升级预演' })).toBeInTheDocument();
    expect(screen.getByText('将发送 1 条 ota_create（1 台设备），跳过 2 个已选网关。')).toBeInTheDocument();
    expect(screen.getByRole('group', { name: '跳过 DOCK3' })).toHaveTextContent('已是目标版本（DOCK3 10.01.2000）');

    const parallel = screen.getByRole('textbox', { name: '最大并行升级数' });
    await user.type(parallel, '0');
    expect(parallel).toBeInvalid();
    expect(start).toHaveAccessibleDescription('请修正批量升级选项：最大并行升级数必须至少为 1 或留空。');
    await user.clear(parallel);
    await user.type(screen.getByRole('textbox', { name: '失败后暂停' }), '12.5%');

    await user.click(start);
    const dialog = screen.getByRole('dialog', { name: '开始升级？' });
    expect(dialog).toHaveTextContent('将升级 1 个网关（1 台设备），使用：');
    expect(dialog).toHaveTextContent('DJI Dock 2 版本 10.01.2000（dock2-10.01.2000.bin）');
    expect(dialog).toHaveTextContent('并行升级数不限；失败达 12.5% 后暂停。');
    expect(within(dialog).getByRole('button', { name: '取消' })).toHaveFocus();
  });

  it('switches a mounted screen between English and Chinese, memoised rows included', async () => {
    const user = userEvent.setup({ delay: null });
    renderScreen();
    const group = await screen.findByRole('radiogroup', { name: 'Firmware for DJI Dock 2 (3-2-0)' });
    await user.click(within(group).getByRole('radio', { name: /dock2-10\.01\.2000\.bin/ }));
    await user.click(screen.getByRole('checkbox', { name: 'Select gateway DOCK3' }));
    await user.click(screen.getByRole('button', { name: 'Dry-run preview (1 selected)' }));
    expect(screen.getByRole('group', { name: 'Skip DOCK3' })).toHaveTextContent('Already on the target version (DOCK3 10.01.2000)');

    await act(() => setLanguage('zh-CN', { persist: false }));
    expect(screen.getByRole('radiogroup', { name: 'DJI Dock 2（3-2-0）的固件' })).toBeInTheDocument();
    expect(screen.getByRole('group', { name: '跳过 DOCK3' })).toHaveTextContent('已是目标版本（DOCK3 10.01.2000）');
    await user.click(screen.getByRole('button', { name: '网关' }));
    expect(screen.getByRole('checkbox', { name: '选择网关 DOCK3' })).toBeChecked();
    expect(screen.getByRole('button', { name: '开始升级' })).toHaveAccessibleDescription(
      '无可发送内容：所有已选网关均被跳过（原因见预演）。',
    );

    await act(() => setLanguage('en', { persist: false }));
    expect(screen.getByRole('checkbox', { name: 'Select gateway DOCK3' })).toBeChecked();
    expect(screen.getByRole('button', { name: 'Start upgrade' })).toHaveAccessibleDescription(
      'Nothing to send: every selected gateway is skipped (see the preview for why).',
    );
  });
});
