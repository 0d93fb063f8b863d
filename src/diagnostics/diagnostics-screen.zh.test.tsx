import { act, render, screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { createDiagnosticsStore } from '../broker/diagnostics-store';
import { buildOtaProgress, encodeMessage } from '../protocol/builders';
import { decode } from '../protocol/decode';
import { eventsTopic } from '../protocol/topics';
import { setLanguage } from '../ui/i18n/i18n';
import DiagnosticsScreen from './diagnostics-screen';

const progress = () => decode(eventsTopic('DOCK-1'), encodeMessage(buildOtaProgress({ bid: 'b-1', status: 'in_progress', percent: 5 })));

describe('DiagnosticsScreen in Simplified Chinese', () => {
  it('names totals, kinds, rates and the invalid log in Chinese, with grouped counts and Chinese sizes', async () => {
    await act(() => setLanguage('zh-CN', { persist: false }));
    const store = createDiagnosticsStore();
    const t0 = new Date(2026, 0, 2, 10, 20, 30, 400).getTime();
    store.getState().batchObserved(Array.from({ length: 1_500 }, progress), t0);
    store.getState().batchObserved([decode(eventsTopic('DOCK-1'), `{${'x'.repeat(2_000)}`)], t0 + 1000);
    render(<DiagnosticsScreen store={store} />);

    expect(screen.getByRole('heading', { level: 1 })).toHaveTextContent('诊断');
    expect(screen.getByRole('button', { name: '重置' })).toBeInTheDocument();
    const totals = screen.getByRole('group', { name: '消息总计' });
    expect(within(totals).getByText('已接收消息').nextElementSibling).toHaveTextContent('1,501');
    const kinds = screen.getByRole('table', { name: '按类型统计的消息' });
    expect(within(kinds).getByRole('rowheader', { name: '升级进度（ota_progress）' }).nextElementSibling).toHaveTextContent('1,500');
    expect(screen.getByRole('table', { name: '每秒消息数（最近 10 秒）' })).toHaveTextContent('其他主题');
    const log = screen.getByRole('table', { name: '最近的无效消息' });
    expect(
      within(log)
        .getAllByRole('columnheader')
        .map((h) => h.textContent),
    ).toEqual(['时间', '主题', '原因', '大小']);
    expect(within(log).getAllByRole('row')[1]).toHaveTextContent('2.0 KiB');
    expect(screen.getByText('保留最新的 200 条；更早的只计数。')).toBeInTheDocument();
  });
});
