import { act, screen, within } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createStore } from 'zustand/vanilla';
import { initialConnectionState, type ConnectionState } from '../broker/connection-store';
import { setLanguage } from '../ui/i18n/i18n';
import { dockAndDrone, kit, T0 } from '../tasks/task-scenario-test-kit';
import { formatHourMinute } from './format';
import KioskScreen from './kiosk-screen';
import { renderWithStores } from '../campaigns/campaign-stores-test-kit';

beforeEach(() => {
  vi.useFakeTimers();
  vi.setSystemTime(T0);
});

afterEach(() => {
  vi.useRealTimers();
});

function fleet() {
  const k = kit();
  for (let i = 1; i <= 5; i++)
    k.progress(`DOCK-${i}`, { bid: `b-${i}`, status: 'in_progress', percent: 40, step: 'download_firmware', subStatus: 'DOWNLOADING' });
  k.started(dockAndDrone('b-r', 'DOCK-R', 'DRONE-R'));
  k.reply('DOCK-R', 'tid-b-r', 'b-r', 312015, T0);
  return k;
}

describe('KioskScreen in Simplified Chinese', () => {
  it('shows the whole board in Chinese: header, connection, tiles, pages, cards, failures and notes', async () => {
    await act(() => setLanguage('zh-CN', { persist: false }));
    const connection = createStore<ConnectionState>(() => ({
      ...initialConnectionState,
      phase: 'connected',
      since: T0 - 60_000,
      readOnly: true,
      lastMessageAt: T0 - 65_000,
    }));
    renderWithStores(
      <KioskScreen connection={connection} search="?kiosk&gateway=DOCK&interval=x" gridShape={{ columns: 2, rows: 2, pageSize: 4 }} />,
      { tasks: fleet().store },
    );

    const header = screen.getByRole('banner');
    expect(header).toHaveTextContent('固件升级');
    expect(header).toHaveTextContent('网关 DOCK…');
    expect(header).toHaveTextContent('最近消息：1分5秒前');
    expect(screen.getByRole('status', { name: 'MQTT 服务器连接' })).toHaveTextContent('已连接');

    const tiles = screen.getByRole('group', { name: '升级概况' });
    expect(within(tiles).getByText('进行中').nextElementSibling).toHaveTextContent('5');
    expect(within(tiles).getByText('拒绝').nextElementSibling).toHaveTextContent('1');
    expect(tiles).toHaveTextContent('6 个任务');

    expect(screen.getByText('第 1 页，共 2 页')).toBeInTheDocument();
    expect(screen.getByText('设备 1–4，共 5 台')).toBeInTheDocument();
    const bar = screen.getByRole('progressbar', { name: '升级进度 DOCK-1' });
    expect(bar.getAttribute('aria-valuetext')).toMatch(/^40% · [^A-Za-z]+ · [^A-Za-z]+$/);

    const failures = screen.getByRole('list', { name: '最近失败' });
    expect(within(failures).getAllByRole('listitem')[0]).toHaveTextContent(/^DOCK-R, DRONE-R\d\d:\d\d[^A-Za-z]+312015：[^A-Za-z]+$/);
    expect(screen.getByRole('contentinfo', { name: '配置提示' })).toHaveTextContent('interval 参数“x”不是数字：每 10 秒翻页');

    act(() => connection.setState({ phase: 'reconnecting', since: T0 - 120_000, lastError: null }));
    expect(screen.getByRole('alert')).toHaveTextContent(`自 ${formatHourMinute(T0 - 120_000)} 起连接中断`);
    expect(screen.getByRole('alert')).toHaveTextContent('正在自动重连');
    expect(screen.getByText('数据可能已过时')).toBeInTheDocument();
  });
});
