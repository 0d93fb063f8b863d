import { act, screen, within } from '@testing-library/react';
import { createMemoryRouter, RouterProvider } from 'react-router';
import { describe, expect, it } from 'vitest';
import { setLanguage } from '../ui/i18n/i18n';
import { dockAndDrone, kit, T0 } from '../tasks/task-scenario-test-kit';
import MonitorScreen from './monitor-screen';
import type { TasksStore } from '../tasks/tasks-state';
import { renderWithStores } from '../campaigns/campaign-stores-test-kit';

function renderMonitor(store: TasksStore) {
  const router = createMemoryRouter([{ path: '/monitor', element: <MonitorScreen /> }], { initialEntries: ['/monitor'] });
  return renderWithStores(<RouterProvider router={router} />, { tasks: store });
}

describe('MonitorScreen in Simplified Chinese', () => {
  it('names the screen, filters, tiles and rows in Chinese, with Chinese protocol labels in the progressbar text', async () => {
    const k = kit();
    k.started(dockAndDrone('b-1', 'DOCK-A', 'DRONE-A'));
    k.progress('DOCK-A', {
      bid: 'b-1',
      status: 'in_progress',
      subStatus: 'DOWNLOADING',
      step: 'download_firmware',
      percent: 40,
      rate: 2_000_000,
    });
    k.progress('DOCK-X', { bid: 'foreign', status: 'failed', subStatus: 'DOWNLOAD_FAILED', step: 'download_firmware', percent: 3 }, T0 + 1);
    renderMonitor(k.store);
    expect(screen.getByRole('progressbar', { name: 'Upgrade progress DOCK-A' })).toBeInTheDocument();

    await act(() => setLanguage('zh-CN', { persist: false }));

    expect(screen.getByRole('heading', { name: '监控' })).toBeInTheDocument();
    expect(screen.getByRole('searchbox', { name: '搜索设备' })).toHaveAttribute('placeholder', '网关或设备序列号');
    expect(screen.getByRole('combobox', { name: '排序方式' })).toHaveDisplayValue('状态（需处理的在前）');
    const stateFilter = screen.getByRole('combobox', { name: '状态' });
    expect(within(stateFilter).getByRole('option', { name: '进行中' })).toBeInTheDocument();
    expect(within(stateFilter).getByRole('option', { name: '版本不符' })).toBeInTheDocument();

    const tiles = screen.getByRole('group', { name: '升级概况' });
    expect(within(tiles).getByText('任务').nextElementSibling).toHaveTextContent('2');
    expect(within(tiles).getByText('失败').nextElementSibling).toHaveTextContent('1');
    expect(screen.getByRole('status', { name: '显示的设备' })).toHaveTextContent('3 台设备');

    const bar = screen.getByRole('progressbar', { name: '升级进度 DOCK-A' });
    expect(bar).toHaveAttribute('aria-valuetext', '40% · 进行中 · 下载中');
    expect(screen.getByRole('progressbar', { name: '升级进度 DOCK-X' })).toHaveAttribute('aria-valuetext', '3% · 失败 · 下载失败');
    const row = bar.closest<HTMLElement>('[role="listitem"]')!;
    expect(row).toHaveTextContent('下载固件');
    // 60% of the 120 MB of both files left, at 2 MB/s, as a Chinese duration.
    expect(row).toHaveTextContent('预计剩余 36秒');
    expect(within(row).getByRole('img', { name: '升级到' })).toBeInTheDocument();
    expect(screen.getByRole('progressbar', { name: '升级进度 DOCK-X' }).closest('[role="listitem"]')).toHaveTextContent('在别处发起');
    expect(screen.queryByText(/Started elsewhere|In Progress|Downloading/)).toBeNull();
  });

  it('says there is nothing yet in Chinese', async () => {
    await act(() => setLanguage('zh-CN', { persist: false }));
    renderMonitor(kit().store);
    expect(screen.getByRole('status', { name: '显示的设备' })).toHaveTextContent(/^尚未发现任何升级/);
  });
});
