import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { createMemoryRouter, RouterProvider } from 'react-router';
import { afterEach, describe, expect, it } from 'vitest';
import CampaignScreen from '../campaigns/campaign-screen';
import { renderWithStores } from '../campaigns/campaign-stores-test-kit';
import { createWorld, gatewaySn, makePlan, type World } from '../campaigns/campaign-test-kit';
import MonitorScreen from './monitor-screen';

let w: World;
afterEach(() => w.stop());

function renderAt(entry: string) {
  const router = createMemoryRouter(
    [
      { path: '/monitor', element: <MonitorScreen /> },
      { path: '/campaigns/:id', element: <CampaignScreen /> },
      { path: '/tasks/:bid', element: <p>task page</p> },
    ],
    { initialEntries: [entry] },
  );
  return renderWithStores(<RouterProvider router={router} />, { campaigns: w.campaigns, tasks: w.tasks });
}

/** label → value of a summary group's tiles. */
function tilesOf(name: string): Record<string, string> {
  const group = screen.getByRole('group', { name });
  return Object.fromEntries(
    within(group)
      .getAllByRole('term')
      .map((dt) => [dt.textContent, dt.nextElementSibling?.textContent ?? '']),
  );
}

const FIGURES = ['Gateways', 'Succeeded', 'Failed', 'Active', 'Not sent yet', 'Skipped', 'Overall'];
const pick = (tiles: Record<string, string>) => Object.fromEntries(FIGURES.filter((k) => k in tiles).map((k) => [k, tiles[k]]));

/** 6 gateways, 2 at a time: 1 succeeded, 2 rejected, 3 failed, 4 at 60% (20% of its second step), 5 just sent, 6 not sent yet. */
async function mixedCampaign(): Promise<string> {
  // The screens read the wall clock: the world's clock starts there, so nothing looks overdue.
  w = createWorld({ clock: { now: Date.now() } });
  const id = w.campaigns.getState().campaignStarted(makePlan(6, { maxParallel: 2 }), w.clock.now);
  await w.settle();
  w.report(gatewaySn(1), 'ok');
  w.reject(gatewaySn(2), 312015);
  await w.settle();
  w.report(gatewaySn(3), 'failed', 30);
  w.report(gatewaySn(4), 'in_progress', 20);
  await w.settle();
  return id;
}

describe('Monitor and campaign page for the same campaign', () => {
  it('show the same figures', async () => {
    const id = await mixedCampaign();
    const page = renderAt(`/campaigns/${id}`);
    const onPage = pick(tilesOf('Campaign summary'));
    const pageBar = screen.getByRole('progressbar', { name: 'Campaign progress' }).getAttribute('aria-valuenow');
    page.unmount();

    renderAt(`/monitor?campaign=${id}`);
    const onMonitor = pick(tilesOf('Upgrade summary'));
    expect(onMonitor).toEqual(onPage);
    expect(onPage).toEqual({ Gateways: '6', Succeeded: '1', Failed: '2', Active: '2', 'Not sent yet': '1', Overall: '27%' });
    // The bar above the table agrees too.
    const entry = within(screen.getByRole('region', { name: 'Campaigns on the Monitor' })).getByRole('group', { name: /^Campaign / });
    expect(within(entry).getByRole('progressbar', { name: /^Campaign progress / })).toHaveAttribute('aria-valuenow', pageBar);
    expect(entry).toHaveTextContent('27% · Succeeded 1 · Failed 2 · Active 2 · Not sent yet 1');
  });

  it('lists the gateway not sent yet as a row with what it will get, and filters on it', async () => {
    const id = await mixedCampaign();
    renderAt(`/monitor?campaign=${id}`);
    const row = screen.getAllByRole('listitem').find((li) => li.textContent?.includes(gatewaySn(6)));
    expect(row).toBeDefined();
    expect(row).toHaveTextContent('Not sent yet');
    expect(row).toHaveTextContent('10.0.0 → 10.1.0');
    expect(within(row!).queryByRole('progressbar')).not.toBeInTheDocument();
    expect(screen.getByRole('status', { name: 'Devices shown' })).toHaveTextContent('6 devices match');

    await userEvent.selectOptions(screen.getByRole('combobox', { name: 'State' }), 'not-sent');
    expect(screen.getByRole('status', { name: 'Devices shown' })).toHaveTextContent('1 device match');
    expect(tilesOf('Upgrade summary')).toMatchObject({ Gateways: '1', 'Not sent yet': '1', Overall: '0%' });
  });
});
