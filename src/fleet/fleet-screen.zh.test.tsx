import { act, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { setLanguage } from '../ui/i18n/i18n';
import FleetScreen from './fleet-screen.tsx';
import { renderWithFleet } from './fleet-stores-test-kit.tsx';
import { createFleetStore, type FleetStore } from './fleet-store.ts';
import { state, topo } from './fleet-test-kit.ts';

let fleetStore: FleetStore;

// jsdom has no layout: a viewport and row heights for the virtualizer (as in fleet-screen.test.tsx).
beforeEach(() => {
  vi.spyOn(Element.prototype, 'clientHeight', 'get').mockReturnValue(900);
  vi.spyOn(Element.prototype, 'clientWidth', 'get').mockReturnValue(1000);
  vi.spyOn(HTMLElement.prototype, 'offsetHeight', 'get').mockImplementation(function (this: HTMLElement) {
    return this.hasAttribute('data-index') ? 90 : 900;
  });
  localStorage.clear();
  fleetStore = createFleetStore();
});

afterEach(() => {
  vi.restoreAllMocks();
});

const chinese = () => act(() => setLanguage('zh-CN', { persist: false }));

describe('FleetScreen in Simplified Chinese', () => {
  it('names the table, columns, devices, firmware and liveness in Chinese, with a grouped gateway count', async () => {
    await chinese();
    renderWithFleet(<FleetScreen />, fleetStore);
    act(() => {
      fleetStore
        .getState()
        .batchReceived(
          [
            topo('DOCK1', '3-2-0', [{ sn: 'AC1', model: '0-91-1' }]),
            state('AC1', { firmwareVersion: '07.00.0100', compatibleStatus: 1 }, 'DOCK1'),
          ],
          Date.now(),
        );
      fleetStore.getState().gatewaysImported(Array.from({ length: 1_000 }, (_, i) => `Z${String(i).padStart(5, '0')}`));
    });
    expect(screen.getByRole('heading', { level: 1 })).toHaveTextContent('设备');
    expect(screen.getByText('1,001 个网关')).toBeInTheDocument();
    const table = screen.getByRole('table', { name: '网关' });
    expect(within(table).getAllByRole('columnheader')).toHaveLength(5);
    for (const name of ['网关', /^设备/, '连接', '升级', '操作'])
      expect(within(table).getByRole('columnheader', { name })).toBeInTheDocument();
    const devices = within(table).getByRole('list', { name: 'DOCK1 的设备' });
    const aircraft = within(devices)
      .getAllByRole('listitem')
      .find((li) => li.textContent.startsWith('飞行器'));
    expect(aircraft).toHaveTextContent('固件 07.00.0100');
    expect(aircraft).toHaveTextContent('需要一致性升级');
    const row = devices.closest('[role="row"]') as HTMLElement;
    expect(row).toHaveTextContent('在线');
    expect(row).toHaveTextContent('最近上报：刚刚');
    expect(within(row).getByRole('button', { name: '移除网关 DOCK1' })).toHaveTextContent('移除');
  });

  it('words SN errors and the import report in Chinese, and re-words a shown report on a language switch', async () => {
    const user = userEvent.setup();
    renderWithFleet(<FleetScreen />, fleetStore);
    await user.type(screen.getByRole('textbox', { name: 'Gateway SN' }), 'A/B');
    await user.click(screen.getByRole('button', { name: 'Add gateway' }));
    await user.click(screen.getByRole('textbox', { name: 'Gateway list (CSV or JSON)' }));
    await user.paste('sn\nDOCK1\nDOCK1\nBAD#3\nDOCK4');
    await user.click(screen.getByRole('button', { name: 'Import list' }));
    expect(screen.getByRole('region', { name: 'Import report' })).toHaveTextContent(
      'Added 2 gateways from the pasted list; 1 duplicate skipped; 1 line with errors.',
    );

    await chinese();
    const input = screen.getByRole('textbox', { name: '网关序列号' });
    expect(input).toHaveAccessibleDescription(expect.stringContaining('序列号包含“/”（它在 MQTT 主题中有特殊含义）'));
    const report = screen.getByRole('region', { name: '导入报告' });
    expect(report).toHaveTextContent('已从粘贴的列表添加 2 个网关；跳过 1 个重复项；1 行有错误。');
    const lines = within(within(report).getByRole('list', { name: '未导入的行' }))
      .getAllByRole('listitem')
      .map((li) => li.textContent);
    expect(lines).toEqual([
      '重复：第 3 行：与第 2 行重复',
      '错误：第 4 行：序列号包含“#”（它在 MQTT 主题中有特殊含义）；只允许字母、数字、“-”和“_”',
    ]);

    await user.click(screen.getByRole('button', { name: '移除网关 DOCK1' }));
    const dialog = screen.getByRole('dialog', { name: '移除网关 DOCK1？' });
    expect(within(dialog).getByRole('button', { name: '取消' })).toHaveFocus();
    expect(within(dialog).getByRole('button', { name: '移除' })).toBeInTheDocument();
  });

  it('words the overview, its chart table and the filters in Chinese', async () => {
    await chinese();
    renderWithFleet(<FleetScreen newestVersions={new Map([['3-2-0', '10.02.0002']])} />, fleetStore);
    act(() => {
      fleetStore.getState().batchReceived([topo('DOCK1', '3-2-0'), state('DOCK1', { firmwareVersion: '10.01.0001' })], Date.now());
    });
    const figure = screen.getByRole('figure', { name: 'DJI Dock 2（3-2-0）：固件版本' });
    expect(figure).toHaveTextContent('1 台设备 · 1 台在线 · 0 台离线 · 0 台升级中 · 1 台不是最新版本（10.02.0002）');
    const versions = within(figure).getByRole('table', { name: 'DJI Dock 2（3-2-0）的固件版本' });
    expect(within(versions).getByRole('rowheader', { name: '10.02.0002 最新' })).toBeInTheDocument();
    expect(within(versions).getByRole('button', { name: '只显示 10.01.0001 版本的 DJI Dock 2' })).toHaveTextContent('显示');
    const filters = screen.getByRole('search', { name: '筛选网关' });
    expect(within(filters).getByRole('combobox', { name: '型号' })).toBeInTheDocument();
    expect(within(filters).getByRole('checkbox', { name: '不是最新版本' })).toBeInTheDocument();
    expect(within(filters).getByRole('status')).toHaveTextContent('显示 1 / 1 个网关');
  });
});
