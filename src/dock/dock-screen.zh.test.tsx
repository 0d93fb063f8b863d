import { act, screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { topo } from '../fleet/fleet-test-kit.ts';
import { setLanguage } from '../ui/i18n/i18n';
import { dockAndDrone, kit, T0 } from '../tasks/task-scenario-test-kit.ts';
import DockScreen from './dock-screen.tsx';
import { renderDock } from './dock-stores-test-kit.tsx';

describe('DockScreen in Simplified Chinese', () => {
  it('names the page, its tables and an upgrade’s result in Chinese', async () => {
    await act(() => setLanguage('zh-CN', { persist: false }));
    const k = kit();
    k.started(dockAndDrone('b1', 'DOCK1', 'AC1'), T0 - 60_000);
    k.progress('DOCK1', { bid: 'b1', status: 'failed', percent: 30, result: 316001 }, T0);
    const { stores } = renderDock([{ path: '/fleet/:sn', element: <DockScreen /> }], '/fleet/DOCK1', { tasks: k.store });
    act(() => stores.fleet.getState().batchReceived([topo('DOCK1', '3-2-0', [{ sn: 'AC1', model: '0-91-0' }])], Date.now()));
    expect(screen.getByRole('heading', { level: 1 })).toHaveTextContent('网关 DOCK1');
    const aircraft = within(screen.getByRole('table', { name: 'DOCK1 的设备' }))
      .getByRole('rowheader', { name: 'AC1' })
      .closest('tr');
    expect(aircraft).toHaveTextContent('子设备');
    expect(aircraft).toHaveTextContent('在拓扑中');
    expect(aircraft).not.toHaveTextContent('不在拓扑中');
    const upgrades = screen.getByRole('table', { name: 'DOCK1 的升级记录' });
    expect(within(upgrades).getByRole('link', { name: 'b1 的详情' })).toHaveTextContent('详情');
    expect(screen.getByText('此浏览器不保存升级历史；只显示内存中的升级。')).toBeInTheDocument();
  });
});
