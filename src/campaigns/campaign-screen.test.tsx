import { act, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { createMemoryRouter, RouterProvider } from 'react-router';
import { afterEach, describe, expect, it } from 'vitest';
import { setLanguage } from '../ui/i18n/i18n';
import CampaignScreen from './campaign-screen';
import { renderWithStores } from './campaign-stores-test-kit';
import { createWorld, gatewaySn, makePlan, type World } from './campaign-test-kit';

let w: World;
afterEach(() => w.stop());

function renderAt(path: string, readOnly = false) {
  const element = <CampaignScreen readOnly={readOnly} />;
  const router = createMemoryRouter(
    [
      { path: '/campaigns', element },
      { path: '/campaigns/:id', element },
    ],
    { initialEntries: [path] },
  );
  return renderWithStores(<RouterProvider router={router} />, { campaigns: w.campaigns, tasks: w.tasks });
}

async function pausedCampaign(): Promise<string> {
  w = createWorld();
  const id = w.campaigns.getState().campaignStarted(makePlan(4, { maxParallel: 2, pauseAfterFailures: { count: 1 } }), w.clock.now);
  await w.settle();
  w.reject(gatewaySn(1), 312015);
  await w.settle();
  return id;
}

describe('CampaignScreen', () => {
  it('shows Paused with the reason, the gateways and their results, and resumes on click', async () => {
    const id = await pausedCampaign();
    renderAt(`/campaigns/${id}`);
    expect(screen.getByRole('status', { name: 'Campaign state' })).toHaveTextContent('Paused: 1 failure reached the limit of 1');
    const table = screen.getByRole('table', { name: 'Gateways in this campaign' });
    const first = within(table)
      .getByRole('rowheader', { name: gatewaySn(1) })
      .closest('tr');
    expect(first).toHaveTextContent('Rejected');
    expect(first).toHaveTextContent('312015: The dock is busy');
    expect(
      within(table)
        .getByRole('rowheader', { name: gatewaySn(3) })
        .closest('tr'),
    ).toHaveTextContent('Not sent yet');
    // The rejected gateway counts as a failure, not as done: nothing has succeeded yet.
    const summary = screen.getByRole('group', { name: 'Campaign summary' });
    expect(summary).toHaveTextContent('Succeeded0');
    expect(summary).toHaveTextContent('Rejected 1');
    expect(summary).toHaveTextContent('Not sent yet2');
    expect(summary).toHaveTextContent('Overall0%');

    await userEvent.click(screen.getByRole('button', { name: 'Resume' }));
    expect(w.campaigns.getState().campaigns[0]?.state).toBe('running');
    expect(await screen.findByRole('button', { name: 'Pause' })).toBeInTheDocument();
  });

  it('keeps keyboard focus on the control across Resume / Pause and the abort question', async () => {
    const id = await pausedCampaign();
    renderAt(`/campaigns/${id}`);
    screen.getByRole('button', { name: 'Resume' }).focus();
    await userEvent.keyboard('{Enter}');
    expect(await screen.findByRole('button', { name: 'Pause' })).toHaveFocus();
    await userEvent.keyboard('{Enter}');
    expect(await screen.findByRole('button', { name: 'Resume' })).toHaveFocus();

    screen.getByRole('button', { name: 'Abort' }).focus();
    await userEvent.keyboard('{Enter}');
    expect(screen.getByRole('button', { name: 'Keep it' })).toHaveFocus();
    await userEvent.keyboard('{Enter}');
    await waitFor(() => expect(screen.getByRole('button', { name: 'Abort' })).toHaveFocus());
  });

  it('retries a failed gateway from its row', async () => {
    const id = await pausedCampaign();
    renderAt(`/campaigns/${id}`);
    await userEvent.click(screen.getByRole('button', { name: `Retry ${gatewaySn(1)}` }));
    await w.settle();
    expect(w.sentGateways().filter((g) => g === gatewaySn(1))).toHaveLength(2);
    expect(screen.queryByRole('button', { name: 'Retry failed' })).not.toBeInTheDocument();
  });

  it('asks before aborting, then stops sending', async () => {
    const id = await pausedCampaign();
    renderAt(`/campaigns/${id}`);
    await userEvent.click(screen.getByRole('button', { name: 'Abort' }));
    expect(w.campaigns.getState().campaigns[0]?.state).toBe('paused');
    await userEvent.click(within(screen.getByRole('group', { name: 'Confirm abort' })).getByRole('button', { name: 'Abort campaign' }));
    expect(w.campaigns.getState().campaigns[0]?.state).toBe('aborted');
    expect(screen.getByRole('status', { name: 'Campaign state' })).toHaveTextContent('Aborted');
    expect(screen.queryByRole('button', { name: /Retry/ })).not.toBeInTheDocument();
  });

  it('shows the controls disabled, with why, in a read-only session', async () => {
    const id = await pausedCampaign();
    renderAt(`/campaigns/${id}`, true);
    expect(screen.getByRole('button', { name: 'Resume' })).toBeDisabled();
    expect(screen.getByRole('button', { name: 'Resume' })).toHaveAccessibleDescription(
      'Read-only console: campaigns cannot be changed here.',
    );
    expect(screen.getByRole('button', { name: `Retry ${gatewaySn(1)}` })).toBeDisabled();
    expect(screen.getByRole('button', { name: 'Export CSV' })).toBeInTheDocument();
  });

  it('lists campaigns with a link to each', async () => {
    const id = await pausedCampaign();
    renderAt('/campaigns');
    expect(screen.getByRole('link', { name: /DJI Dock → 10\.1\.0, 4 gateways/ })).toHaveAttribute('href', `/campaigns/${id}`);
    expect(screen.getByRole('list', { name: 'Campaigns' })).toHaveTextContent('Paused');
  });

  it('speaks Simplified Chinese: state, reason, table, controls, locale-formatted figures and dates', async () => {
    const id = await pausedCampaign();
    await act(() => setLanguage('zh-CN', { persist: false }));
    renderAt(`/campaigns/${id}`);
    expect(screen.getByRole('heading', { level: 1 })).toHaveTextContent('批量升级 DJI Dock → 10.1.0（4 个网关）');
    const state = screen.getByRole('status', { name: '批量升级状态' });
    expect(state).toHaveTextContent('已暂停');
    expect(state).toHaveTextContent('已暂停：1 次失败，达到上限 1');
    const table = screen.getByRole('table', { name: '此批量升级中的网关' });
    expect(within(table).getByRole('columnheader', { name: '尝试次数' })).toBeInTheDocument();
    const first = within(table)
      .getByRole('rowheader', { name: gatewaySn(1) })
      .closest('tr');
    expect(first).toHaveTextContent('拒绝');
    expect(first).toHaveTextContent('312015：机场忙碌中');
    expect(within(table).getByRole('button', { name: `重试 ${gatewaySn(1)}` })).toBeInTheDocument();
    expect(
      within(table)
        .getByRole('rowheader', { name: gatewaySn(3) })
        .closest('tr'),
    ).toHaveTextContent('尚未下发');
    const summary = screen.getByRole('group', { name: '批量升级概况' });
    expect(summary).toHaveTextContent('总进度0%');
    expect(summary).toHaveTextContent(/已用时间\d+(小时|分|秒)/);
    expect(screen.getByRole('progressbar', { name: '批量升级进度' })).toHaveAttribute('aria-valuetext', '0% · 已暂停');
    expect(screen.getByText('并发上限：每次 2 个 · 失败暂停阈值：1')).toBeInTheDocument();
    expect(screen.getByRole('button', { name: '继续' })).toBeInTheDocument();
    await userEvent.click(screen.getByRole('button', { name: '中止' }));
    expect(screen.getByRole('group', { name: '确认中止' })).toHaveTextContent('将不再下发新的升级');
    expect(screen.getByRole('button', { name: '导出 CSV' })).toBeInTheDocument();
  });

  it('lists campaigns in Simplified Chinese with the date in the Chinese format', async () => {
    await pausedCampaign();
    await act(() => setLanguage('zh-CN', { persist: false }));
    renderAt('/campaigns');
    expect(screen.getByRole('heading', { level: 1 })).toHaveTextContent('批量升级');
    expect(screen.getByRole('list', { name: '批量升级' })).toHaveTextContent(/已暂停 · 开始于 \d{4}\/\d{2}\/\d{2} /);
  });

  it('points to the Upgrade screen when there is no campaign, in either language', async () => {
    w = createWorld();
    renderAt('/campaigns');
    expect(screen.getByText(/No campaigns yet/)).toHaveTextContent('No campaigns yet. Start one from the Upgrade screen.');
    expect(screen.getByRole('link', { name: 'Upgrade' })).toHaveAttribute('href', '/upgrade');
    await act(() => setLanguage('zh-CN', { persist: false }));
    expect(screen.getByRole('link', { name: '升级' })).toHaveAttribute('href', '/upgrade');
  });
});
