import { act, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { createMemoryRouter, RouterProvider } from 'react-router';
import { afterEach, describe, expect, it } from 'vitest';
import { setLanguage } from '../ui/i18n/i18n';
import { renderWithStores } from '../campaigns/campaign-stores-test-kit';
import { createWorld, gatewaySn, makePlan, type World } from '../campaigns/campaign-test-kit';
import MonitorScreen from './monitor-screen';

let w: World;
afterEach(() => w.stop());

function renderMonitor(entry = '/monitor', readOnly = false) {
  const router = createMemoryRouter(
    [
      { path: '/monitor', element: <MonitorScreen readOnly={readOnly} /> },
      { path: '/campaigns/:id', element: <p>campaign page</p> },
      { path: '/tasks/:bid', element: <p>task page</p> },
    ],
    { initialEntries: [entry] },
  );
  return renderWithStores(<RouterProvider router={router} />, { campaigns: w.campaigns, tasks: w.tasks });
}

async function started(gateways = 4, options: Parameters<typeof makePlan>[1] = { maxParallel: 2 }): Promise<string> {
  // The screens read the wall clock: the world's clock starts there, so nothing looks overdue.
  w = createWorld({ clock: { now: Date.now() } });
  const id = w.campaigns.getState().campaignStarted(makePlan(gateways, options), w.clock.now);
  await w.settle();
  return id;
}

const bar = () => screen.getByRole('region', { name: 'Campaigns on the Monitor' });
const entry = () => within(bar()).getByRole('group', { name: /^Campaign / });
const stateOf = (id: string) => w.campaigns.getState().campaigns.find((c) => c.id === id)?.state;

describe('Monitor campaign bar', () => {
  it('shows a running campaign with its state, progress and figures, and pauses and resumes it from the Monitor', async () => {
    const id = await started();
    w.report(gatewaySn(1), 'in_progress', 50);
    renderMonitor();
    const e = entry();
    expect(within(e).getByRole('status', { name: 'Campaign state' })).toHaveTextContent('Running');
    // Gateway 1 at 75% (half-way through its second step) of 4 gateways.
    expect(within(e).getByRole('progressbar', { name: /^Campaign progress / })).toHaveAttribute('aria-valuenow', '19');
    expect(e).toHaveTextContent('Succeeded 0 · Failed 0 · Active 2 · Not sent yet 2');

    await userEvent.click(within(e).getByRole('button', { name: 'Pause' }));
    expect(stateOf(id)).toBe('paused');
    expect(within(entry()).getByRole('status', { name: 'Campaign state' })).toHaveTextContent(/^Paused\s*Paused by the operator$/);
    const resume = within(entry()).getByRole('button', { name: 'Resume' });
    // The same button: keyboard focus stays on it.
    expect(resume).toHaveFocus();
    await userEvent.click(resume);
    expect(stateOf(id)).toBe('running');
    expect(within(entry()).getByRole('button', { name: 'Pause' })).toBeInTheDocument();
  });

  it('says why a campaign paused itself, and opens its page', async () => {
    const id = await started(4, { maxParallel: 2, pauseAfterFailures: { count: 1 } });
    w.reject(gatewaySn(1), 312015);
    await w.settle();
    renderMonitor();
    expect(within(entry()).getByRole('status', { name: 'Campaign state' })).toHaveTextContent('Paused: 1 failure reached the limit of 1');
    expect(entry()).toHaveTextContent('Failed 1');
    const open = within(entry()).getByRole('link', { name: 'Open' });
    expect(open).toHaveAttribute('href', `/campaigns/${id}`);
    await userEvent.click(open);
    expect(await screen.findByText('campaign page')).toBeInTheDocument();
  });

  it('keeps the controls on a read-only console, disabled, with the reason', async () => {
    const id = await started();
    renderMonitor('/monitor', true);
    const pause = within(entry()).getByRole('button', { name: 'Pause' });
    expect(pause).toBeDisabled();
    expect(pause).toHaveAccessibleDescription(/Read-only console/);
    await userEvent.click(pause);
    expect(stateOf(id)).toBe('running');
  });

  it('is left out when no campaign runs or is paused, and shows a finished campaign the filter chose', async () => {
    const id = await started(1);
    w.report(gatewaySn(1), 'ok');
    await w.settle();
    expect(stateOf(id)).toBe('finished');
    const { unmount } = renderMonitor();
    expect(screen.queryByRole('region', { name: 'Campaigns on the Monitor' })).not.toBeInTheDocument();
    unmount();
    renderMonitor(`/monitor?campaign=${id}`);
    expect(within(entry()).getByRole('status', { name: 'Campaign state' })).toHaveTextContent('Finished');
    expect(within(entry()).queryByRole('button', { name: /Pause|Resume/ })).not.toBeInTheDocument();
    expect(within(entry()).getByRole('progressbar', { name: /^Campaign progress / })).toHaveAttribute('aria-valuenow', '100');
  });

  it('follows the campaign as it moves on', async () => {
    const id = await started(2, { maxParallel: 1 });
    renderMonitor();
    expect(entry()).toHaveTextContent('Active 1 · Not sent yet 1');
    await act(async () => {
      w.report(gatewaySn(1), 'ok');
      await w.settle();
    });
    expect(entry()).toHaveTextContent('Succeeded 1 · Failed 0 · Active 1');
    expect(stateOf(id)).toBe('running');
  });

  it('speaks Simplified Chinese', async () => {
    await started();
    renderMonitor();
    await act(() => setLanguage('zh-CN', { persist: false }));
    const e = within(screen.getByRole('region', { name: '监控页上的批量升级' })).getByRole('group', { name: /^批量升级 / });
    expect(within(e).getByRole('status', { name: '批量升级状态' })).toHaveTextContent('进行中');
    expect(within(e).getByRole('button', { name: '暂停' })).toBeInTheDocument();
    expect(within(e).getByRole('link', { name: '打开' })).toBeInTheDocument();
    expect(e).toHaveTextContent('成功 0 · 失败 0 · 未结束 2 · 尚未下发 2');
    expect(screen.getByRole('group', { name: '升级概况' })).toHaveTextContent('总进度0%');
  });
});
