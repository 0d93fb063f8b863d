import { act, render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { createDiagnosticsStore } from '../broker/diagnostics-store';
import { buildOtaProgress, encodeMessage } from '../protocol/builders';
import { decode } from '../protocol/decode';
import { eventsTopic, stateTopic } from '../protocol/topics';
import DiagnosticsScreen from './diagnostics-screen';

const progress = () => decode(eventsTopic('DOCK-1'), encodeMessage(buildOtaProgress({ bid: 'b-1', status: 'in_progress', percent: 5 })));

function cell(table: HTMLElement, rowName: string): string {
  const row = within(table).getByRole('row', { name: new RegExp(`^${rowName}\\b(?!_)`) });
  return within(row).getAllByRole('cell').at(-1)?.textContent ?? '';
}

describe('DiagnosticsScreen', () => {
  it('counts per kind, totals invalid messages and lists them newest first with topic, reason and size', () => {
    const store = createDiagnosticsStore();
    const t0 = new Date(2026, 0, 2, 10, 20, 30, 400).getTime();
    store.getState().batchObserved([progress(), decode(eventsTopic('DOCK-1'), '{not json'), progress()], t0);
    store.getState().batchObserved([decode(stateTopic('DRONE-9'), '[1,2]')], t0 + 1000);
    render(<DiagnosticsScreen store={store} />);

    const totals = screen.getByRole('group', { name: 'Message totals' });
    expect(within(totals).getByText('Messages received').nextElementSibling).toHaveTextContent('4');
    expect(within(totals).getByText('Invalid').nextElementSibling).toHaveTextContent('2');

    const kinds = screen.getByRole('table', { name: 'Messages by kind' });
    expect(cell(kinds, 'Upgrade progress')).toBe('2');
    expect(cell(kinds, 'Invalid')).toBe('2');
    expect(cell(kinds, 'All messages')).toBe('4');

    const log = screen.getByRole('table', { name: 'Last invalid messages' });
    const rows = within(log).getAllByRole('row').slice(1);
    expect(rows).toHaveLength(2);
    expect(rows[0]).toHaveTextContent('thing/product/DRONE-9/state');
    expect(rows[0]).toHaveTextContent('10:20:31.400');
    expect(rows[0]).toHaveTextContent('5 B');
    expect(rows[1]).toHaveTextContent('thing/product/DOCK-1/events');
    expect(rows[1]).toHaveTextContent(/json/i);
  });

  it('shows messages per second per topic family', () => {
    const store = createDiagnosticsStore();
    const t0 = 1_700_000_000_000;
    store.getState().batchObserved([progress(), progress(), progress(), progress()], t0);
    store.getState().batchObserved([decode(stateTopic('DRONE-9'), '{"data":{}}')], t0 + 1000);
    render(<DiagnosticsScreen store={store} />);
    const rates = screen.getByRole('table', { name: /Messages per second/ });
    // 4 events over the 2 seconds observed so far.
    expect(cell(rates, 'events')).toBe('2.0');
    expect(cell(rates, 'state')).toBe('0.5');
    expect(cell(rates, 'osd')).toBe('0');
  });

  it('Reset clears counts and the invalid list', async () => {
    const store = createDiagnosticsStore();
    store.getState().batchObserved([decode(eventsTopic('DOCK-1'), 'garbage')], Date.now());
    render(<DiagnosticsScreen store={store} />);
    expect(screen.getByRole('table', { name: 'Last invalid messages' })).toBeInTheDocument();
    await userEvent.click(screen.getByRole('button', { name: 'Reset' }));
    expect(screen.getByText('No invalid messages.')).toBeInTheDocument();
    expect(within(screen.getByRole('group', { name: 'Message totals' })).getByText('Invalid').nextElementSibling).toHaveTextContent('0');
  });

  it('updates when a new batch arrives while open', () => {
    const store = createDiagnosticsStore();
    render(<DiagnosticsScreen store={store} />);
    act(() => store.getState().batchObserved([decode(eventsTopic('DOCK-2'), '{}')], Date.now()));
    expect(
      within(screen.getByRole('table', { name: 'Last invalid messages' })).getByText('thing/product/DOCK-2/events'),
    ).toBeInTheDocument();
  });
});
