import { render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { createMemoryRouter, RouterProvider } from 'react-router';
import { afterEach, describe, expect, it } from 'vitest';
import CampaignScreen from './campaign-screen';
import { createWorld, gatewaySn, makePlan, type World } from './campaign/campaign-test-world';

let w: World;
afterEach(() => w.stop());

function renderAt(path: string, readOnly = false) {
  const element = <CampaignScreen campaigns={w.campaigns} tasks={w.tasks} readOnly={readOnly} />;
  const router = createMemoryRouter(
    [
      { path: '/campaigns', element },
      { path: '/campaigns/:id', element },
    ],
    { initialEntries: [path] },
  );
  return render(<RouterProvider router={router} />);
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
    const first = within(table).getByRole('rowheader', { name: gatewaySn(1) }).closest('tr');
    expect(first).toHaveTextContent('Rejected');
    expect(first).toHaveTextContent('312015: The dock is busy');
    expect(within(table).getByRole('rowheader', { name: gatewaySn(3) }).closest('tr')).toHaveTextContent('Not sent yet');
    expect(screen.getByRole('group', { name: 'Campaign summary' })).toHaveTextContent('25%');

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

  it('offers no controls in a read-only session', async () => {
    const id = await pausedCampaign();
    renderAt(`/campaigns/${id}`, true);
    expect(screen.queryByRole('button', { name: 'Resume' })).not.toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Export CSV' })).toBeInTheDocument();
  });

  it('lists campaigns with a link to each', async () => {
    const id = await pausedCampaign();
    renderAt('/campaigns');
    expect(screen.getByRole('link', { name: /10\.1\.0 on 4 gateways/ })).toHaveAttribute('href', `/campaigns/${id}`);
    expect(screen.getByRole('list', { name: 'Campaigns' })).toHaveTextContent('Paused');
  });
});
