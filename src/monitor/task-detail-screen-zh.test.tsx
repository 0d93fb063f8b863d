import { act, screen, within } from '@testing-library/react';
import { createMemoryRouter, RouterProvider } from 'react-router';
import { describe, expect, it } from 'vitest';
import { setLanguage } from '../ui/i18n/i18n';
import { formatDateTime } from '../ui/i18n/format';
import { dockAndDrone, kit, T0 } from '../tasks/task-scenario-test-kit';
import TaskDetailScreen from './task-detail-screen';
import type { TasksStore } from '../tasks/tasks-state';
import { renderWithStores } from '../campaigns/campaign-stores-test-kit';

function renderDetail(store: TasksStore, bid: string) {
  const router = createMemoryRouter([{ path: '/tasks/:bid', element: <TaskDetailScreen /> }], {
    initialEntries: [`/tasks/${encodeURIComponent(bid)}`],
  });
  return renderWithStores(<RouterProvider router={router} />, { tasks: store });
}

function fact(label: string): string {
  return screen.getByText(label, { selector: 'dt' }).nextElementSibling?.textContent ?? '';
}

describe('TaskDetailScreen in Simplified Chinese', () => {
  it('shows facts, devices and the timeline in Chinese with Chinese dates and protocol labels', async () => {
    const k = kit();
    k.started(dockAndDrone('b-1', 'DOCK-A', 'DRONE-A'), T0);
    k.reply('DOCK-A', 'tid-b-1', 'b-1', 0, T0);
    k.progress(
      'DOCK-A',
      { bid: 'b-1', status: 'failed', subStatus: 'DOWNLOAD_FAILED', step: 'download_firmware', percent: 21, result: 312016 },
      T0 + 1000,
    );
    renderDetail(k.store, 'b-1');
    await act(() => setLanguage('zh-CN', { persist: false }));

    expect(screen.getByRole('heading', { level: 1 })).toHaveTextContent('DOCK-A → DJI Dock 2 10.02.0002和Mavic 3D 08.01.0001');
    const outcome = screen.getByRole('region', { name: '经过' });
    expect(outcome).toHaveTextContent('机场已接受；随后失败：312016：机场与飞行器之间传输异常');
    expect(outcome).toHaveTextContent('处理建议请确认飞行器在机场内、已开机并与机场连接，然后重试。');
    expect(screen.getByRole('link', { name: '← 监控' })).toBeInTheDocument();
    expect(fact('状态')).toContain('失败');
    expect(fact('发起方')).toBe('本控制台');
    expect(fact('命令')).toBe('已接受');
    expect(fact('机场应答')).toBe('已接受（结果 0）');
    expect(fact('创建时间')).toBe(formatDateTime(T0, 'zh-CN'));
    expect(fact('创建时间')).toMatch(/^\d{4}\/\d{2}\/\d{2} /);

    const devices = screen.getByRole('table', { name: '设备' });
    expect(within(devices).getByRole('columnheader', { name: '目标版本' })).toBeInTheDocument();

    const timeline = screen.getByRole('table', { name: '时间线（1 个事件）' });
    const row = within(timeline).getAllByRole('row')[1]!;
    expect(row).toHaveTextContent('失败');
    expect(row).toHaveTextContent('下载失败');
    expect(row).toHaveTextContent('下载固件');
    expect(row).toHaveTextContent('机场与飞行器之间传输异常');
    expect(within(row).getByText('原始 JSON')).toBeInTheDocument();
    expect(within(row).getByRole('button', { name: '复制 JSON' })).toBeInTheDocument();
  });

  it('says the task is unknown in Chinese', async () => {
    await act(() => setLanguage('zh-CN', { persist: false }));
    renderDetail(kit().store, 'nope');
    expect(screen.getByText(/^此处没有该 ID 的任务/)).toBeInTheDocument();
  });
});
