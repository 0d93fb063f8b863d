import { act, screen } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { createConnectionStore } from '../broker/connection-store';
import { renderWithStores } from '../campaigns/campaign-stores-test-kit';
import { createWorld, gatewaySn, makePlan, type World } from '../campaigns/campaign-test-kit';
import KioskScreen from './kiosk-screen';

let w: World;
afterEach(() => w.stop());

describe('kiosk campaign progress line', () => {
  it('shows the campaign’s progress line only when the board is filtered to one campaign, and follows it', async () => {
    w = createWorld();
    const id = w.campaigns.getState().campaignStarted(makePlan(2), w.clock.now);
    await w.settle();
    const connection = createConnectionStore();
    const { unmount } = renderWithStores(
      <KioskScreen search="?kiosk" connection={connection} gridShape={{ columns: 2, rows: 2, pageSize: 4 }} />,
      {
        campaigns: w.campaigns,
        tasks: w.tasks,
      },
    );
    expect(screen.queryByRole('figure', { name: /Progress over time/ })).not.toBeInTheDocument();
    unmount();

    renderWithStores(
      <KioskScreen search={`?kiosk&campaign=${id}`} connection={connection} gridShape={{ columns: 2, rows: 2, pageSize: 4 }} />,
      {
        campaigns: w.campaigns,
        tasks: w.tasks,
      },
    );
    const line = screen.getByRole('figure', { name: /Progress over time/ });
    expect(line).toHaveTextContent('Now: 0 succeeded, 0 failed, 2 active, of 2 gateways.');
    await act(async () => {
      w.accept(gatewaySn(1));
      w.report(gatewaySn(1), 'ok');
      await w.settle();
    });
    expect(line).toHaveTextContent('Now: 1 succeeded, 0 failed, 1 active, of 2 gateways.');
  });
});
