import { act, screen, waitFor, within } from '@testing-library/react';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { useNow } from '../ui/clock';
import { useTaskTable, useTaskTimings } from '../tasks/tasks-hooks';
import { CampaignCharts } from './campaign-charts';
import { useCampaign } from './campaign-hooks';
import { renderWithStores } from './campaign-stores-test-kit';
import { createWorld, gatewaySn, makePlan, type World } from './campaign-test-kit';

const MINUTE = 60_000;
let w: World;
afterEach(() => w.stop());
beforeAll(async () => {
  // The chart modules load on first use; loaded once here, React.lazy resolves at once.
  await Promise.all([import('../ui/charts/bar-chart.tsx'), import('../ui/charts/time-series-chart.tsx')]);
});

/** What the campaign page does: the charts from the live stores. */
function Charts({ id }: { id: string }) {
  const campaign = useCampaign(id);
  const table = useTaskTable();
  const timings = useTaskTimings();
  const now = useNow();
  return campaign === undefined ? null : <CampaignCharts campaign={campaign} table={table} now={now} timings={timings} />;
}

describe('CampaignCharts', () => {
  it('draws progress over time and the durations from live data, and follows upgrades as they finish', async () => {
    w = createWorld();
    const id = w.campaigns.getState().campaignStarted(makePlan(3), w.clock.now);
    await w.settle();
    const { container } = renderWithStores(<Charts id={id} />, { campaigns: w.campaigns, tasks: w.tasks });
    const progress = screen.getByRole('figure', { name: 'Progress over time' });
    expect(progress).toHaveTextContent('Now: 0 succeeded, 0 failed, 3 active, of 3 gateways.');
    const durations = screen.getByRole('figure', { name: 'How long the successful upgrades took' });
    expect(durations).toHaveTextContent('No upgrade of this campaign has succeeded yet.');

    await act(async () => {
      for (let i = 1; i <= 3; i++) w.accept(gatewaySn(i));
      await w.advance(4 * MINUTE);
      w.report(gatewaySn(1), 'ok');
      await w.advance(2 * MINUTE);
      w.report(gatewaySn(2), 'ok');
      w.report(gatewaySn(3), 'failed');
      await w.settle();
    });
    expect(progress).toHaveTextContent('Now: 2 succeeded, 1 failed, 0 active, of 3 gateways.');
    expect(durations).toHaveTextContent(/2 upgrades succeeded: median/);
    const lines = await waitFor(
      () => {
        const found = container.querySelectorAll('[data-chart="lines"] path');
        expect(found).toHaveLength(3);
        return found;
      },
      { timeout: 10_000 },
    );
    expect(lines[0]?.closest('svg')).toHaveAttribute('aria-hidden', 'true');
    await waitFor(() => expect(container.querySelectorAll('[data-chart="bars"] [data-bar]').length).toBeGreaterThan(0), {
      timeout: 10_000,
    });
    // The text alternatives: the progress table ends with the counts now, the duration table adds up.
    const table = within(progress).getByRole('table', { hidden: true });
    const last = within(table).getAllByRole('row', { hidden: true }).at(-1);
    expect(last).toHaveTextContent(/2\s*1\s*0$/);
    const bins = within(within(durations).getByRole('table', { hidden: true })).getAllByRole('cell', { hidden: true });
    expect(bins.reduce((sum, cell) => sum + Number(cell.textContent), 0)).toBe(2);
  });
});
