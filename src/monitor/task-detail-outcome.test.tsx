import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { createMemoryRouter, RouterProvider } from 'react-router';
import { afterEach, describe, expect, it } from 'vitest';
import { dockAndDrone, kit } from '../tasks/task-scenario-test-kit';
import TaskDetailScreen from './task-detail-screen';
import type { TasksStore } from '../tasks/tasks-state';
import { renderWithStores } from '../campaigns/campaign-stores-test-kit';
import type { CampaignsStore } from '../campaigns/campaign-store';
import { createWorld, gatewaySn, makePlan, type World } from '../campaigns/campaign-test-kit';

function renderDetail(bid: string, stores: { tasks: TasksStore; campaigns?: CampaignsStore }, readOnly = false) {
  const router = createMemoryRouter([{ path: '/tasks/:bid', element: <TaskDetailScreen readOnly={readOnly} /> }], {
    initialEntries: [`/tasks/${encodeURIComponent(bid)}`],
  });
  return renderWithStores(<RouterProvider router={router} />, stores);
}

const outcome = () => screen.getByRole('region', { name: 'What happened' });

let w: World | null = null;
afterEach(() => {
  w?.stop();
  w = null;
});

describe('task page: what happened', () => {
  it('is titled by the device and the firmware, not the bid', () => {
    const k = kit();
    k.started(dockAndDrone('b-uuid-1', 'DOCK-A', 'DRONE-A'));
    renderDetail('b-uuid-1', { tasks: k.store });
    expect(screen.getByRole('heading', { level: 1 })).toHaveTextContent('DOCK-A → DJI Dock 2 10.02.0002 and Mavic 3D 08.01.0001');
  });

  it('tells the reply and the progress apart, and never says Success beside a failure', () => {
    const k = kit();
    k.started(dockAndDrone('b1', 'DOCK-A', 'DRONE-A'));
    k.reply('DOCK-A', 'tid-b1', 'b1', 0);
    k.progress('DOCK-A', { bid: 'b1', status: 'failed', subStatus: 'DOWNLOAD_FAILED', step: 'download_firmware', percent: 21 });
    renderDetail('b1', { tasks: k.store });
    expect(outcome()).toHaveTextContent('Accepted by the dock; then Failed: Download failed');
    expect(outcome()).toHaveTextContent('WhyDownload failed');
    expect(outcome()).toHaveTextContent('What to doCheck that the dock can reach the file URL');
    expect(document.body).not.toHaveTextContent(/Success\b/);
  });

  it('says a refusal with its code and next step', () => {
    const k = kit();
    k.started(dockAndDrone('b1', 'DOCK-A', 'DRONE-A'));
    k.reply('DOCK-A', 'tid-b1', 'b1', 312027);
    renderDetail('b1', { tasks: k.store });
    expect(outcome()).toHaveTextContent('Refused by the dock');
    expect(outcome()).toHaveTextContent('312027: There is no aircraft in the dock');
    expect(outcome()).toHaveTextContent('Put the aircraft in the dock, then retry.');
  });

  it('shows no failure for an upgrade that is going well', () => {
    const k = kit();
    k.started(dockAndDrone('b1', 'DOCK-A', 'DRONE-A'));
    k.reply('DOCK-A', 'tid-b1', 'b1', 0);
    k.progress('DOCK-A', { bid: 'b1', status: 'in_progress', subStatus: 'UPGRADING', step: 'upgrade_firmware', percent: 30 });
    renderDetail('b1', { tasks: k.store });
    expect(outcome()).toHaveTextContent('Accepted by the dock; then In Progress: Upgrading');
    expect(within(outcome()).queryByText('Why')).toBeNull();
    expect(within(outcome()).queryByRole('button')).toBeNull();
  });
});

describe('task page: Retry', () => {
  async function failedCampaignTask(): Promise<{ world: World; id: string; bid: string }> {
    const world = createWorld();
    w = world;
    const id = world.campaigns.getState().campaignStarted(makePlan(1), world.clock.now);
    await world.settle();
    world.reject(gatewaySn(1), 312015);
    await world.settle();
    const bid = world.campaigns.getState().campaigns[0]!.gateways[0]!.attempts[0]!.bid;
    return { world, id, bid };
  }

  it('retries the gateway through its campaign, as the campaign page does', async () => {
    const { world, id, bid } = await failedCampaignTask();
    renderDetail(bid, { tasks: world.tasks, campaigns: world.campaigns });
    await userEvent.setup().click(screen.getByRole('button', { name: `Retry the upgrade of ${gatewaySn(1)}` }));
    const gateway = world.campaigns.getState().campaigns.find((c) => c.id === id)!.gateways[0]!;
    expect(gateway.retryRequested || gateway.attempts.length === 2).toBe(true);
  });

  it('is disabled with the reason in a read-only console', async () => {
    const { world, bid } = await failedCampaignTask();
    renderDetail(bid, { tasks: world.tasks, campaigns: world.campaigns }, true);
    expect(screen.getByRole('button', { name: `Retry the upgrade of ${gatewaySn(1)}` })).toBeDisabled();
    expect(outcome()).toHaveTextContent('This console is read-only: it cannot retry.');
  });

  it('points to the newest attempt from an older one', async () => {
    const { world, id, bid } = await failedCampaignTask();
    world.campaigns.getState().gatewayRetried(id, gatewaySn(1), world.clock.now);
    await world.settle();
    renderDetail(bid, { tasks: world.tasks, campaigns: world.campaigns });
    expect(screen.getByRole('link', { name: 'Open the newest attempt' })).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: /Retry/ })).toBeNull();
  });
});
